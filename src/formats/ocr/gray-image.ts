/** A page picture in 8-bit grey, one byte per pixel, rows top to bottom. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  /** Pixels per inch, so recognised positions can be turned into points. */
  dpi: number;
}

/** RGBA pixels (canvas, decoded images) into grey with the usual luma weights. */
export function grayFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  dpi: number,
): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < pixels.length; i++, j += 4) {
    // Transparent pixels are paper.
    const alpha = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    pixels[i] = Math.round(luma * alpha + 255 * (1 - alpha));
  }
  return { width, height, pixels, dpi };
}

/**
 * The picture as a binary PGM file: the OCR engine reads it without any encoding
 * work (PNG would cost a compression pass per page for nothing). The file comes in two
 * pieces, its short header and the pixels themselves, so a page of megabytes is
 * written out as it is rather than copied behind the header first.
 */
export function pgmFromGray(image: GrayImage): [header: Uint8Array, pixels: Uint8Array] {
  return [new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`), image.pixels];
}
