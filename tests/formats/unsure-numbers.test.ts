import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrEngine, OcrLine, OcrWord, RecognisedPage } from '../../src/formats/ocr/ocr-engine.js';
import { pageWithUnsureNumbersReread } from '../../src/formats/ocr/unsure-numbers.js';

// A cleaned 300 dpi picture with a year column: a block of ink where each year is printed.
const YEARS = [
  { text: '2000', confidence: 0.3, y0: 400 },
  { text: '2012', confidence: 0.96, y0: 460 },
  { text: '2000', confidence: 0.55, y0: 520 },
];
function picture(): GrayImage {
  const [width, height] = [1200, 800];
  const pixels = new Uint8Array(width * height).fill(255);
  for (const { y0 } of YEARS) for (let y = y0; y < y0 + 30; y++) pixels.fill(0, y * width + 100, y * width + 180);
  return { width, height, pixels, dpi: 300 };
}
const word = (text: string, confidence: number, y0: number): OcrWord => ({
  text,
  confidence,
  x0: 100,
  y0,
  x1: 180,
  y1: y0 + 30,
});
const page = (): RecognisedPage => {
  const image = picture();
  const lines: OcrLine[] = YEARS.map(({ text, confidence, y0 }) => ({
    words: [word(text, confidence, y0), word('N', 0.9, y0)].map((w, i) => (i ? { ...w, x0: 300, x1: 330 } : w)),
    baseline: { x0: 100, y0: y0 + 30, x1: 330, y1: y0 + 30 },
    xHeight: 20,
  }));
  return { lines, width: image.width, height: image.height, picture: image };
};

/** An engine that reads each block of ink on the sheet, left to right, as the next of `texts`. */
function engineReading(texts: string[]): OcrEngine & { sheets: GrayImage[] } {
  const sheets: GrayImage[] = [];
  return {
    name: 'test',
    sheets,
    recognize: async (sheet, how) => {
      expect(how).toEqual({ cleaned: true });
      sheets.push(sheet);
      const words: OcrWord[] = [];
      for (let y = 0; y < sheet.height && words.length === 0; y++) {
        let x = 0;
        while (x < sheet.width) {
          if (sheet.pixels[y * sheet.width + x]! >= 128) {
            x++;
            continue;
          }
          const start = x;
          while (x < sheet.width && sheet.pixels[y * sheet.width + x]! < 128) x++;
          words.push({ text: texts[words.length] ?? '?', confidence: 0.9, x0: start, y0: y, x1: x, y1: y + 30 });
        }
      }
      return {
        lines: [{ words, baseline: { x0: 0, y0: 0, x1: 0, y1: 0 }, xHeight: 20 }],
        width: sheet.width,
        height: sheet.height,
        picture: sheet,
      };
    },
  };
}

const yearsOf = (read: RecognisedPage) => read.lines.map((line) => [line.words[0]!.text, line.words[0]!.confidence]);

describe('numbers the engine was unsure of', () => {
  it('reads the unsure four-digit words again alone, on one sheet, and takes the years read there', async () => {
    const engine = engineReading(['2009', '2011']);
    const read = await pageWithUnsureNumbersReread(engine, page());
    expect(engine.sheets).toHaveLength(1);
    expect(yearsOf(read)).toEqual([
      ['2009', 0.3],
      ['2012', 0.96],
      ['2011', 0.55],
    ]);
    // The answers beside them are left as they were.
    expect(read.lines.map((line) => line.words[1]!.text)).toEqual(['N', 'N', 'N']);
  });

  it('takes a small number for a small number (a total), and never a year for one', async () => {
    const totals = page();
    totals.lines[0]!.words[0]!.text = '1.33';
    totals.lines[2]!.words[0]!.text = '25';
    const read = await pageWithUnsureNumbersReread(engineReading(['4.33', '2020']), totals);
    expect(yearsOf(read)).toEqual([
      ['4.33', 0.3],
      ['2012', 0.96],
      ['25', 0.55],
    ]);
  });

  it('keeps the first reading when the second is no year, and reads nothing again when all are sure', async () => {
    const engine = engineReading(['20O9', '4.5']);
    expect(yearsOf(await pageWithUnsureNumbersReread(engine, page()))).toEqual(
      YEARS.map((y) => [y.text, y.confidence]),
    );
    const sure = page();
    for (const line of sure.lines) line.words[0]!.confidence = 0.95;
    const idle = engineReading([]);
    await pageWithUnsureNumbersReread(idle, sure);
    expect(idle.sheets).toHaveLength(0);
  });
});
