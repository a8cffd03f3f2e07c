import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/blocks/model.js';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { blocksFromPages } from '../../src/formats/pdf/blocks-from-pdf.js';
import { ocrLine, recognisedPage, wordsAt } from '../support/recognised-lines.js';

/** The tables read from the lines as a recognised page. */
function tablesOn(lines: OcrLine[]): TableBlock[] {
  return blocksFromPages([recognisedPage(lines)], 'no text').blocks.filter(
    (block): block is TableBlock => block.kind === 'table',
  );
}

/**
 * Score tables on coarse scans (a 150 dpi fax enlarged to 300 dpi): dust lies everywhere,
 * and the engine reads the specks in the gaps between cells as full stops, colons or
 * quotes, words of their own.
 */

// Cells 190 px apart: a gap of two to three x-heights between the widest answers.
const COLUMN = 190;
const cellX = (column: number): number => 300 + COLUMN * column;

/** A table row as the engine reads it, with a speck read as `mark` in the gap before column `at`. */
function row(cells: readonly string[], baseline: number, specks: readonly [string, number][] = []): OcrLine {
  const line = ocrLine(
    cells.map((cell, column) => [cell, cellX(column)]),
    baseline,
  );
  for (const [mark, at] of specks) {
    // Midway between the end of the cell before and the start of the next, a few pixels wide.
    const before = line.words.filter((word) => word.x1 <= cellX(at)).at(-1)!;
    const x = Math.round((before.x1 + cellX(at)) / 2);
    line.words.push({ ...wordsAt(mark, x, baseline)[0]!, x1: x + 4 });
  }
  line.words.sort((a, b) => a.x0 - b.x0);
  return line;
}

describe('score tables on coarse scans', () => {
  it('keeps each row and each cell where specks read as marks stand between cells', () => {
    const lines = [
      ocrLine([['Changes in key metrics', 300]], 400, 38),
      row(['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'], 560),
      row(['2021', 'Yes', 'No', 'Partly', 'No', '4,5'], 640, [['.', 5]]),
      row(['2022', 'Yes', 'Partly', 'Partly', 'No', '5,5'], 720, [[':', 2]]),
      row(['2023', 'Yes', 'Partly', 'Yes', 'No', '7'], 800, [
        ['.', 4],
        ['‘', 2],
      ]),
    ];
    const tables = tablesOn(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
      ['2021', 'Yes', 'No', 'Partly', 'No', '4,5'],
      ['2022', 'Yes', 'Partly', 'Partly', 'No', '5,5'],
      ['2023', 'Yes', 'Partly', 'Yes', 'No', '7'],
    ]);
  });

  it('keeps marks that stand against their words or in running text', () => {
    const lines = [
      // A French colon after a space, a full stop the engine gave as a word of its own.
      ocrLine(
        [
          ['Date', 300],
          [':', 300 + 4 * 21 + 14],
          ['12 avril 2024', 300 + 5 * 21 + 28],
        ],
        400,
      ),
      ocrLine(
        [
          ['The ministry adopted a plan', 300],
          ['.', 300 + 23 * 21 + 4 * 14 + 2],
        ],
        480,
      ),
    ];
    const { blocks } = blocksFromPages([recognisedPage(lines)], 'no text');
    expect(blocks.map((block) => ('text' in block ? block.text : null))).toEqual([
      'Date : 12 avril 2024',
      'The ministry adopted a plan.',
    ]);
  });
});

describe('tight score tables', () => {
  it('keeps two header labels set closer than a cell gap apart when a row below runs its cells together', () => {
    // Words at their own boxes: [text, left, right]; letters 21 px wide, cells further apart than the labels.
    const line = (words: readonly [string, number, number][], baseline: number): OcrLine => {
      const placed = words.map(([text, x0, x1]) => ({ ...wordsAt(text, x0, baseline)[0]!, x1 }));
      return {
        words: placed,
        baseline: { x0: placed[0]!.x0, y0: baseline, x1: placed.at(-1)!.x1, y1: baseline },
        xHeight: 27,
      };
    };
    const row = (year: string, answers: readonly string[], total: string, baseline: number): OcrLine =>
      line(
        [
          [year, 300, 384],
          ...answers.map((answer, k): [string, number, number] => [answer, 430 + 180 * k, 451 + 180 * k]),
          [total, 960, 981],
        ],
        baseline,
      );
    const lines = [
      // "Year" and "Q1" a word space and a half apart: one segment of the line.
      line(
        [
          ['Year', 300, 384],
          ['Q1', 412, 454],
          ['Q2', 610, 652],
          ['Q3', 790, 832],
          ['Total', 940, 1045],
        ],
        560,
      ),
      // The engine read the first row's year and answer as one word, across the gutter.
      line(
        [
          ['2020Y', 300, 451],
          ['P', 610, 631],
          ['N', 790, 811],
          ['4', 960, 981],
        ],
        640,
      ),
      row('2021', ['Y', 'P', 'N'], '5', 720),
      row('2022', ['Y', 'Y', 'N'], '6', 800),
    ];
    const tables = tablesOn(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows[0]).toEqual(['Year', 'Q1', 'Q2', 'Q3', 'Total']);
    expect(tables[0]!.rows[2]).toEqual(['2021', 'Y', 'P', 'N', '5']);
  });
});

describe('score tables whose narrow columns wrap every label and year', () => {
  // A LibreOffice print: each header label and year wraps in its cell (`Yea` / `r`, `Q` / `1`,
  // `Tota` / `l`, `202` / `2`), a cell's lines a line pitch (58 px) apart, and each row's
  // one-line answers set vertically centred, half a pitch under the first line of its year.
  const PITCH = 58;
  // Columns so narrow that `Q1` does not fit; the second a cell gap after `Yea`, or closer (`Yea Q` one segment).
  const columnsFrom = (second: number): number[] => [300, ...[0, 1, 2, 3, 4].map((k) => second + 64 * k)];
  const cells = (texts: readonly string[], baseline: number, columns = columnsFrom(410)): OcrLine =>
    ocrLine(
      texts.flatMap((text, c): [string, number][] => (text === '' ? [] : [[text, columns[c]!]])),
      baseline,
    );
  const row = (year: string, rest: string, answers: readonly string[], top: number, columns?: number[]): OcrLine[] => [
    cells([year], top, columns),
    cells(['', ...answers], top + PITCH / 2, columns),
    cells([rest], top + PITCH, columns),
  ];
  const prose = [
    ocrLine([['The AI charter moved Q3 to Partly, after the ministry consulted on it', 300]], 1560),
    ocrLine([['through the spring.', 300]], 1560 + PITCH),
  ];

  it.each([
    ['a cell gap apart', 410],
    ['closer than a cell gap after the first', 400],
  ])('reads each row as its year and the answers centred between the year’s lines, labels %s', (_, second) => {
    const columns = columnsFrom(second);
    const lines = [
      ocrLine([['Changes in key metrics', 300]], 800, 38),
      cells(['Yea', 'Q', 'Q', 'Q', 'Q', 'Tota'], 1000, columns),
      cells(['r', '1', '2', '3', '4', 'l'], 1000 + PITCH, columns),
      ...row('202', '2', ['Y', 'N', 'N', 'P', '1.5'], 1190, columns),
      ...row('202', '3', ['Y', 'N', 'P', 'P', '2'], 1380, columns),
      ...prose,
    ];
    const tables = tablesOn(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
      ['2022', 'Y', 'N', 'N', 'P', '1.5'],
      ['2023', 'Y', 'N', 'P', 'P', '2'],
    ]);
  });

  it('keeps the next row where the engine read a year’s two lines as one, leaving a tall gap under it', () => {
    const lines = [
      ocrLine([['Changes in key metrics', 300]], 800, 38),
      cells(['Yea', 'Q', 'Q', 'Q', 'Q', 'Tota'], 1000),
      cells(['r', '1', '2', '3', '4', 'l'], 1000 + PITCH),
      // `202` over `2` read as one word, the row as one line: more than three type sizes above the next row.
      cells(['2022', 'Y', 'N', 'N', 'P', '1.5'], 1190),
      ...row('202', '3', ['Y', 'N', 'P', 'P', '2'], 1380),
      ...prose,
    ];
    const tables = tablesOn(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.slice(1)).toEqual([
      ['2022', 'Y', 'N', 'N', 'P', '1.5'],
      ['2023', 'Y', 'N', 'P', 'P', '2'],
    ]);
  });

  it('reads a header whose one-line labels are centred between the lines of the wrapped ones', () => {
    // `Q1` fits its column, and stands closer to `Yea` than a cell gap.
    const columns = columnsFrom(385);
    const lines = [
      ocrLine([['Changes in key metrics', 300]], 800, 38),
      cells(['Yea', '', 'Q', '', '', 'Tota'], 1000, columns),
      cells(['', 'Q1', '', 'Q3', 'Q4', ''], 1000 + PITCH / 2, columns),
      cells(['r', '', '2', '', '', 'l'], 1000 + PITCH, columns),
      ...row('202', '1', ['Y', 'N', 'N', 'Y', '2'], 1190, columns),
      ...row('202', '2', ['Y', 'Y', 'N', 'Y', '3'], 1380, columns),
      ...prose,
    ];
    const tables = tablesOn(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
      ['2021', 'Y', 'N', 'N', 'Y', '2'],
      ['2022', 'Y', 'Y', 'N', 'Y', '3'],
    ]);
  });
});
