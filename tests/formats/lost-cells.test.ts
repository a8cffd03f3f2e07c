import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import { pageWithLostCells } from '../../src/formats/ocr/lost-cells.js';
import type { OcrEngine, OcrLine, OcrWord, RecognisedPage } from '../../src/formats/ocr/ocr-engine.js';

type Box = { x0: number; y0: number; x1: number; y1: number };

function picture(width: number, height: number, inked: Box[]): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const { x0, y0, x1, y1 } of inked) for (let y = y0; y < y1; y++) pixels.fill(0, y * width + x0, y * width + x1);
  return { width, height, pixels, dpi: 300 };
}

const word = (text: string, box: Box): OcrWord => ({ text, confidence: 0.9, ...box });
const line = (words: OcrWord[]): OcrLine => ({
  words,
  baseline: { x0: words[0]!.x0, y0: words[0]!.y1, x1: words.at(-1)!.x1, y1: words.at(-1)!.y1 },
  xHeight: 20,
});

/**
 * An engine that reads a sheet as pieces of ink apart: the first of each row of the sheet
 * as `2022` (the row's first word, set there to open the line), every other as `read`.
 */
function engineReading(read: string, sheets: GrayImage[]): OcrEngine {
  return {
    name: 'test',
    recognize: async (sheet) => {
      sheets.push(sheet);
      const lines: OcrLine[] = [];
      for (let y = 0; y < sheet.height;) {
        const inked = (row: number) =>
          sheet.pixels.subarray(row * sheet.width, (row + 1) * sheet.width).some((v) => v < 128);
        if (!inked(y)) {
          y++;
          continue;
        }
        const top = y;
        while (y < sheet.height && inked(y)) y++;
        const words: OcrWord[] = [];
        let start = -1;
        for (let x = 0; x <= sheet.width; x++) {
          let any = false;
          for (let row = top; row < y && x < sheet.width; row++) any ||= sheet.pixels[row * sheet.width + x]! < 128;
          if (any && start < 0) start = x;
          if (!any && start >= 0) {
            words.push(word(words.length === 0 ? '2022' : read, { x0: start, y0: top, x1: x, y1: y }));
            start = -1;
          }
        }
        lines.push(line(words));
      }
      return { lines, width: sheet.width, height: sheet.height, picture: sheet };
    },
  };
}

describe('table cells the engine dropped, read again', () => {
  // A header over three columns and a total; the row's Q2 cell has ink but no word, and a
  // blot stands right of the table's last column, under no header.
  const header = line([
    word('Year', { x0: 100, y0: 50, x1: 180, y1: 80 }),
    word('Q1', { x0: 300, y0: 50, x1: 340, y1: 80 }),
    word('Q2', { x0: 500, y0: 50, x1: 540, y1: 80 }),
    word('Total', { x0: 700, y0: 50, x1: 780, y1: 80 }),
  ]);
  const row = line([
    word('2022', { x0: 100, y0: 120, x1: 180, y1: 150 }),
    word('Y', { x0: 310, y0: 120, x1: 330, y1: 150 }),
    word('1', { x0: 730, y0: 120, x1: 745, y1: 150 }),
  ]);
  const lost = { x0: 510, y0: 121, x1: 530, y1: 149 };
  const blot = { x0: 900, y0: 122, x1: 920, y1: 148 };
  const ink = [...header.words, ...row.words, lost, blot].map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 }));
  const page = (lines: OcrLine[]): RecognisedPage => ({
    lines,
    width: 1200,
    height: 400,
    picture: picture(1200, 400, ink),
  });

  it('reads ink where a row has no word, under a word of the rows around, into the row at its place', async () => {
    const sheets: GrayImage[] = [];
    const read = await pageWithLostCells(engineReading('N', sheets), page([header, row]));
    expect(sheets).toHaveLength(1);
    const words = read.lines[1]!.words;
    expect(words.map((w) => w.text)).toEqual(['2022', 'Y', 'N', '1']);
    expect(words[2]).toMatchObject(lost);
    // Found only on a second look: less sure than the engine's own reading there.
    expect(words[2]!.confidence).toBeLessThan(0.9);
  });

  it('reads nothing again on a page whose rows lost no cell, nor what the sheet gives as no cell', async () => {
    const sheets: GrayImage[] = [];
    const whole = line([...row.words, word('N', lost)].sort((a, b) => a.x0 - b.x0));
    const clean = picture(
      1200,
      400,
      [...header.words, ...whole.words].map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 })),
    );
    const done = { lines: [header, whole], width: 1200, height: 400, picture: clean };
    expect(await pageWithLostCells(engineReading('N', sheets), done)).toBe(done);
    expect(sheets).toHaveLength(0);
    // A glyph the engine boxed short (an N's left stem left out of its box) is no cell of its own.
    const short = line([...row.words, word('N', { x0: 525, y0: 121, x1: 530, y1: 149 })].sort((a, b) => a.x0 - b.x0));
    const shortPage = { lines: [header, short], width: 1200, height: 400, picture: picture(1200, 400, ink) };
    expect(await pageWithLostCells(engineReading('N', sheets), shortPage)).toBe(shortPage);
    expect(sheets).toHaveLength(0);
    const garbage = await pageWithLostCells(engineReading('~~~~~~~~', sheets), page([header, row]));
    expect(garbage.lines[1]!.words.map((w) => w.text)).toEqual(['2022', 'Y', '1']);
  });
});

describe('a whole column the engine dropped, header and all', () => {
  // Year, Q1, (Q2 lost), Q3 over two rows; the lost column's ink stands under no word read.
  const at = (x: number, y: number): Box => ({ x0: x, y0: y, x1: x + 30, y1: y + 30 });
  const rows = [50, 120, 190].map((y, r) =>
    line([
      word(r === 0 ? 'Year' : `${2021 + r}`, { x0: 100, y0: y, x1: 180, y1: y + 30 }),
      word(r === 0 ? 'Q1' : 'Y', at(300, y)),
      word(r === 0 ? 'Q3' : 'N', at(700, y)),
    ]),
  );
  const column = [50, 120, 190].map((y) => at(500, y + 1));
  const ink = (cells: Box[]) =>
    [...rows.flatMap((l) => l.words), ...cells].map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 }));
  const page = (cells: Box[], lines: OcrLine[] = rows): RecognisedPage => ({
    lines,
    width: 1200,
    height: 400,
    picture: picture(1200, 400, ink(cells)),
  });

  it('is read again where its unread ink stands one over another in three rows or more', async () => {
    const read = await pageWithLostCells(engineReading('P', []), page(column));
    expect(read.lines.map((l) => l.words.map((w) => w.text))).toEqual([
      ['Year', 'Q1', 'P', 'Q3'],
      ['2022', 'Y', 'P', 'N'],
      ['2023', 'Y', 'P', 'N'],
    ]);
  });

  it('is not taken from unread ink in fewer rows, under no word', async () => {
    const two = page(column.slice(1));
    expect(await pageWithLostCells(engineReading('P', []), two)).toBe(two);
  });
});
