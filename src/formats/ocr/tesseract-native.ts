import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Socket } from 'node:net';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { EngineInput, EngineRun, OcrLine, OcrPage } from './ocr-engine.js';
import { wordsSplitAtGaps } from './ocr-engine.js';
import { tiffFromGray } from './gray-image.js';
import { hocrLines } from './hocr.js';
import { trainedDataFile } from './trained-data.js';

const COMMAND = 'tesseract';
// A page takes seconds; one still running after this long is stuck and is killed.
const PAGE_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
// A program left waiting this long for a page is ended (it holds its trained data in memory).
const IDLE_MS = 30_000;
// A program whose input has closed writes the end of its document and exits; one that has
// not after this long is killed.
const STOP_MS = 5_000;
// hOCR writes each page as one element, closed at the indent of its opening; the elements
// inside it close further in, and text is escaped, so this ends a page and nothing else.
const PAGE_END = Buffer.from('\n  </div>\n');

let program: Promise<{ version: string } | null> | null = null;
const dataFolders = new Map<string, Promise<string>>();
let running: PageReader | null = null;

/**
 * Tesseract's own program, when installed: it reads cleaned pages from files and writes
 * hOCR (words, their boxes and confidences, line baselines and x-heights) to its standard
 * output. It is given the same trained data as tesseract.js (unpacked once into a
 * temporary folder) and one core, since parse threads are what runs files side by side.
 * Null when the program is not there, unless it is required.
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

/** Ends the running program and forgets what was found, so the next page looks again (a command about to exit has nothing running). */
export async function nativeTesseractStopped(): Promise<void> {
  program = null;
  const reader = running;
  running = null;
  await reader?.stop();
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
 * A page read by this thread's program, started on the first page and kept for the next
 * ones: starting it (loading the trained data) costs about a fifth of a second of CPU, as
 * much as reading a small page, and a scanned file asks for a page and a second look or two
 * per page. Pages are read one at a time; a program set up otherwise (another language,
 * another resolution) replaces the running one.
 */
async function pageFromProgram(input: EngineInput, tessdata: string, languages: string): Promise<OcrPage> {
  const dpi = Math.round(input.dpi);
  const key = `${tessdata}\0${languages}\0${dpi}`;
  if (running?.key !== key || !running.usable()) {
    const previous = running;
    running = new PageReader(key, tessdata, languages, dpi);
    void previous?.stop();
  }
  return { lines: linesFromHocr(await running.read(tiffFromGray(input))) };
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

/**
 * One tesseract program reading pages as they come: it is given each page's file name on
 * its standard input (`stream_filelist`) and writes the page's hOCR as soon as it is read.
 * The page is handed over as a file in a private temporary folder rather than on the
 * standard input, which tesseract reads a character at a time (about 0.1 s of CPU more
 * per 300 dpi page); each file goes once its page is read, the folder with the program.
 * A page that fails or runs too long ends the program; the next page starts another.
 */
class PageReader {
  private readonly child: Child;
  private readonly folder: Promise<string>;
  private queue: Promise<unknown> = Promise.resolve();
  private pages = 0;
  private ended = false;
  private closing = false;
  private removed: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private errText = '';
  private idle: NodeJS.Timeout | null = null;
  private waiting: {
    chunks: Buffer[];
    bytes: number;
    /** The last bytes received, to see the page's end however the output was cut into chunks. */
    tail: Buffer;
    done: (error: Error | null, hocr?: string) => void;
  } | null = null;

  constructor(
    readonly key: string,
    tessdata: string,
    languages: string,
    dpi: number,
  ) {
    this.folder = mkdtemp(join(tmpdir(), 'reportflow-ocr-pages-'));
    // The folder goes with the program, whichever way it ends.
    this.folder.catch(() => undefined);
    const args = [
      '-',
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
      String(dpi),
      '-c',
      'tessedit_create_hocr=1',
      '-c',
      'hocr_char_boxes=1',
      '-c',
      'stream_filelist=1',
    ];
    this.child = spawn(COMMAND, args, { stdio: ['pipe', 'pipe', 'pipe'], env: childEnv() });
    // A thread with no page to read is free to end: the program then sees its input close and exits.
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) unrefStream(stream);
    this.child.stdin.on('error', () => undefined);
    this.child.stdout.on('data', (chunk: Buffer) => this.received(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.errText.length < 4000) this.errText += chunk.toString('utf8');
    });
    this.child.once('error', (error) => this.end(new Error(`tesseract could not be started: ${error.message}`)));
    this.child.once('close', (code, signal) => {
      const why =
        this.errText.split('\n').find((line) => /error|can't|cannot|failed/i.test(line)) ?? this.errText.trim();
      this.end(new Error(`tesseract failed (${signal ?? `exit ${code}`}): ${why.slice(0, 300)}`));
    });
  }

  /** Whether pages can still be given to this program. */
  usable(): boolean {
    return !this.ended && !this.closing;
  }

  read(file: readonly Uint8Array[]): Promise<string> {
    const turn = this.queue.then(() => this.readNow(file));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Ends the program once the pages given to it are read: its input closes and it exits on its own. */
  async stop(): Promise<void> {
    this.closing = true;
    await this.queue;
    if (this.ended) return this.removed;
    const exited = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.end(new Error('tesseract did not exit')), STOP_MS);
    await exited;
    clearTimeout(timer);
    await this.removed;
  }

  private async readNow(picture: readonly Uint8Array[]): Promise<string> {
    if (this.failure) throw this.failure;
    if (this.idle) clearTimeout(this.idle);
    const file = join(await this.folder, `page-${++this.pages}.tif`);
    try {
      await writeFile(file, picture, { mode: 0o600 });
      return await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.end(new Error(`tesseract took longer than ${PAGE_TIMEOUT_MS / 1000} s on one page and was stopped`));
        }, PAGE_TIMEOUT_MS);
        this.waiting = {
          chunks: [],
          bytes: 0,
          tail: Buffer.alloc(0),
          done: (error, hocr) => {
            clearTimeout(timer);
            this.waiting = null;
            if (error) reject(error);
            else resolve(hocr!);
          },
        };
        if (this.failure) return this.waiting.done(this.failure);
        this.child.stdin.write(`${file}\n`);
      });
    } finally {
      await rm(file, { force: true }).catch(() => undefined);
      if (!this.ended) {
        this.idle = setTimeout(() => void this.stop(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  private received(chunk: Buffer): void {
    const page = this.waiting;
    // Before the first page the program writes the document's head, which holds no text.
    if (!page) return;
    page.bytes += chunk.length;
    if (page.bytes > MAX_OUTPUT_BYTES) return this.end(new Error('tesseract wrote more than 64 MB for one page'));
    page.chunks.push(chunk);
    const tail = Buffer.concat([page.tail, chunk.subarray(Math.max(0, chunk.length - PAGE_END.length))]);
    page.tail = tail.subarray(Math.max(0, tail.length - PAGE_END.length));
    if (!page.tail.equals(PAGE_END)) return;
    page.done(null, Buffer.concat(page.chunks).toString('utf8'));
  }

  private end(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    if (this.idle) clearTimeout(this.idle);
    this.waiting?.done(error);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.removed = this.folder.then((folder) => rm(folder, { recursive: true, force: true })).catch(() => undefined);
  }
}

function unrefStream(stream: Readable | Writable): void {
  // The pipes to a child process are sockets.
  if (stream instanceof Socket) stream.unref();
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
