import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Block, ListItemBlock, TableBlock } from '../../src/blocks/model.js';
import { blocksFromMarkdown } from '../../src/formats/markdown/blocks-from-markdown.js';
import { plainBlocksSplit } from '../../src/formats/markdown/markdown-plain-blocks.js';

const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';

function blocks(text: string): Block[] {
  const result = blocksFromMarkdown(text);
  expect(result.problem).toBeUndefined();
  return result.blocks;
}

const tables = (bs: Block[]): TableBlock[] => bs.filter((b): b is TableBlock => b.kind === 'table');
const items = (bs: Block[]): ListItemBlock[] => bs.filter((b): b is ListItemBlock => b.kind === 'list-item');
const shape = (bs: Block[]): string[] =>
  bs.map((b) =>
    b.kind === 'heading'
      ? `h${b.level}:${b.text}`
      : b.kind === 'list-item'
        ? `li${b.depth}:${b.marker}:${b.text}`
        : b.kind === 'table'
          ? `table:${b.rows.length}x${b.rows[0]?.length}`
          : `p:${b.text}`,
  );

describe('blocksFromMarkdown on the sample report', () => {
  const bs = blocks(readFileSync(SAMPLE, 'utf8'));

  it('gives headings, date paragraph, table, commentary and the list in reading order', () => {
    const prefixes = [
      'h1:Kazakhstan',
      'h2:Aziz Soltobaev',
      'p:23.03.23',
      'h1:Changes in key metrics',
      'h2:Kazakhstan',
      'table:3x14',
      'p:Kazakhstan started implementing measures',
      'p:Kazakhstan has platform for discussion o',
      'p:Kazakhstan Government created platforms,',
      'h1:Most important developments',
      'h2:Country',
      'li0:1.:Kazakhstan approved the "Action Plan f',
      'li0:2.:Kazakhstan is developing the "electro',
      'li0:3.:The Ministry of Digital Development in',
      'li0:4.:The Kazakh Government plans to impleme',
      'li0:5.:The Cabinet of Kazakhstan defined in t',
      'li0:6.:The Ministry of Digital Development in',
    ];
    expect(shape(bs).map((s, i) => s.slice(0, prefixes[i]?.length))).toEqual(prefixes);
  });

  it('gives item texts equal to the expected record once whitespace is normalised', () => {
    const expected = JSON.parse(readFileSync(SAMPLE.replace(/\.md$/, '.expected.json'), 'utf8')) as {
      developmentLists: { items: { number: number; text: string; emphasis: string[] }[] }[];
    };
    const want = expected.developmentLists.flatMap((list) => list.items);
    expect(
      items(bs).map((i) => ({
        number: i.number,
        text: i.text.replace(/\s+/g, ' ').trim(),
        emphasis: i.spans.filter((s) => s.bold || s.italic).map((s) => s.text),
      })),
    ).toEqual(want);
  });

  it('reads the tab-separated score table as a 3x14 grid with line provenance', () => {
    const [table] = tables(bs);
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
    expect(table!.rows[2]).toEqual(['2022', 'N', 'N', 'Y', 'P', 'P', 'P', 'P', 'N', 'P', 'N', 'Y', 'N', '4.33']);
    expect(table!.source).toEqual({ line: 13 });
  });

  it('keeps the bold run of item 2 as a bold span without its markup', () => {
    const item = items(bs)[1]!;
    expect(item.text).not.toContain('**');
    expect(item.spans.filter((s) => s.bold)).toEqual([{ text: 'ability to predict the outcome of cases', bold: true }]);
    expect(item.spans.map((s) => s.text).join('')).toBe(item.text);
    expect(item.text.endsWith('the ability to predict the outcome of cases;')).toBe(true);
  });
});

describe('pipe tables', () => {
  it('reads tables with and without outer pipes and alignment rows, escaped pipes kept in cells', () => {
    const bs = blocks(
      [
        '| Year | Q1 | Total |',
        '|:---|:--:|---:|',
        '| 2021 | **Y** | 1 |',
        '',
        'Year | Q1 | Note',
        '--- | --- | ---',
        '2022 | P | a \\| b',
        '',
      ].join('\n'),
    );
    expect(tables(bs).map((t) => [t.rows, t.headerRows])).toEqual([
      [
        [
          ['Year', 'Q1', 'Total'],
          ['2021', 'Y', '1'],
        ],
        1,
      ],
      [
        [
          ['Year', 'Q1', 'Note'],
          ['2022', 'P', 'a | b'],
        ],
        1,
      ],
    ]);
  });

  it('splits a paragraph that mixes prose and table lines, markup in prose read', () => {
    const bs = blocks(
      ['Scores *below*:', '| Year | Q1 |', '|---|---|', '| 2021 | N |', 'Source: **survey**', ''].join('\n'),
    );
    expect(shape(bs)).toEqual(['p:Scores below:', 'table:2x2', 'p:Source: survey']);
    expect(bs[0]!.kind === 'paragraph' && bs[0].spans).toEqual([
      { text: 'Scores ' },
      { text: 'below', italic: true },
      { text: ':' },
    ]);
    expect(bs.map((b) => b.source.line)).toEqual([1, 2, 5]);
  });

  it('reads a pandoc grid table under a heading, cell markup removed', () => {
    const bs = blocks(
      [
        '#### Uruguay',
        '',
        '+------+------+',
        '| Year | Q1   |',
        '+======+======+',
        '| 2022 | **Y** |',
        '+------+------+',
        '',
        'After.',
        '',
      ].join('\n'),
    );
    expect(shape(bs)).toEqual(['h4:Uruguay', 'table:2x2', 'p:After.']);
    expect(tables(bs)[0]).toMatchObject({
      rows: [
        ['Year', 'Q1'],
        ['2022', 'Y'],
      ],
      headerRows: 1,
      source: { line: 3 },
    });
  });

  it('reads cells wholly in bold or italics and cells with note marks as the parser would', () => {
    const row = (cell: string): string => tables(blocks(`| a | b |\n|---|---|\n| ${cell} | x |\n`))[0]!.rows[1]![0]!;
    expect(['**Q1**', '__Y__', '*N*', '** Y**', '**a*b**', 'Y[^1] [^2]', '[^1](x)', '_snake_case_'].map(row)).toEqual([
      'Q1',
      'Y',
      'N',
      '** Y**',
      'a*b',
      'Y[^1] [^2]',
      '^1',
      'snake_case',
    ]);
  });

  it('keeps a footnote mark after a value in a cell and drops it from running text', () => {
    const bs = blocks(
      ['| Year | Q1 |', '|---|---|', '| 2023 | Y[^1] |', '', 'Commentary[^1].', '', '[^1]: Only in Lima.', ''].join(
        '\n',
      ),
    );
    expect(tables(bs)[0]!.rows[1]).toEqual(['2023', 'Y[^1]']);
    expect(shape(bs).slice(1)).toEqual(['p:Commentary.']);
  });

  it('leaves a delimiter row of the wrong width as text', () => {
    expect(shape(blocks('a | b | c\n---|---\n'))).toEqual(['p:a | b | c\n---|---']);
  });
});

describe('tab-separated tables', () => {
  it('keeps empty cells between single tabs and drops stray trailing tabs', () => {
    const [t] = tables(blocks('Year\tQ1\tQ2\tTotal\t\n2021\tY\t\t1\n2022\tY\tN\t\n'));
    expect(t!.rows).toEqual([
      ['Year', 'Q1', 'Q2', 'Total'],
      ['2021', 'Y', '', '1'],
      ['2022', 'Y', 'N', ''],
    ]);
  });

  it('joins rows written as separate paragraphs into one table', () => {
    const bs = blocks('Year\tQ1\tQ2\tTotal\n\n2021\tY\tN\t1\n\n2022\tY\tY\t2\n\nAfter.\n');
    expect(shape(bs)).toEqual(['table:3x4', 'p:After.']);
  });

  it('keeps an empty top-left cell when the header row starts with a tab', () => {
    const [t] = tables(blocks('Intro.\n\n\tQ1\tQ2\tTotal\n2021\tY\tN\t1\n'));
    expect(t!.rows).toEqual([
      ['', 'Q1', 'Q2', 'Total'],
      ['2021', 'Y', 'N', '1'],
    ]);
    expect(t!.source.line).toBe(3);
  });

  it('leaves two-column labelled lines as text', () => {
    expect(shape(blocks('Author:\tAziz Soltobaev\nDate:\t23.03.23\n'))).toEqual([
      'p:Author:\tAziz Soltobaev\nDate:\t23.03.23',
    ]);
  });
});

describe('HTML tables', () => {
  it('expands colspan and rowspan and counts header rows', () => {
    const html = [
      '<table>',
      '<thead><tr><th rowspan="2">Year</th><th colspan="2">Answers</th><th>Total</th></tr>',
      '<tr><th>Q1</th><th>Q2</th><th>&nbsp;</th></tr></thead>',
      '',
      '<tbody><tr><td>2021</td><td><b>Y</b></td><td>N &amp; more</td><td>1</td></tr></tbody>',
      '</table>',
      '',
    ].join('\n');
    const [t] = tables(blocks(`# Scores\n\n${html}\nAfter.\n`));
    expect(t!.rows).toEqual([
      ['Year', 'Answers', 'Answers', 'Total'],
      ['Year', 'Q1', 'Q2', ''],
      ['2021', 'Y', 'N & more', '1'],
    ]);
    expect(t!.headerRows).toBe(2);
    expect(t!.source.line).toBe(3);
  });

  it('takes the text of block-level HTML and ignores comments', () => {
    expect(shape(blocks('<!-- note -->\n\n<p>Hello <em>there</em></p>\n'))).toEqual(['p:Hello there']);
  });
});

describe('lists and headings', () => {
  it('reads (1) paragraphs as list items, following lines appended', () => {
    const bs = blocks('(1) First item\nwraps here.\n(2) Second **item**.\n\n(3) Third.\n');
    expect(shape(bs)).toEqual(['li0:(1):First item\nwraps here.', 'li0:(2):Second item.', 'li0:(3):Third.']);
    expect(items(bs)[1]!.spans).toEqual([{ text: 'Second ' }, { text: 'item', bold: true }, { text: '.' }]);
    expect(bs.map((b) => b.source.line)).toEqual([1, 3, 5]);
  });

  it('reads numbered lines that CommonMark keeps in a paragraph', () => {
    expect(shape(blocks('Developments:\n2. Second\n3. Third\n'))).toEqual([
      'p:Developments:',
      'li0:2.:Second',
      'li0:3.:Third',
    ]);
  });

  it('keeps a bold-only line a paragraph with one bold span', () => {
    expect(blocks('**Country**\n')).toEqual([
      { kind: 'paragraph', text: 'Country', spans: [{ text: 'Country', bold: true }], source: { line: 1 } },
    ]);
  });

  it('reads setext headings', () => {
    expect(shape(blocks('Kazakhstan\n==========\n\nCountry\n-------\n'))).toEqual(['h1:Kazakhstan', 'h2:Country']);
  });

  it('keeps printed numbers of 1) lists, gaps included', () => {
    expect(items(blocks('1) One\n2) Two\n4) Four\n')).map((i) => [i.marker, i.number])).toEqual([
      ['1)', 1],
      ['2)', 2],
      ['4)', 4],
    ]);
  });

  it('joins a loose item with lazy continuation and several paragraphs', () => {
    const bs = blocks('1. First line\nlazy continuation\n\n   second paragraph\n\n2. Next\n');
    expect(shape(bs)).toEqual(['li0:1.:First line\nlazy continuation\nsecond paragraph', 'li0:2.:Next']);
  });

  it('gives nested ordered lists a depth and bullet items paragraphs', () => {
    expect(shape(blocks('1. Top\n   1. Inner\n   2. Inner two\n2. Top two\n\n- bullet\n'))).toEqual([
      'li0:1.:Top',
      'li1:1.:Inner',
      'li1:2.:Inner two',
      'li0:2.:Top two',
      'p:bullet',
    ]);
  });

  it('removes markup: links, code, escapes, entities', () => {
    expect(shape(blocks('See [the plan](http://x.y) and `code`, \\*not emphasis\\*, caf&eacute;.\n'))).toEqual([
      'p:See the plan and code, *not emphasis*, café.',
    ]);
  });

  it('drops footnote marks and footnote definitions', () => {
    expect(shape(blocks('1. An item with a note[^1].\n\n[^1]: The source.\n'))).toEqual([
      'li0:1.:An item with a note.',
    ]);
  });

  it('turns YAML front matter into labelled lines', () => {
    const bs = blocks('---\ntitle: "Kazakhstan"\nauthor: Aziz Soltobaev\ntags:\n  - a\n---\n\n# Kazakhstan\n');
    expect(shape(bs)).toEqual(['p:Title: Kazakhstan', 'p:Author: Aziz Soltobaev', 'h1:Kazakhstan']);
    expect(bs[2]!.source.line).toBe(8);
  });
});

describe('hostile input', () => {
  it('reads moderately deep nesting', () => {
    const result = blocksFromMarkdown(`${'>'.repeat(50)} deep\n\n${'- '.repeat(20)}1. item\n`);
    expect(shape(result.blocks)).toEqual(['p:deep', 'li0:1.:item']);
  });

  it('refuses 10,000-deep quotes and lists, written inline or by indentation, quickly and with a clear problem', () => {
    const inputs = [
      `${'>'.repeat(10000)} deep\n`,
      '- '.repeat(10000) + 'x\n',
      '1. '.repeat(10000) + 'x\n',
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'),
    ];
    for (const text of inputs) {
      const started = Date.now();
      const result = blocksFromMarkdown(text);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.problem?.code).toBe('UNREADABLE_FILE');
      expect(result.problem?.message).toMatch(/too deeply/);
    }
  });

  it('skips an HTML block nested 10,000 deep and reads the rest', () => {
    const result = blocksFromMarkdown(`# Title\n\n${'<div>'.repeat(10000)}x${'</div>'.repeat(10000)}\n\nAfter.\n`);
    expect(result.problem).toBeUndefined();
    expect(shape(result.blocks)).toEqual(['h1:Title', 'p:After.']);
  });

  it('reads a long run of emphasis marks as text without slowing down', () => {
    const started = Date.now();
    const bs = blocks(`a ${'*'.repeat(10000)}x${'*'.repeat(10000)} b\n`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(bs[0]!.kind === 'paragraph' && bs[0].text).toBe(`a ${'*'.repeat(10000)}x${'*'.repeat(10000)} b`);
  });

  it('reads a paragraph overloaded with emphasis and link marks as text, quickly', () => {
    const started = Date.now();
    const text = `${'*['.repeat(20000)}x${']*'.repeat(20000)}`;
    const bs = blocks(`# Title\n\n${text}\n\nAfter *this*.\n`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(shape(bs)).toEqual(['h1:Title', `p:${text}`, 'p:After this.']);
  });

  it('adds little to the CommonMark parse of a 1 MB report', () => {
    const sample = readFileSync(SAMPLE, 'utf8');
    const copies = Math.ceil(1_000_000 / sample.length);
    const big = Array.from({ length: copies }, () => sample).join('\n\n');
    blocksFromMarkdown(sample);
    let started = performance.now();
    unified().use(remarkParse).parse(big);
    const parseOnly = performance.now() - started;
    started = performance.now();
    const bs = blocks(big);
    const whole = performance.now() - started;
    expect(tables(bs)).toHaveLength(copies);
    expect(items(bs)).toHaveLength(6 * copies);
    // remark-parse itself reads about 0.5-1 MB/s here; the walk on top must stay small beside it.
    expect(whole).toBeLessThan(parseOnly * 1.5 + 500);
    // Large files are read in sections; line numbers must still point into the whole file.
    const lines = big.split('\n');
    for (const block of bs) {
      if (block.kind === 'heading')
        expect(lines[block.source.line! - 1]).toBe(`${'#'.repeat(block.level)} ${block.text}`);
      if (block.kind === 'list-item')
        expect(lines[block.source.line! - 1]!.startsWith(`${block.marker} ${block.text.slice(0, 20)}`)).toBe(true);
    }
  });

  it('keeps fenced code whole when cutting a large file into sections', () => {
    const filler = `${'Prose line of a report. '.repeat(40)}\n\n`.repeat(300);
    const fenced = '```\n\n# not a heading\n```\n';
    const bs = blocks(`${filler}${fenced}\n# Real\n`);
    expect(bs.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Real']);
    expect(bs.some((b) => b.kind === 'paragraph' && b.text === '# not a heading')).toBe(true);
  });
});

describe('strikethrough', () => {
  it('drops the ~~ delimiters and keeps the words, in items, paragraphs, headings and cells', () => {
    const text = [
      '## Plans ~~2022~~',
      '',
      '1. The ~~draft~~ strategy was adopted.',
      '2. Struck ~~**bold** words~~ end.',
      '',
      'About ~5% and a ~~ b stay.',
      '',
      '| Year | Q1 |',
      '|---|---|',
      '| 2023 | ~~N~~ Y |',
      '',
    ].join('\n');
    expect(shape(blocks(text))).toEqual([
      'h2:Plans 2022',
      'li0:1.:The draft strategy was adopted.',
      'li0:2.:Struck bold words end.',
      'p:About ~5% and a ~~ b stay.',
      'table:2x2',
    ]);
    expect(tables(blocks(text))[0]!.rows[1]).toEqual(['2023', 'N Y']);
  });

  it('leaves a struck line to the parser, so both readings agree', () => {
    const { blocks: plain, rest } = plainBlocksSplit('1. The ~~draft~~ strategy.\n', (rows) => rows);
    expect(plain).toEqual([]);
    expect(rest).toHaveLength(1);
  });
});

describe('plain stretches read without the parser', () => {
  const split = (text: string) => plainBlocksSplit(text, (rows) => rows);

  it('takes headings, markup-free paragraphs, ordered items and pipe tables, with their lines', () => {
    const text = [
      '# Title',
      '',
      'Author: A. Person',
      'Date: 1 May 2023',
      '',
      '## Scores',
      '| Year | Q1 |',
      '|---|---|',
      '| 2023 | Y |',
      '',
      '1. First item',
      'wrapped.',
      '2) Second',
      '',
    ].join('\n');
    const { blocks, rest } = split(text);
    expect(rest).toEqual([]);
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title', spans: [{ text: 'Title' }], source: { line: 1 } },
      {
        kind: 'paragraph',
        text: 'Author: A. Person\nDate: 1 May 2023',
        spans: [{ text: 'Author: A. Person\nDate: 1 May 2023' }],
        source: { line: 3 },
      },
      { kind: 'heading', level: 2, text: 'Scores', spans: [{ text: 'Scores' }], source: { line: 6 } },
      {
        kind: 'table',
        rows: [
          ['Year', 'Q1'],
          ['2023', 'Y'],
        ],
        headerRows: 1,
        source: { line: 7 },
        cellSources: [
          [{ line: 7 }, { line: 7 }],
          [{ line: 9 }, { line: 9 }],
        ],
      },
      {
        kind: 'list-item',
        marker: '1.',
        number: 1,
        text: 'First item\nwrapped.',
        spans: [{ text: 'First item\nwrapped.' }],
        depth: 0,
        source: { line: 11 },
      },
      {
        kind: 'list-item',
        marker: '2)',
        number: 2,
        text: 'Second',
        spans: [{ text: 'Second' }],
        depth: 0,
        source: { line: 13 },
      },
    ]);
  });

  it('leaves to the parser markup, indented stretches and what comes before them, fenced code and HTML across blank lines', () => {
    const text = [
      'Plain.',
      '',
      'With *markup*.',
      '',
      'Before an indented one.',
      '',
      '    indented',
      '',
      '```',
      'code',
      '',
      'Plain in code.',
      '```',
      '',
      '<!--',
      '',
      'Plain in a comment.',
      '',
      '-->',
      '',
      'Setext',
      '---',
      '',
      '(1) typed',
      '',
      '## Heading',
      '    code after it',
      '',
      'Last.',
    ].join('\n');
    const { blocks, rest } = split(text);
    expect(blocks.map((b) => b.text)).toEqual(['Plain.', 'Last.']);
    // One piece from the blank line after `Plain.` up to `Last.`.
    expect(rest.map((piece) => [piece.firstLine, piece.text.split('\n').length])).toEqual([[2, 27]]);
  });

  it('does not take a fence inside an HTML block for code, nor a quote after table rows for rows', () => {
    const html = ['<div>', '```', '</div>', '', 'Plain after.', ''].join('\n');
    expect(shape(blocks(html))).toEqual(['p:```', 'p:Plain after.']);
    const quoted = ['| Year | Q1 |', '|---|---|', '| 2023 | Y |', '> | 2024 | N |', ''].join('\n');
    expect(tables(blocks(quoted)).map((t) => t.rows)).toEqual([
      [
        ['Year', 'Q1'],
        ['2023', 'Y'],
      ],
    ]);
  });

  it('gives the same blocks as the parser alone, in reading order', () => {
    const text = [
      '# Report',
      '',
      'Intro line one',
      'and two.',
      '',
      '1. Item with **bold**',
      '',
      '   Second paragraph of the item.',
      '',
      'Between.',
      '',
      '2. Next item',
      '3. Third',
      '',
      '| Year | Q1 |',
      '|---|---|',
      '| 2023 | **Y** |',
      '',
      '- bullet',
      '',
      'End.',
      '',
    ].join('\n');
    expect(shape(blocks(text))).toEqual([
      'h1:Report',
      'p:Intro line one\nand two.',
      'li0:1.:Item with bold\nSecond paragraph of the item.',
      'p:Between.',
      'li0:2.:Next item',
      'li0:3.:Third',
      'table:2x2',
      'p:bullet',
      'p:End.',
    ]);
  });
});
