import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { grayFromRgba, type GrayImage } from '../ocr/gray-image.js';

/**
 * One PDF page drawn as a grey picture for recognition, with pdf.js (the copy the
 * text reader uses) on an @napi-rs/canvas. The page's `/Rotate` is applied, so a page
 * stored sideways comes out upright. The resolution drops below `dpi` when the page
 * is so large that the picture would pass `maxPixels`.
 */
export async function grayFromPdfPage(page: PDFPageProxy, dpi: number, maxPixels: number): Promise<GrayImage> {
  const unit = page.getViewport({ scale: 1 });
  const area = unit.width * unit.height;
  const scale = Math.min(dpi / 72, Math.sqrt(maxPixels / Math.max(1, area)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  const { data } = context.getImageData(0, 0, width, height);
  return grayFromRgba(data, width, height, scale * 72);
}
