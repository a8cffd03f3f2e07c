import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EngineInput, EngineRun, OcrLine, OcrPage } from './ocr-engine.js';
import { wordsSplitAtGaps } from './ocr-engine.js';
import { hocrLines } from './hocr.js';
import { trainedDataFile } from './trained-data.js';

const COMMAND = 'tesseract';
// A page takes seconds; one still running after this long is stuck and is killed.
const PAGE_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

let program: Promise<{ version: string } | null> | null = null;
const dataFolders = new Map<string, Promise<string>>();

/**
 * Tesseract's own program, when installed: it reads the cleaned page from a file and
 * writes hOCR (words, their boxes and confidences, line baselines and x-heights) to its
 * standard output. It is given the same trained data as tesseract.js
 * (unpacked once into a temporary folder) and one core, since parse threads are what
 * runs files side by side. Null when the program is not there, unless it is required.
 */
export async function nativeTesseract(languages: readonly string[], required: boolean): Promise<EngineRun | null> {
  program ??= installedVersion();
  const found = await program;
  if (!found) {
    if (required) {
      throw new Error(
        'REPORTFLOW_OCR_ENGINE=tesseract, but the tesseract program (version 4 or later) is not installed (Debian: apt-get install tesseract-ocr)',
      );
    }
    return null;
  }
  const key = languages.join('+');
  let folder = dataFolders.get(key);
  if (!folder) {
    folder = unpackedTrainedData(languages);
    dataFolders.set(key, folder);
    folder.catch(() => dataFolders.delete(key));
  }
  const tessdata = await folder;
  return {
    name: `tesseract ${found.version} (${key})`,
    read: (input) => pageFromProgram(input, tessdata, key),
  };
}

/** Forgets what was found, so the next page looks again (a command about to exit has nothing running). */
export function nativeTesseractStopped(): void {
  program = null;
}

function installedVersion(): Promise<{ version: string } | null> {
  return new Promise((resolve) => {
    execFile(COMMAND, ['--version'], { timeout: 10_000, env: childEnv() }, (error, stdout, stderr) => {
      const version = /tesseract v?(\d+)\.(\d+)\.(\d+)/i.exec(`${stdout}\n${stderr}`);
      // Versions before 4 have no LSTM engine and cannot read the trained data.
      if (error || !version || Number(version[1]) < 4) resolve(null);
      else resolve({ version: `${version[1]}.${version[2]}.${version[3]}` });
    });
  });
}

/**
 * The npm packages' gzipped trained data, unpacked once per version into a folder of
 * the system's temporary directory (written under a temporary name, then renamed, so
 * processes starting together never read a half-written file).
 */
async function unpackedTrainedData(languages: readonly string[]): Promise<string> {
  const files = languages.map(trainedDataFile);
  const identity = createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = await stat(file);
    identity.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  const folder = join(tmpdir(), `reportflow-tessdata-${identity.digest('hex').slice(0, 16)}`);
  await mkdir(folder, { recursive: true });
  await Promise.all(
    languages.map(async (code, i) => {
      const target = join(folder, `${code}.traineddata`);
      if (await stat(target).catch(() => null)) return;
      const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      await writeFile(partial, gunzipSync(await readFile(files[i]!)));
      await rename(partial, target);
    }),
  );
  return folder;
}

function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', OMP_THREAD_LIMIT: '1' };
}

/**
 * The page is handed over as a file in a private temporary folder rather than on the
 * program's standard input, which tesseract reads a character at a time: about 0.1 s of
 * CPU more per 300 dpi page, and more waiting on a busy machine. The folder goes when
 * the page is read; a thread stopped in the middle leaves it to the system's clean-up of
 * temporary files.
 */
async function pageFromProgram(input: EngineInput, tessdata: string, languages: string): Promise<OcrPage> {
  const folder = await mkdtemp(join(tmpdir(), 'reportflow-ocr-page-'));
  try {
    const file = join(folder, 'page.pgm');
    await writeFile(file, input.pgm, { mode: 0o600 });
    return await hocrPageOf(file, input.dpi, tessdata, languages);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function hocrPageOf(file: string, dpi: number, tessdata: string, languages: string): Promise<OcrPage> {
  const args = [
    file,
    'stdout',
    '--tessdata-dir',
    tessdata,
    '-l',
    languages,
    '--oem',
    '1',
    // Automatic page segmentation, as tesseract.js is set up (see tesseract-wasm.ts).
    '--psm',
    '3',
    '--dpi',
    String(Math.round(dpi)),
    '-c',
    'tessedit_create_hocr=1',
    '-c',
    'hocr_char_boxes=1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(COMMAND, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
    const out: Buffer[] = [];
    let outBytes = 0;
    let errText = '';
    let failure: Error | null = null;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(new Error(`tesseract took longer than ${PAGE_TIMEOUT_MS / 1000} s on one page and was stopped`)),
      PAGE_TIMEOUT_MS,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) stop(new Error('tesseract wrote more than 64 MB for one page'));
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errText.length < 4000) errText += chunk.toString('utf8');
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`tesseract could not be started: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code !== 0) {
        const why = errText.split('\n').find((line) => /error|can't|cannot|failed/i.test(line)) ?? errText.trim();
        return reject(new Error(`tesseract failed (${signal ?? `exit ${code}`}): ${why.slice(0, 300)}`));
      }
      resolve({ lines: linesFromHocr(Buffer.concat(out).toString('utf8')) });
    });
  });
}

function linesFromHocr(hocr: string): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const line of hocrLines(hocr)) {
    const xHeight = Math.max(1, line.size - line.ascenders - line.descenders);
    const words = line.words
      .filter((word) => word.text.trim() !== '')
      .flatMap((word) => wordsSplitAtGaps(word, word.symbols, xHeight));
    if (words.length === 0) continue;
    const { x0, x1, y1 } = line.box;
    // hOCR gives the baseline as a slope and an offset from the line box's bottom left corner.
    const baseline = { x0, y0: y1 + line.baselineOffset, x1, y1: y1 + line.baselineOffset + line.slope * (x1 - x0) };
    lines.push({ words, baseline, xHeight });
  }
  return lines;
}
