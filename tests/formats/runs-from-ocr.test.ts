import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { runsFromOcr } from '../../src/formats/ocr/runs-from-ocr.js';

const word = (text: string, x0: number, x1: number, top: number, bottom: number) => ({
  text,
  confidence: 0.9,
  x0,
  y0: top,
  x1,
  y1: bottom,
});

describe('recognised words as text runs', () => {
  it('gives a heading the engine joined to the line of the next column its own, larger size', () => {
    // Body text at x-height 22 px in the left column; a bold heading of the right column,
    // 18 % larger, on about the same baseline, read by the engine as one line with it.
    const line: OcrLine = {
      xHeight: 22,
      baseline: { x0: 387, y0: 1995, x1: 1446, y1: 1995 },
      words: [
        word('alliance', 681, 820, 1962, 1995),
        word('and', 859, 924, 1962, 1995),
        word('development', 961, 1197, 1962, 2004),
        word('Global', 1293, 1446, 1956, 1995),
      ],
    };
    const { runs } = runsFromOcr({ lines: [line] }, 2550, 3300, 300);
    const size = (text: string) => runs.find((run) => run.text === text)!.size;
    expect(size('and')).toBeCloseTo(size('alliance'));
    expect(size('development')).toBeCloseTo(size('alliance'));
    expect(size('Global') / size('alliance')).toBeGreaterThan(1.12);
  });

  it('keeps one size for a line of one type, whatever letters its words hold', () => {
    const line: OcrLine = {
      xHeight: 22,
      baseline: { x0: 100, y0: 500, x1: 900, y1: 500 },
      words: [
        word('was', 100, 160, 478, 500),
        word('typing', 180, 300, 467, 509),
        word('Hello', 320, 420, 467, 500),
        word('on', 440, 480, 478, 500),
      ],
    };
    const { runs } = runsFromOcr({ lines: [line] }, 2550, 3300, 300);
    expect(new Set(runs.map((run) => run.size)).size).toBe(1);
  });

  it("keeps an emphasised word's trailing punctuation out of the emphasis", () => {
    const line: OcrLine = {
      xHeight: 22,
      baseline: { x0: 100, y0: 500, x1: 900, y1: 500 },
      words: [
        { ...word('data', 100, 180, 467, 500), italic: true },
        { ...word('sharing.', 200, 360, 467, 509), italic: true },
      ],
    };
    const { runs } = runsFromOcr({ lines: [line] }, 2550, 3300, 300);
    expect(runs.map((run) => [run.text, run.italic])).toEqual([
      ['data', true],
      ['sharing', true],
      ['.', false],
    ]);
    // The full stop follows right after the word: no gap that would read as a space.
    expect(runs[2]!.x).toBeCloseTo(runs[1]!.x + runs[1]!.width);
  });
});
