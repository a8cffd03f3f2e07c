import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { outlineFromBlocks } from '../../src/core/headings.js';
import { scoreTablesFromBlocks } from '../../src/core/score-table.js';
import { headerCellsFromLine, textTableAt } from '../../src/core/text-tables.js';
import type { Anomaly } from '../../src/record/types.js';
import { ENGLISH } from '../support/profiles.js';

const p = (text: string, bold = false): Block => ({ kind: 'paragraph', text, spans: [{ text, bold }], source: {} });
const h = (level: number, text: string): Block => ({ kind: 'heading', level, text, spans: [{ text }], source: {} });
const table = (rows: string[][]): Block => ({ kind: 'table', rows, headerRows: 0, source: {} });

function read(blocks: Block[]) {
  const anomalies: Anomaly[] = [];
  const tables = scoreTablesFromBlocks(blocks, outlineFromBlocks(blocks, 0, ENGLISH), 0, anomalies, ENGLISH);
  return { tables, anomalies };
}

describe('headerCellsFromLine', () => {
  it('reads a line of Year, metric and Total words', () => {
    expect(headerCellsFromLine('Year Q1 Q2 Q3 Total', ENGLISH)).toEqual(['Year', 'Q1', 'Q2', 'Q3', 'Total']);
    expect(headerCellsFromLine(' Q1  Q2 Total ', ENGLISH)).toEqual(['Year', 'Q1', 'Q2', 'Total']);
  });

  it('refuses prose and lines with fewer than two metrics', () => {
    expect(headerCellsFromLine('Q1 and Q2 changed', ENGLISH)).toBeNull();
    expect(headerCellsFromLine('Year Q1 Total', ENGLISH)).toBeNull();
    expect(headerCellsFromLine('Scores by year', ENGLISH)).toBeNull();
  });
});

describe('recognised header lines', () => {
  const recognised = (text: string): Block => ({
    kind: 'heading',
    level: 2,
    text,
    spans: [{ text, bold: true }],
    source: { page: 1, confidence: 0.8 },
  });
  const header = 'Year Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10 Ql1 Q12 Total';
  const rows = [['2022', ...'YPNYPNYPNYPN'.split(''), '6']];

  it('take a few misread labels among true ones, only in recognised text', () => {
    expect(headerCellsFromLine(header, ENGLISH, true)).toHaveLength(14);
    expect(headerCellsFromLine(header, ENGLISH)).toBeNull();
    // Mostly unreadable words are no header, even when recognised.
    expect(headerCellsFromLine('Year Q1 Q2 ab cd ef gh Total', ENGLISH, true)).toBeNull();
  });

  it('head the table below them, the misread label named from its neighbours', () => {
    const blocks = [recognised(header), { ...table(rows), source: { page: 1, confidence: 0.9 } }];
    const repairs = { repaired: new Set<string>() };
    const outline = outlineFromBlocks(blocks, 0, ENGLISH);
    const tables = scoreTablesFromBlocks(blocks, outline, 0, [], ENGLISH, {}, repairs);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.columns).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10', 'Q11', 'Q12']);
    expect(tables[0]!.rows[0]!.answers.Q11).toBe('P');
  });

  it('read a recognised table whose cells ran together, or were copied over columns, as its lines', () => {
    const box = (x: number): { page: number; box: [number, number, number, number]; confidence: number } => ({
      page: 1,
      box: [x, 0.2, x + 0.01, 0.21],
      confidence: 0.9,
    });
    const merged: Block = {
      kind: 'table',
      rows: [
        ['Year Q1', 'Q2', 'Q3', 'Q4 Q5', 'Total'],
        ['2022 Yes', 'No', 'Partly No Yes', 'Partly No Yes', '3'],
      ],
      headerRows: 0,
      // The third piece spans two columns: both cells carry its one place.
      cellSources: [
        [box(0.1), box(0.2), box(0.3), box(0.4), box(0.5)],
        [box(0.1), box(0.2), box(0.3), box(0.3), box(0.5)],
      ],
      source: { page: 1, confidence: 0.9 },
    };
    const outline = outlineFromBlocks([merged], 0, ENGLISH);
    const tables = scoreTablesFromBlocks([merged], outline, 0, [], ENGLISH, {}, { repaired: new Set<string>() });
    expect(tables[0]!.columns).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect(tables[0]!.rows[0]).toMatchObject({
      year: 2022,
      answers: { Q1: 'Y', Q2: 'N', Q3: 'P', Q4: 'N', Q5: 'Y' },
      reportedTotal: 3,
    });
  });

  it('head a table whose first row lost its year to OCR, the rows below still starting with years', () => {
    const garbled = [
      ['2000Y', '2000Y', ...'PNYPNYPNYPN'.split(''), '6'],
      ...rows,
      ['2023', ...'YYYYYYYYYYYY'.split(''), '12'],
    ];
    const blocks = [recognised(header), { ...table(garbled), source: { page: 1, confidence: 0.9 } }];
    const outline = outlineFromBlocks(blocks, 0, ENGLISH);
    const tables = scoreTablesFromBlocks(blocks, outline, 0, [], ENGLISH, {}, { repaired: new Set<string>() });
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((row) => row.year)).toContain(2023);
    // Stored text is read as it is: the same rows under a header in a born-digital file start with a year or are no table.
    const stored = [h(2, header.replace('Ql1', 'Q11')), table(garbled)];
    expect(read(stored).tables).toHaveLength(0);
  });
});

describe('textTableAt', () => {
  it('takes rows from the lines under the header, across paragraphs, and keeps what follows as rest', () => {
    const at = (text: string, line: number): Block => ({
      kind: 'paragraph',
      text,
      spans: [{ text }],
      source: { line },
    });
    const blocks = [
      at('Year Q1 Q2 Total', 10),
      at('2022 Y N 1\n2023 ✔ Partial 1,5', 12),
      at('2024 N N 0\nThe law changed.', 15),
    ];
    expect(textTableAt(blocks, 0, ENGLISH)).toEqual({
      rows: [
        ['Year', 'Q1', 'Q2', 'Total'],
        ['2022', 'Y', 'N', '1'],
        ['2023', '✔', 'Partial', '1,5'],
        ['2024', 'N', 'N', '0'],
      ],
      rowSources: [{ line: 10 }, { line: 12 }, { line: 13 }, { line: 15 }],
      lastBlock: 2,
      rest: 'The law changed.',
    });
  });

  it('puts a header line on top of a table of body rows', () => {
    const blocks = [p('Year Q1 Q2 Total', true), table([['2022', 'Y', 'N', '1']])];
    expect(textTableAt(blocks, 0, ENGLISH)).toEqual({
      rows: [
        ['Year', 'Q1', 'Q2', 'Total'],
        ['2022', 'Y', 'N', '1'],
      ],
      rowSources: [{}, {}],
      lastBlock: 1,
      rest: null,
    });
  });

  it('passes over a caption on the lines above the header', () => {
    expect(textTableAt([p('Table 1. Scores\nYear Q1 Q2 Total\n2022 Y N 1')], 0, ENGLISH)).toEqual({
      rows: [
        ['Year', 'Q1', 'Q2', 'Total'],
        ['2022', 'Y', 'N', '1'],
      ],
      rowSources: [{}, {}],
      lastBlock: 0,
      rest: null,
    });
  });

  it('finds nothing without a header line or without rows', () => {
    expect(textTableAt([p('Some text'), p('2022 Y N 1')], 0, ENGLISH)).toBeNull();
    expect(textTableAt([p('Year Q1 Q2 Total'), p('No rows here.')], 0, ENGLISH)).toBeNull();
  });
});

describe('score tables printed as text', () => {
  it('are read under their headings, with the commentary that shares their last block', () => {
    const { tables, anomalies } = read([
      h(1, 'Scores'),
      h(2, 'Italy'),
      p('Year Q1 Q2 Q3 Total', true),
      p('2022 ✔ Partial ✘ 1,5\n2023 ✔ ✔ ✘ 3\nThe ban is reflected in Q2.'),
      p('A second remark.'),
      h(1, 'Developments'),
    ]);
    expect(anomalies.map((a) => [a.code, a.path])).toEqual([['TOTAL_MISMATCH', '/scoreTables/0/rows/1/reportedTotal']]);
    expect(tables).toEqual([
      {
        section: 'Scores',
        subject: 'Italy',
        columns: ['Q1', 'Q2', 'Q3'],
        rows: [
          { year: 2022, answers: { Q1: 'Y', Q2: 'P', Q3: 'N' }, reportedTotal: 1.5, computedTotal: 1.5 },
          { year: 2023, answers: { Q1: 'Y', Q2: 'Y', Q3: 'N' }, reportedTotal: 3, computedTotal: 2 },
        ],
        changes: [{ column: 'Q2', fromYear: 2022, toYear: 2023, from: 'P', to: 'Y' }],
        commentary: ['The ban is reflected in Q2.', 'A second remark.'],
      },
    ]);
  });

  it('join a bold header line to the table of rows under it; the line is no heading', () => {
    const { tables } = read([
      h(1, 'Changes in key metrics'),
      h(2, 'Nigeria'),
      p('Year Q1 Q2 Total', true),
      table([
        ['2022', 'N', '—', '0'],
        ['2023', 'P', 'N', '0,5'],
      ]),
      p('Why.'),
    ]);
    expect(tables.map((t) => [t.section, t.subject, t.rows.map((r) => r.answers), t.commentary])).toEqual([
      [
        'Changes in key metrics',
        'Nigeria',
        [
          { Q1: 'N', Q2: null },
          { Q1: 'P', Q2: 'N' },
        ],
        ['Why.'],
      ],
    ]);
  });
});
