import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, BlocksResult, ListItemBlock, TableBlock } from '../../src/blocks/model.js';
import { blocksFromPdf } from '../../src/formats/pdf/blocks-from-pdf.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { recordFromBytes } from '../../src/parse-report.js';

// PDFs made by tests/data/pdf/make-pdfs.sh: Markdown or a script -> DOCX -> LibreOffice.
const DATA = join(import.meta.dirname, '..', 'data', 'pdf');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DATA, name)));
const read = (name: string): Promise<BlocksResult> => blocksFromPdf(bytesOf(name), DEFAULT_PARSE_LIMITS);

const headings = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));
const items = (blocks: Block[]): ListItemBlock[] => blocks.filter((b): b is ListItemBlock => b.kind === 'list-item');
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.kind === 'table');
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const textOf = (block: Block): string => (block.kind === 'table' ? block.rows.flat().join(' ') : block.text);

const filler = (topic: string): string =>
  `The government of Freedonia published a detailed programme on ${topic}, setting out how ministries, regulators and public bodies will coordinate the work, ` +
  `which budgets will fund it, how progress will be measured each year, and how citizens and companies can comment on the drafts before they are adopted by parliament.`;

describe('blocksFromPdf on the Kazakhstan sample (pandoc table with wrapped cells)', async () => {
  const result = await read('kazakhstan-2023.pdf');

  it('counts pages and reports no problem', () => {
    expect(result.problem).toBeUndefined();
    expect(result.pages).toBe(2);
  });

  it('finds the headings by font size', () => {
    expect(headings(result.blocks)).toEqual([
      '1 Kazakhstan',
      '2 Aziz Soltobaev',
      '1 Changes in key metrics',
      '2 Kazakhstan',
      '1 Most important developments',
      '2 Country',
    ]);
  });

  it('rebuilds the score table cell by cell, joining words the narrow columns broke', () => {
    const [table, ...others] = tables(result.blocks);
    expect(others).toEqual([]);
    expect(table!.headerRows).toBe(1);
    expect(table!.source).toMatchObject({ page: 1 });
    expect(table!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10', 'Q11', 'Q12', 'Total'],
      ['2021', 'N', 'N', 'Y', 'N', 'N', 'N', 'P', 'N', 'P', 'N', 'Y', 'N', '3.0'],
      ['2022', 'N', 'N', 'Y', 'P', 'P', 'P', 'P', 'N', 'P', 'N', 'Y', 'N', '4.33'],
    ]);
  });

  it('keeps the commentary paragraphs apart, with their line breaks', () => {
    const paragraphs = result.blocks.filter((b) => b.kind === 'paragraph').map((b) => textOf(b));
    expect(paragraphs).toEqual([
      '23.03.23',
      'Kazakhstan started implementing measures to observe UDHR after the\npower transition held at the beginning of 2022',
      'Kazakhstan has platform for discussion of all legal docs issued by Govt.\nHowever, general documentation on AI is limited, discussion timeline is\nlimited.',
      'Kazakhstan Government created platforms, submitted all documents, but\nnews update section require regular update',
    ]);
  });

  it('reads the numbered list, items running over the page break, with the bold phrase', () => {
    const list = items(result.blocks);
    expect(list.map((i) => [i.marker, i.number, i.depth])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [`${n}.`, n, 0]));
    expect(
      list[0]!.text.startsWith(
        'Kazakhstan approved the “Action Plan for the implementation of the\nConcept of the legal',
      ),
    ).toBe(true);
    expect(list[0]!.text.endsWith('together with involved\ngovernmental bodies.”')).toBe(true);
    expect(list[1]!.spans.filter((s) => s.bold)).toEqual([
      { text: 'ability to predict the outcome of\ncases', bold: true },
    ]);
    expect(list[1]!.spans.map((s) => s.text).join('')).toBe(list[1]!.text);
    expect(oneLine(list[5]!.text)).toBe(
      'The Ministry of Digital Development in Kazakhstan should develop an AI Development strategy no later than December 2023.',
    );
  });
});

describe('blocksFromPdf on a Word report with a page header, footer and a list over the page break', async () => {
  const result = await read('freedonia-2023.pdf');

  it('drops the running header and the "Page N of M" footer everywhere', () => {
    expect(result.pages).toBe(2);
    for (const block of result.blocks) {
      expect(textOf(block)).not.toMatch(/Page \d|AI policy report 2023/);
    }
  });

  it('reads spelled-out answers and an empty cell', () => {
    expect(tables(result.blocks).map((t) => t.rows)).toEqual([
      [
        ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10', 'Q11', 'Q12', 'Total'],
        ['2021', 'No', 'No', 'Yes', 'Partly', 'No', 'No', 'Yes', '', 'Partly', 'No', 'Yes', 'No', '4.0'],
        ['2022', 'Yes', 'No', 'Yes', 'Partly', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'Yes', 'Yes', '6,5'],
      ],
    ]);
  });

  it('carries the item that the page break cuts on as one block, without the page furniture', () => {
    const list = items(result.blocks);
    const sixth = list[5]!;
    expect(sixth.number).toBe(6);
    expect(sixth.source).toMatchObject({ page: 1 });
    expect(oneLine(sixth.text)).toBe(
      [
        filler('open government data'),
        filler('procurement of AI systems'),
        filler('cloud infrastructure'),
        filler('research funding'),
      ].join(' '),
    );
    expect(list.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2]);
    expect(list[6]!.source).toMatchObject({ page: 2 });
  });

  it('keeps a bold phrase inside an item as one bold span', () => {
    const third = items(result.blocks)[2]!;
    expect(third.spans.filter((s) => s.bold)).toEqual([{ text: 'mandatory impact assessments', bold: true }]);
  });

  it('gives the core what it needs for the whole record', async () => {
    const record = await recordFromBytes(bytesOf('freedonia-2023.pdf'), 'freedonia-2023.pdf');
    expect(record.source.pages).toBe(2);
    expect(record.scoreTables[0]!.rows[0]!.answers.Q8).toBeNull();
    expect(record.anomalies.map((a) => a.code)).toContain('MISSING_ANSWER');
    expect(record.developmentLists.map((l) => [l.subject, l.items.length])).toEqual([
      ['Country', 9],
      ['International', 2],
    ]);
  });
});

describe('blocksFromPdf on a table over two pages', async () => {
  const result = await read('long-table.pdf');

  it('joins the two parts into one table and drops the repeated header row', () => {
    const [table, ...others] = tables(result.blocks);
    expect(others).toEqual([]);
    expect(table!.headerRows).toBe(1);
    expect(table!.rows[0]).toEqual([
      'Year',
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'Q5',
      'Q6',
      'Q7',
      'Q8',
      'Q9',
      'Q10',
      'Q11',
      'Q12',
      'Total',
    ]);
    expect(table!.rows.slice(1).map((row) => row[0])).toEqual(Array.from({ length: 60 }, (_, i) => String(1960 + i)));
    expect(table!.rows.every((row) => row.length === 14)).toBe(true);
    expect(table!.rows[1]).toEqual(['1960', 'Y', 'P', 'N', 'Y', 'P', 'N', 'Y', 'P', 'N', 'Y', 'P', 'N', '6.0']);
    expect(result.blocks.at(-1)).toMatchObject({
      kind: 'paragraph',
      text: 'The table ends here.',
      source: { page: 2 },
    });
  });
});

describe('blocksFromPdf on a browser-printed page with a tightly padded table', async () => {
  // Cells 3px apart: closer than the gap that splits a line into segments.
  const result = await read('tight-table.pdf');

  it('reads every cell of the table, the header row included', () => {
    const [table, ...others] = tables(result.blocks);
    expect(others).toEqual([]);
    expect(table!.headerRows).toBe(1);
    expect(table!.rows[0]).toEqual(['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Total']);
    expect(table!.rows[1]).toEqual(['2022', 'Yes', 'No', 'Partly', 'No', 'Yes', 'Partly', 'No', 'No', '3']);
  });

  it('keeps a raised footnote number with the answer before it, as a superscript digit', () => {
    expect(tables(result.blocks)[0]!.rows[2]).toEqual([
      '2023',
      'Yes',
      'Partly',
      'Partly',
      'Yes¹',
      'Yes',
      'Partly',
      'Partly',
      'No',
      '5',
    ]);
  });

  it('takes a heading wrapped over two lines as one heading', () => {
    expect(headings(result.blocks)).toEqual([
      '1 Country Report: Freedonia',
      '2 Changes in key metrics for the years under review',
    ]);
  });

  it('gives the core a score table with the footnote reported', async () => {
    const record = await recordFromBytes(bytesOf('tight-table.pdf'), 'tight-table.pdf');
    expect(record.scoreTables[0]!.section).toBe('Changes in key metrics for the years under review');
    expect(record.scoreTables[0]!.rows.map((row) => row.answers['Q4'])).toEqual(['N', 'Y']);
    expect(record.anomalies.filter((a) => a.code === 'FOOTNOTE_MARK').map((a) => a.path)).toEqual([
      '/scoreTables/0/rows/1/answers/Q4',
    ]);
  });
});

describe('blocksFromPdf on a browser-printed table with narrow, tightly padded columns', async () => {
  const result = await read('narrow-cells.pdf');

  it('cuts the rows into cells and joins the words the columns broke ("Part" / "ly", "202" / "1")', () => {
    const [table, ...others] = tables(result.blocks);
    expect(others).toEqual([]);
    expect(table!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Total'],
      ['2021', 'Yes', 'No', 'No', 'Yes', 'No', 'No', '2'],
      ['2022', 'Yes', 'No', 'Partly', 'No', 'Yes', 'No', '2.5'],
      ['2023', 'Yes', 'Partly', 'Partly', 'Yes', 'Yes', 'No', '4'],
    ]);
  });
});

describe('blocksFromPdf on a browser-printed table with thick rules and no cell padding', async () => {
  const result = await read('thick-rules.pdf');

  it('cuts the header at gaps narrower than a word space, where only the rule stands between cells', () => {
    const [table, ...others] = tables(result.blocks);
    expect(others).toEqual([]);
    expect(table!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Total'],
      ['2022', 'P', 'N', 'Y', 'N', 'P', 'N', '2'],
      ['2023', 'P', 'P', 'Y', 'N', 'P', 'Y', '3.5'],
    ]);
  });
});

describe('blocksFromPdf on a list item crossing a page break above footnotes', async () => {
  const result = await read('footnote-break.pdf');
  const items = result.blocks.filter((block) => block.kind === 'list-item');

  it('leaves the footnotes at the foot of the page out of the item that runs over the break', () => {
    expect(items.map((item) => item.text.replace(/\n/g, ' '))[2]).toBe(
      'The Austrian Academy of Sciences published a report on the use of AI in the courts, recommending that judges always be able to see and challenge the reasons behind any automated suggestion, that the ministry publish the data sets used to train such systems, that the parliament review the systems every two years, and that the bar association and the association of judges be consulted before any new system is introduced in civil or criminal proceedings across the country.',
    );
    expect(result.blocks.some((block) => 'text' in block && /Complaint figures|winter term/.test(block.text))).toBe(
      false,
    );
  });

  it('drops the raised reference numbers from running text', () => {
    expect(items[1]!.text.replace(/\n/g, ' ')).toContain('teachers and pupils, and a second programme');
    const paragraph = result.blocks.find((block) => block.kind === 'paragraph' && block.text.includes('complaints'));
    expect(paragraph && 'text' in paragraph ? paragraph.text.replace(/\n/g, ' ') : '').toMatch(
      /than in any year before\.$/,
    );
  });
});

describe('blocksFromPdf on a footnote numbered in its own small size, not raised', async () => {
  const result = await read('footnote-plain-number.pdf');

  it('leaves "1Complaint figures …" at the page foot out of the item running over the break', () => {
    const items = result.blocks.filter((block) => block.kind === 'list-item');
    expect(items[2]!.text.replace(/\n/g, ' ')).toMatch(/association of judges be consulted before any new system/);
    expect(result.blocks.some((block) => 'text' in block && block.text.includes('Complaint figures'))).toBe(false);
  });
});

describe('blocksFromPdf on typed-looking markers', async () => {
  const result = await read('paren-markers.pdf');

  it('reads "(1)" and "1)" numbering as printed', () => {
    expect(items(result.blocks).map((i) => [i.marker, i.number])).toEqual([
      ['(1)', 1],
      ['(2)', 2],
      ['(3)', 3],
      ['1)', 1],
      ['2)', 2],
    ]);
    expect(items(result.blocks)[4]!.text).toBe(
      'Ruritania signed a cooperation agreement on AI research with\nStrelsau University.',
    );
  });
});

describe('blocksFromPdf on a list set in two columns', async () => {
  const result = await read('two-columns.pdf');

  it('reads the left column before the right one, an item running from one into the other', () => {
    expect(headings(result.blocks)).toEqual([
      '1 Grand Fenwick',
      '1 Changes in key metrics',
      '1 Most important developments',
      '2 Country',
    ]);
    const list = items(result.blocks);
    expect(list.map((i) => [i.number, i.depth])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
    ]);
    expect(oneLine(list[3]!.text)).toBe(`${filler('digital identity')} ${filler('automated tax assessments')}`);
    expect(list[4]!.text).toBe('The duchy opened a public register of the\nalgorithms its agencies use.');
    expect(tables(result.blocks)[0]!.rows[2]).toEqual(['2023', 'Y', 'P', 'P', 'N', '2']);
  });
});

describe('blocksFromPdf on justified two-column lists below a full-width table', async () => {
  const result = await read('justified-columns.pdf');

  it('reads each column whole, keeps the table above, and joins the heading wrapped in the left column', () => {
    expect(headings(result.blocks)).toEqual([
      '1 Lilliput',
      '2 Main developments in the year',
      '3 National',
      '3 Regional',
      '3 Global',
    ]);
    expect(tables(result.blocks)).toHaveLength(1);
    expect(tables(result.blocks)[0]!.rows[2]).toEqual(['2023', 'yes', 'partly', 'no', 'yes', '2.5']);
    const list = items(result.blocks);
    expect(list.map((i) => i.number)).toEqual([1, 2, 3, 1, 1, 2]);
    expect(oneLine(list[2]!.text)).toBe(
      'The Responsible AI Lab at the Royal University of Science and Technology published research on the use of machine learning in health and agriculture.',
    );
    expect(oneLine(list[3]!.text)).toBe(
      'Lilliput took part in the drafting of the continental strategy on artificial intelligence and hosted a regional dialogue on data governance in Mildendo.',
    );
    expect(oneLine(list[4]!.text)).toBe(
      'Lilliput endorsed the UNESCO Recommendation on the Ethics of Artificial Intelligence implementation programme and requested a readiness assessment.',
    );
  });
});

describe('blocksFromPdf on a 99-page report', async () => {
  const result = await read('long-report.pdf');
  const development = (i: number, region: number): string =>
    `Development ${i} of region ${region}: the ministry published guidance on public procurement of AI systems, ` +
    'requiring impact assessments, transparency registers and human oversight for every high-risk use.';

  it('keeps every item whole across the page breaks', () => {
    expect(result.pages).toBe(99);
    const list = items(result.blocks);
    expect(list).toHaveLength(420);
    list.forEach((item, k) => {
      const [i, region] = [(k % 6) + 1, Math.floor(k / 6) + 1];
      expect(item.number).toBe(i);
      expect(oneLine(item.text)).toBe(`${development(i, region)} ${development(i, region)}`);
    });
  });

  it('rebuilds every table, rows cut by a page break included', () => {
    const all = tables(result.blocks);
    expect(all).toHaveLength(70);
    for (const table of all) {
      expect(table.rows.map((row) => row[0])).toEqual(['Year', '2019', '2020', '2021', '2022']);
      expect(
        table.rows.every((row) => row.length === 14 && row[13] === (row === table.rows[0] ? 'Total' : '6.0')),
      ).toBe(true);
    }
  });
});

describe('blocksFromPdf on a CJK font with a predefined encoding', () => {
  it('decodes the text with pdf.js character maps', async () => {
    const result = await read('cjk-predefined-cmap.pdf');
    expect(result.problem).toBeUndefined();
    expect(result.blocks.map(textOf)).toEqual(['日本']);
  });
});

describe('blocksFromPdf on files it cannot read', () => {
  it('reports an encrypted PDF', async () => {
    const result = await read('encrypted.pdf');
    expect(result.blocks).toEqual([]);
    expect(result.problem).toMatchObject({ code: 'UNREADABLE_FILE' });
    expect(result.problem!.message).toMatch(/encrypted/);
  });

  it('reports a truncated PDF with the reason on one line', async () => {
    const result = await read('truncated.pdf');
    expect(result.problem).toMatchObject({ code: 'UNREADABLE_FILE' });
    expect(result.problem!.message).not.toContain('\n');
  });

  it('reports pages without a text layer', async () => {
    const result = await read('image-only.pdf');
    expect(result.pages).toBe(2);
    expect(result.problem).toMatchObject({ code: 'NO_TEXT_LAYER' });
  });

  it('refuses a PDF over the page limit before reading its pages', async () => {
    const started = performance.now();
    const result = await blocksFromPdf(bytesOf('freedonia-2023.pdf'), { ...DEFAULT_PARSE_LIMITS, maxPdfPages: 1 });
    expect(result.problem).toMatchObject({ code: 'UNREADABLE_FILE' });
    expect(result.problem!.message).toMatch(/2 pages.*limit of 1/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('leaves the caller’s bytes intact', async () => {
    const bytes = bytesOf('paren-markers.pdf');
    const copy = bytes.slice();
    await blocksFromPdf(bytes, DEFAULT_PARSE_LIMITS);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});
