import { parentPort, workerData } from 'node:worker_threads';
import type { ExportRequest } from '../src/service/dataset/dataset-index.js';
import { replyToExport, type ExportThreadData } from '../src/service/dataset/export-in-thread.js';
import { releasedRecordsSource } from '../src/service/dataset/released-records.js';

/** Exports off the HTTP event loop, one at a time; the parent ends the thread when it has been idle a while. */
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- written by createThreadedExporter in the parent
const { spec, extract } = workerData as ExportThreadData;
const source = releasedRecordsSource(spec);

async function answer(request: ExportRequest): Promise<void> {
  const reply = await replyToExport(source, request, extract);
  const buffer = reply.ok ? reply.result.bytes.buffer : null;
  parentPort!.postMessage(reply, buffer instanceof ArrayBuffer ? [buffer] : []);
}

parentPort!.on('message', (request: ExportRequest) => void answer(request));
