import { Worker } from 'node:worker_threads';
import { errorRecord } from '../core/error-record.js';
import { formatFromBytes } from '../formats/detect-format.js';
import { sha256Hex, type ParseOptions } from '../parse-report.js';
import type { ReportRecord } from '../record/types.js';
import { compiledFile } from './compiled-path.js';

/** Heap of the parse thread: a file that needs more is treated like one that takes too long. */
const PARSE_HEAP_MB = 1024;

/**
 * Runs recordFromBytes in a thread with a deadline. pdf.js and friends run
 * synchronously for a whole document, so nothing on the same thread could stop
 * them; a separate thread can be terminated mid-instruction. The thread is kept
 * for the next file and replaced only after a timeout or crash.
 * One parse at a time per instance.
 */
export class TimedParser {
  private thread: Worker | null = null;
  private seq = 0;

  constructor(
    private readonly limitMs: number,
    private readonly options: ParseOptions,
    private readonly threadFile: string = compiledFile('workers/parse-thread.js'),
  ) {}

  async parse(bytes: Uint8Array, fileName: string): Promise<ReportRecord> {
    const source = { fileName, format: formatFromBytes(bytes), bytes: bytes.length, sha256: sha256Hex(bytes), pages: null };
    const thread = (this.thread ??= new Worker(this.threadFile, { resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB } }));
    const seq = ++this.seq;
    // A copy the thread may own: transferring the caller's buffer would empty it.
    const copy = new Uint8Array(bytes).buffer;
    const outcome = await new Promise<{ record: ReportRecord } | { failure: string; timedOut: boolean }>((resolve) => {
      const onTimeout = () => {
        cleanup();
        resolve({ failure: `parsing took longer than ${this.limitMs} ms`, timedOut: true });
      };
      const timer = setTimeout(onTimeout, this.limitMs);
      const cleanup = () => {
        clearTimeout(timer);
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = (m: { seq: number; record: ReportRecord }) => {
        if (m.seq !== seq) return;
        cleanup();
        resolve({ record: m.record });
      };
      const onError = (error: Error) => {
        cleanup();
        resolve({ failure: `the parser crashed: ${error.message.split('\n')[0]}`, timedOut: false });
      };
      const onExit = (code: number) => {
        cleanup();
        resolve({ failure: `the parser stopped unexpectedly (exit code ${code})`, timedOut: false });
      };
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage({ seq, bytes: copy, fileName, options: this.options }, [copy]);
    });
    if ('record' in outcome) return outcome.record;
    this.thread = null;
    await thread.terminate();
    return errorRecord(source, 'UNREADABLE_FILE', `The file could not be parsed: ${outcome.failure}.`);
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.terminate();
  }
}
