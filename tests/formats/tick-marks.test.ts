import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { CROSS, markOfInk, pageWithTicksRead, TICK } from '../../src/formats/ocr/tick-marks.js';
import { printedSheet } from '../support/printed-sheet.js';

// Type 40 px high (about 10 pt at 300 dpi), one glyph a cell 80 px apart.
const [SIZE, BASELINE, PITCH] = [40, 100, 80];

type Box = { x0: number; y0: number; x1: number; y1: number };

/** A row of glyphs printed black on white, one a cell, and the box of each. */
function row(glyphs: string[]): { image: GrayImage; boxes: Box[] } {
  const [width, height] = [PITCH * (glyphs.length + 1), 160];
  const { context, picture } = printedSheet(width, height, `${SIZE}px DejaVu Sans`);
  const boxes = glyphs.map((glyph, k) => {
    const x = 40 + k * PITCH;
    context.fillText(glyph, x, BASELINE);
    const metrics = context.measureText(glyph);
    return {
      x0: x - 2,
      y0: BASELINE - Math.ceil(metrics.actualBoundingBoxAscent) - 2,
      x1: x + 2 + Math.ceil(metrics.width),
      y1: BASELINE + Math.ceil(metrics.actualBoundingBoxDescent) + 2,
    };
  });
  return { image: picture(), boxes };
}

/** The row as the engine read it: `read[k]` for the k-th glyph. */
function lineOf(read: string[], boxes: Box[]): OcrLine {
  return {
    words: read.map((text, k) => ({ text, confidence: 0.4, ...boxes[k]! })),
    baseline: { x0: boxes[0]!.x0, y0: BASELINE, x1: boxes.at(-1)!.x1, y1: BASELINE },
    xHeight: 22,
  };
}

describe('ticks and crosses told apart by their ink', () => {
  it('reads the shape of a tick and of a cross, and of nothing else', () => {
    const { image, boxes } = row(['✓', '✗', '✔', '✘', 'Y', 'N', 'x']);
    expect(boxes.map((box) => markOfInk(image, box))).toEqual([TICK, CROSS, TICK, CROSS, null, null, CROSS]);
  });

  it('reads the letters the engine made of them in a row of marks, less sure than it was', () => {
    const { image, boxes } = row(['✓', '✗', '✓', '✗', '✗', '✓']);
    const line = lineOf(['vv', 'OX', 's/s', '0X', 'XxX', 's'], boxes);
    const [read] = pageWithTicksRead({ lines: [line] }, image).lines;
    expect(read!.words.map((word) => word.text)).toEqual([TICK, CROSS, TICK, CROSS, CROSS, TICK]);
    expect(read!.words.every((word) => word.confidence < 0.4)).toBe(true);
  });

  it('leaves rows that do not read in marks, and words that are no mark, as read', () => {
    const { image, boxes } = row(['✓', '✗', '✓']);
    // One mark read as such is not yet a row of marks.
    const lone = lineOf(['v', 'OX', 's'], boxes);
    expect(pageWithTicksRead({ lines: [lone] }, image).lines[0]).toEqual(lone);
    // An answer letter or a number in a row of marks is no mark misread.
    const mixed = lineOf(['v', 'X', 'Y'], boxes);
    expect(pageWithTicksRead({ lines: [mixed] }, image).lines[0]!.words.map((word) => word.text)).toEqual([
      TICK,
      CROSS,
      'Y',
    ]);
  });
});
