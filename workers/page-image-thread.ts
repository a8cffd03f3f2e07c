import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pageImageFromImage } from '../src/formats/image/page-image-from-image.js';
import { pageImageFromPdf } from '../src/formats/pdf/page-image-from-pdf.js';

/** One page to draw: the source file, checked against its record's hash, and where to put the picture. */
export interface PageImageTask {
  source: string;
  sha256: string;
  kind: 'pdf' | 'image';
  page: number;
  maxSide: number;
  /** Written through a temporary name, so a reader never sees half a picture. */
  target: string;
}

export interface PageImageDone {
  bytes: number;
  width: number;
  height: number;
}

/** Runs in the desk's drawing thread (a piscina pool): reading, hashing and drawing all stay off the HTTP event loop. */
export default async function drawPage(task: PageImageTask): Promise<PageImageDone> {
  const bytes = new Uint8Array(await readFile(task.source));
  if (createHash('sha256').update(bytes).digest('hex') !== task.sha256)
    throw new Error('the kept file is not the file the record was read from');
  const drawn =
    task.kind === 'pdf'
      ? await pageImageFromPdf(bytes, task.page, task.maxSide)
      : await pageImageFromImage(bytes, task.maxSide);
  const temp = `${task.target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, drawn.image);
  await rename(temp, task.target);
  return { bytes: drawn.image.byteLength, width: drawn.width, height: drawn.height };
}
