import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrPage, OcrWord } from '../../src/formats/ocr/ocr-engine.js';
import { pageWithCellsApart } from '../../src/formats/ocr/joined-cells.js';

/** A white picture with black bars standing for glyphs, each [x0, x1) across rows 10–40. */
const pictureWith = (glyphs: readonly [number, number][]): GrayImage => {
  const width = 300;
  const height = 50;
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [x0, x1] of glyphs) for (let y = 10; y < 40; y++) for (let x = x0; x < x1; x++) pixels[y * width + x] = 0;
  return { width, height, pixels, dpi: 300 };
};

const pageOf = (words: OcrWord[]): OcrPage => ({
  lines: [{ words, baseline: { x0: 0, y0: 40, x1: 300, y1: 40 }, xHeight: 22 }],
});

const word = (text: string, x0: number, x1: number): OcrWord => ({ text, confidence: 0.8, x0, y0: 8, x1, y1: 42 });

// Four digits 20 px wide, 6 px apart, at 10–104.
const DIGITS: [number, number][] = [
  [10, 30],
  [36, 56],
  [62, 82],
  [88, 104],
];

describe('pageWithCellsApart', () => {
  it('cuts a number and the letter a word space after it, which the engine read as one word', () => {
    const picture = pictureWith([...DIGITS, [128, 160]]);
    const words = pageWithCellsApart(pageOf([word('2013N', 10, 160)]), picture).lines[0]!.words;
    expect(words.map((w) => [w.text, w.x0, w.x1])).toEqual([
      ['2013', 10, 104],
      ['N', 128, 160],
    ]);
  });

  it('leaves a word whose letters stand as close as its digits, or whose letters are small', () => {
    const close = pictureWith([...DIGITS, [110, 140]]);
    expect(pageWithCellsApart(pageOf([word('2023AI', 10, 140)]), close).lines[0]!.words.map((w) => w.text)).toEqual([
      '2023AI',
    ]);
    const apart = pictureWith([...DIGITS, [128, 160]]);
    expect(pageWithCellsApart(pageOf([word('2013th', 10, 160)]), apart).lines[0]!.words.map((w) => w.text)).toEqual([
      '2013th',
    ]);
  });
});
