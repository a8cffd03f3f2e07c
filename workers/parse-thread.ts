import { parentPort } from 'node:worker_threads';
import { recordFromBytes, type ParseOptions } from '../src/parse-report.js';

/** The thread that runs the parser; TimedParser terminates it when a file takes too long. */
export interface ParseRequest {
  seq: number;
  bytes: ArrayBuffer;
  fileName: string;
  options: ParseOptions;
}

parentPort!.on('message', async (request: ParseRequest) => {
  const record = await recordFromBytes(new Uint8Array(request.bytes), request.fileName, request.options);
  parentPort!.postMessage({ seq: request.seq, record });
});
