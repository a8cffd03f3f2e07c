/** A page picture in 8-bit grey, one byte per pixel, rows top to bottom. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  /** Pixels per inch, so recognised positions can be turned into points. */
  dpi: number;
}

/**
 * The pixels four at a time, each word -1 where all four are pure white (255), or null when
 * the pixels do not start on a word's boundary. Paper scanned or cleaned is mostly pure
 * white, and a pass looking for ink skips such a word in one step rather than four; the
 * passes stay exact, since a white pixel is never ink however ink is defined.
 */
export function whiteWords(pixels: Uint8Array): Int32Array | null {
  if (pixels.byteOffset % 4 !== 0) return null;
  return new Int32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2);
}

/** Four pure white pixels, as one word of `whiteWords`. */
export const WHITE_WORD = -1;

/** A box in pixels, right and bottom edges exclusive. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The whole pixels a box covers inside the picture, kept `margin` pixels in from the picture's edges. */
export function pixelBoxIn(image: GrayImage, box: PixelBox, margin = 0): PixelBox {
  return {
    x0: Math.max(margin, Math.floor(box.x0)),
    y0: Math.max(margin, Math.floor(box.y0)),
    x1: Math.min(image.width - margin, Math.ceil(box.x1)),
    y1: Math.min(image.height - margin, Math.ceil(box.y1)),
  };
}

// Colour as strong as this (largest channel less smallest, 0–255) is a stamp's or a
// highlighter's, not printed black or grey; from no colour at FADE_FROM to full at
// FADE_FROM + FADE_OVER the pixel goes from its luma to its lightest channel.
const FADE_FROM = 40;
const FADE_OVER = 60;

/** A piece of ink: its box within the area searched (right and bottom edges exclusive) and its pixel count. */
export interface InkBlob extends PixelBox {
  pixels: number;
}

/**
 * The 8-connected pieces of ink (pixels darker than `darkerThan`) in an area of the image,
 * given in whole pixels inside it, in the order their first pixel comes row by row.
 * Plain arithmetic and a typed stack: the areas are small and mostly read before the code
 * is compiled, so no pair is built per pixel.
 */
export function inkBlobs(image: GrayImage, area: PixelBox, darkerThan: number): InkBlob[] {
  const [w, h] = [area.x1 - area.x0, area.y1 - area.y0];
  if (w <= 0 || h <= 0) return [];
  // 1 where a pixel is ink; 2 marks ink already taken into a blob.
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = (area.y0 + y) * image.width + area.x0;
    for (let x = 0; x < w; x++) if (image.pixels[row + x]! < darkerThan) ink[y * w + x] = 1;
  }
  const blobs: InkBlob[] = [];
  const stack = new Int32Array(w * h);
  for (let start = 0; start < w * h; start++) {
    if (ink[start] !== 1) continue;
    const blob: InkBlob = { x0: w, y0: h, x1: 0, y1: 0, pixels: 0 };
    ink[start] = 2;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const at = stack[--top]!;
      const y = Math.floor(at / w);
      const x = at - y * w;
      blob.pixels++;
      if (x < blob.x0) blob.x0 = x;
      if (y < blob.y0) blob.y0 = y;
      if (x + 1 > blob.x1) blob.x1 = x + 1;
      if (y + 1 > blob.y1) blob.y1 = y + 1;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++)
        for (let nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
          const next = ny * w + nx;
          if (ink[next] === 1) {
            ink[next] = 2;
            stack[top++] = next;
          }
        }
    }
    blobs.push(blob);
  }
  return blobs;
}

/**
 * The grey a pixel gives the OCR engine: its luma, except that strongly coloured ink is
 * faded towards paper, as a scanner's colour dropout does. A red RECEIVED stamp over a
 * table is as dark as the print in luma and would join the letters it crosses; in its
 * lightest channel it is near paper, and a yellow highlighter's stroke is paper, while
 * black and grey print (little colour) keep their luma. Blue ink keeps its luma too: it
 * is the colour office documents print headings and links in (Word's heading blues
 * #2E74B5 and #2F5496 faded to the grey of a light tint, and the engine dropped them).
 */
export function inkGrey(r: number, g: number, b: number): number {
  const luma = 0.299 * r + 0.587 * g + 0.114 * b;
  if (b > r && b >= g) return luma;
  const lightest = Math.max(r, g, b);
  const colour = lightest - Math.min(r, g, b);
  const fade = colour <= FADE_FROM ? 0 : Math.min(1, (colour - FADE_FROM) / FADE_OVER);
  return luma + (lightest - luma) * fade;
}

/** RGBA pixels (canvas, decoded images) into the grey the engine reads (`inkGrey`). */
export function grayFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  dpi: number,
): GrayImage {
  return { width, height, pixels: grayFromChannels(rgba, 4), dpi };
}

/** Interleaved 1–4 channel pixels (grey, grey+alpha, RGB, RGBA) into grey; transparent pixels are paper. */
export function grayFromChannels(data: Uint8Array | Uint8ClampedArray, channels: number): Uint8Array {
  const pixels = new Uint8Array(Math.floor(data.length / channels));
  if (channels === 1) {
    pixels.set(data.subarray(0, pixels.length));
    return pixels;
  }
  const coloured = channels >= 3;
  const alphaAt = channels === 2 || channels === 4 ? channels - 1 : -1;
  for (let i = 0, j = 0; i < pixels.length; i++, j += channels) {
    const first = data[j]!;
    // Grey pictures are often stored as three equal channels, whose luma is that value.
    const neutral = !coloured || (first === data[j + 1] && first === data[j + 2]);
    const grey = neutral ? first : inkGrey(first, data[j + 1]!, data[j + 2]!);
    if (alphaAt < 0) {
      pixels[i] = neutral ? grey : Math.round(grey);
      continue;
    }
    const alpha = data[j + alphaAt]! / 255;
    pixels[i] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return pixels;
}

/** A piece of a picture and where it goes on a sheet (its top left corner). */
export interface PlacedCut {
  box: PixelBox;
  x: number;
  y: number;
}

/**
 * A white sheet of `width` × `height` pixels at the picture's resolution with pieces of
 * the picture set on it (each cut off at the sheet's right edge): a second look at a few
 * words of a page costs the engine a small picture rather than the page.
 */
// Indents of a sheet's rows, in steps of its type's height, so that no two rows near each other start alike.
const ROW_INDENTS = [0, 3, 1, 4, 2];

/**
 * Where row `row` of a sheet of cuts starts: `left` and an indent of a few `unit`s (the
 * type's height), unlike the rows around it. Rows that all start at one place make
 * aligned columns of their pieces, which the engine's layout step takes for a table and
 * may drop whole: four rows of a year and one cell each came back as an empty page (three
 * rows, or the same four set unevenly, were read).
 */
export function sheetRowStart(left: number, row: number, unit: number): number {
  return left + Math.round(ROW_INDENTS[row % ROW_INDENTS.length]! * unit);
}

export function sheetOfCuts(picture: GrayImage, width: number, height: number, cuts: readonly PlacedCut[]): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const { box, x, y } of cuts) {
    const w = Math.min(box.x1 - box.x0, width - x);
    for (let row = box.y0; row < box.y1; row++) {
      const from = row * picture.width + box.x0;
      pixels.set(picture.pixels.subarray(from, from + w), (y + row - box.y0) * width + x);
    }
  }
  return { width, height, pixels, dpi: picture.dpi };
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

// Tags of a baseline TIFF of one strip of 8-bit grey, black at 0, in the order TIFF lists them.
const TIFF_SHORT = 3;
const TIFF_LONG = 4;
const TIFF_RATIONAL = 5;

/**
 * The picture as an uncompressed 8-bit grey TIFF file, in two pieces as `pgmFromGray`: the
 * same pixels behind a header of a few tags. The tesseract program reads a TIFF's rows
 * through libtiff a strip at a time, where it reads a PGM's pixels one call each, about a
 * tenth of a second of CPU on a 300 dpi page.
 */
export function tiffFromGray(image: GrayImage): [header: Uint8Array, pixels: Uint8Array] {
  const { width, height } = image;
  const tags: [tag: number, type: number, value: number][] = [
    [256, TIFF_LONG, width],
    [257, TIFF_LONG, height],
    [258, TIFF_SHORT, 8], // bits per sample
    [259, TIFF_SHORT, 1], // no compression
    [262, TIFF_SHORT, 1], // black is zero
    [273, TIFF_LONG, 0], // where the strip starts: set below
    [277, TIFF_SHORT, 1], // samples per pixel
    [278, TIFF_LONG, height], // rows per strip: one strip
    [279, TIFF_LONG, width * height],
    [282, TIFF_RATIONAL, 0], // resolution across and down: set below
    [283, TIFF_RATIONAL, 0],
    [296, TIFF_SHORT, 2], // resolution per inch
  ];
  const directoryAt = 8;
  const resolutionAt = directoryAt + 2 + tags.length * 12 + 4;
  const pixelsAt = resolutionAt + 16;
  const header = new Uint8Array(pixelsAt);
  const view = new DataView(header.buffer);
  header.set([0x49, 0x49]); // little-endian
  view.setUint16(2, 42, true);
  view.setUint32(4, directoryAt, true);
  view.setUint16(directoryAt, tags.length, true);
  tags.forEach(([tag, type, value], k) => {
    const at = directoryAt + 2 + k * 12;
    const stored = tag === 273 ? pixelsAt : tag === 282 ? resolutionAt : tag === 283 ? resolutionAt + 8 : value;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === TIFF_SHORT) view.setUint16(at + 8, stored, true);
    else view.setUint32(at + 8, stored, true);
  });
  // The next directory's offset (none) stays 0.
  const dpi = Math.max(1, Math.round(image.dpi));
  for (const at of [resolutionAt, resolutionAt + 8]) {
    view.setUint32(at, dpi, true);
    view.setUint32(at + 4, 1, true);
  }
  return [header, image.pixels];
}
