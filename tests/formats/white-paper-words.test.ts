import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import { withoutSpecks } from '../../src/formats/ocr/dust-specks.js';
import { grayAsInk } from '../../src/formats/ocr/paper-and-ink.js';
import { grayLevelled, skewOf } from '../../src/formats/ocr/page-skew.js';
import { grayWithReversedTypeTurned } from '../../src/formats/ocr/reversed-type.js';
import { ruleMask } from '../../src/formats/ocr/rule-mask.js';

/**
 * A page of pure white paper whose rows are not a whole number of words long, with ink
 * where a pass skipping white four pixels at a time could miss it: at the first and last
 * pixel of rows, just after and just before a word of white, in lone pixels, short
 * strokes, lines of text set slightly askew and ruling lines.
 */
function page(): GrayImage {
  const [width, height] = [1203, 905];
  const pixels = new Uint8Array(width * height).fill(255);
  const dot = (x: number, y: number, level = 0) => {
    if (x >= 0 && x < width && y >= 0 && y < height) pixels[y * width + x] = level;
  };
  for (let y = 40; y < 860; y += 37) {
    dot(0, y);
    dot(width - 1, y + 3);
    for (let k = 0; k < 9; k++) dot(4 * k + 3 + (y % 4), y + 10, 150);
  }
  // Lines of strokes falling one pixel in 80 to the right.
  for (let line = 0; line < 12; line++) {
    for (let x = 60; x < 1150; x += 13) {
      const y0 = 100 + 60 * line + Math.floor(x / 80);
      for (let y = y0; y < y0 + 22; y++) for (let dx = 0; dx < 1 + (x % 5); dx++) dot(x + dx, y, 30);
    }
  }
  for (let x = 50; x < 1150; x++) [870, 871].forEach((y) => dot(x, y, 90));
  for (let y = 90; y < 880; y++) dot(47, y, 90);
  return { width, height, pixels, dpi: 300 };
}

/** The same page with its pixels one byte into their buffer, so they cannot be read four at a time. */
function unaligned(image: GrayImage): GrayImage {
  const buffer = new Uint8Array(image.pixels.length + 1);
  buffer.set(image.pixels, 1);
  return { ...image, pixels: buffer.subarray(1) };
}

describe('passes that skip pure white paper four pixels at a time', () => {
  it('find the same ruling lines, skew and cleaned picture as a pixel-by-pixel pass', () => {
    const image = page();
    const [fast, plain] = [image, unaligned(image)];
    const [fastRules, plainRules] = [ruleMask(fast), ruleMask(plain)];
    expect(fastRules.across.length).toBeGreaterThan(0);
    expect(fastRules.down.length).toBeGreaterThan(0);
    expect(Array.from(fastRules.rules)).toEqual(Array.from(plainRules.rules));
    expect(skewOf(fast)).not.toBe(0);
    expect(skewOf(fast)).toBe(skewOf(plain));
    expect(Array.from(grayAsInk(fast).pixels)).toEqual(Array.from(grayAsInk(plain).pixels));
  });

  it('paint out the same dust specks as a pixel-by-pixel pass', () => {
    const [fast, plain] = [page(), unaligned(page())];
    withoutSpecks(fast.pixels, fast.width, fast.height, fast.dpi);
    withoutSpecks(plain.pixels, plain.width, plain.height, plain.dpi);
    expect(fast.pixels[40 * fast.width]).toBe(255);
    expect(Array.from(fast.pixels)).toEqual(Array.from(plain.pixels));
  });

  it('turn the same reversed type as a pixel-by-pixel pass', () => {
    const image = page();
    // A dark band with light letters in it.
    for (let y = 10; y < 150; y++) {
      for (let x = 301; x < 803; x++) {
        const letter = y >= 60 && y < 90 && x % 14 < 4;
        image.pixels[y * image.width + x] = letter ? 250 : 40;
      }
    }
    const [fast, plain] = [grayWithReversedTypeTurned(image), grayWithReversedTypeTurned(unaligned(image))];
    expect(fast).not.toBe(image);
    expect(Array.from(fast.pixels)).toEqual(Array.from(plain.pixels));
  });

  it('level a page as blending every pixel from the four around its source would', () => {
    const image = page();
    const angle = 0.0125;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const { width, height, pixels } = image;
    const expected = new Uint8Array(width * height).fill(255);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const sx = (x - width / 2) * cos - (y - height / 2) * sin + width / 2;
        const sy = (x - width / 2) * sin + (y - height / 2) * cos + height / 2;
        if (sx < 0 || sy < 0 || sx >= width - 1 || sy >= height - 1) continue;
        const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
        const at = (dx: number, dy: number) => pixels[(y0 + dy) * width + x0 + dx]!;
        const top = at(0, 0) + (at(1, 0) - at(0, 0)) * (sx - x0);
        const bottom = at(0, 1) + (at(1, 1) - at(0, 1)) * (sx - x0);
        expected[y * width + x] = top + (bottom - top) * (sy - y0);
      }
    }
    const out = grayLevelled(image, angle).pixels;
    // The source of a pixel is found along its row in one way and here in another: a level
    // may round the other way where a source falls within a hair of a pixel's edge.
    const off = out.filter((level, i) => Math.abs(level - expected[i]!) > 1).length;
    expect(off).toBe(0);
    expect(out.filter((level) => level < 128).length).toBeGreaterThan(10_000);
  });
});
