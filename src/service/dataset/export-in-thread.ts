import { Worker } from 'node:worker_threads';
import type { ExtractOptions } from '../../core/options.js';
import { compiledFile } from '../parse/compiled-path.js';
import { exportFromSource, type ExportRequest, type ExportResult } from './dataset-index.js';
import { ReleasedSourceError, type ReleasedRecordsSource, type ReleasedSourceSpec } from './released-records.js';

/** What an export thread starts with: a source it opens itself (only the spec crosses over) and the scoring options. */
export interface ExportThreadData {
  spec: ReleasedSourceSpec;
  extract: ExtractOptions;
}

export type ExportReply = { ok: true; result: ExportResult } | { ok: false; message: string; sourceError: boolean };

export interface ThreadedExporter {
  export(request: ExportRequest): Promise<ExportResult>;
  /** Ends every thread; an export under way fails. */
  close(): Promise<void>;
}

/** Threads at once; more exports wait their turn, so a burst of downloads cannot take all memory or both cores. */
const MAX_THREADS = 2;
/** A thread kept warm this long after its last export: starting one and loading its readers costs a few hundred ms. */
const IDLE_MS = 60_000;

/**
 * Runs exports in worker threads: reading hundreds of records and encoding Parquet is
 * CPU work the HTTP event loop must not wait on. Threads are kept warm between
 * downloads and ended when idle; a thread that dies takes only its own export with it.
 */
export function createThreadedExporter(spec: ReleasedSourceSpec, extract: ExtractOptions): ThreadedExporter {
  const idle = new Map<Worker, NodeJS.Timeout>();
  const busy = new Set<Worker>();
  const waiting: Array<() => void> = [];
  let closed = false;

  const retire = (worker: Worker) => {
    clearTimeout(idle.get(worker));
    idle.delete(worker);
    busy.delete(worker);
    void worker.terminate();
    waiting.shift()?.();
  };
  const take = async (): Promise<Worker> => {
    for (;;) {
      if (closed) throw new Error('the exporter is closed');
      const [warm] = idle.keys();
      if (warm) {
        clearTimeout(idle.get(warm));
        idle.delete(warm);
        busy.add(warm);
        return warm;
      }
      if (busy.size < MAX_THREADS) {
        const worker = new Worker(compiledFile('workers/dataset-export-thread.js'), {
          workerData: { spec, extract } satisfies ExportThreadData,
        });
        // An idle thread must not keep the process alive.
        worker.unref();
        // Never removed: a thread that dies between exports (or after its answer) must not
        // end the process with an 'error' nobody listens to, nor stay in line to be handed work.
        worker.on('error', () => {});
        worker.once('exit', () => {
          clearTimeout(idle.get(worker));
          idle.delete(worker);
        });
        busy.add(worker);
        return worker;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const giveBack = (worker: Worker) => {
    busy.delete(worker);
    if (closed) return void worker.terminate();
    idle.set(worker, setTimeout(() => retire(worker), IDLE_MS).unref());
    waiting.shift()?.();
  };

  return {
    async export(request) {
      const worker = await take();
      let reply: ExportReply;
      try {
        reply = await replyFromThread(worker, request);
      } catch (error) {
        retire(worker);
        throw error;
      }
      giveBack(worker);
      if (reply.ok) return reply.result;
      throw reply.sourceError ? new ReleasedSourceError(reply.message) : new Error(reply.message);
    },
    async close() {
      closed = true;
      for (const worker of [...idle.keys(), ...busy]) retire(worker);
      for (const wake of waiting.splice(0)) wake();
    },
  };
}

function replyFromThread(worker: Worker, request: ExportRequest): Promise<ExportReply> {
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: ExportReply) => {
      cleanUp();
      resolve(reply);
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanUp();
      reject(new Error(`the export thread stopped (exit code ${code}) before it answered`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

/** One export inside the thread (workers/dataset-export-thread.ts); the source stays open for the next. */
export async function replyToExport(
  source: ReleasedRecordsSource,
  request: ExportRequest,
  extract: ExtractOptions,
): Promise<ExportReply> {
  try {
    return { ok: true, result: await exportFromSource(source, request, extract) };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      sourceError: error instanceof ReleasedSourceError,
    };
  }
}
