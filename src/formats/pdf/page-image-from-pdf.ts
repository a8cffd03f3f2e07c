import { canvasFromPdfPage } from './pdf-page-image.js';
import { pdfOpened } from './pdfjs-loader.js';

/** A page drawn as pixels, for a person to look at beside the values read from it. */
export interface PageImage {
  /** WebP bytes. */
  image: Uint8Array;
  width: number;
  height: number;
}

export class PageOutOfRangeError extends Error {
  constructor(page: number, pages: number) {
    super(`page ${page} is not in the file (it has ${pages})`);
    this.name = 'PageOutOfRangeError';
  }
}

/**
 * Draws one page of a PDF with the same pdf.js copy the reader uses, its
 * longer side `maxSide` pixels at most. Fonts are drawn as outlines
 * (disableFontFace), since Node has no FontFace to load them into.
 */
export async function pageImageFromPdf(bytes: Uint8Array, page: number, maxSide: number): Promise<PageImage> {
  const task = await pdfOpened(bytes);
  try {
    const doc = await task.promise;
    if (!Number.isInteger(page) || page < 1 || page > doc.numPages) throw new PageOutOfRangeError(page, doc.numPages);
    const pdfPage = await doc.getPage(page);
    const natural = pdfPage.getViewport({ scale: 1 });
    const { canvas } = await canvasFromPdfPage(pdfPage, maxSide / Math.max(natural.width, natural.height));
    const image = await canvas.encode('webp', 85);
    return { image, width: canvas.width, height: canvas.height };
  } finally {
    await task.destroy();
  }
}
