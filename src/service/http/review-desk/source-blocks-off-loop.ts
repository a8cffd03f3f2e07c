import { Worker } from 'node:worker_threads';
import type { ParseLimits } from '../../../formats/shared/limits.js';
import { compiledFile } from '../../parse/compiled-path.js';
import type { StoredRecord } from '../../store/records-store.js';
import type { SourceBlocks } from './source-context.js';

export interface SourceBlocksRequest {
  dataDir: string;
  record: Pick<StoredRecord, 'id' | 'source'>;
  limits: ParseLimits;
}

export interface OffLoopLimits {
  /** A source that takes longer is shown as not readable (default 30 s). */
  timeoutMs: number;
  /** Heap of the thread (default 512 MB): a source that needs more is not shown. */
  heapMb: number;
}

const DEFAULT_LIMITS: OffLoopLimits = { timeoutMs: 30_000, heapMb: 512 };

/**
 * The desk's re-reading of a source file (finding it, hashing it, running its
 * format adapter) in a thread of its own, with a deadline and a heap limit, so
 * that opening a record with a huge or hostile source never stalls the HTTP
 * event loop (health checks, uploads, other reviewers) or grows its memory.
 * Never rejects: whatever goes wrong, the desk shows the record without its source.
 */
export function sourceBlocksOffLoop(
  request: SourceBlocksRequest,
  limits: Partial<OffLoopLimits> = {},
  threadFile: string = compiledFile('workers/source-blocks-thread.js'),
): Promise<SourceBlocks> {
  const { timeoutMs, heapMb } = { ...DEFAULT_LIMITS, ...limits };
  const workerData: SourceBlocksRequest = { dataDir: request.dataDir, record: { id: request.record.id, source: request.record.source }, limits: request.limits };
  return new Promise<SourceBlocks>((resolve) => {
    const thread = new Worker(threadFile, { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let settled = false;
    const finish = (result: SourceBlocks) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ found: false, reason: `reading the source file again took longer than ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
    thread.on('message', (result: SourceBlocks) => finish(result));
    // Stays attached until the thread is gone: an error after finish() must not end the process.
    thread.on('error', (error: Error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ found: false, reason: outOfMemory ? `the source file needs more than ${heapMb} MB to read again` : `the source file could not be read again: ${error.message.split('\n')[0]}` });
    });
    thread.on('exit', (code) => finish({ found: false, reason: `the source file could not be read again (reader stopped with code ${code})` }));
  });
}
