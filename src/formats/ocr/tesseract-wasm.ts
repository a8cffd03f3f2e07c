import { mkdtemp, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { EngineInput, EngineRun, OcrLine, OcrPage } from './ocr-engine.js';
import { wordsSplitAtGaps } from './ocr-engine.js';
import { trainedDataFile } from './trained-data.js';
import { pgmFromGray } from './gray-image.js';

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

const require = createRequire(import.meta.url);

// Tesseract's automatic page segmentation (PSM 3): it finds text columns and blocks
// itself; measured against PSM 4/6/11 on the project's own pages it read the most
// words correctly once ruling lines are removed.

let engine: { key: string; worker: Promise<TesseractWorker> } | null = null;

/**
 * tesseract.js (Tesseract compiled to WebAssembly) with the trained data of the
 * `@tesseract.js-data/<language>` packages: works right after `npm ci` without any
 * network. One engine per thread, started on first use and kept for the next page,
 * since loading the trained data costs about half a second.
 */
export async function wasmTesseract(languages: readonly string[]): Promise<EngineRun> {
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
  return { name: engineName(languages), read: (input) => pageFromWorker(worker, input) };
}

/** Stops this thread's engine. */
export async function wasmTesseractStopped(): Promise<void> {
  const current = engine;
  engine = null;
  await current?.worker.then((worker) => worker.terminate()).catch(() => undefined);
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
 * The folder the engine loads `<code>.traineddata.gz` from. tesseract.js takes one
 * folder for all languages, so several languages get a private folder of links to
 * their packages' files.
 */
async function trainedDataFolder(languages: readonly string[]): Promise<string> {
  const files = languages.map(trainedDataFile);
  if (files.length === 1) return dirname(files[0]!);
  const shared = await mkdtemp(join(tmpdir(), 'reportflow-ocr-'));
  await Promise.all(files.map((file) => symlink(file, join(shared, basename(file)))));
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

async function pageFromWorker(worker: TesseractWorker, input: EngineInput): Promise<OcrPage> {
  const thread = engineThread(worker);
  thread?.ref();
  try {
    return await pageRead(worker, input);
  } finally {
    thread?.unref();
  }
}

async function pageRead(worker: TesseractWorker, input: EngineInput): Promise<OcrPage> {
  await worker.setParameters({ user_defined_dpi: String(Math.round(input.dpi)) });
  const { data } = await worker.recognize(Buffer.concat(pgmFromGray(input)), {}, { blocks: true, text: false });
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const { rowHeight, ascenders, descenders } = line.rowAttributes;
        const xHeight = Math.max(1, rowHeight - ascenders - descenders);
        const words = line.words
          .filter((word) => word.text.trim() !== '')
          .flatMap((word) =>
            wordsSplitAtGaps(
              { text: word.text, confidence: word.confidence / 100, ...word.bbox },
              word.symbols.map((symbol) => ({ text: symbol.text, ...symbol.bbox })),
              xHeight,
            ),
          );
        if (words.length === 0) continue;
        lines.push({ words, baseline: { ...line.baseline }, xHeight });
      }
    }
  }
  return { lines };
}
