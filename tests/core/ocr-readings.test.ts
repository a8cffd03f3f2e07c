import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { recordFromBlocks } from '../../src/core/extract-record.js';
import {
  answerFromMisread,
  columnsWithMisreadLabels,
  metricNameFromMisread,
  isMisreadTotalLabel,
  totalFromMisread,
  yearsInSequence,
} from '../../src/core/ocr-readings.js';
import { defaultExtractOptions } from '../../src/profiles/load-profiles.js';
import type { SourceInfo } from '../../src/record/types.js';

describe('metricNameFromMisread', () => {
  it('reads the labels Tesseract misreads, checked against the neighbours', () => {
    expect(metricNameFromMisread('Ql', null, 'Q2')).toBe('Q1');
    // Dust read as a sign at the edge of a label.
    expect(metricNameFromMisread('©Q4', 'Q3', 'Q5')).toBe('Q4');
    expect(metricNameFromMisread("Q7'", 'Q6', 'Q8')).toBe('Q7');
    expect(metricNameFromMisread('QI', null, 'Q2')).toBe('Q1');
    expect(metricNameFromMisread('Qio', 'Q9', 'Q11')).toBe('Q10');
    expect(metricNameFromMisread('Qi2', 'Q11', null)).toBe('Q12');
    expect(metricNameFromMisread('Ql11', 'Q10', 'Q12')).toBe('Q11');
    expect(metricNameFromMisread('Qll', 'Q10', 'Q12')).toBe('Q11');
    expect(metricNameFromMisread('5', 'Q4', 'Q6')).toBe('Q5');
    expect(metricNameFromMisread('Qs8', 'Q7', 'Q9')).toBe('Q8');
    // A light cell rule beside the label read as a letter before its Q.
    expect(metricNameFromMisread('AQl11', 'Q10', 'Q12')).toBe('Q11');
    expect(metricNameFromMisread('AQ12', 'Q11', null)).toBe('Q12');
    // The digit lost altogether.
    expect(metricNameFromMisread('Q', null, 'Q2')).toBe('Q1');
    expect(metricNameFromMisread('Q', 'Q6', 'Q8')).toBe('Q7');
  });

  it('leaves cells that are not a label, or that the neighbours do not settle', () => {
    expect(metricNameFromMisread('Total', 'Q12', null)).toBeNull();
    expect(metricNameFromMisread('Quality', 'Q3', 'Q5')).toBeNull();
    expect(metricNameFromMisread('Q?', 'Q3', 'Q7')).toBeNull();
    expect(metricNameFromMisread('Qx', null, null)).toBeNull();
    expect(metricNameFromMisread('7', 'Q4', 'Q6')).toBeNull();
    expect(metricNameFromMisread('Q', 'Q6', 'Q9')).toBeNull();
  });
});

describe('columnsWithMisreadLabels', () => {
  const isLabel = (cell: string) => /^(year|total)$/i.test(cell);
  const named = (header: string[]) =>
    header.flatMap((cell, index) => (/^Q\d+$/.test(cell) ? [{ name: cell, index }] : []));

  it('names a doubled-letter label by the run of questions', () => {
    const header = ['Year', 'Q9', 'Q10', 'Q111', 'Q112', 'Total'];
    expect(columnsWithMisreadLabels(header, named(header), isLabel).map((c) => c.name)).toEqual([
      'Q9',
      'Q10',
      'Q11',
      'Q12',
    ]);
  });

  it('names labels read with a letter before the Q or digits doubled, as the run calls for them', () => {
    const names = (header: string[]) => columnsWithMisreadLabels(header, named(header), isLabel).map((c) => c.name);
    expect(names(['Year', 'Q8', 'Q9', 'Ql10', 'AQ1l1', 'AQ12', 'Total'])).toEqual(['Q8', 'Q9', 'Q10', 'Q11', 'Q12']);
    expect(names(['Year', 'Q9', 'Q10', 'Q11', 'Ql1l2', 'Total'])).toEqual(['Q9', 'Q10', 'Q11', 'Q12']);
    // The Q read as a 0, and the next label with a digit too many.
    expect(names(['Year', 'Q2', 'Q3', '04', 'Q53', 'Q6', 'Total'])).toEqual(['Q2', 'Q3', 'Q4', 'Q5', 'Q6']);
    // A word that is no label stays out, letter before it or not.
    expect(names(['Year', 'Q1', 'Q2', 'AQUA', 'Total'])).toEqual(['Q1', 'Q2']);
  });

  it('continues the run at its end where a misread label reads as one already named', () => {
    // A bold 5 and 8 both read as "s": the first is named between Q4 and Q6, the last one
    // closes the run after Q7.
    const header = ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Qs', 'Q6', 'Q7', 'Qs', 'Total'];
    expect(columnsWithMisreadLabels(header, named(header), isLabel).map((c) => c.name)).toEqual([
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'Q5',
      'Q6',
      'Q7',
      'Q8',
    ]);
    // A column after the run that is no label stays out of it.
    const other = ['Year', 'Q1', 'Q2', 'Obs', 'Total'];
    expect(columnsWithMisreadLabels(other, named(other), isLabel).map((c) => c.name)).toEqual(['Q1', 'Q2']);
  });

  it('names misread labels side by side when their neighbours stand exactly as far apart as their numbers', () => {
    const header = ['Year', '1', 'Q2', 'Q3', '1', 'QL', 'Q6', 'Q7', 'Total'];
    expect(columnsWithMisreadLabels(header, named(header), isLabel).map((c) => [c.name, c.index])).toEqual([
      ['Q1', 1],
      ['Q2', 2],
      ['Q3', 3],
      ['Q4', 4],
      ['Q5', 5],
      ['Q6', 6],
      ['Q7', 7],
    ]);
  });

  it('leaves cells between labels unnamed when the places do not match the numbers or a cell is no label', () => {
    const names = (header: string[]) => columnsWithMisreadLabels(header, named(header), isLabel).map((c) => c.name);
    expect(names(['Year', 'Q3', '1', 'QL', 'x', 'Q6', 'Total'])).toEqual(['Q3', 'Q6']);
    expect(names(['Year', 'Q3', '1', 'comments', 'Q6', 'Total'])).toEqual(['Q3', 'Q6']);
    expect(names(['Year', 'Q3', '1', '', 'Q6', 'Total'])).toEqual(['Q3', 'Q6']);
  });

  it('keeps labels that skip a question or that the run does not call for', () => {
    const header = ['Year', 'Q1', 'Q2', 'Q5', 'Q110', 'Q111', 'Total'];
    expect(columnsWithMisreadLabels(header, named(header), isLabel).map((c) => c.name)).toEqual([
      'Q1',
      'Q2',
      'Q5',
      'Q110',
      'Q111',
    ]);
  });
});

describe('totalFromMisread', () => {
  it('puts back a decimal point only where the table could not reach the printed number', () => {
    expect(totalFromMisread('25', 10)).toBe(2.5);
    expect(totalFromMisread('65', 12)).toBe(6.5);
    // Printed out of the maximum.
    expect(totalFromMisread('25/12', 12)).toBe(2.5);
    expect(totalFromMisread('25 / 12', 12)).toBe(2.5);
    expect(totalFromMisread('8', 10)).toBeNull();
    expect(totalFromMisread('10', 12)).toBeNull();
    // Printed with two decimals ("5.33", "2.50"): the point goes back before the last two when one decimal is too much.
    expect(totalFromMisread('533', 8)).toBe(5.33);
    expect(totalFromMisread('250', 12)).toBe(2.5);
    expect(totalFromMisread('1033', 12)).toBe(10.33);
    expect(totalFromMisread('5333', 12)).toBeNull();
  });

  it('reads letters in a total cell as the digits they look like', () => {
    // A fax's 5 read as S, a 0 as O; with its point lost as well, "2S" is 2.5.
    expect(totalFromMisread('S', 6)).toBe(5);
    expect(totalFromMisread('O', 5)).toBe(0);
    expect(totalFromMisread('l.5', 5)).toBe(1.5);
    expect(totalFromMisread('2S', 12)).toBe(2.5);
    expect(totalFromMisread('S', 4)).toBeNull();
    expect(totalFromMisread('n/a', 4)).toBeNull();
  });

  it('puts back the point after a leading zero, which no total is printed with', () => {
    expect(totalFromMisread('05', 8)).toBe(0.5);
    expect(totalFromMisread('0', 8)).toBeNull();
    expect(totalFromMisread('5', 8)).toBeNull();
    expect(totalFromMisread('005', 8)).toBeNull();
  });
});

describe('yearsInSequence', () => {
  const read = (cells: string[]) =>
    yearsInSequence(
      cells,
      cells.map((cell) => (/^(19|20|21)\d\d$/.test(cell) ? Number(cell) : null)),
    );

  it('reads a year that lost or changed a digit from its place in the run of years', () => {
    // Tesseract on a levelled 300 dpi scan of a twelve-year table.
    expect(read(['202', '203', '204', '2056', '206', '2017', '208', '209', '2020', '2021', '2022', '2023'])).toEqual([
      2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
    ]);
    // A digit added, in a table that runs down.
    expect(read(['2023', '20222', '2021'])).toEqual([2023, 2022, 2021]);
  });

  it('replaces a whole year that cannot stand where it does', () => {
    // Between two rows of one run.
    expect(read(['2019', '2000', '2021'])).toEqual([2019, 2020, 2021]);
    // Before a run it would have to precede by more than a row a year.
    expect(read(['2056', '2016', '2017'])).toEqual([2015, 2016, 2017]);
    // Between two rows of one run, even with its last digit changed (a fax's 9 read as 3).
    expect(read(['2017', '2018', '2013', '2020', '2021'])).toEqual([2017, 2018, 2019, 2020, 2021]);
  });

  it('keeps what the table allows and what the engine could not have made of the year', () => {
    // A table that leaves years out keeps its readings.
    expect(read(['2010', '2015', '2016'])).toEqual([2010, 2015, 2016]);
    expect(read(['2012', '2013', '2015', '2016'])).toEqual([2012, 2013, 2015, 2016]);
    // Two years on one run count only with no year read off it between them (2000 and 2005
    // five rows apart around 2013, 2014): "2005" after 2014 is 2015.
    expect(read(['2000', '2000', '2000', '202', '2013', '2014', '2005', '20016'])).toEqual([
      2000, 2000, 2000, 2012, 2013, 2014, 2015, 2016,
    ]);
    // A run broken between two readings says nothing about the row between them.
    expect(read(['2012', '2013', '204', '2017', '2018'])).toEqual([2012, 2013, null, 2017, 2018]);
    // A year printed twice can stand between two rows of one run, and stays; one that
    // cannot stand there stays too when more than one digit is off.
    expect(read(['2019', '2020', '2020', '2022'])).toEqual([2019, 2020, 2020, 2022]);
    expect(read(['2017', '2018', '2003', '2020', '2021'])).toEqual([2017, 2018, 2003, 2020, 2021]);
    // The reading must keep the year's last digit and three of its digits in order.
    expect(read(['2020', '202', '2022'])).toEqual([2020, null, 2022]);
    expect(read(['2020', '2991', '2022'])).toEqual([2020, null, 2022]);
    // No run to read from: one year, or years that do not follow one another.
    expect(read(['2021', '202'])).toEqual([2021, null]);
    expect(read(['2014', '202', '2018'])).toEqual([2014, null, 2018]);
  });

  it('reads a row beside a lone year as the year before or after it, when only one of them fits the reading', () => {
    // A photo of a two-row table (2021, 2022): "221" can be 2021, not 2023, in either direction.
    expect(read(['221', '2022'])).toEqual([2021, 2022]);
    expect(read(['2022', '221'])).toEqual([2022, 2021]);
    // "202" beside 2021 fits 2020 and 2022 alike, and stays unread; so does a year the table has.
    expect(read(['2021', '202'])).toEqual([2021, null]);
    expect(read(['2021', '201', '2020'])).toEqual([2021, null, 2020]);
  });
});

describe('isMisreadTotalLabel', () => {
  it('reads a label a letter off a Total word, of four letters or more', () => {
    expect(isMisreadTotalLabel('Tota', ['total'])).toBe(true);
    expect(isMisreadTotalLabel('Totai', ['total'])).toBe(true);
    expect(isMisreadTotalLabel('Total', ['total'])).toBe(false);
    expect(isMisreadTotalLabel('Tot', ['total'])).toBe(false);
    expect(isMisreadTotalLabel('Note', ['total'])).toBe(false);
  });
});

describe('answerFromMisread', () => {
  it('reads misread answers when one reading fits', () => {
    expect(answerFromMisread('¥')).toBe('Y');
    expect(answerFromMisread('Y.')).toBe('Y');
    expect(answerFromMisread('N0')).toBe('N');
    expect(answerFromMisread('Partl y')).toBe('P');
    expect(answerFromMisread('Partiy')).toBe('P');
    expect(answerFromMisread('¥Y')).toBe('Y');
    expect(answerFromMisread('ne')).toBe('N');
    expect(answerFromMisread('pardy')).toBe('P');
    expect(answerFromMisread('Ye5')).toBe('Y');
  });

  it('reads ticks and crosses as the engine writes them (measured: ✓ ✔ as v, ✗ as X, ✘ as Xx)', () => {
    expect(answerFromMisread('v')).toBe('Y');
    expect(answerFromMisread('V')).toBe('Y');
    expect(answerFromMisread('/')).toBe('Y');
    expect(answerFromMisread('X')).toBe('N');
    expect(answerFromMisread('Xx')).toBe('N');
    expect(answerFromMisread('x.')).toBe('N');
    expect(answerFromMisread('vx')).toBeNull();
    // A near miss keeps the answer's first letter: a tick read with a speck is no "no".
    expect(answerFromMisread('vo')).toBeNull();
    expect(answerFromMisread('‘Partly')).toBe('P');
  });

  it('leaves anything else unread', () => {
    expect(answerFromMisread('Pn')).toBeNull();
    expect(answerFromMisread('maybe')).toBeNull();
    expect(answerFromMisread('py')).toBeNull();
    expect(answerFromMisread('')).toBeNull();
  });
});

const source: SourceInfo = {
  fileName: 'scan.png',
  format: 'image',
  bytes: 1,
  sha256: 'a'.repeat(64),
  pages: 1,
  ocr: { engine: 'test', pages: [1], meanConfidence: 0.9 },
};

function blocksWithTable(confidence: number | undefined, cells: string[]): Block[] {
  const ocr = confidence === undefined ? {} : { confidence };
  return [
    { kind: 'heading', level: 1, text: 'Kazakhstan', spans: [{ text: 'Kazakhstan' }], source: { page: 1, ...ocr } },
    {
      kind: 'heading',
      level: 1,
      text: 'Changes in key metrics',
      spans: [{ text: 'Changes in key metrics' }],
      source: { page: 1, ...ocr },
    },
    {
      kind: 'table',
      rows: [
        ['Year', 'Q1', 'Ql', 'Q3', 'Total'].map((c, i) => (i === 2 ? cells[0]! : c)),
        ['2022', cells[1]!, 'N', 'P', '1.5'],
      ],
      headerRows: 1,
      source: { page: 1, box: [0.1, 0.3, 0.9, 0.35], ...ocr },
    },
  ];
}

function blocksWithYears(confidence: number | undefined, years: string[]): Block[] {
  const [heading, section, table] = blocksWithTable(confidence, ['Q2', 'N']);
  if (table?.kind !== 'table') throw new Error('the helper makes a table');
  const rows = years.map((year) => [year, 'N', 'N', 'P', '0.5']);
  return [heading!, section!, { ...table, rows: [table.rows[0]!, ...rows] }];
}

describe('OCR readings in a record', () => {
  it('reads misread years of a recognised table from their run, less sure than the engine', () => {
    const record = recordFromBlocks(
      blocksWithYears(0.9, ['2020', '221', '2022', '20203']),
      source,
      defaultExtractOptions(),
      {
        pagesWithoutText: [],
      },
    );
    expect(record.scoreTables[0]!.rows.map((row) => row.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(record.provenance['/scoreTables/0/rows/1/year']!.confidence).toBeCloseTo(0.765, 3);
    expect(record.provenance['/scoreTables/0/rows/2/year']!.confidence).toBe(0.9);
    const low = record.anomalies.filter((a) => a.code === 'LOW_CONFIDENCE').map((a) => a.path);
    expect(low).toEqual(['/scoreTables/0/rows/1/year', '/scoreTables/0/rows/3/year']);
  });

  it('reads a Total label that lost a letter as the Total column of a recognised table, not of a stored one', () => {
    const [heading, section, table] = blocksWithTable(0.9, ['Q2', 'N']);
    if (table?.kind !== 'table') throw new Error('the helper makes a table');
    // A column too narrow for "Total" wraps it as "Tota" / "l", and the engine drops the lone "l".
    const blocks = [heading!, section!, { ...table, rows: [['Year', 'Q1', 'Q2', 'Q3', 'Tota'], table.rows[1]!] }];
    const recognised = recordFromBlocks(blocks, source, defaultExtractOptions(), { pagesWithoutText: [] });
    expect(recognised.scoreTables[0]!.rows[0]!.reportedTotal).toBe(1.5);
    const stored = recordFromBlocks(
      blocks.map((block) => ({ ...block, source: { page: 1 } })),
      { ...source, format: 'pdf', ocr: null },
      defaultExtractOptions(),
    );
    expect(stored.scoreTables[0]!.rows[0]!.reportedTotal).toBeNull();
  });

  it('leaves the years of a table stored in the file as they are', () => {
    const record = recordFromBlocks(
      blocksWithYears(undefined, ['2020', '221', '2022', '20203']),
      { ...source, format: 'pdf', ocr: null },
      defaultExtractOptions(),
    );
    expect(record.scoreTables[0]!.rows.map((row) => row.year)).toEqual([2020, 2022]);
  });

  it('repairs a recognised table and sends repaired and unsure values to review', () => {
    const record = recordFromBlocks(blocksWithTable(0.9, ['Ql', '¥']), source, defaultExtractOptions(), {
      pagesWithoutText: [],
    });
    // "Ql" between Q1 and Q3 is Q2 by its place: no lookalike reading names it, the neighbours do.
    expect(record.scoreTables[0]!.columns).toEqual(['Q1', 'Q2', 'Q3']);
    expect(record.scoreTables[0]!.rows[0]!.answers).toEqual({ Q1: 'Y', Q2: 'N', Q3: 'P' });
    // The repaired answer drops below the threshold (0.9 × 0.85); the others keep 0.9.
    expect(record.provenance['/scoreTables/0/rows/0/answers/Q1']!.confidence).toBeCloseTo(0.765, 3);
    const low = record.anomalies.filter((a) => a.code === 'LOW_CONFIDENCE');
    expect(low.map((a) => a.path)).toEqual(['/scoreTables/0/rows/0/answers/Q1']);
    expect(low[0]).toMatchObject({ severity: 'warning', found: 'Y', expected: 0.8 });
    expect(record.status).toBe('needs_review');
    expect(record.anomalies[0]).toMatchObject({ code: 'OCR_TEXT', severity: 'info', found: [1] });
  });

  it('leaves text stored in the file as it is: no repair, no confidence', () => {
    const record = recordFromBlocks(
      blocksWithTable(undefined, ['Ql', '¥']),
      { ...source, format: 'pdf', ocr: null },
      defaultExtractOptions(),
    );
    expect(record.scoreTables[0]!.columns).toEqual(['Q1', 'Q3']);
    expect(record.anomalies.map((a) => a.code)).toContain('UNKNOWN_ANSWER');
    expect(record.anomalies.some((a) => a.code === 'LOW_CONFIDENCE' || a.code === 'OCR_TEXT')).toBe(false);
  });

  it('flags every value below a configured threshold, and pages that gave nothing', () => {
    const options = { ...defaultExtractOptions(), lowConfidence: 0.95 };
    const record = recordFromBlocks(blocksWithTable(0.9, ['Q2', 'Y']), source, options, { pagesWithoutText: [2] });
    const low = record.anomalies.filter((a) => a.code === 'LOW_CONFIDENCE').map((a) => a.path);
    expect(low).toContain('/scoreTables/0/rows/0/answers/Q3');
    expect(low).toContain('/scoreTables/0/rows/0/reportedTotal');
    expect(record.anomalies.find((a) => a.code === 'PAGES_WITHOUT_TEXT')).toMatchObject({
      severity: 'warning',
      found: [2],
    });
  });
});
