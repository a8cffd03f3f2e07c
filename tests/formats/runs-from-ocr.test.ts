import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { ocrSizesSettled, runsFromOcr } from '../../src/formats/ocr/runs-from-ocr.js';
import type { TextRun } from '../../src/formats/pdf/pdf-text-items.js';

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

  it('sizes a row of ½ cells as a row of figures: a fraction stands as high as they do', () => {
    const row = (cells: string[], baseline: number): OcrLine => ({
      xHeight: 22,
      baseline: { x0: 100, y0: baseline, x1: 700, y1: baseline },
      words: cells.map((cell, k) =>
        word(cell, 100 + 120 * k, 100 + 120 * k + 24 * cell.length, baseline - 33, baseline),
      ),
    });
    const { runs } = runsFromOcr(
      { lines: [row(['2022', 'Y', 'Y', 'Y', '3'], 500), row(['2023', '½', '½', '½', '3'], 600)] },
      2550,
      3300,
      300,
    );
    expect(new Set(runs.map((run) => run.size)).size).toBe(1);
  });

  it('sizes a row by the words the engine read, not by one it could not read boxed over two cells', () => {
    const row = (cells: [string, number][], baseline: number): OcrLine => ({
      xHeight: 22,
      baseline: { x0: 100, y0: baseline, x1: 900, y1: baseline },
      words: cells.map(([cell, confidence], k) => ({
        ...word(cell, 100 + 120 * k, 100 + 120 * k + 24 * cell.length, baseline - 33, baseline),
        confidence,
      })),
    });
    // A tick and a half read as one "o" at confidence 0 and a "n/a" take lower-case
    // extents over boxes as tall as figures; the row's figures still give its size.
    const garbled = row(
      [
        ['2022', 0.96],
        ['½', 0.62],
        ['n/a', 0.79],
        ['o', 0],
        ['3', 0.97],
      ],
      600,
    );
    const { runs } = runsFromOcr(
      {
        lines: [
          row(
            [
              ['2021', 0.96],
              ['Y', 0.9],
              ['N', 0.9],
              ['3', 0.97],
            ],
            500,
          ),
          garbled,
        ],
      },
      2550,
      3300,
      300,
    );
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

  it('sets the parts of a line joined across two columns on their own baselines, sized from their boxes', () => {
    // The engine joined a left-column line (baseline 1461) and a right-column line (baseline
    // 1472) and fitted them badly: its x-height of 16 px is far from the 27 px the letters show.
    const line: OcrLine = {
      xHeight: 16,
      baseline: { x0: 314, y0: 1461, x1: 2240, y1: 1461 },
      words: [
        word('and', 314, 395, 1425, 1461),
        word('its', 438, 486, 1425, 1461),
        word('safeguards', 527, 776, 1425, 1470),
        word('funded', 1352, 1508, 1436, 1472),
        word('a', 1554, 1577, 1445, 1472),
        word('national', 1625, 1803, 1436, 1472),
      ],
    };
    // Lines the engine read alone, where its x-heights agree with the letters.
    const others = [1300, 1354].map((y): OcrLine => ({
      xHeight: 27,
      baseline: { x0: 314, y0: y, x1: 700, y1: y },
      words: [word('commission', 314, 612, y - 36, y), word('to', 638, 681, y - 33, y)],
    }));
    const { runs } = runsFromOcr({ lines: [...others, line] }, 2480, 3508, 300);
    const run = (text: string) => runs.find((r) => r.text === text)!;
    const points = 72 / 300;
    expect(run('and').y).toBeCloseTo((3508 - 1461) * points, 1);
    expect(run('national').y).toBeCloseTo((3508 - 1472) * points, 1);
    // 27 px of x-height at 300 dpi is about 12pt type; the engine's 16 px would make it 7pt.
    expect(run('and').size).toBeGreaterThan(11);
    expect(run('national').size).toBeCloseTo(run('and').size);
  });

  it('does not give a word set apart by justified spaces a size of its own for the dots of its i', () => {
    const line: OcrLine = {
      xHeight: 28,
      baseline: { x0: 1465, y0: 2021, x1: 2273, y1: 2021 },
      words: [
        word('approach', 1465, 1669, 1984, 2031),
        word('that', 1743, 1826, 1984, 2021),
        word('maximises', 1901, 2133, 1984, 2021),
        word('the', 2206, 2273, 1984, 2021),
      ],
    };
    const { runs } = runsFromOcr({ lines: [line] }, 2480, 3508, 300);
    expect(new Set(runs.map((run) => run.size)).size).toBe(1);
  });
});

describe('a recognised line of marks only', () => {
  it('gives no runs (the end of a rule read as `|`), where a line with a letter, figure or answer mark does', () => {
    const lineOf = (texts: string[], y: number): OcrLine => ({
      xHeight: 22,
      baseline: { x0: 100, y0: y, x1: 900, y1: y },
      words: texts.map((text, i) => word(text, 100 + 120 * i, 160 + 120 * i, y - 30, y)),
    });
    const { runs } = runsFromOcr(
      { lines: [lineOf(['|'], 500), lineOf(['~', '_'], 600), lineOf(['—', '✓'], 700), lineOf(['—', '2'], 800)] },
      2550,
      3300,
      300,
    );
    expect(runs.map((run) => run.text)).toEqual(['—', '✓', '—', '2']);
  });
});

describe('recognised type sizes settled', () => {
  const runsOf = (sizes: [number, number][]): TextRun[] =>
    sizes.map(([size, chars]) => ({ text: 'x'.repeat(chars), x: 0, y: 0, width: 1, size, bold: false, italic: false }));

  it('keeps one size whose measures spread over a tenth of the smallest (11.1 to 12.2pt)', () => {
    const runs = runsOf([
      [11.1, 10],
      [11.32, 90],
      [11.77, 90],
      [12.23, 560],
      [19.0, 30],
    ]);
    ocrSizesSettled(runs);
    expect(new Set(runs.slice(0, 4).map((run) => run.size)).size).toBe(1);
    expect(runs[4]!.size).toBe(19);
  });

  it('keeps sizes apart that a gap between their measures separates', () => {
    const runs = runsOf([
      [10, 400],
      [10.2, 100],
      [11.2, 300],
      [11.4, 50],
    ]);
    ocrSizesSettled(runs);
    expect(runs.map((run) => run.size)).toEqual([10, 10, 11, 11]);
  });
});
