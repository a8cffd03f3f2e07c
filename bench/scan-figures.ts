import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CACHE, ROOT } from './bench-corpus.js';

/** A two-page 300 dpi scan read into a record, beside the `tesseract` CLI on the same page images. */
export interface ScanFigure {
  pages: number;
  oursMs: number | null;
  oursPeakRssMb: number | null;
  peerMs: number | null;
  peerPeakRssMb: number | null;
  peerVersion: string | null;
}

/**
 * The scan is made from the Kazakhstan fixture by the project's scan maker (300 dpi,
 * 1–2° skew, dust) as a two-page TIFF; its frames are also written as PNG files for
 * the peer. Ours runs in a fresh process (engine start included), as does the peer,
 * one process per page, limited to one thread (OMP_THREAD_LIMIT=1).
 */
export async function scanFigure(): Promise<ScanFigure> {
  const dir = join(CACHE, 'scan');
  mkdirSync(dir, { recursive: true });
  const tiff = join(dir, 'report.tiff');
  if (!existsSync(tiff)) {
    spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/scans/make-scans.mjs'), join(ROOT, 'fixtures/kazakhstan-2023/report.pdf'), dir, 'skew-tiff'],
      { stdio: 'ignore' },
    );
  }
  const pages = (await sharp(tiff).metadata()).pages ?? 1;
  const images: string[] = [];
  for (let page = 0; page < pages; page++) {
    const png = join(dir, `page-${page + 1}.png`);
    if (!existsSync(png)) writeFileSync(png, await sharp(tiff, { page }).png().toBuffer());
    images.push(png);
  }
  const ours = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'dist/bench/parse-file.js'), tiff], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const report = ours.stdout ? (JSON.parse(ours.stdout.trim().split('\n').pop()!) as { ms: number }) : null;
  const oursRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(ours.stderr ?? '')?.[1];
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  let peerMs: number | null = null;
  let peerRss: number | null = null;
  if (!version.error && version.status === 0) {
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const started = performance.now();
    for (const image of images) {
      const run = spawnSync('/usr/bin/time', ['-v', 'tesseract', image, '-', '--psm', '3'], {
        encoding: 'utf8',
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 300_000,
      });
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '')?.[1] ?? 0);
      peerRss = Math.max(peerRss ?? 0, kb / 1024);
    }
    peerMs = performance.now() - started;
  }
  return {
    pages,
    oursMs: report?.ms ?? null,
    oursPeakRssMb: oursRss ? Number(oursRss) / 1024 : null,
    peerMs,
    peerPeakRssMb: peerRss,
    peerVersion: version.status === 0 ? (version.stdout || version.stderr).split('\n')[0]!.trim() : null,
  };
}
