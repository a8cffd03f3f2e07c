import { describe, expect, it } from 'vitest';
import { grayFromChannels, inkGrey, type GrayImage } from '../../src/formats/ocr/gray-image.js';
import { grayAsInk } from '../../src/formats/ocr/paper-and-ink.js';

/** A page at 300 dpi whose paper has the level `paper(x, y)`. */
function page(width: number, height: number, paper: (x: number, y: number) => number = () => 245): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = paper(x, y);
  return { width, height, pixels, dpi: 300 };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, level: number): void {
  for (let y = y0; y < y1; y++) image.pixels.fill(level, y * image.width + x0, y * image.width + x1);
}

/** Ink (darker than mid-grey) in a box. */
function inkIn(image: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.pixels[y * image.width + x]! < 128) ink++;
  return ink;
}

/** Lines of "text": 8 px strokes 40 px tall, 12 px apart, at `ink` on a paper of `paper`, their edges half-way grey. */
function text(image: GrayImage, y: number, ink: number, paper: number): void {
  for (let x = 100; x < image.width - 100; x += 20) {
    fill(image, x, y, x + 8, y + 40, ink);
    fill(image, x - 1, y, x, y + 40, Math.round((ink + paper) / 2));
    fill(image, x + 8, y, x + 9, y + 40, Math.round((ink + paper) / 2));
  }
}

describe('paper and ink before OCR', () => {
  it('leaves the page it is given as it was', () => {
    const image = page(300, 200, (x) => 200 + (x % 50));
    fill(image, 40, 60, 260, 90, 30);
    const before = Uint8Array.from(image.pixels);
    const ink = grayAsInk(image);
    expect(ink.pixels).not.toBe(image.pixels);
    expect(Array.from(image.pixels)).toEqual(Array.from(before));
  });

  it('turns paper white and ink black under light that falls off across the page', () => {
    const paper = (x: number) => Math.round(250 - (100 * x) / 1200);
    const image = page(1200, 600, paper);
    for (let x = 100; x < 1100; x += 20) fill(image, x, 200, x + 8, 240, Math.round(0.2 * paper(x)));
    const out = grayAsInk(image);
    expect(inkIn(out, 0, 0, 1200, 190)).toBe(0);
    expect(out.pixels.slice(0, 1200 * 190).every((level) => level === 255)).toBe(true);
    // Every stroke's core is full ink, on the bright side as on the dim one.
    for (let x = 100; x < 1100; x += 20) expect(out.pixels[220 * 1200 + x + 4]).toBe(0);
  });

  it('drops a highlighter stroke and keeps the letters under it', () => {
    const image = page(1200, 600);
    fill(image, 80, 180, 1120, 260, 215);
    for (let x = 100; x < 1100; x += 20) fill(image, x, 200, x + 8, 240, 30);
    const out = grayAsInk(image);
    expect(out.pixels[190 * 1200 + 500]).toBe(255);
    expect(inkIn(out, 80, 180, 1120, 260)).toBe(50 * 8 * 40);
  });

  it('keeps grey at the edges of strokes, for the engine to read lines from', () => {
    const image = page(1200, 600);
    text(image, 200, 30, 245);
    const out = grayAsInk(image);
    const edge = out.pixels[220 * 1200 + 99]!;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
  });

  it('keeps two letters apart where the blur of a coarse picture greys the gap between them', () => {
    const image = page(1200, 600);
    // Strokes 8 px wide, 3 px apart, the gap at two thirds of the paper's level.
    for (let x = 100; x < 1100; x += 11) {
      fill(image, x, 200, x + 8, 240, 30);
      fill(image, x + 8, 200, x + 11, 240, 160);
    }
    const out = grayAsInk(image);
    for (let x = 100; x < 1080; x += 11) expect(inkIn(out, x + 8, 205, x + 11, 235)).toBeLessThan(3 * 30);
  });

  it('keeps the same stroke width on a dim, low-contrast photo', () => {
    const image = page(1200, 600, () => 170);
    text(image, 200, 90, 170);
    const out = grayAsInk(image);
    expect(inkIn(out, 100, 210, 1100, 230) / 20 / 50).toBeCloseTo(8, 0);
    expect(inkIn(out, 0, 0, 1200, 190)).toBe(0);
  });
});

describe('softening before paper and ink', () => {
  /** The 1-2-1 filter down and across, edges repeated, worked out pixel by pixel. */
  function softenedByHand(image: GrayImage): Uint8Array {
    const { width, height, pixels } = image;
    const at = (x: number, y: number) =>
      pixels[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (const [dy, wy] of [
          [-1, 1],
          [0, 2],
          [1, 1],
        ] as const)
          for (const [dx, wx] of [
            [-1, 1],
            [0, 2],
            [1, 1],
          ] as const)
            sum += wx * wy * at(x + dx, y + dy);
        out[y * width + x] = (sum + 8) >> 4;
      }
    }
    return out;
  }

  it('softens every pixel by the 1-2-1 filter, at the edges and corners of the picture too', () => {
    // Blocks of ink on white paper in each corner and along each edge, on a page of odd size;
    // at 50 dpi no block is small enough to be taken for dust. The paper is white all over, so
    // each pixel comes out as its softened level stretched from FULL_INK to PAPER of white.
    const image = { ...page(101, 67, () => 255), dpi: 50 };
    // Each block's pixels differ, so that an edge pixel taken for its neighbour shows.
    for (const [x0, y0] of [
      [0, 0],
      [97, 0],
      [0, 63],
      [97, 63],
      [50, 0],
      [0, 30],
      [97, 30],
      [50, 63],
      [40, 20],
    ])
      for (let y = y0!; y < y0! + 4; y++)
        for (let x = x0!; x < x0! + 4; x++) image.pixels[y * image.width + x] = (x * 37 + y * 11) % 120;
    const expected = softenedByHand(image).map((level) => Math.min(255, Math.max(0, Math.round(2.5 * level - 255))));
    const out = grayAsInk(image).pixels;
    // The page's scale is kept in single precision: a level may round the other way.
    const off = out.filter((level, i) => Math.abs(level - expected[i]!) > 1).length;
    expect(off).toBe(0);
    expect(inkIn({ ...image, pixels: out }, 0, 0, 101, 67)).toBeGreaterThan(9 * 9);
  });
});

describe('pure white paper', () => {
  it('leaves the pixels after a stretch of pure white as they come out after near-white', () => {
    // Paper dimming across the page, so the scale changes from pixel to pixel along a row.
    const image = page(640, 256, (x) => Math.round(250 - x / 8));
    // The same stretch of paper on two rows, pure white on one and a level less on the
    // other, then the same mid-grey mark just after it.
    for (const [y, level] of [
      [100, 255],
      [140, 254],
    ] as const) {
      fill(image, 288, y - 1, 317, y + 2, level);
      fill(image, 329, y - 1, 332, y + 2, 150);
    }
    const out = grayAsInk(image);
    const after = (y: number) => Array.from(out.pixels.subarray(y * 640 + 318, y * 640 + 352));
    expect(after(100)[330 - 318]).toBeGreaterThan(20);
    expect(after(100)[330 - 318]).toBeLessThan(235);
    expect(after(100)).toEqual(after(140));
    expect(Array.from(out.pixels.subarray(100 * 640 + 290, 100 * 640 + 315)).every((level) => level === 255)).toBe(
      true,
    );
  });
});

describe('dust specks', () => {
  it('paints out a blot of dust standing alone, as a 150 dpi fax enlarged leaves it', () => {
    const image = page(1200, 600);
    text(image, 200, 30, 245);
    fill(image, 600, 400, 603, 403, 20);
    fill(image, 300, 100, 305, 105, 20);
    const out = grayAsInk(image);
    expect(inkIn(out, 590, 390, 615, 415)).toBe(0);
    expect(inkIn(out, 290, 90, 315, 115)).toBe(0);
  });

  it('keeps a full stop after a letter and the dot over an i', () => {
    const image = page(1200, 600);
    // A letter, a full stop 4 px after it on the baseline, and an i's stem with its dot 6 px above.
    fill(image, 400, 300, 416, 330, 20);
    fill(image, 420, 326, 424, 330, 20);
    fill(image, 500, 310, 504, 330, 20);
    fill(image, 500, 300, 504, 304, 20);
    const out = grayAsInk(image);
    expect(inkIn(out, 420, 326, 424, 330)).toBe(16);
    expect(inkIn(out, 500, 300, 504, 304)).toBe(16);
  });
});

describe('colour on a scanned page', () => {
  it('fades a red stamp and a yellow highlighter towards paper, and keeps black, grey and navy print dark', () => {
    const paper = inkGrey(246, 244, 240);
    expect(inkGrey(200, 60, 70)).toBeGreaterThan(0.75 * paper); // a red RECEIVED stamp: luma about 103
    expect(inkGrey(250, 235, 90)).toBeGreaterThan(0.9 * paper); // highlighter
    expect(inkGrey(20, 20, 22)).toBeLessThan(30); // black print
    expect(inkGrey(110, 110, 112)).toBeCloseTo(110, 0); // grey headings keep their grey
    expect(inkGrey(31, 56, 100)).toBeLessThan(0.5 * paper); // navy headings are still ink
    // Word's heading blues keep their luma (about 100 and 80), darker than any tint.
    expect(inkGrey(46, 116, 181)).toBeLessThan(0.45 * paper);
    expect(inkGrey(47, 84, 150)).toBeLessThan(0.35 * paper);
  });

  it('reads grey pictures as they are and transparent pixels as paper', () => {
    expect([...grayFromChannels(new Uint8Array([0, 128, 255]), 1)]).toEqual([0, 128, 255]);
    expect([...grayFromChannels(new Uint8Array([0, 0, 0, 0, 200, 60, 70, 255]), 4)]).toEqual([255, 200]);
  });
});
