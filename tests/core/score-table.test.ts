import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { outlineFromBlocks } from '../../src/core/headings.js';
import {
  metricNameFromHeader,
  rowsFromTransposed,
  scoreLayoutFromRows,
  scoreTablesFromBlocks,
  yearFromCell,
} from '../../src/core/score-table.js';
import type { Anomaly } from '../../src/record/types.js';
import { ENGLISH } from '../support/profiles.js';

const table = (rows: string[][]): Block => ({ kind: 'table', rows, headerRows: 1, source: {} });
const p = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: {} });
const h = (level: number, text: string): Block => ({ kind: 'heading', level, text, spans: [{ text }], source: {} });

function read(blocks: Block[], reading = ENGLISH) {
  const anomalies: Anomaly[] = [];
  const tables = scoreTablesFromBlocks(blocks, outlineFromBlocks(blocks, 0, ENGLISH), 0, anomalies, reading);
  return { tables, anomalies };
}

describe('metricNameFromHeader', () => {
  it.each([
    ['Q1', 'Q1'],
    ['q1', 'Q1'],
    ['Q 1', 'Q1'],
    ['Q.12', 'Q12'],
    [' Q03 ', 'Q3'],
    ['Q4*', 'Q4'],
    ['Question 5', 'Q5'],
    ['Q6.', 'Q6'],
    ['Q7: National strategy', 'Q7'],
    ['Q8 (oversight)', 'Q8'],
  ])('%j -> %s', (cell, name) => {
    expect(metricNameFromHeader(cell, ENGLISH)).toBe(name);
  });
  it.each(['Year', 'Total', 'Q', 'Quarter 1', 'Q1 2023', 'Q12345'])('%j is no metric', (cell) => {
    expect(metricNameFromHeader(cell, ENGLISH)).toBeNull();
  });
});

describe('scoreLayoutFromRows', () => {
  it('finds metric, year and total columns', () => {
    expect(
      scoreLayoutFromRows(
        [
          ['Year', 'Q1', 'Q2', 'Total'],
          ['2021', 'Y', 'N', '1'],
        ],
        ENGLISH,
      ),
    ).toEqual({
      headerRow: 0,
      columns: [
        { name: 'Q1', index: 1 },
        { name: 'Q2', index: 2 },
      ],
      yearIndex: 0,
      totalIndex: 3,
      width: 4,
    });
  });

  it('accepts a blank year header, Score for Total, and a title row above the header', () => {
    expect(
      scoreLayoutFromRows(
        [
          ['Scores', '', '', ''],
          ['', 'q 1', 'Q.2', 'Score'],
          ['2022', 'Y', 'N', '1'],
        ],
        ENGLISH,
      ),
    ).toMatchObject({
      headerRow: 1,
      yearIndex: 0,
      totalIndex: 3,
    });
  });

  it('refuses tables without metric columns or years', () => {
    expect(
      scoreLayoutFromRows(
        [
          ['Name', 'Role'],
          ['Aziz', 'Author'],
        ],
        ENGLISH,
      ),
    ).toBeNull();
    expect(
      scoreLayoutFromRows(
        [
          ['Q1', 'Q2'],
          ['Y', 'N'],
        ],
        ENGLISH,
      ),
    ).toBeNull();
  });
});

describe('a recognised header whose label wrapped in a narrow column', () => {
  const rows = [
    ['Year', 'Q1', 'Q2', 'Q', 'Sum'],
    ['', '', '', '3', ''],
    ['2021', 'Y', 'N', 'P', '1.5'],
  ];

  it('reads the label from its letter and the digits on the line below', () => {
    expect(scoreLayoutFromRows(rows, ENGLISH, true)?.columns).toEqual([
      { name: 'Q1', index: 1 },
      { name: 'Q2', index: 2 },
      { name: 'Q3', index: 3 },
    ]);
  });

  it('only in recognised text, and only when the line below holds nothing but such digits', () => {
    expect(scoreLayoutFromRows(rows, ENGLISH)?.columns).toHaveLength(2);
    const noted = [rows[0]!, ['', 'a', '', '3', ''], rows[2]!];
    expect(scoreLayoutFromRows(noted, ENGLISH, true)?.columns).toHaveLength(2);
  });
});

describe('rowsFromTransposed', () => {
  it('turns questions-as-rows into years-as-rows', () => {
    expect(
      rowsFromTransposed(
        [
          ['', '2021', '2022'],
          ['Q1', 'Y', 'N'],
          ['Q2', 'P', 'P'],
          ['Total', '1.5', '0.5'],
        ],
        ENGLISH,
      ),
    ).toEqual([
      ['Year', 'Q1', 'Q2', 'Total'],
      ['2021', 'Y', 'P', '1.5'],
      ['2022', 'N', 'P', '0.5'],
    ]);
  });
});

describe('scoreTablesFromBlocks', () => {
  it('reads rows, totals, changes and commentary under its headings', () => {
    const { tables, anomalies } = read([
      h(1, 'Changes in key metrics'),
      h(2, 'Kazakhstan'),
      table([
        ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
        ['2021', 'N', 'Yes', 'P', '1.5'],
        ['2022', 'Y', 'Y', 'p', '2,5'],
      ]),
      p('First\nline.'),
      p('Second.'),
      h(1, 'Next'),
      p('Not commentary.'),
    ]);
    expect(anomalies).toEqual([]);
    expect(tables).toEqual([
      {
        section: 'Changes in key metrics',
        subject: 'Kazakhstan',
        columns: ['Q1', 'Q2', 'Q3'],
        rows: [
          { year: 2021, answers: { Q1: 'N', Q2: 'Y', Q3: 'P' }, reportedTotal: 1.5, computedTotal: 1.5 },
          { year: 2022, answers: { Q1: 'Y', Q2: 'Y', Q3: 'P' }, reportedTotal: 2.5, computedTotal: 2.5 },
        ],
        changes: [{ column: 'Q1', fromYear: 2021, toYear: 2022, from: 'N', to: 'Y' }],
        commentary: ['First line.', 'Second.'],
      },
    ]);
  });

  it('reports every kind of bad cell with its path', () => {
    const { tables, anomalies } = read([
      table([
        ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
        ['2021', '', 'maybe', 'Y*', '4'],
        ['2022*', 'N', '—', 'Y', ''],
        ['2022', 'N', 'N', 'N', 'n/a'],
      ]),
    ]);
    expect(tables[0]!.rows.map((r) => [r.year, r.answers, r.reportedTotal, r.computedTotal])).toEqual([
      [2021, { Q1: null, Q2: null, Q3: 'Y' }, 4, 1],
      [2022, { Q1: 'N', Q2: null, Q3: 'Y' }, null, 1],
      [2022, { Q1: 'N', Q2: 'N', Q3: 'N' }, null, 0],
    ]);
    expect(anomalies.map((a) => [a.code, a.severity, a.path, a.expected, a.found])).toEqual([
      ['MISSING_ANSWER', 'warning', '/scoreTables/0/rows/0/answers/Q1', undefined, ''],
      ['UNKNOWN_ANSWER', 'warning', '/scoreTables/0/rows/0/answers/Q2', undefined, 'maybe'],
      ['FOOTNOTE_MARK', 'info', '/scoreTables/0/rows/0/answers/Q3', undefined, 'Y*'],
      ['TOTAL_MISMATCH', 'warning', '/scoreTables/0/rows/0/reportedTotal', 1, 4],
      ['FOOTNOTE_MARK', 'info', '/scoreTables/0/rows/1/year', undefined, '2022*'],
      ['MISSING_ANSWER', 'warning', '/scoreTables/0/rows/1/answers/Q2', undefined, '—'],
      ['MISSING_TOTAL', 'warning', '/scoreTables/0/rows/1/reportedTotal', undefined, undefined],
      ['DUPLICATE_YEAR', 'warning', '/scoreTables/0/rows/2/year', undefined, 2022],
      ['MISSING_TOTAL', 'warning', '/scoreTables/0/rows/2/reportedTotal', undefined, 'n/a'],
    ]);
    expect(anomalies[1]!.message).toBe('2021 Q2: maybe is not an answer');
    expect(anomalies[3]!.message).toBe('2021: Total says 4, answers add up to 1');
  });

  it('keeps an answer, a year and a total that carry a footnote reference, and reports only the marks', () => {
    const { tables, anomalies } = read([
      table([
        ['Year[^a]', 'Q1', 'Q2†', 'Q3 [1]', 'Total*'],
        ['2022[^1]', 'N', 'N', 'P', '0,50'],
        ['2023', 'P', 'Y[^1]', '🗸 2', '3,00¹'],
      ]),
    ]);
    expect(tables[0]!.columns).toEqual(['Q1', 'Q2', 'Q3']);
    expect(tables[0]!.rows.map((r) => [r.year, r.answers, r.reportedTotal, r.computedTotal])).toEqual([
      [2022, { Q1: 'N', Q2: 'N', Q3: 'P' }, 0.5, 0.5],
      [2023, { Q1: 'P', Q2: 'Y', Q3: 'Y' }, 3, 2.5],
    ]);
    expect(anomalies.map((a) => [a.code, a.path, a.found])).toEqual([
      ['FOOTNOTE_MARK', '/scoreTables/0/rows/0/year', '2022[^1]'],
      ['FOOTNOTE_MARK', '/scoreTables/0/rows/1/answers/Q2', 'Y[^1]'],
      ['FOOTNOTE_MARK', '/scoreTables/0/rows/1/answers/Q3', '🗸 2'],
      ['FOOTNOTE_MARK', '/scoreTables/0/rows/1/reportedTotal', '3,00¹'],
      ['TOTAL_MISMATCH', '/scoreTables/0/rows/1/reportedTotal', 3],
    ]);
  });

  it('maps short and long rows left to right and reports their shape', () => {
    const { tables, anomalies } = read([
      table([
        ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
        ['2021', 'Y', 'Y', '2'],
        ['2022', 'Y', 'N', 'P', 'N', '1.5'],
        ['2023', 'Y', 'P'],
      ]),
    ]);
    expect(tables[0]!.rows.map((r) => [r.answers, r.reportedTotal])).toEqual([
      [{ Q1: 'Y', Q2: 'Y', Q3: null }, 2],
      [{ Q1: 'Y', Q2: 'N', Q3: 'P' }, 1.5],
      [{ Q1: 'Y', Q2: 'P', Q3: null }, null],
    ]);
    expect(anomalies.map((a) => [a.code, a.path, a.expected, a.found])).toEqual([
      ['ROW_SHAPE', '/scoreTables/0/rows/0', 5, 4],
      ['ROW_SHAPE', '/scoreTables/0/rows/1', 5, 6],
      ['ROW_SHAPE', '/scoreTables/0/rows/2', 5, 3],
      ['MISSING_TOTAL', '/scoreTables/0/rows/2/reportedTotal', undefined, undefined],
    ]);
  });

  it('lists changes in year order with nulls', () => {
    const { tables } = read([
      table([
        ['Year', 'Q1', 'Q2', 'Total'],
        ['2023', 'Y', '', '1'],
        ['2021', 'N', 'N', '0'],
        ['2022', 'P', 'N', '0.5'],
      ]),
    ]);
    expect(tables[0]!.changes).toEqual([
      { column: 'Q1', fromYear: 2021, toYear: 2022, from: 'N', to: 'P' },
      { column: 'Q1', fromYear: 2022, toYear: 2023, from: 'P', to: 'Y' },
      { column: 'Q2', fromYear: 2022, toYear: 2023, from: 'N', to: null },
    ]);
  });

  it('reports every row of a table without a Total column', () => {
    const { tables, anomalies } = read([
      table([
        ['Year', 'Q1', 'Q2'],
        ['2021', 'Y', 'N'],
        ['2022', 'Y', 'Y'],
      ]),
    ]);
    expect(tables[0]!.rows.map((r) => r.reportedTotal)).toEqual([null, null]);
    expect(anomalies.map((a) => a.code)).toEqual(['MISSING_TOTAL', 'MISSING_TOTAL']);
  });

  it('reads a transposed table and ignores tables that are not score tables', () => {
    const { tables, anomalies } = read([
      table([
        ['Name', 'Role'],
        ['Aziz', 'Author'],
      ]),
      table([
        ['Question', '2021', '2022'],
        ['Q1', 'Y', 'N'],
        ['Q2', 'P', 'P'],
        ['Total', '1.5', '0.5'],
      ]),
    ]);
    expect(anomalies).toEqual([]);
    expect(tables.map((t) => [t.columns, t.rows.map((r) => r.year)])).toEqual([
      [
        ['Q1', 'Q2'],
        [2021, 2022],
      ],
    ]);
  });
});

describe('commentary cut by a page break', () => {
  it('joins a paragraph that goes on in lower case to the one before', () => {
    const { tables } = read([
      table([
        ['Year', 'Q1', 'Q2', 'Total'],
        ['2021', 'Y', 'N', '1'],
      ]),
      p('The score went up because the'),
      p('ministry acted.'),
      p('Second.'),
    ]);
    expect(tables[0]!.commentary).toEqual(['The score went up because the ministry acted.', 'Second.']);
  });
});

describe('yearFromCell', () => {
  it.each([
    ['2021', 2021, null],
    [' 2022 ', 2022, null],
    ['2021*', 2021, '*'],
    ['2023¹', 2023, '¹'],
    ['2021 (baseline)', 2021, null],
    ['FY2021', 2021, null],
    ['FY 2022', 2022, null],
    ['fy2023*', 2023, '*'],
  ])('%j -> %d', (cell, year, mark) => {
    expect(yearFromCell(cell)).toEqual({ year, mark });
  });
  it.each(['', 'Year', '21', '2021-2022', '2022/23', '1850', 'Total', 'FY', 'FYI 2021', 'FY21'])(
    '%j has no year',
    (cell) => {
      expect(yearFromCell(cell)).toBeNull();
    },
  );
});

describe('fiscal years', () => {
  it('reads a table whose years are written FY2021 under a Fiscal year header', () => {
    const rows = [
      ['Fiscal year', 'Q1', 'Q2', 'Total'],
      ['FY2021', 'Y', 'P', '1.5'],
      ['FY 2022', 'Y', 'Y', '2'],
    ];
    const { tables, anomalies } = read([table(rows)]);
    expect(anomalies).toEqual([]);
    expect(tables[0]!.rows.map((row) => row.year)).toEqual([2021, 2022]);
  });
});

describe('two header rows', () => {
  it('finds Year and Total in the row above the metric names', () => {
    const rows = [
      ['Year', 'Questions', '', 'Total'],
      ['', 'Q1', 'Q2', ''],
      ['2021', '✓', '✗', '1'],
    ];
    expect(scoreLayoutFromRows(rows, ENGLISH)).toEqual({
      headerRow: 1,
      columns: [
        { name: 'Q1', index: 1 },
        { name: 'Q2', index: 2 },
      ],
      yearIndex: 0,
      totalIndex: 3,
      width: 4,
    });
    const { tables, anomalies } = read([table(rows)]);
    expect(anomalies).toEqual([]);
    expect(tables[0]!.rows).toEqual([
      { year: 2021, answers: { Q1: 'Y', Q2: 'N' }, reportedTotal: 1, computedTotal: 1 },
    ]);
  });
});

/** The score tables of one table block, read as recognised by OCR (repairs allowed) or as stored text. */
function readRecognised(rows: string[][], recognised = true) {
  const source = recognised ? { page: 1, confidence: 0.9 } : { page: 1 };
  const blocks: Block[] = [{ kind: 'table', rows, headerRows: 1, source }];
  const anomalies: Anomaly[] = [];
  const tables = scoreTablesFromBlocks(
    blocks,
    outlineFromBlocks(blocks, 0, ENGLISH),
    0,
    anomalies,
    ENGLISH,
    {},
    {
      repaired: new Set<string>(),
    },
  );
  return { tables, anomalies };
}

describe('rows of a recognised table whose year is misread', () => {
  it('reads the year beside a lone year that only one direction of the table fits', () => {
    const { tables } = readRecognised([
      ['Year', 'Q1', 'Q2', 'Total'],
      ['221', 'Y', 'N', '1'],
      ['2022', 'Y', 'Y', '2'],
    ]);
    expect(tables[0]!.rows.map((row) => row.year)).toEqual([2021, 2022]);
  });

  it('flags a row of answers whose year cannot be read, rather than losing it silently', () => {
    const { tables, anomalies } = readRecognised([
      ['Year', 'Q1', 'Q2', 'Q3', 'Total'],
      ['wz21', 'Y', 'N', 'P', '1.5'],
      ['2022', 'Y', 'Y', 'P', '2.5'],
      ['Source: survey', '', '', '', ''],
    ]);
    expect(tables[0]!.rows.map((row) => row.year)).toEqual([2022]);
    expect(anomalies.filter((a) => a.code === 'ROW_SHAPE')).toEqual([
      expect.objectContaining({ path: '/scoreTables/0', found: 'wz21' }),
    ]);
  });
});

describe('a recognised header with a wrapped Total set down amid the questions', () => {
  const header = ['Year', 'Q1', 'Total', 'Q2', 'Q3', 'Q4'];
  const body = [
    ['2021', 'N', 'Y', 'P', 'N', '1.5'],
    ['2022', 'Y', 'Y', 'P', 'N', '2.5'],
  ];

  it('reads the labels back over their columns, and the unlabelled last column of numbers as the Total', () => {
    expect(scoreLayoutFromRows([header, ...body], ENGLISH, true)).toMatchObject({
      columns: [
        { name: 'Q1', index: 1 },
        { name: 'Q2', index: 2 },
        { name: 'Q3', index: 3 },
        { name: 'Q4', index: 4 },
      ],
      totalIndex: 5,
    });
  });

  it('keeps a Total column that holds numbers where it stands, and leaves stored tables as printed', () => {
    const middle = [
      ['Year', 'Q1', 'Total', 'Q2'],
      ['2021', 'Y', '2', 'Y'],
    ];
    expect(scoreLayoutFromRows(middle, ENGLISH, true)).toMatchObject({ totalIndex: 2 });
    expect(scoreLayoutFromRows([header, ...body], ENGLISH, false)).toMatchObject({ totalIndex: 2 });
  });
});

describe('a recognised table answered in marks', () => {
  // A fax of ticks, crosses and halves: the engine wrote `Y,` for a ½ and `P` for a cross.
  const rows = [
    ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
    ['2022', '✓', '½', '✗', 'P', '1.5'],
    ['2023', '✓', 'Y,', '✓', '½', '3'],
  ];

  it('does not believe an answer of one letter among the marks, and reports what was seen', () => {
    const { tables, anomalies } = readRecognised(rows);
    expect(tables[0]!.rows.map((row) => row.answers)).toEqual([
      { Q1: 'Y', Q2: 'P', Q3: 'N', Q4: null },
      { Q1: 'Y', Q2: null, Q3: 'Y', Q4: 'P' },
    ]);
    expect(anomalies.filter((a) => a.code === 'UNKNOWN_ANSWER').map((a) => [a.path, a.found])).toEqual([
      ['/scoreTables/0/rows/0/answers/Q4', 'P'],
      ['/scoreTables/0/rows/1/answers/Q2', 'Y,'],
    ]);
  });

  it('keeps whole words beside marks, the engine’s v and X for marks, and letters in a stored table', () => {
    const mixed = readRecognised([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
      ['2022', '✓', 'Partial', '✗', 'v', '2.5'],
      ['2023', '✓', 'Partially', '✓', 'X', '3.5'],
    ]);
    expect(mixed.tables[0]!.rows.map((row) => row.answers)).toEqual([
      { Q1: 'Y', Q2: 'P', Q3: 'N', Q4: 'Y' },
      { Q1: 'Y', Q2: 'P', Q3: 'Y', Q4: 'N' },
    ]);
    const stored = readRecognised(rows, false);
    expect(stored.tables[0]!.rows[0]!.answers.Q4).toBe('P');
  });
});
