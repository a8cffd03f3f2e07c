import { Worker } from 'node:worker_threads';
import type { ExtractOptions } from '../../core/options.js';
import { compiledFile } from '../parse/compiled-path.js';
import { exportFromSource, type ExportRequest, type ExportResult } from './dataset-index.js';
import { ReleasedSourceError, releasedRecordsSource, type ReleasedSourceSpec } from './released-records.js';

/** What an export thread is given: a source it can open itself, the request and the weights. */
export interface ExportJob {
  spec: ReleasedSourceSpec;
  request: ExportRequest;
  extract: ExtractOptions;
}

export type ExportReply = { ok: true; result: ExportResult } | { ok: false; message: string; sourceError: boolean };

/** Exports under way at once; more wait their turn, so a burst of downloads cannot take all memory. */
const MAX_AT_ONCE = 2;

/**
 * Runs exports in threads of their own: reading hundreds of records and encoding
 * Parquet is CPU work the HTTP event loop must not wait on.
 */
export function createThreadedExporter(spec: ReleasedSourceSpec, extract: ExtractOptions): (request: ExportRequest) => Promise<ExportResult> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const turn = async () => {
    if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const done = () => {
    running--;
    waiting.shift()?.();
  };
  return async (request) => {
    await turn();
    try {
      return await exportInThread({ spec, request, extract });
    } finally {
      done();
    }
  };
}

function exportInThread(job: ExportJob): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(compiledFile('workers/dataset-export-thread.js'), { workerData: job });
    let settled = false;
    worker.once('message', (reply: ExportReply) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else reject(reply.sourceError ? new ReleasedSourceError(reply.message) : new Error(reply.message));
    });
    // `on`, not `once`: a second 'error' with no listener would end the whole process.
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the export thread stopped (exit code ${code}) before it answered`));
    });
  });
}

/** The thread's whole work (workers/dataset-export-thread.ts): it opens the source itself, so only the spec crosses over. */
export async function replyToExportJob(job: ExportJob): Promise<ExportReply> {
  const source = releasedRecordsSource(job.spec);
  try {
    return { ok: true, result: await exportFromSource(source, job.request, job.extract) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), sourceError: error instanceof ReleasedSourceError };
  } finally {
    await source.close();
  }
}
