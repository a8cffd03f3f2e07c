import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { PageImage } from '../pdf/page-image-from-pdf.js';

/**
 * A photo or scan (PNG, JPEG, WebP) as a page image: its first frame, scaled so
 * its longer side is `maxSide` pixels at most, for the review desk.
 */
export async function pageImageFromImage(bytes: Uint8Array, maxSide: number): Promise<PageImage> {
  const picture = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const scale = Math.min(1, maxSide / Math.max(picture.width, picture.height));
  const canvas = createCanvas(
    Math.max(1, Math.round(picture.width * scale)),
    Math.max(1, Math.round(picture.height * scale)),
  );
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return { image: await canvas.encode('webp', 85), width: canvas.width, height: canvas.height };
}
