import { parentPort } from 'node:worker_threads';
import { DEFAULT_OCR_OPTIONS } from '../src/formats/ocr/ocr-options.js';
import { recordFromBytes, type ParseOptions } from '../src/parse-report.js';

/** The thread that runs the parser; TimedParser terminates it when a file takes too long. */
export interface ParseRequest {
  seq: number;
  bytes: ArrayBuffer;
  fileName: string;
  options: ParseOptions;
}

// A one-page PDF with no text: parsing it loads the PDF reader, which adapters load lazily.
const WARM_UP_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function answer(request: ParseRequest): Promise<void> {
  const { seq, options } = request;
  // Pages to recognise lengthen the file's time limit: TimedParser hears of them first.
  const ocr = {
    ...DEFAULT_OCR_OPTIONS,
    ...options.ocr,
    pagesAnnounced: (pages: number) => parentPort!.postMessage({ seq, ocrPages: pages }),
  };
  const record = await recordFromBytes(new Uint8Array(request.bytes), request.fileName, { ...options, ocr });
  parentPort!.postMessage({ seq: request.seq, record });
}

// recordFromBytes turns every bad file into a record; anything it still throws ends this
// thread (an unhandled rejection), which TimedParser reports as a file that could not be parsed.
parentPort!.on('message', (request: ParseRequest) => void answer(request));

// Ready only once the readers are loaded: the deadline then measures the file, not the start-up.
await recordFromBytes(WARM_UP_PDF, 'warm-up.pdf');
parentPort!.postMessage({ ready: true });
