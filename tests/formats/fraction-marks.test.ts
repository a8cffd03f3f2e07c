import { describe, expect, it } from 'vitest';
import { HALF, isFractionInk, pageWithFractionsRead } from '../../src/formats/ocr/fraction-marks.js';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { printedSheet } from '../support/printed-sheet.js';

// Type 40 px high (about 10 pt at 300 dpi); its x-height is about 22 px.
const [SIZE, BASELINE, X_HEIGHT] = [40, 100, 22];

/** One glyph or word printed black on white, and the box of its ink. */
function printed(text: string): { image: GrayImage; box: { x0: number; y0: number; x1: number; y1: number } } {
  const { context, picture } = printedSheet(300, 160, `${SIZE}px DejaVu Sans`);
  context.fillText(text, 40, BASELINE);
  const metrics = context.measureText(text);
  const box = {
    x0: 38,
    y0: BASELINE - Math.ceil(metrics.actualBoundingBoxAscent) - 2,
    x1: 42 + Math.ceil(metrics.width),
    y1: BASELINE + Math.ceil(metrics.actualBoundingBoxDescent) + 2,
  };
  return { image: picture(), box };
}

/** The glyph as the engine gives it: read as `read`, its box taking in only `part` of it. */
function lineOf(read: string, box: { x0: number; y0: number; x1: number; y1: number }): OcrLine {
  return {
    words: [{ text: read, confidence: 0.4, ...box }],
    baseline: { x0: box.x0, y0: BASELINE, x1: box.x1, y1: BASELINE },
    xHeight: X_HEIGHT,
  };
}

describe('fractions the engine has no letter for', () => {
  it('tells the ink of ½ from that of letters, ticks, crosses and marks', () => {
    expect(isFractionInk(printed('½').image, printed('½').box)).toBe(true);
    for (const text of ['Y', 'YY', '✓', '✗', '✔', '✘', 'it,', 'No', '—', 'n/a', 'Vo']) {
      const { image, box } = printed(text);
      expect(isFractionInk(image, box), text).toBe(false);
    }
  });

  it('reads a short word of letters whose ink is a fraction as ½, less sure, even when its box took in part of it', () => {
    const { image, box } = printed('½');
    // The engine boxed only the upper half of the glyph and read it as "YY".
    const upper = { ...box, y1: Math.round((box.y0 + box.y1) / 2) };
    const [line] = pageWithFractionsRead({ lines: [lineOf('YY', upper)] }, image).lines;
    expect(line!.words[0]).toMatchObject({ text: HALF });
    expect(line!.words[0]!.confidence).toBeLessThan(0.4);
  });

  it('reads signs the engine made of a half (`%%`, `“`) as ½, and leaves signs whose ink is not one', () => {
    const half = printed('½');
    for (const read of ['%%', '“']) {
      const [line] = pageWithFractionsRead({ lines: [lineOf(read, half.box)] }, half.image).lines;
      expect(line!.words[0]!.text, read).toBe(HALF);
    }
    for (const text of ['—', '?', '*', '“']) {
      const { image, box } = printed(text);
      const [line] = pageWithFractionsRead({ lines: [lineOf(text, box)] }, image).lines;
      expect(line!.words[0]!.text, text).toBe(text);
    }
  });

  it('leaves what the engine reads well: a percentage, a fraction set with a slash, a number', () => {
    const { image, box } = printed('½');
    for (const read of ['50%', '1/2', '12', '%']) {
      const [line] = pageWithFractionsRead({ lines: [lineOf(read, box)] }, image).lines;
      expect(line!.words[0]!.text).toBe(read);
    }
  });
});
