import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../src/record/record-id.js';
import { DEFAULT_PAGE_IMAGES, PageImages } from '../src/service/review/page-images.js';
import { ROOT } from './bench-corpus.js';

export interface PageImageFigures {
  /** First page: thread start, pdf.js load and the drawing. */
  firstMs: number;
  /** Further pages of a 99-page PDF, each not drawn before (mean). */
  drawMs: number;
  /** A page already drawn, served from the disk cache (mean). */
  cachedMs: number;
  kbPerPage: number;
  /** Longest stall of this (the HTTP) event loop while further pages were drawn and served. */
  maxLoopDelayMs: number;
  /** The same loop's longest stall over as long a time with nothing to do: what the machine's load alone costs. */
  idleLoopDelayMs: number;
  rssGrowthMb: number;
}

/** The review desk's page pictures: drawn in the pool's thread, then from the cache; the event loop meanwhile. */
export async function pageImageFigures(log: (line?: string) => void): Promise<PageImageFigures> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-bench-pages-'));
  const pdf = join(root, 'long-report.pdf');
  await copyFile(join(ROOT, 'tests', 'data', 'pdf', 'long-report.pdf'), pdf);
  const id = sha256Hex(await readFile(pdf));
  await mkdir(join(root, 'cache'));
  const images = new PageImages({ ...DEFAULT_PAGE_IMAGES, cacheDir: join(root, 'cache') });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const rssBefore = process.memoryUsage().rss;
  try {
    const timed = async (page: number) => {
      const started = performance.now();
      const path = await images.pagePath({ id, source: pdf, kind: 'pdf', page });
      return { ms: performance.now() - started, path };
    };
    const first = await timed(1);
    // Watched from here: starting a thread costs the loop once, drawing must not.
    loop.enable();
    const watchedFrom = performance.now();
    const pages = [10, 20, 30, 40, 50, 60, 70, 80, 90, 99];
    const drawn = [];
    for (const page of pages) drawn.push(await timed(page));
    const cached = [];
    for (const page of pages) cached.push(await timed(page));
    loop.disable();
    const busyMs = performance.now() - watchedFrom;
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, busyMs));
    idle.disable();
    const sizes = await Promise.all(drawn.map(async (d) => (await readFile(d.path)).byteLength));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const figures: PageImageFigures = {
      firstMs: first.ms,
      drawMs: mean(drawn.map((d) => d.ms)),
      cachedMs: mean(cached.map((d) => d.ms)),
      kbPerPage: mean(sizes) / 1024,
      maxLoopDelayMs: loop.max / 1e6,
      idleLoopDelayMs: idle.max / 1e6,
      rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 1024 / 1024,
    };
    log('## Review desk page pictures (PDF 99 pages, longer side 1600 px, WebP, one drawing thread)');
    log();
    log(
      '| first page (thread start + draw) ms | further page ms | cached page ms | KB/page | longest event-loop stall ms (idle baseline) | RSS growth MB |',
    );
    log('|---:|---:|---:|---:|---:|---:|');
    const f = (n: number, d = 1) => n.toFixed(d);
    log(
      `| ${f(figures.firstMs, 0)} | ${f(figures.drawMs, 0)} | ${f(figures.cachedMs, 2)} | ${f(figures.kbPerPage, 0)} | ${f(figures.maxLoopDelayMs)} (${f(figures.idleLoopDelayMs)}) | ${f(figures.rssGrowthMb, 0)} |`,
    );
    log();
    return figures;
  } finally {
    await images.close();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await pageImageFigures((line = '') => console.log(line));
