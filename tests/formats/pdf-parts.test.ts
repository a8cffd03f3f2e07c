import { describe, expect, it } from 'vitest';
import { linesWithCentredCellsRaised } from '../../src/formats/pdf/pdf-centred-cells.js';
import { linesFromPage } from '../../src/formats/pdf/pdf-lines.js';
import { isPageNumberText } from '../../src/formats/pdf/pdf-page-furniture.js';
import { linesWithRunCells } from '../../src/formats/pdf/pdf-run-cells.js';
import { readsAsProse } from '../../src/formats/pdf/pdf-table-shape.js';
import { tablesFromLines } from '../../src/formats/pdf/pdf-tables.js';
import { fontFactsFromName, type PdfPage, type TextRun } from '../../src/formats/pdf/pdf-text-items.js';

describe('fontFactsFromName', () => {
  it.each([
    ['ABCDEF+LiberationSerif-Bold', { bold: true, italic: false }],
    ['Arial-BoldItalicMT', { bold: true, italic: true }],
    ['TimesNewRomanPS-ItalicMT', { bold: false, italic: true }],
    ['BAAAAA+DejaVuSans-Oblique', { bold: false, italic: true }],
    ['Calibri-Light', { bold: false, italic: false }],
    ['ABCDEF+SourceSansPro-Semibold', { bold: true, italic: false }],
    ['CAAAAA+DejaVuSerif', { bold: false, italic: false }],
  ])('%s', (name, facts) => {
    expect(fontFactsFromName(name)).toEqual(facts);
  });
});

describe('isPageNumberText', () => {
  it.each(['3', '- 3 -', '– 12 –', 'Page 3', 'page 3 of 7', '3 / 7', '3 of 7', 'iv', 'xii'])(
    '"%s" is a page number',
    (text) => {
      expect(isPageNumberText(text)).toBe(true);
    },
  );
  it.each(['civil', 'Page three', '2021 N N Y', '1. Kazakhstan', 'Total', 'ill', '2023'])('"%s" is not', (text) => {
    expect(isPageNumberText(text)).toBe(false);
  });
});

/** One run per word, `gap` points apart, 11pt text with 6pt per character. */
const wordRuns = (words: readonly string[], y: number, gap: number): TextRun[] => {
  let x = 50;
  return words.map((text) => {
    const run = { text, x, y, width: 6 * text.length, size: 11, bold: false, italic: false };
    x += run.width + gap;
    return run;
  });
};
const pageOf = (runs: TextRun[]): PdfPage => ({ number: 1, bottom: 0, top: 800, runs });

/** A table's cells as runs: columns 42pt apart, rows `pitch` apart from y 700, 11pt text with 6pt per character; empty cells print nothing. */
const gridRuns = (rows: readonly string[][], pitch = 17): TextRun[] =>
  rows.flatMap((row, r) =>
    row.flatMap((text, c) =>
      text === ''
        ? []
        : [{ text, x: 50 + c * 42, y: 700 - pitch * r, width: 6 * text.length, size: 11, bold: false, italic: false }],
    ),
  );

describe('linesWithRunCells', () => {
  it("cuts rows into cells where the runs' gaps line up from row to row", () => {
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
      ['2022', 'Yes', 'Partly', 'No', '1'],
      ['2023', 'No', 'Yes', 'Partly', '2'],
    ];
    // "Partly" ends 6pt before the next cell (under the 8.8pt segment gap), columns at fixed places.
    const runs = gridRuns(rows);
    const pitch = (): number => 13;
    const lines = linesWithRunCells(linesFromPage(pageOf(runs)), pitch);
    expect(lines.map((line) => line.segments.map((segment) => segment.text))).toEqual(rows);
  });

  it('leaves a justified paragraph whose words come as separate runs alone', () => {
    const words = 'The national digital strategy mentions artificial intelligence but without a budget'.split(' ');
    const runs = [0, 1, 2].flatMap((r) => wordRuns(words, 700 - 13 * r, 5));
    const lines = linesFromPage(pageOf(runs));
    const pitch = (): number => 13;
    expect(linesWithRunCells(lines, pitch).map((line) => line.segments.length)).toEqual([1, 1, 1]);
  });

  it('leaves lines of two list items alone whose word spaces line up by chance, and cuts rows of lower-case answers', () => {
    // Justified lines of two items (word for word of the same lengths, so every space lines
    // up), the gap between the items setting them further apart than a line pitch.
    const pitch = (): number => 13;
    const prose = [
      ['rules', 'on', 'how', 'long', 'the', 'data', 'are', 'kept', 'and', 'who'],
      ['House', 'of', 'the', 'laws', 'and', 'rule', 'for', 'data', 'was', 'new'],
    ];
    const proseRuns = prose.flatMap((words, r) => wordRuns(words, 700 - 30 * r, 5));
    const lines = linesWithRunCells(linesFromPage(pageOf(proseRuns)), pitch);
    expect(lines.map((line) => line.segments.length)).toEqual([1, 1]);
    // Answers from a vocabulary of a few lower-case words, set as tightly.
    const answers = [
      ['2021', 'oui', 'non', 'non', 'oui', 'non', 'oui', 'non', 'non', '3'],
      ['2022', 'oui', 'non', 'oui', 'oui', 'non', 'oui', 'non', 'oui', '5'],
      ['2023', 'non', 'non', 'oui', 'oui', 'oui', 'oui', 'non', 'oui', '6'],
    ];
    const answerRuns = answers.flatMap((words, r) => wordRuns(words, 700 - 30 * r, 5));
    const cut = linesWithRunCells(linesFromPage(pageOf(answerRuns)), pitch);
    expect(cut.map((line) => line.segments.map((segment) => segment.text))).toEqual(answers);
  });

  it('keeps an empty cell of a cut row as an empty segment, so the row stays whole', () => {
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
      ['2022', 'Yes', 'Partly', 'No', '1'],
      ['2023', 'No', '', 'Partly', '2'],
    ];
    const runs = gridRuns(rows, 13);
    const pitch = (): number => 13;
    const lines = linesWithRunCells(linesFromPage(pageOf(runs)), pitch);
    expect(lines.map((line) => line.segments.map((segment) => segment.text))).toEqual(rows);
  });

  it('does not cut a cell set in two runs (an answer and a note) into two columns', () => {
    const cell = (text: string, x: number, y: number): TextRun => ({
      text,
      x,
      y,
      width: 6 * text.length,
      size: 11,
      bold: false,
      italic: false,
    });
    const runs = [
      ...['Year', 'Q1', 'Q2', 'Q3'].map((text, c) => cell(text, 50 + c * 60, 700)),
      cell('2022', 50, 683),
      cell('Y', 110, 683),
      cell('(draft)', 119, 683),
      cell('N', 230, 683),
      cell('Y', 290, 683),
      cell('2023', 50, 666),
      cell('N', 110, 666),
      cell('Y', 230, 666),
      cell('(note)', 239, 666),
      cell('N', 290, 666),
    ];
    const lines = linesFromPage(pageOf(runs));
    const pitch = (): number => 13;
    expect(linesWithRunCells(lines, pitch).map((line) => line.segments.map((segment) => segment.text))).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3'],
      ['2022', 'Y (draft)', 'N', 'Y'],
      ['2023', 'N', 'Y (note)', 'N'],
    ]);
  });

  it('cuts a table whose heading above and paragraph below come one run per word, as OCR gives them', () => {
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
      ['2022', 'Yes', 'Partly', 'No', '1'],
      ['2023', 'No', 'Yes', 'Partly', '2'],
    ];
    const cells = gridRuns(rows);
    // The heading is set larger: 16pt, 9pt a character.
    const heading = wordRuns('Changes in key metrics'.split(' '), 722, 5).map((run) => ({
      ...run,
      x: 50 + (run.x - 50) * 1.5,
      width: run.width * 1.5,
      size: 16,
    }));
    // The paragraph runs on far past the table, its word spaces no gutters of it.
    const text = 'The commission extended its moratorium on facial recognition in public spaces for two more years';
    const paragraph = wordRuns(text.split(' '), 649, 3);
    const lines = linesWithRunCells(linesFromPage(pageOf([...heading, ...cells, ...paragraph])), (): number => 13);
    expect(lines.map((line) => line.segments.map((segment) => segment.text))).toEqual([
      ['Changes in key metrics'],
      ...rows,
      [text],
    ]);
  });

  it('leaves a short heading over a wide table out of it, though its words lie across one gutter only', () => {
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Total'],
      ['2022', 'Partly', 'No', 'Partly', 'Yes', 'Partly', 'No', '2'],
      ['2023', 'Yes', 'Yes', 'Partly', 'Yes', 'No', 'Partly', '4'],
    ];
    const cells = gridRuns(rows);
    // Of the gutters under it, only "metrics" lies across one.
    const heading = wordRuns('Changes in key metrics'.split(' '), 717, 5);
    const text = 'The commission extended its moratorium on facial recognition in public spaces';
    const paragraph = wordRuns(text.split(' '), 649, 2);
    const lines = linesWithRunCells(linesFromPage(pageOf([...heading, ...cells, ...paragraph])), (): number => 13);
    expect(lines.map((line) => line.segments.map((segment) => segment.text))).toEqual([
      ['Changes in key metrics'],
      ...rows,
      [text],
    ]);
  });

  it('keeps a gutter open that only one recognised word the engine was unsure of runs across', () => {
    // The engine read "2023" with the "No" beside it as one unsure word, as wide as both.
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
      ['2021', 'No', 'Partly', 'No', '1'],
      ['2022', 'Yes', 'Partly', 'No', '1'],
      ['2023', '', 'Yes', 'Partly', '2'],
    ];
    const runs = gridRuns(rows).map((run) => ({ ...run, confidence: 0.9 }));
    Object.assign(
      runs.find((run) => run.text === '2023')!,
      { width: 54, confidence: 0.2 },
    );
    const lines = linesWithRunCells(linesFromPage(pageOf(runs)), (): number => 13);
    expect(lines.map((line) => line.segments.map((segment) => segment.text))).toEqual(rows);
  });

  it('keeps two cells a wide gap parts apart where no gutter runs between them', () => {
    // The header read "Q2Q3" as one word across two columns, so no gutter parts them.
    const cell = (text: string, x: number, right: number, y: number): TextRun => ({
      text,
      x,
      y,
      width: right - x,
      size: 11,
      bold: false,
      italic: false,
    });
    const runs = [
      cell('Year', 50, 74, 700),
      cell('Q1', 92, 104, 700),
      cell('Q2Q3', 130, 200, 700),
      cell('Total', 230, 260, 700),
      cell('2022', 50, 74, 683),
      cell('Yes', 92, 110, 683),
      cell('Partly', 116, 152, 683),
      cell('No', 180, 192, 683),
      cell('1', 230, 236, 683),
      cell('2023', 50, 74, 666),
      cell('No', 92, 104, 666),
      cell('Yes', 116, 134, 666),
      cell('Partly', 166, 202, 666),
      cell('2', 230, 236, 666),
    ];
    const lines = linesWithRunCells(linesFromPage(pageOf(runs)), (): number => 13);
    expect(lines.map((line) => line.segments.map((segment) => segment.text))).toEqual([
      ['Year', 'Q1', 'Q2Q3', 'Total'],
      ['2022', 'Yes', 'Partly', 'No', '1'],
      ['2023', 'No', 'Yes', 'Partly', '2'],
    ]);
  });

  it('joins a raised small number to the word before it as a superscript', () => {
    const runs = [
      { text: 'Yes', x: 50, y: 700, width: 18, size: 11, bold: false, italic: false },
      { text: '1', x: 68, y: 703, width: 5, size: 8, bold: false, italic: false },
    ];
    expect(linesFromPage(pageOf(runs)).map((line) => line.text)).toEqual(['Yes¹']);
  });
});

describe('tablesFromLines with a header cell wrapped in the last column', () => {
  // Cells 8pt text, 32pt apart; the last header cell's lines sit one line pitch (9pt) apart.
  const cell = (text: string, x: number, y: number): TextRun => ({
    text,
    x,
    y,
    width: 3.6 * text.length,
    size: 8,
    bold: false,
    italic: false,
  });
  const tableOf = (top: string, below: string): string[][] => {
    const runs = [
      ...['Year', 'Q1', 'Q2', 'Q3'].map((text, c) => cell(text, 80 + c * 32, 700)),
      cell(top, 208, 700),
      cell(below, 208, 691),
      ...['2022', 'Yes', 'No', 'Yes', '8'].map((text, c) => cell(text, 80 + c * 32, 676)),
      ...['2023', 'No', 'Yes', 'Yes', '9'].map((text, c) => cell(text, 80 + c * 32, 661)),
    ];
    const tables = tablesFromLines(linesFromPage(pageOf(runs)), () => 9);
    expect(tables).toHaveLength(1);
    return tables[0]!.rows;
  };

  it('keeps the space of a label wrapped at its space ("Total" / "score")', () => {
    expect(tableOf('Total', 'score')[0]).toEqual(['Year', 'Q1', 'Q2', 'Q3', 'Total score']);
  });

  it('still joins a word the column broke ("Tota" / "l")', () => {
    expect(tableOf('Tota', 'l')[0]).toEqual(['Year', 'Q1', 'Q2', 'Q3', 'Total']);
  });
});

describe('tablesFromLines in a justified narrow column', () => {
  it('does not take a heading over a justified line for the lone first cell of a table row', () => {
    // Justified lines whose stretched spaces (18pt) pass the segment gap, the end of a
    // paragraph, then a subheading in larger type and the first line of a list item.
    const spread = (words: readonly string[], y: number, size = 12): TextRun[] => {
      let x = 330;
      return words.map((text) => {
        const run = { text, x, y, width: 6 * text.length, size, bold: false, italic: false };
        x += run.width + 18;
        return run;
      });
    };
    const runs = [
      ...spread(['appointment', 'of', 'data', 'protection'], 510),
      ...spread(['officers.'], 497),
      ...spread(['Regional'], 477, 15),
      ...spread(['1.', 'Thailand', 'took', 'part', 'in', 'the'], 463),
    ];
    expect(tablesFromLines(linesFromPage(pageOf(runs)), () => 13)).toEqual([]);
  });
});

describe('prose test shared by both table finders', () => {
  const pitch = (size: number) => size * 1.2;
  const rowsAt = (...ys: number[]) => ys.map((y) => [{ y, size: 10 }]);
  const words = [{ text: 'justified' }, { text: 'paragraph' }, { text: 'words' }];

  it('reads rows at the paragraph pitch holding words as prose', () => {
    expect(readsAsProse(rowsAt(700, 688, 676), words, pitch)).toBe(true);
  });
  it('reads rows set further apart than the pitch (cell padding) as a table', () => {
    expect(readsAsProse(rowsAt(700, 688, 670), words, pitch)).toBe(false);
  });
  it('reads rows of short cells as a table whatever their spacing', () => {
    expect(readsAsProse(rowsAt(700, 688, 676), [{ text: '2023' }, { text: 'Y' }, { text: 'P' }], pitch)).toBe(false);
  });
  it('measures the gap from the last line of a wrapped row to the next row', () => {
    const wrapped = [
      [
        { y: 700, size: 10 },
        { y: 688, size: 10 },
      ],
      [{ y: 676, size: 10 }],
    ];
    expect(readsAsProse(wrapped, words, pitch)).toBe(true);
  });
});

describe('tablesFromLines with rows of wrapped cells standing a line apart', () => {
  it('opens a new row where a column the row already filled is filled again under a line that left it empty', () => {
    // A scanned table: `Partially` wraps as `Partial` / `ly` in narrow columns, and the rows
    // stand no further apart than the lines of a cell (13pt); the second row's Total is blank.
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
      ['2022', 'Yes', 'Partial', 'No', '1.5'],
      ['', '', 'ly', '', ''],
      ['2023', 'Yes', 'Partial', 'Partial', ''],
      ['', '', 'ly', 'ly', ''],
    ];
    const runs = rows.flatMap((row, r) =>
      row.flatMap((text, c): TextRun[] =>
        text === ''
          ? []
          : [
              {
                text,
                x: 50 + c * 60,
                y: 700 - 13 * r - (r > 0 ? 8 : 0),
                width: 6 * text.length,
                size: 11,
                bold: false,
                italic: false,
              },
            ],
      ),
    );
    const tables = tablesFromLines(linesFromPage(pageOf(runs)), () => 13);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['2022', 'Yes', 'Partially', 'No'],
      ['2023', 'Yes', 'Partially', 'Partially'],
    ]);
  });
});

describe('linesWithCentredCellsRaised', () => {
  /** Runs of `size` pt type, 6 pt a character on 11 pt, set at [text, x, baseline]. */
  const placed = (cells: readonly [string, number, number][], size = 12): TextRun[] =>
    cells.map(([text, x, y]) => ({ text, x, y, width: (size / 2) * text.length, size, bold: false, italic: false }));

  it('raises the one-line cells centred between the two lines of a row of wrapped cells onto its first line', () => {
    // A LibreOffice print (14 pt pitch): `Yea` / `r`, `Q` / `2`, `Tota` / `l` wrap, `Q1` and `Q3` do not.
    const lines = linesFromPage(
      pageOf(
        placed([
          ['Yea', 58, 620.6],
          ['Q', 109, 620.6],
          ['Tota', 191, 620.6],
          ['Q1', 88, 613.6],
          ['Q3', 129, 613.6],
          ['r', 58, 606.6],
          ['2', 109, 606.6],
          ['l', 191, 606.6],
        ]),
      ),
    );
    const raised = linesWithCentredCellsRaised(lines, () => 14);
    expect(raised.map((line) => line.segments.map((segment) => segment.text))).toEqual([
      ['Yea', 'Q1', 'Q', 'Q3', 'Tota'],
      ['r', '2', 'l'],
    ]);
    expect(raised[0]!.y).toBe(620.6);
  });

  it('leaves labels set a little lower beside a header over several columns where they stand', () => {
    // `Year` and `Total` centred beside a two-line header, `Questions` over `Q1` … `Q4` (set
    // closer than a cell gap, one segment): the line under `Questions` spreads far wider
    // than it, so it is no rest of a wrapped cell.
    const lines = linesFromPage(
      pageOf(
        placed(
          [
            ['Questions', 64, 593.3],
            ['Year', 36, 589.5],
            ['Total', 120, 589.5],
            ['Q1', 54, 585.8],
            ['Q2', 65, 585.8],
            ['Q3', 76, 585.8],
            ['Q4', 87, 585.8],
          ],
          7,
        ),
      ),
    );
    expect(lines).toHaveLength(3);
    expect(linesWithCentredCellsRaised(lines, () => 8.2)).toEqual(lines);
  });
});
