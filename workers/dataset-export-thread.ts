import { parentPort, workerData } from 'node:worker_threads';
import { replyToExportJob, type ExportJob } from '../src/service/dataset/export-in-thread.js';

/** One export off the HTTP event loop; the thread ends when it has answered. */
const reply = await replyToExportJob(workerData as ExportJob);
parentPort!.postMessage(reply, reply.ok ? [reply.result.bytes.buffer as ArrayBuffer] : []);
