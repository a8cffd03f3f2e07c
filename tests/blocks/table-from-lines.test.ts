import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import {
  blocksFromPieces,
  cellSourcesOfRun,
  cellsFromPipeLine,
  gridTableAt,
  cellsFromTabLine,
  columnsOfDelimiterLine,
  isTabTable,
  runsFromLines,
  runsSettled,
  tabRowsTidied,
} from '../../src/blocks/table-from-lines.js';

describe('cells of one line', () => {
  it('splits tab lines on single tabs, keeping empty cells, and ignores indentation-only tabs', () => {
    expect(cellsFromTabLine('2021\tY\t\tN')).toEqual(['2021', 'Y', '', 'N']);
    expect(cellsFromTabLine('\tQ1\tQ2')).toEqual(['', 'Q1', 'Q2']);
    expect(cellsFromTabLine('\tindented prose')).toBeNull();
    expect(cellsFromTabLine('no tabs')).toBeNull();
  });

  it('splits pipe rows with or without outer pipes, leaving escaped pipes in the cell', () => {
    expect(cellsFromPipeLine('| a | b |')).toEqual(['a', 'b']);
    expect(cellsFromPipeLine('a | b')).toEqual(['a', 'b']);
    expect(cellsFromPipeLine('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
    expect(cellsFromPipeLine('| a | |')).toEqual(['a', '']);
    expect(cellsFromPipeLine('no pipe \\| here')).toBeNull();
  });

  it('recognises delimiter rows and their width', () => {
    expect(columnsOfDelimiterLine('|---|:--:|--:|')).toBe(3);
    expect(columnsOfDelimiterLine('--- | ---')).toBe(2);
    expect(columnsOfDelimiterLine('---')).toBeNull();
    expect(columnsOfDelimiterLine('| a | --- |')).toBeNull();
  });
});

describe('runsFromLines', () => {
  it('separates prose, a pipe table and tab rows', () => {
    const lines = ['Intro', '| Y | Q1 |', '|---|---|', '| 2021 | N |', 'Between', 'A\tB\tC', '1\t2\t3'];
    expect(runsFromLines(lines)).toEqual([
      { kind: 'text', start: 0, end: 1 },
      {
        kind: 'pipe-table',
        start: 1,
        end: 4,
        rows: [
          ['Y', 'Q1'],
          ['2021', 'N'],
        ],
        rowLines: [1, 3],
        headerRows: 1,
      },
      { kind: 'text', start: 4, end: 5 },
      {
        kind: 'tab-rows',
        start: 5,
        end: 7,
        rows: [
          ['A', 'B', 'C'],
          ['1', '2', '3'],
        ],
        rowLines: [5, 6],
      },
    ]);
  });

  it('reads a pandoc grid table: header rows above the = border, rows spanning several lines joined', () => {
    const lines = [
      'Intro',
      '+------+----+-------+',
      '| Year | Q1 | Total |',
      '+======+====+=======+',
      '| 2022 | ✓  | 3     |',
      '+------+----+-------+',
      '| 2023 | Y  | 4.5   |',
      '|      |    | (est) |',
      '+------+----+-------+',
      'After',
    ];
    expect(runsFromLines(lines)).toEqual([
      { kind: 'text', start: 0, end: 1 },
      {
        kind: 'pipe-table',
        start: 1,
        end: 9,
        rows: [
          ['Year', 'Q1', 'Total'],
          ['2022', '✓', '3'],
          ['2023', 'Y', '4.5 (est)'],
        ],
        rowLines: [2, 4, 6],
        headerRows: 1,
      },
      { kind: 'text', start: 9, end: 10 },
    ]);
  });

  it('reads a grid table without a header border as body rows, and leaves an unclosed one as text', () => {
    expect(gridTableAt(['+---+---+', '| a | b |', '+---+---+'], 0)).toEqual({
      end: 3,
      rows: [['a', 'b']],
      rowLines: [1],
      headerRows: 0,
    });
    expect(gridTableAt(['+---+---+', '| a | b |', 'prose'], 0)).toBeNull();
    expect(gridTableAt(['a + b', '| a | b |'], 0)).toBeNull();
  });

  it('turns tab rows too small for a table back into text joined with its neighbours', () => {
    expect(runsSettled(runsFromLines(['Intro', 'Author:\tName', 'Outro']))).toEqual([
      { kind: 'text', start: 0, end: 3 },
    ]);
  });
});

describe('cellSourcesOfRun', () => {
  it("points every cell of a row at the row's own line, counted from the run's first line", () => {
    const [run] = runsFromLines(['| Y | Q1 |', '|---|---|', '| 2021 | N |']);
    expect(run?.kind).toBe('pipe-table');
    if (run?.kind !== 'pipe-table') return;
    expect(cellSourcesOfRun(run, { line: 40 })).toEqual([
      [{ line: 40 }, { line: 40 }],
      [{ line: 42 }, { line: 42 }],
    ]);
    expect(cellSourcesOfRun(run, { paragraph: 3 })).toEqual([
      [{ paragraph: 3 }, { paragraph: 3 }],
      [{ paragraph: 3 }, { paragraph: 3 }],
    ]);
  });
});

describe('tab tables', () => {
  it('need two rows and three columns', () => {
    expect(
      isTabTable([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]),
    ).toBe(true);
    expect(isTabTable([['a', 'b', 'c']])).toBe(false);
    expect(
      isTabTable([
        ['Author:', 'A'],
        ['Date:', 'B'],
      ]),
    ).toBe(false);
  });

  it('drop trailing cells from stray tabs but keep a real empty last cell', () => {
    expect(
      tabRowsTidied([
        ['Y', 'Q1', 'T', ''],
        ['2021', 'N', ''],
        ['2022', 'N', '1', '', ''],
      ]),
    ).toEqual([
      ['Y', 'Q1', 'T'],
      ['2021', 'N', ''],
      ['2022', 'N', '1'],
    ]);
  });

  it('join consecutive held-back paragraphs, or fall back to them', () => {
    const p = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: { line: 1 } });
    const blocks = blocksFromPieces([
      { kind: 'tab-rows', rows: [['Y', 'Q1', 'T']], source: { line: 1 }, fallback: [p('Y Q1 T')] },
      { kind: 'tab-rows', rows: [['2021', 'N', '0']], source: { line: 3 }, fallback: [p('2021 N 0')] },
      p('middle'),
      { kind: 'tab-rows', rows: [['Author:', 'A']], source: { line: 7 }, fallback: [p('Author: A')] },
    ]);
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['Y', 'Q1', 'T'],
          ['2021', 'N', '0'],
        ],
        headerRows: 0,
        source: { line: 1 },
        cellSources: [
          [{ line: 1 }, { line: 1 }, { line: 1 }],
          [{ line: 3 }, { line: 3 }, { line: 3 }],
        ],
      },
      p('middle'),
      p('Author: A'),
    ]);
  });
});
