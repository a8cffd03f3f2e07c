import sharp from 'sharp';
import type { PageImage } from '../pdf/page-image-from-pdf.js';

// As for reading images: one core and no decoded images kept, the desk's drawing thread included.
sharp.concurrency(1);
sharp.cache(false);

/**
 * One frame of a photo or scan (PNG, JPEG, TIFF; a TIFF's frames are its pages)
 * as a page picture for the review desk: upright as stored, flattened on white,
 * its longer side `maxSide` pixels at most (never enlarged).
 */
export async function pageImageFromImage(bytes: Uint8Array, page: number, maxSide: number): Promise<PageImage> {
  const { data, info } = await sharp(bytes, { page: page - 1, limitInputPixels: false })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  return {
    image: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}
