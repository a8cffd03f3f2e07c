import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import {
  DEFAULT_PAGE_IMAGES,
  PageImages,
  PageImagesBusyError,
  type PageImagesOptions,
} from '../../src/service/review/page-images.js';
import { FIXTURES, SAMPLE } from './desk-fixtures.js';

const LONG_PDF = join(import.meta.dirname, '..', 'data', 'pdf', 'long-report.pdf');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function pageImages(options: Partial<PageImagesOptions> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-pages-'));
  const images = new PageImages({ ...DEFAULT_PAGE_IMAGES, maxSide: 400, ...options, cacheDir: join(root, 'cache') });
  cleanups.push(async () => {
    await images.close();
    await rm(root, { recursive: true, force: true });
  });
  const pdf = join(root, 'long-report.pdf');
  await copyFile(LONG_PDF, pdf);
  return { images, root, pdf, id: sha256Hex(await readFile(pdf)) };
}

describe('page pictures for the desk', () => {
  it('draws a page as a WebP whose longer side is the limit, and keeps it', async () => {
    const { images, pdf, id } = await pageImages();
    const path = await images.pagePath({ id, source: pdf, kind: 'pdf', page: 2 });
    const webp = await readFile(path);
    expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const picture = await loadImage(webp);
    // The long report's pages are US Letter portrait (612 × 792 pt): 400 px high, 400 × 612 / 792 ≈ 309 px wide.
    expect(picture.height).toBe(400);
    expect([309, 310]).toContain(picture.width);
    expect(await images.pagePath({ id, source: pdf, kind: 'pdf', page: 2 })).toBe(path);
  });

  it('keeps the cache under its size, the least recently shown page going first', async () => {
    const { images, root, pdf, id } = await pageImages({ maxCacheBytes: 40 * 1024 });
    const one = await images.pagePath({ id, source: pdf, kind: 'pdf', page: 1 });
    const size = (await readFile(one)).byteLength;
    expect(size).toBeLessThan(20 * 1024);
    for (const page of [2, 3, 4, 5, 6]) await images.pagePath({ id, source: pdf, kind: 'pdf', page });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const kept = await readdir(join(root, 'cache'));
    const bytes = (
      await Promise.all(kept.map(async (name) => (await readFile(join(root, 'cache', name))).byteLength))
    ).reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
    expect(kept).toContain(`${id}-6-400.webp`);
    expect(kept).not.toContain(`${id}-1-400.webp`);
  });

  it('refuses pages beyond what its queue holds instead of piling them up', async () => {
    const { images, pdf, id } = await pageImages({ threads: 1, maxQueue: 1 });
    const outcomes = await Promise.allSettled(
      [3, 4, 5, 6, 7, 8].map((page) => images.pagePath({ id, source: pdf, kind: 'pdf', page })),
    );
    expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.reason).toBeInstanceOf(PageImagesBusyError);
  });

  it('does not draw a file whose content is not the record’s, or a page it does not have', async () => {
    const { images, root, pdf, id } = await pageImages();
    await expect(images.pagePath({ id, source: pdf, kind: 'pdf', page: 100 })).rejects.toThrow(
      'page 100 is not in the file (it has 99)',
    );
    const other = join(root, 'other.pdf');
    await copyFile(join(FIXTURES, 'kazakhstan-2023', 'report.pdf'), other);
    await expect(images.pagePath({ id, source: other, kind: 'pdf', page: 1 })).rejects.toThrow(
      'the kept file is not the file the record was read from',
    );
    await expect(
      images.pagePath({ id: sha256Hex(await readFile(SAMPLE)), source: SAMPLE, kind: 'pdf', page: 1 }),
    ).rejects.toThrow();
  });
});
