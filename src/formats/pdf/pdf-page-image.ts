import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { grayFromRgba, type GrayImage } from '../ocr/gray-image.js';

/**
 * One PDF page drawn at `scale` (1 = 72 dpi) with pdf.js, the copy the text reader uses,
 * on an @napi-rs/canvas over white paper. The page's `/Rotate` is applied, so a page
 * stored sideways comes out upright.
 */
export async function canvasFromPdfPage(
  page: PDFPageProxy,
  scale: number,
): Promise<{ canvas: Canvas; context: SKRSContext2D }> {
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  const context = canvas.getContext('2d');
  // A page with a transparent background would show whatever is behind it.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the same drawing calls
  const params = { canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0];
  await page.render(params).promise;
  return { canvas, context };
}

/**
 * A page as a grey picture for recognition, at `dpi`, or lower when the page is so
 * large that the picture would pass `maxPixels`.
 */
export async function grayFromPdfPage(page: PDFPageProxy, dpi: number, maxPixels: number): Promise<GrayImage> {
  const unit = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, Math.sqrt(maxPixels / Math.max(1, unit.width * unit.height)));
  const { canvas, context } = await canvasFromPdfPage(page, scale);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return grayFromRgba(data, canvas.width, canvas.height, scale * 72);
}
