import { parentPort, workerData } from 'node:worker_threads';
import type { ExportRequest } from '../src/service/dataset/dataset-index.js';
import { replyToExport, type ExportThreadData } from '../src/service/dataset/export-in-thread.js';
import { releasedRecordsSource } from '../src/service/dataset/released-records.js';

/** Exports off the HTTP event loop, one at a time; the parent ends the thread when it has been idle a while. */
const { spec, extract } = workerData as ExportThreadData;
const source = releasedRecordsSource(spec);

parentPort!.on('message', async (request: ExportRequest) => {
  const reply = await replyToExport(source, request, extract);
  parentPort!.postMessage(reply, reply.ok ? [reply.result.bytes.buffer as ArrayBuffer] : []);
});
