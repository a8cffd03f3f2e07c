import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { Block, ListItemBlock, TableBlock } from '../../src/blocks/model.js';
import { blocksFromDocx } from '../../src/formats/docx/blocks-from-docx.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { minimalDocxEntries, wordParagraph, zipFromEntries } from './zip-from-entries.js';

const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}): TableCell =>
  new TableCell({ children: [new Paragraph(text)], ...options });

/** A report as a person writes it in Word: styles, a real table with merged cells, numbering, footnotes. */
async function wordReport(): Promise<Buffer> {
  const document = new Document({
    footnotes: {
      1: { children: [new Paragraph('Source: ministry website.')] },
      2: { children: [new Paragraph('Only in the capital.')] },
    },
    numbering: {
      config: [
        {
          reference: 'developments',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Kazakhstan', heading: HeadingLevel.TITLE }),
          new Paragraph('Aziz Soltobaev'),
          new Paragraph({ text: 'Changes in key metrics', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Kazakhstan', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  cell('Year', { rowSpan: 2 }),
                  cell('Answers', { columnSpan: 2 }),
                  cell('Total', { rowSpan: 2 }),
                ],
              }),
              new TableRow({ tableHeader: true, children: [cell('Q1'), cell('Q2')] }),
              new TableRow({ children: [cell('2021'), cell('Y'), cell('N'), cell('1')] }),
              new TableRow({
                children: [
                  cell('2022'),
                  new TableCell({
                    children: [new Paragraph({ children: [new TextRun('Y'), new FootnoteReferenceRun(2)] })],
                  }),
                  cell('N'),
                  cell('1'),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [new TextRun('Commentary with a note'), new FootnoteReferenceRun(1), new TextRun('.')],
          }),
          new Paragraph({ text: 'Most important developments', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            numbering: { reference: 'developments', level: 0 },
            children: [
              new TextRun('First, with '),
              new TextRun({ text: 'bold', bold: true }),
              new TextRun(' and '),
              new TextRun({ text: 'italic', italics: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ numbering: { reference: 'developments', level: 0 }, text: 'Second.' }),
          new Paragraph({ text: 'International', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('1) Typed first.'),
          new Paragraph('(2) Typed second.'),
          new Paragraph({ children: [new TextRun('Year'), new TextRun({ text: '\tQ1\tQ2' })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

async function read(bytes: Uint8Array): Promise<Block[]> {
  const result = await blocksFromDocx(bytes, DEFAULT_PARSE_LIMITS);
  expect(result.problem).toBeUndefined();
  return result.blocks;
}

async function problemOf(bytes: Uint8Array, limits = DEFAULT_PARSE_LIMITS): Promise<string> {
  const result = await blocksFromDocx(bytes, limits);
  expect(result.blocks).toEqual([]);
  expect(result.problem?.code).toBe('UNREADABLE_FILE');
  return result.problem!.message;
}

const items = (bs: Block[]): ListItemBlock[] => bs.filter((b): b is ListItemBlock => b.kind === 'list-item');

describe('blocksFromDocx on a Word report', async () => {
  const blocks = await read(await wordReport());

  it('maps Title and heading styles to headings', () => {
    expect(
      blocks
        .filter((b) => b.kind === 'heading')
        .map((b) => [b.kind === 'heading' && b.level, b.kind === 'heading' && b.text]),
    ).toEqual([
      [1, 'Kazakhstan'],
      [1, 'Changes in key metrics'],
      [2, 'Kazakhstan'],
      [1, 'Most important developments'],
      [2, 'International'],
    ]);
  });

  it('expands the merged header cells of a real Word table and counts header rows', () => {
    const table = blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.rows.slice(0, 3)).toEqual([
      ['Year', 'Answers', 'Answers', 'Total'],
      ['Year', 'Q1', 'Q2', 'Total'],
      ['2021', 'Y', 'N', '1'],
    ]);
    expect(table.headerRows).toBe(2);
  });

  it('drops footnote marks from running text and the footnote list', () => {
    const texts = blocks.filter((b) => b.kind !== 'table').map((b) => b.text);
    expect(texts).toContain('Commentary with a note.');
    expect(texts.join('\n')).not.toMatch(/ministry website|capital|\[1\]|↑|¹/);
  });

  it('keeps a footnote mark after a value in a table cell as a superscript number', () => {
    const table = blocks.find((b): b is TableBlock => b.kind === 'table')!;
    // Word numbers notes in the order they appear, as mammoth does: this one comes first.
    expect(table.rows[3]).toEqual(['2022', 'Y¹', 'N', '1']);
  });

  it('numbers auto-numbered items and reads hand-typed numbers, with emphasis as spans', () => {
    expect(items(blocks).map((i) => [i.marker, i.number, i.text, i.depth])).toEqual([
      ['1.', 1, 'First, with bold and italic.', 0],
      ['2.', 2, 'Second.', 0],
      ['1)', 1, 'Typed first.', 0],
      ['(2)', 2, 'Typed second.', 0],
    ]);
    expect(items(blocks)[0]!.spans).toEqual([
      { text: 'First, with ' },
      { text: 'bold', bold: true },
      { text: ' and ' },
      { text: 'italic', italic: true },
      { text: '.' },
    ]);
  });

  it('keeps a lone tab-separated paragraph as text and gives paragraph provenance in order', () => {
    expect(blocks[blocks.length - 1]).toMatchObject({ kind: 'paragraph', text: 'Year\tQ1\tQ2' });
    const indexes = blocks.map((b) => b.source.paragraph!);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(indexes.length);
  });
});

describe('tab-separated Word paragraphs', () => {
  it('with a typed number first stay list items', async () => {
    const tabbed = (cells: string[]): string =>
      `<w:p>${cells.map((c) => `<w:r><w:t>${c}</w:t></w:r>`).join('<w:r><w:tab/></w:r>')}</w:p>`;
    const blocks = await read(
      zipFromEntries(minimalDocxEntries(tabbed(['1.', 'The plan', 'with a tab']) + tabbed(['2.', 'Second', 'item']))),
    );
    expect(items(blocks).map((i) => [i.number, i.text])).toEqual([
      [1, 'The plan\twith a tab'],
      [2, 'Second\titem'],
    ]);
  });

  it('join into one table', async () => {
    const rows = ['Year\tQ1\tQ2\tTotal', '2021\tY\t\t1', '2022\tY\tN\t1'];
    const blocks = await read(
      zipFromEntries(
        minimalDocxEntries(
          rows
            .map(
              (r) =>
                `<w:p>${r
                  .split('\t')
                  .map((c) => `<w:r><w:t>${c}</w:t></w:r>`)
                  .join('<w:r><w:tab/></w:r>')}</w:p>`,
            )
            .join('') + wordParagraph('After.'),
        ),
      ),
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['Year', 'Q1', 'Q2', 'Total'],
          ['2021', 'Y', '', '1'],
          ['2022', 'Y', 'N', '1'],
        ],
        headerRows: 0,
        source: { paragraph: 0 },
        cellSources: [0, 1, 2].map((paragraph) => Array.from({ length: 4 }, () => ({ paragraph }))),
      },
      { kind: 'paragraph', text: 'After.', spans: [{ text: 'After.' }], source: { paragraph: 3 } },
    ]);
  });
});

describe('Word fields', () => {
  it('keep the result Word printed for a simple field (a DATE field) and a complex one', async () => {
    const simple =
      '<w:p><w:r><w:t xml:space="preserve">Date: </w:t></w:r><w:fldSimple w:instr="DATE \\@ &quot;dd MMM yyyy&quot;"><w:r><w:t>05 Apr 2023</w:t></w:r></w:fldSimple></w:p>';
    const complex =
      '<w:p><w:r><w:t xml:space="preserve">Updated: </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>6 April 2023</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const empty = '<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr="PAGE"/></w:p>';
    const blocks = await read(zipFromEntries(minimalDocxEntries(simple + complex + empty)));
    expect(blocks.map((b) => b.text)).toEqual(['Date: 05 Apr 2023', 'Updated: 6 April 2023', 'Page']);
  });
});

describe('ticks and crosses in symbol fonts', () => {
  it('print as Unicode ticks and crosses, whether typed as letters in the font or inserted as symbols', async () => {
    const run = (font: string, text: string): string =>
      `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t>${text}</w:t></w:r>`;
    const sym = (font: string, char: string): string => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const row = (cells: string[]): string =>
      `<w:tr>${cells.map((c) => `<w:tc><w:p>${c}</w:p></w:tc>`).join('')}</w:tr>`;
    const table =
      `<w:tbl>${row(['<w:r><w:t>Year</w:t></w:r>', '<w:r><w:t>Q1</w:t></w:r>', '<w:r><w:t>Q2</w:t></w:r>', '<w:r><w:t>Q3</w:t></w:r>', '<w:r><w:t>Q4</w:t></w:r>'])}` +
      `${row(['<w:r><w:t>2023</w:t></w:r>', run('Wingdings', 'ü'), run('Wingdings', 'û'), run('Wingdings 2', 'P'), sym('Wingdings', 'F0FB')])}</w:tbl>`;
    const blocks = await read(zipFromEntries(minimalDocxEntries(table + wordParagraph('Plain ü stays.'))));
    expect(blocks.find((b): b is TableBlock => b.kind === 'table')!.rows[1]).toEqual(['2023', '✓', '✗', '✓', '🗶']);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text === 'Plain ü stays.')).toBe(true);
  });
});

describe('Word numbering as printed', () => {
  const level = (ilvl: number, start: number, text: string, format = 'decimal'): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbered = (text: string, numId: number, ilvl = 0): string =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const styled = (text: string, style: string): string =>
    `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('reads numbering that comes from a paragraph style and continues across a heading, as Word prints it', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>';
    const numbering = `<w:abstractNum w:abstractNumId="7">${level(0, 1, '%1.')}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>`;
    const body =
      wordParagraph('Country') +
      styled('One', 'ListNumber') +
      styled('Two', 'ListNumber') +
      wordParagraph('International') +
      styled('Three', 'ListNumber');
    const blocks = await read(zipFromEntries(minimalDocxEntries(body, '', { styles, numbering })));
    expect(
      blocks.map((b) => (b.kind === 'list-item' ? `${b.marker} ${b.text}` : b.kind !== 'table' && b.text)),
    ).toEqual(['Country', '1. One', '2. Two', 'International', '3. Three']);
  });

  it('restarts where a list instance overrides its start, and keeps start values and marker shapes', async () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="1">${level(0, 1, '(%1)')}${level(1, 1, '%1.%2.')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="2">${level(0, 7, '%1)')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>',
    ].join('');
    const body =
      numbered('A', 1) +
      numbered('A sub', 1, 1) +
      numbered('B', 1) +
      wordParagraph('Next') +
      numbered('C', 2) +
      wordParagraph('Then') +
      numbered('G', 3) +
      numbered('H', 3);
    const blocks = await read(zipFromEntries(minimalDocxEntries(body, '', { numbering })));
    expect(items(blocks).map((i) => [i.marker, i.number, i.text, i.depth])).toEqual([
      ['(1)', 1, 'A', 0],
      ['1.1.', 1, 'A sub', 1],
      ['(2)', 2, 'B', 0],
      ['(1)', 1, 'C', 0],
      ['7)', 7, 'G', 0],
      ['8)', 8, 'H', 0],
    ]);
  });
});

describe('unsafe or broken archives', () => {
  it('refuses a zip bomb by its compression ratio', async () => {
    const entries = minimalDocxEntries(wordParagraph('x'));
    entries.push({ name: 'word/media/zeros.bin', data: Buffer.alloc(50 * 1024 * 1024) });
    expect(await problemOf(zipFromEntries(entries))).toMatch(/zip bomb/);
  });

  it('refuses archives over the unpacked size and entry limits', async () => {
    const bytes = zipFromEntries(minimalDocxEntries(wordParagraph('x')));
    expect(await problemOf(bytes, { ...DEFAULT_PARSE_LIMITS, maxUnzippedBytes: 500 })).toMatch(/over the limit of 500/);
    expect(await problemOf(bytes, { ...DEFAULT_PARSE_LIMITS, maxZipEntries: 3 })).toMatch(
      /4 entries, over the limit of 3/,
    );
  });

  it('refuses a part that inflates past its declared size', async () => {
    const entries = minimalDocxEntries(wordParagraph('x'));
    entries[3] = { ...entries[3]!, declaredSize: 10 };
    expect(await problemOf(zipFromEntries(entries))).toMatch(/damaged/);
  });

  it('refuses XML with a DOCTYPE or entity declaration', async () => {
    const entries = minimalDocxEntries(wordParagraph('&xxe;'));
    entries[3] = {
      ...entries[3]!,
      data: String(entries[3]!.data).replace(
        '?>',
        '?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      ),
    };
    expect(await problemOf(zipFromEntries(entries))).toMatch(/DOCTYPE/);
  });

  it('refuses a zip without word/document.xml and a corrupt zip', async () => {
    expect(await problemOf(zipFromEntries([{ name: 'a.txt', data: 'word/document.xml' }]))).toMatch(
      /no word\/document\.xml/,
    );
    const good = zipFromEntries(minimalDocxEntries(wordParagraph('x')));
    expect(await problemOf(good.subarray(0, good.length - 30))).toMatch(/not a readable zip/);
  });

  it('does not follow an image linked to a file outside the document', async () => {
    const image =
      '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const rels =
      '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>';
    const blocks = await read(zipFromEntries(minimalDocxEntries(image + wordParagraph('Text after the image.'), rels)));
    expect(blocks.map((b) => b.kind !== 'table' && b.text)).toEqual(['Text after the image.']);
    expect(JSON.stringify(blocks)).not.toMatch(/root:/);
  });
});

describe('a committed DOCX made by pandoc from the sample report', () => {
  it('reads headings and the numbered list', async () => {
    const blocks = await read(readFileSync(new URL('../data/kazakhstan-2023-pandoc.docx', import.meta.url)));
    expect(blocks.slice(0, 3).map((b) => b.kind !== 'table' && b.text)).toEqual([
      'Kazakhstan',
      'Aziz Soltobaev',
      '23.03.23',
    ]);
    expect(items(blocks).map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      items(blocks)[1]!
        .spans.filter((s) => s.bold)
        .map((s) => s.text),
    ).toEqual(['ability to predict the outcome of cases']);
  });
});

describe('blocksFromDocx on a layout table', () => {
  it('reads lists set side by side in a table as headings and items, left cell first', async () => {
    const numbered = (text: string) => new Paragraph({ numbering: { reference: 'n', level: 0 }, text });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'n',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Most important developments', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({
                      children: [
                        new Paragraph({ text: 'Country', heading: HeadingLevel.HEADING_2 }),
                        numbered('Left one.'),
                        numbered('Left two.'),
                      ],
                    }),
                    new TableCell({
                      children: [
                        new Paragraph({ text: 'International', heading: HeadingLevel.HEADING_2 }),
                        numbered('Right one.'),
                      ],
                    }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const blocks = await read(await Packer.toBuffer(document));
    expect(blocks.some((b) => b.kind === 'table')).toBe(false);
    const numberedColumn = new Document({
      numbering: {
        config: [
          {
            reference: 'n',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Table({
              rows: [
                ['Year', 'Total'],
                ['2022', '3'],
                ['2023', '4'],
              ].map(
                ([a, b], i) =>
                  new TableRow({
                    children: [
                      new TableCell({ children: [i === 0 ? new Paragraph(a!) : numbered(a!)] }),
                      new TableCell({ children: [new Paragraph(b!)] }),
                    ],
                  }),
              ),
            }),
          ],
        },
      ],
    });
    expect((await read(await Packer.toBuffer(numberedColumn))).map((b) => b.kind)).toEqual(['table']);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : `${b.kind}:${b.text}`))).toEqual([
      'heading:Most important developments',
      'heading:Country',
      'list-item:Left one.',
      'list-item:Left two.',
      'heading:International',
      'list-item:Right one.',
    ]);
  });
});

describe('blocksFromDocx on a box', () => {
  it('reads the paragraphs of a one-cell table as running text, so typed numbers make list items', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Country', heading: HeadingLevel.HEADING_2 }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('1. Boxed one.'), new Paragraph('2. Boxed two.')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const blocks = await read(await Packer.toBuffer(document));
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : `${b.kind}:${b.text}`))).toEqual([
      'heading:Country',
      'list-item:Boxed one.',
      'list-item:Boxed two.',
    ]);
  });
});

describe('blocksFromDocx on side-by-side columns of paragraphs', () => {
  it('reads a lone row with a cell of several paragraphs as running text; tables with rows under a header stay data', async () => {
    const paras = (...texts: string[]) => new TableCell({ children: texts.map((t) => new Paragraph(t)) });
    const document = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [paras('Country', '1. Left one.', '2. Left two.'), paras('International', '1. Right one.')],
                }),
              ],
            }),
            new Table({
              rows: [
                new TableRow({ children: [paras('Year'), paras('Total', 'score')] }),
                new TableRow({ children: [paras('2023'), paras('4')] }),
              ],
            }),
            new Table({
              rows: [
                new TableRow({ children: [paras('Year'), paras('Q1', 'National AI', 'strategy')] }),
                new TableRow({ children: [paras('2023'), paras('Y')] }),
              ],
            }),
          ],
        },
      ],
    });
    const blocks = await read(await Packer.toBuffer(document));
    expect(blocks.map((b) => (b.kind === 'table' ? `table:${b.rows.length}` : `${b.kind}:${b.text}`))).toEqual([
      'paragraph:Country',
      'list-item:Left one.',
      'list-item:Left two.',
      'paragraph:International',
      'list-item:Right one.',
      'table:2',
      'table:2',
    ]);
  });
});

describe('blocksFromDocx with a template of its own', () => {
  it('reads custom paragraph styles with an outline level as headings and bold styles as bold text', async () => {
    const document = new Document({
      styles: {
        paragraphStyles: [
          { id: 'ReportSection', name: 'Report Section', basedOn: 'Heading1', quickFormat: true },
          {
            id: 'ReportSubsection',
            name: 'Report Subsection',
            basedOn: 'Normal',
            quickFormat: true,
            paragraph: { outlineLevel: 1 },
          },
          { id: 'Note', name: 'Side Note', basedOn: 'Normal', paragraph: { outlineLevel: 9 } },
          { id: 'SubBold', name: 'Sub Bold', basedOn: 'Normal', run: { bold: true } },
          { id: 'Plainer', name: 'Plainer', basedOn: 'SubBold', run: { bold: false } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Most important developments', style: 'ReportSection' }),
            new Paragraph({ text: 'Country', style: 'ReportSubsection' }),
            new Paragraph({ text: 'Body text in an outline-less style.', style: 'Note' }),
            new Paragraph({ text: 'International', style: 'SubBold' }),
            new Paragraph({ text: 'Not bold after all.', style: 'Plainer' }),
          ],
        },
      ],
    });
    const blocks = await read(await Packer.toBuffer(document));
    expect(
      blocks.map((b) =>
        b.kind === 'heading' ? `h${b.level}:${b.text}` : `${b.kind}:${b.kind === 'table' ? '' : b.text}`,
      ),
    ).toEqual([
      'h1:Most important developments',
      'h2:Country',
      'paragraph:Body text in an outline-less style.',
      'paragraph:International',
      'paragraph:Not bold after all.',
    ]);
    const boldSpans = blocks
      .slice(3)
      .map((b) => (b.kind === 'paragraph' ? b.spans.filter((s) => s.bold).map((s) => s.text) : []));
    expect(boldSpans).toEqual([['International'], []]);
  });
});

describe('blocksFromDocx with broken references', () => {
  it('keeps the text of a hyperlink whose relationship is missing and of one whose relationship exists', async () => {
    const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const link = (id: string, text: string) =>
      `<w:p><w:r><w:t xml:space="preserve">1. See </w:t></w:r><w:hyperlink ${R} r:id="${id}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>`;
    const rels =
      '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/>';
    const blocks = await read(
      zipFromEntries(minimalDocxEntries(link('rIdMissing', 'the plan') + link('rIdLink', 'the law'), rels)),
    );
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : `${b.kind}:${b.text}`))).toEqual([
      'list-item:See the plan.',
      'list-item:See the law.',
    ]);
  });

  it('reads past a picture whose relationship is missing and a footnote mark whose note is not defined', async () => {
    const picture =
      '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="p"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdGone"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
    const body = `<w:p>${picture}<w:r><w:t>1. Pictured.</w:t></w:r></w:p><w:p><w:r><w:t>2. Noted.</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>`;
    const blocks = await read(zipFromEntries(minimalDocxEntries(body)));
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : `${b.kind}:${b.text}`))).toEqual([
      'list-item:Pictured.',
      'list-item:Noted.',
    ]);
  });
});
