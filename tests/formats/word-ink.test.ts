import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import { wordTrimmed } from '../../src/formats/ocr/word-ink.js';

/** White paper with black bars where the letters are (x ranges), rows 100–130. */
function paperWithInk(bars: readonly [number, number][]): GrayImage {
  const [width, height] = [400, 200];
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [from, to] of bars)
    for (let y = 100; y < 130; y++) for (let x = from; x < to; x++) pixels[y * width + x] = 0;
  return { width, height, pixels, dpi: 300 };
}

describe('word boxes cut in to their ink', () => {
  const word = { text: 'Q4', confidence: 0.9, x0: 40, y0: 95, x1: 160, y1: 135 };

  it('cuts the blank columns at both ends of a box', () => {
    // Letters at 60–80 and 90–120; the engine's box runs from 40 on to 160.
    expect(
      wordTrimmed(
        word,
        paperWithInk([
          [60, 80],
          [90, 120],
        ]),
      ),
    ).toMatchObject({ x0: 60, x1: 120 });
  });

  it('keeps a box without ink, and never widens one', () => {
    expect(wordTrimmed(word, paperWithInk([]))).toMatchObject({ x0: 40, x1: 160 });
    expect(wordTrimmed(word, paperWithInk([[20, 200]]))).toMatchObject({ x0: 40, x1: 160 });
  });
});
