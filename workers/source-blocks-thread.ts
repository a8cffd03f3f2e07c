import { parentPort, workerData } from 'node:worker_threads';
import type { SourceBlocksRequest } from '../src/service/http/review-desk/source-blocks-off-loop.js';
import { sourceBlocksFromDataDir } from '../src/service/http/review-desk/source-context.js';

// One source file read again for the review desk, off the HTTP event loop; the
// desk terminates this thread when it takes too long. Wiring only.
const request = workerData as SourceBlocksRequest;
parentPort!.postMessage(await sourceBlocksFromDataDir(request.dataDir, request.record, request.limits));
