import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, expect, it } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import type { ReportRecord } from '../../src/record/types.js';
import { httpFixture, type HttpFixture } from '../http/http-fixture.js';
import { slowPdf } from '../service/pipeline-fixture.js';
import { sampleRecord } from '../sinks/sink-fixtures.js';

// Opening a record on the desk once read its whole source again on the HTTP event
// loop: 171 s and 4 GB for a 20 MB Markdown file, /health stalled 31 s by a 24 MB PDF.
// Now the desk reads provenance, lines of kept text files, and draws pages in threads;
// these requests must leave the loop free and the memory where it was.

let fx: HttpFixture;
afterEach(async () => {
  await fx?.close();
});

const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';

/** A held record for `bytes`, kept in archive/ as `fileName`, its anomaly placed on `line` (or page 1). */
async function heldWithSource(bytes: Buffer, fileName: string, format: 'markdown' | 'pdf'): Promise<ReportRecord> {
  const record = sampleRecord();
  const id = sha256Hex(bytes);
  record.id = id;
  record.status = 'needs_review';
  record.source = {
    ...record.source,
    fileName,
    format,
    bytes: bytes.length,
    sha256: id,
    pages: format === 'pdf' ? 400 : null,
  };
  if (format === 'pdf')
    record.provenance = { '/scoreTables/0/rows/1/reportedTotal': { page: 1, box: [0.1, 0.1, 0.2, 0.2] } };
  await fx.store.save(record);
  await mkdir(join(fx.dirs.data, 'archive'), { recursive: true });
  await writeFile(join(fx.dirs.data, 'archive', fileName), bytes);
  return record;
}

async function worstStallMs<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    const result = await work();
    return { result, stallMs: delay.max / 1e6 };
  } finally {
    delay.disable();
  }
}

it('opens a record whose source is a 20 MB Markdown file without stalling the loop or keeping the file', async () => {
  fx = await httpFixture();
  const sample = await readFile(SAMPLE, 'utf8');
  // The sample (its flagged total on its own line), then 20 MB of report-like text.
  const filler = 'The ministry published a further note on the use of AI in public services.\n'.repeat(270_000);
  const record = await heldWithSource(Buffer.from(sample + '\n' + filler), 'huge.md', 'markdown');
  const rssBefore = process.memoryUsage().rss;
  const { result: page, stallMs } = await worstStallMs(() => fx.app.inject({ url: `/review/${record.id}` }));
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('4.33');
  expect(stallMs).toBeLessThan(1500);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  // Other requests keep answering meanwhile, and after.
  expect((await fx.app.inject({ url: '/reviews' })).statusCode).toBe(200);
}, 60_000);

it('draws a page of a long PDF source in a thread while the loop stays free', async () => {
  fx = await httpFixture();
  const dir = await mkdtemp(join(tmpdir(), 'reportflow-desk-pdf-'));
  try {
    slowPdf(join(dir, 'long.pdf'), 400);
    const record = await heldWithSource(await readFile(join(dir, 'long.pdf')), 'long.pdf', 'pdf');
    const { result, stallMs } = await worstStallMs(async () => {
      const [page, image] = await Promise.all([
        fx.app.inject({ url: `/review/${record.id}` }),
        fx.app.inject({ url: `/review/${record.id}/pages/1.webp` }),
      ]);
      return { page, image };
    });
    expect(result.page.statusCode).toBe(200);
    expect(result.image.statusCode).toBe(200);
    expect(result.image.headers['content-type']).toBe('image/webp');
    expect(stallMs).toBeLessThan(1500);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 90_000);
