import { mkdtemp, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GrayImage } from './gray-image.js';
import { pgmFromGray } from './gray-image.js';
import { grayAsInk } from './paper-and-ink.js';
import { grayWithoutRules } from './ruling-lines.js';

/** One recognised word; boxes in pixels of the picture, origin top left. */
export interface OcrWord {
  text: string;
  /** 0–1. */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words the engine found on one baseline, left to right. */
export interface OcrLine {
  words: OcrWord[];
  /** The baseline from its left end to its right end (pixels; it slopes on a skewed page). */
  baseline: { x0: number; y0: number; x1: number; y1: number };
  /** Height of the lower-case letters in pixels: the steadiest measure of the type size. */
  xHeight: number;
}

export interface OcrPage {
  lines: OcrLine[];
}

export interface OcrEngine {
  /** Name and version as `source.ocr.engine` reports it. */
  name: string;
  recognize(image: GrayImage): Promise<OcrPage>;
}

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

const require = createRequire(import.meta.url);

// Tesseract's automatic page segmentation (PSM 3): it finds text columns and blocks
// itself; measured against PSM 4/6/11 on the project's own pages it read the most
// words correctly once ruling lines are removed.

let engine: { key: string; worker: Promise<TesseractWorker> } | null = null;

/**
 * The recognition engine: tesseract.js (Tesseract compiled to WebAssembly) with the
 * trained data shipped in `@tesseract.js-data/<language>` packages, so it works right
 * after `npm ci` without any network. One engine per thread, started on first use and
 * kept for the next page, since loading the trained data costs about half a second.
 */
export async function ocrEngine(languages: readonly string[]): Promise<OcrEngine> {
  const key = languages.join('+');
  if (engine?.key !== key) {
    const previous = engine;
    engine = { key, worker: startWorker(languages) };
    if (previous) void previous.worker.then((w) => w.terminate()).catch(() => undefined);
  }
  const current = engine;
  let worker: TesseractWorker;
  try {
    worker = await current.worker;
  } catch (error) {
    if (engine === current) engine = null;
    throw error;
  }
  return { name: engineName(languages), recognize: (image) => pageFromWorker(worker, image) };
}

function engineName(languages: readonly string[]): string {
  const manifest: unknown = require('tesseract.js/package.json');
  const version =
    manifest !== null && typeof manifest === 'object' && 'version' in manifest ? String(manifest.version) : '';
  return `tesseract.js ${version} (${languages.join('+')})`;
}

async function startWorker(languages: readonly string[]): Promise<TesseractWorker> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
    langPath: await trainedDataFolder(languages),
    gzip: true,
    cacheMethod: 'none',
    // Without a handler tesseract.js throws a failed job's error on its message port, out of reach of any await.
    errorHandler: () => undefined,
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  engineThread(worker)?.unref();
  return worker;
}

/**
 * The folder the engine loads `<code>.traineddata.gz` from: the LSTM-only data of the
 * language's npm package. tesseract.js takes one folder for all languages, so several
 * languages get a private folder of links to their packages' files.
 */
async function trainedDataFolder(languages: readonly string[]): Promise<string> {
  const folders = languages.map((code) => {
    if (!/^[a-z_]{3,12}$/.test(code)) throw new Error(`"${code}" is not a trained-data language code`);
    try {
      return join(dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), '4.0.0_best_int');
    } catch {
      throw new Error(`no OCR data for language "${code}": install the npm package @tesseract.js-data/${code}`);
    }
  });
  if (folders.length === 1) return folders[0]!;
  const shared = await mkdtemp(join(tmpdir(), 'reportflow-ocr-'));
  await Promise.all(
    languages.map((code, i) =>
      symlink(join(folders[i]!, `${code}.traineddata.gz`), join(shared, `${code}.traineddata.gz`)),
    ),
  );
  return shared;
}

/**
 * The engine's own thread, held only while it reads a page: an idle engine kept for the
 * next page must not keep a command or a child process from exiting once its work is done.
 */
function engineThread(worker: TesseractWorker): { ref(): void; unref(): void } | null {
  const thread: unknown = Reflect.get(worker, 'worker');
  if (thread === null || typeof thread !== 'object') return null;
  const ref: unknown = Reflect.get(thread, 'ref');
  const unref: unknown = Reflect.get(thread, 'unref');
  if (typeof ref !== 'function' || typeof unref !== 'function') return null;
  return { ref: () => ref.call(thread), unref: () => unref.call(thread) };
}

async function pageFromWorker(worker: TesseractWorker, image: GrayImage): Promise<OcrPage> {
  const thread = engineThread(worker);
  thread?.ref();
  try {
    return await pageRead(worker, image);
  } finally {
    thread?.unref();
  }
}

async function pageRead(worker: TesseractWorker, image: GrayImage): Promise<OcrPage> {
  await worker.setParameters({ user_defined_dpi: String(Math.round(image.dpi)) });
  const picture = Buffer.from(pgmFromGray(grayAsInk(grayWithoutRules(image))));
  const { data } = await worker.recognize(picture, { rotateAuto: true }, { blocks: true, text: false });
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const { rowHeight, ascenders, descenders } = line.rowAttributes;
        const xHeight = Math.max(1, rowHeight - ascenders - descenders);
        const words = line.words
          .filter((word) => word.text.trim() !== '')
          .flatMap((word) => wordsSplitAtGaps(word, xHeight));
        if (words.length === 0) continue;
        lines.push({ words, baseline: { ...line.baseline }, xHeight });
      }
    }
  }
  return { lines };
}

// Letters of one word stand closer than this many x-heights; a wider gap inside a
// "word" is two table cells the engine joined ("N    Y" read as "NY").
const CELL_GAP = 1.2;

type EngineWord = TesseractWorker extends {
  recognize(...args: never[]): Promise<{ data: { blocks: (infer B)[] | null } }>;
}
  ? B extends { paragraphs: { lines: { words: (infer W)[] }[] }[] }
    ? W
    : never
  : never;

function wordsSplitAtGaps(word: EngineWord, xHeight: number): OcrWord[] {
  const confidence = word.confidence / 100;
  const symbols = word.symbols.filter((symbol) => symbol.text.trim() !== '');
  const pieces: OcrWord[] = [];
  let current: OcrWord | null = null;
  for (const symbol of symbols) {
    if (current && symbol.bbox.x0 - current.x1 <= CELL_GAP * xHeight) {
      current.text += symbol.text;
      current.x1 = Math.max(current.x1, symbol.bbox.x1);
      current.y0 = Math.min(current.y0, symbol.bbox.y0);
      current.y1 = Math.max(current.y1, symbol.bbox.y1);
      continue;
    }
    current = { text: symbol.text, confidence, ...symbol.bbox };
    pieces.push(current);
  }
  return pieces.length > 1 ? pieces : [{ text: word.text.trim(), confidence, ...word.bbox }];
}

/** Stops this thread's engine (a command that parsed its files and wants to exit). */
export async function ocrEngineStopped(): Promise<void> {
  const current = engine;
  engine = null;
  await current?.worker.then((worker) => worker.terminate()).catch(() => undefined);
}
