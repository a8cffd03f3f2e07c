import { parentPort, workerData } from 'node:worker_threads';
import { replyToExportJob, type ExportJob } from '../src/service/dataset/export-in-thread.js';

/** One export off the HTTP event loop; the thread ends when it has answered. */
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- the job the export runner of this project started the thread with
const reply = await replyToExportJob(workerData as ExportJob);
const buffer = reply.ok ? reply.result.bytes.buffer : null;
parentPort!.postMessage(reply, buffer instanceof ArrayBuffer ? [buffer] : []);
