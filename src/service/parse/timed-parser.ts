import { Worker } from 'node:worker_threads';
import { errorRecord } from '../../core/error-record.js';
import { formatFromBytes } from '../../formats/shared/detect-format.js';
import { DEFAULT_OCR_OPTIONS } from '../../formats/ocr/ocr-options.js';
import type { ParseOptions } from '../../parse-report.js';
import { sha256Hex } from '../../record/record-id.js';
import type { ReportRecord } from '../../record/types.js';
import { compiledFile } from './compiled-path.js';

/** Heap of the parse thread: a file that needs more is treated like one that takes too long. */
export const PARSE_HEAP_MB = 1024;
/** Loading the parser's modules is not the file's fault; it gets its own, generous limit. */
const THREAD_START_MS = 60_000;

type Outcome = { record: ReportRecord } | { failure: string };

/** The parse was cut short by close(): not the file's fault, so the job goes back to the queue. */
export class ParserClosedError extends Error {
  constructor() {
    super('the parser was closed while parsing (shutdown)');
    this.name = 'ParserClosedError';
  }
}

/**
 * Runs recordFromBytes in a thread with a deadline. pdf.js and friends run
 * synchronously for a whole document, so nothing on the same thread could stop
 * them; a separate thread can be terminated mid-instruction. The thread is kept
 * for the next file; after a timeout or crash it is replaced at once, so the
 * next file does not pay for the start-up. The deadline counts from the moment
 * a started thread receives the file. One parse at a time per instance.
 */
export class TimedParser {
  private thread: Promise<Worker> | null = null;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly limitMs: number,
    private readonly options: ParseOptions,
    private readonly threadFile: string = compiledFile('workers/parse-thread.js'),
    private readonly heapMb: number = PARSE_HEAP_MB,
  ) {}

  private get msPerPage(): number {
    return this.options.ocr?.msPerPage ?? DEFAULT_OCR_OPTIONS.msPerPage;
  }

  /** Starts the thread ahead of the first file. */
  warm(): void {
    if (this.closed) return;
    this.thread ??= this.startThread();
  }

  async parse(bytes: Uint8Array, fileName: string): Promise<ReportRecord> {
    if (this.closed) throw new ParserClosedError();
    let thread: Worker;
    try {
      thread = await (this.thread ??= this.startThread());
    } catch (error) {
      // A thread that cannot start is the service's problem, not the file's: retry the job.
      this.thread = null;
      throw error;
    }
    const outcome = await this.runOnce(thread, bytes, fileName);
    if ('record' in outcome) return outcome.record;
    if (this.closed) throw new ParserClosedError();
    this.thread = null;
    await thread.terminate();
    this.warm();
    // Hashed here, on the failure path only: a parsed record carries its own source.
    const source = {
      fileName,
      format: formatFromBytes(bytes),
      bytes: bytes.length,
      sha256: sha256Hex(bytes),
      pages: null,
      ocr: null,
    };
    return errorRecord(source, 'UNREADABLE_FILE', `The file could not be parsed: ${outcome.failure}.`);
  }

  /** Ends the thread; a parse under way rejects with ParserClosedError, later ones too. */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    await (await thread?.catch(() => null))?.terminate();
  }

  private runOnce(thread: Worker, bytes: Uint8Array, fileName: string): Promise<Outcome> {
    const seq = ++this.seq;
    // A copy the thread may own: transferring the caller's buffer would empty it.
    const copy = new Uint8Array(bytes).buffer;
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(outcome);
      };
      let limitMs = this.limitMs;
      let ocrPages = 0;
      const started = performance.now();
      const expire = () =>
        finish({
          failure:
            ocrPages > 0
              ? `parsing took longer than ${limitMs} ms (${this.limitMs} ms, and ${this.msPerPage} ms for each of the ${ocrPages} pages read by OCR)`
              : `parsing took longer than ${limitMs} ms`,
        });
      let timer = setTimeout(expire, limitMs);
      const onMessage = (m: { seq?: number; record?: ReportRecord; ocrPages?: number }) => {
        if (m.seq !== seq) return;
        if (m.record) finish({ record: m.record });
        else if (typeof m.ocrPages === 'number' && m.ocrPages > 0) {
          // Scans take seconds a page: each page to recognise extends the deadline.
          ocrPages += m.ocrPages;
          limitMs += m.ocrPages * this.msPerPage;
          clearTimeout(timer);
          timer = setTimeout(expire, Math.max(0, limitMs - (performance.now() - started)));
        }
      };
      const onError = (error: Error) => finish({ failure: failureFromThreadError(error, this.heapMb) });
      const onExit = (code: number) => finish({ failure: `the parser stopped unexpectedly (exit code ${code})` });
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage({ seq, bytes: copy, fileName, options: this.options }, [copy]);
    });
  }

  private startThread(): Promise<Worker> {
    const thread = new Worker(this.threadFile, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    // Never removed: a thread may die (out of memory above all) after a parse's own
    // listeners are gone, while it is being terminated or while it waits for a file.
    // An 'error' event with no listener would end the whole process.
    thread.on('error', () => {});
    const started = new Promise<Worker>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        void thread.terminate();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new Error(`the parse thread did not start within ${THREAD_START_MS} ms`)),
        THREAD_START_MS,
      );
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        clearTimeout(timer);
        thread.off('message', onMessage).off('error', fail).off('exit', onEarlyExit);
        resolve(thread);
      };
      const onEarlyExit = (code: number) =>
        fail(new Error(`the parse thread exited while starting (exit code ${code})`));
      thread.on('message', onMessage).once('error', fail).once('exit', onEarlyExit);
    });
    // A warmed thread may fail before anyone waits for it; the next parse sees the failure.
    started.catch(() => {});
    // A thread that dies while idle is replaced on the next parse rather than handed a file it cannot read.
    thread.once('exit', () => {
      if (this.thread === started) this.thread = null;
    });
    return started;
  }
}

function failureFromThreadError(error: Error, heapMb: number): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `the parser ran out of memory (${heapMb} MB)`;
  return `the parser crashed: ${error.message.split('\n')[0]}`;
}
