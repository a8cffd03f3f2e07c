import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import type { OcrEngineChoice } from '../src/formats/ocr/ocr-options.js';
import { trainedDataFile } from '../src/formats/ocr/trained-data.js';
import { grayFromChannels } from '../src/formats/ocr/gray-image.js';
import { grayLevelled, skewOf } from '../src/formats/ocr/page-skew.js';
import { burstFiles } from '../scripts/load/burst-files.js';
import type { BurstFile } from '../scripts/load/pipeline-run.js';
import { CACHE, ROOT } from './bench-corpus.js';

/** One way of reading the scan: its median time over the runs and its highest peak RSS. */
export interface ScanReading {
  label: string;
  /** The engine as the record names it (ours), or the program's version (the CLI). */
  engine: string | null;
  ms: number | null;
  peakRssMb: number | null;
  /** Words the CLI wrote for the pages (null for ours): a reader that skips text is faster for it. */
  words?: number | null;
}

/** A two-page 300 dpi scan read into a record, beside the `tesseract` CLI on the same page images. */
export interface ScanFigure {
  pages: number;
  runs: number;
  /** Ours with REPORTFLOW_OCR_ENGINE=auto (the program when installed), then with tesseract.js. */
  ours: ScanReading[];
  /**
   * The CLI as installed (its own trained data), given our trained data, and given our data
   * and the pages levelled first (turned by their measured skew, as ours reads them: on the
   * askew pages the CLI leaves whole blocks of text unread); empty without the program.
   */
  cli: ScanReading[];
}

const OURS: Array<[string, OcrEngineChoice]> = [
  ['ours, REPORTFLOW_OCR_ENGINE=auto', 'auto'],
  ['ours, REPORTFLOW_OCR_ENGINE=tesseract.js', 'tesseract.js'],
];

/**
 * The scan is made from the Kazakhstan fixture by the project's scan maker (300 dpi,
 * 1–2° skew, dust) as a two-page TIFF; its frames are also written as PNG files for
 * the CLI. Ours runs in a fresh process per run (engine start included, Node's own start
 * and module loading not: a parse thread lives on); the CLI is spawned once per page,
 * process start included, with the `--psm 3` ours uses. Both on one core: OMP_THREAD_LIMIT=1
 * for every tesseract, libvips at one thread, and pages read one after the other.
 * The readers take turns within each run, so a busy spell of the machine falls on all of them.
 */
export async function scanFigure(runs = 3): Promise<ScanFigure> {
  const dir = join(CACHE, 'scan');
  mkdirSync(dir, { recursive: true });
  const tiff = join(dir, 'report.tiff');
  if (!existsSync(tiff)) makeScans(join(ROOT, 'fixtures/kazakhstan-2023/report.pdf'), dir, 'skew-tiff');
  const pages = (await sharp(tiff).metadata()).pages ?? 1;
  const images: string[] = [];
  for (let page = 0; page < pages; page++) {
    const png = join(dir, `page-${page + 1}.png`);
    if (!existsSync(png)) writeFileSync(png, await sharp(tiff, { page }).png().toBuffer());
    images.push(png);
  }
  const levelled: string[] = [];
  for (let page = 0; page < pages; page++) {
    const png = join(dir, `page-${page + 1}-levelled.png`);
    if (!existsSync(png)) writeFileSync(png, await levelledPng(tiff, page));
    levelled.push(png);
  }
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  const cliVersion = !version.error && version.status === 0 ? (version.stdout || version.stderr).split('\n')[0]! : null;
  const ourData = ourTrainedDataFolder(dir);
  const cli: Array<[string, string[], string[]]> = cliVersion
    ? [
        ['tesseract CLI, its installed trained data', [], images],
        ['tesseract CLI, given our trained data', ['--tessdata-dir', ourData, '--oem', '1'], images],
        [
          'tesseract CLI, given our trained data and the pages levelled',
          ['--tessdata-dir', ourData, '--oem', '1'],
          levelled,
        ],
      ]
    : [];
  const oursRuns = OURS.map(() => [] as Array<{ ms: number; engine: string | null; peakRssMb: number | null }>);
  const cliRuns = cli.map(() => [] as Array<{ ms: number; peakRssMb: number; words: number }>);
  for (let run = 0; run < runs; run++) {
    OURS.forEach(([, engine], i) => {
      const reading = oursOnce(tiff, engine);
      if (reading) oursRuns[i]!.push(reading);
    });
    cli.forEach(([, args, pictures], i) => {
      const reading = cliOnce(pictures, args);
      if (reading) cliRuns[i]!.push(reading);
    });
  }
  return {
    pages,
    runs,
    ours: OURS.map(([label], i) => ({
      label,
      engine: oursRuns[i]![0]?.engine ?? null,
      ms: median(oursRuns[i]!.map((r) => r.ms)),
      peakRssMb: maxOf(oursRuns[i]!.map((r) => r.peakRssMb)),
    })),
    cli: cli.map(([label], i) => ({
      label,
      engine: cliVersion,
      ms: median(cliRuns[i]!.map((r) => r.ms)),
      peakRssMb: maxOf(cliRuns[i]!.map((r) => r.peakRssMb)),
      words: cliRuns[i]![0]?.words ?? null,
    })),
  };
}

/** A frame of the scan turned level by the skew ours measures on it, as a PNG for the CLI. */
async function levelledPng(tiff: string, page: number): Promise<Buffer> {
  const { data, info } = await sharp(tiff, { page }).raw().toBuffer({ resolveWithObject: true });
  const gray = { width: info.width, height: info.height, pixels: grayFromChannels(data, info.channels), dpi: 300 };
  const skew = skewOf(gray);
  const level = skew === 0 ? gray : grayLevelled(gray, skew);
  return sharp(Buffer.from(level.pixels), { raw: { width: level.width, height: level.height, channels: 1 } })
    .png()
    .toBuffer();
}

function oursOnce(
  tiff: string,
  engine: OcrEngineChoice,
): { ms: number; engine: string | null; peakRssMb: number | null } | null {
  const child = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, join(ROOT, 'dist/bench/parse-file.js'), tiff, '--ocr-engine', engine],
    { encoding: 'utf8', timeout: 300_000 },
  );
  const line = child.stdout?.trim().split('\n').pop();
  if (child.status !== 0 || !line) return null;
  const report = JSON.parse(line) as { ms: number; engine: string | null; errors: string[] };
  if (report.errors.length) return null;
  return { ms: report.ms, engine: report.engine, peakRssMb: peakRssMbOf(child.stderr) };
}

function cliOnce(images: string[], extraArgs: string[]): { ms: number; peakRssMb: number; words: number } | null {
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  let peakRssMb = 0;
  let words = 0;
  const started = performance.now();
  for (const image of images) {
    const run = spawnSync('/usr/bin/time', ['-v', 'tesseract', image, '-', '--psm', '3', ...extraArgs], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    if (run.status !== 0) return null;
    peakRssMb = Math.max(peakRssMb, peakRssMbOf(run.stderr) ?? 0);
    words += run.stdout.split(/\s+/u).filter((word) => word !== '').length;
  }
  return { ms: performance.now() - started, peakRssMb, words };
}

/** The trained data ours reads (the npm package's, gzipped), unpacked for the CLI. */
function ourTrainedDataFolder(dir: string): string {
  const folder = join(dir, 'tessdata');
  const file = join(folder, 'eng.traineddata');
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, gunzipSync(readFileSync(trainedDataFile('eng'))));
  }
  return folder;
}

/**
 * Scans for the queue: each of `count / 2` generated two-page reports (the born-digital
 * queue burst's PDFs, numbered apart from them) scanned twice, as a two-page 300 dpi TIFF
 * and as a one-page PNG of its first page, both 1–2° askew. Every file has its own bytes,
 * so each is its own job. Made once into bench/.cache/scan-queue/.
 */
export function scanQueueFiles(count: number, firstIndex = 30_000_000): BurstFile[] {
  const dir = join(CACHE, 'scan-queue');
  const files: BurstFile[] = [];
  const reports = burstFiles(Math.ceil(count / 2), ['pdf'], firstIndex);
  for (const [i, report] of reports.entries()) {
    const folder = join(dir, String(firstIndex + i));
    const made = { tiff: join(folder, 'skew-tiff/report.tiff'), png: join(folder, 'skew-png/report.png') };
    if (!existsSync(made.tiff) || !existsSync(made.png)) {
      mkdirSync(folder, { recursive: true });
      const pdf = join(folder, 'report.pdf');
      writeFileSync(pdf, report.bytes);
      makeScans(pdf, folder, 'skew-tiff,skew-png');
    }
    files.push({ name: `scan-${firstIndex + i}.tiff`, bytes: readFileSync(made.tiff) });
    files.push({ name: `scan-${firstIndex + i}.png`, bytes: readFileSync(made.png) });
  }
  return files.slice(0, count);
}

function makeScans(pdf: string, outDir: string, kinds: string): void {
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts/scans/make-scans.mjs'), pdf, outDir, kinds], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (made.status !== 0) throw new Error(`make-scans failed on ${pdf}: ${made.stderr}`);
}

function peakRssMbOf(timeOutput: string | null): number | null {
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput ?? '')?.[1];
  return kb ? Number(kb) / 1024 : null;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function maxOf(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
}
