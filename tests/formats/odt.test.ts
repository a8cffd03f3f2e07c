import { describe, expect, it } from 'vitest';
import type { Block, ListItemBlock, TableBlock } from '../../src/blocks/model.js';
import { blocksFromOdt } from '../../src/formats/odt/blocks-from-odt.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { zipFromEntries, type ZipEntryInput } from './zip-from-entries.js';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';

const LIST_STYLE =
  '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>' +
  '<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="1"/></text:list-style>' +
  '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>';
const AUTOMATIC =
  '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>' +
  '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>' +
  '<style:style style:name="P9" style:family="paragraph" style:parent-style-name="Strong_20_Para"/>';
const COMMON =
  '<style:style style:name="Strong_20_Para" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>';

function odt(body: string, extra: ZipEntryInput[] = []): Buffer {
  return zipFromEntries([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
    {
      name: 'content.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${AUTOMATIC}${LIST_STYLE}</office:automatic-styles><office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>${body}</office:text></office:body></office:document-content>`,
    },
    {
      name: 'styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles>${COMMON}</office:styles></office:document-styles>`,
    },
    {
      name: 'META-INF/manifest.xml',
      data: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    },
    ...extra,
  ]);
}

async function read(bytes: Buffer): Promise<Block[]> {
  const result = await blocksFromOdt(bytes, DEFAULT_PARSE_LIMITS);
  expect(result.problem).toBeUndefined();
  return result.blocks;
}
const items = (blocks: Block[]) => blocks.filter((b): b is ListItemBlock => b.kind === 'list-item');
const item = (text: string, start?: number) =>
  `<text:list-item${start ? ` text:start-value="${start}"` : ''}><text:p>${text}</text:p></text:list-item>`;

describe('OpenDocument text', () => {
  it('reads headings by outline level, paragraphs with their spaces and tabs, in body order with paragraph provenance', async () => {
    const blocks = await read(
      odt(
        '<text:h text:outline-level="1">Kenya</text:h><text:p>Author:<text:s/>A.<text:s text:c="2"/>Wanjiru</text:p>' +
          '<text:h text:outline-level="2">Scores</text:h><text:p>Year<text:tab/>Total</text:p>',
      ),
    );
    expect(
      blocks.map((b) => [b.kind, 'level' in b ? b.level : null, 'text' in b ? b.text : null, b.source.paragraph]),
    ).toEqual([
      ['heading', 1, 'Kenya', 0],
      ['paragraph', null, 'Author: A.  Wanjiru', 1],
      ['heading', 2, 'Scores', 2],
      ['paragraph', null, 'Year\tTotal', 3],
    ]);
  });

  it('numbers lists as Writer does: restarting, continuing a named or the previous list, own start values, nested levels', async () => {
    const blocks = await read(
      odt(
        `<text:list xml:id="a" text:style-name="L1">${item('One')}${item('Two')}</text:list><text:p>Between</text:p>` +
          `<text:list text:continue-list="a" text:style-name="L1">${item('Three')}</text:list>` +
          `<text:list text:style-name="L1">${item('Again one')}<text:list-item><text:p>Two with sub</text:p><text:list>${item('Sub one')}${item('Sub two')}</text:list></text:list-item></text:list>` +
          `<text:list text:continue-numbering="true" text:style-name="L1">${item('Three again')}</text:list>` +
          `<text:list text:style-name="L1">${item('Seven', 7)}${item('Eight')}</text:list>` +
          `<text:list text:style-name="B1">${item('A bullet')}</text:list>`,
      ),
    );
    expect(items(blocks).map((i) => [i.number, i.text, i.depth])).toEqual([
      [1, 'One', 0],
      [2, 'Two', 0],
      [3, 'Three', 0],
      [1, 'Again one', 0],
      [2, 'Two with sub', 0],
      [1, 'Sub one', 1],
      [2, 'Sub two', 1],
      [3, 'Three again', 0],
      [7, 'Seven', 0],
      [8, 'Eight', 0],
    ]);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text === 'A bullet')).toBe(true);
  });

  it('takes bold and italic from automatic and common styles, through parent styles', async () => {
    const blocks = await read(
      odt(
        `<text:list text:style-name="L1">${item('The plan <text:span text:style-name="T1">was adopted</text:span> by <text:span text:style-name="T2">decree</text:span>')}</text:list>` +
          '<text:p text:style-name="P9">Country</text:p>',
      ),
    );
    const [first] = items(blocks);
    expect(first!.spans.filter((s) => s.bold).map((s) => s.text)).toEqual(['was adopted']);
    expect(first!.spans.filter((s) => s.italic).map((s) => s.text)).toEqual(['decree']);
    const para = blocks.find((b) => b.kind === 'paragraph');
    expect(para && 'spans' in para ? para.spans.every((s) => s.bold) : false).toBe(true);
  });

  it('reads tables with header rows, merged and repeated cells, paragraphs in cells, and skips what is not running text', async () => {
    const cell = (t: string, attrs = '') => `<table:table-cell${attrs}><text:p>${t}</text:p></table:table-cell>`;
    const blocks = await read(
      odt(
        '<text:section text:name="S1">' +
          '<table:table><table:table-column table:number-columns-repeated="3"/>' +
          `<table:table-header-rows><table:table-row>${cell('Year')}${cell('Answers', ' table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row></table:table-header-rows>` +
          `<table:table-row>${cell('2022')}${cell('Y', ' table:number-columns-repeated="2"')}</table:table-row></table:table>` +
          '<text:table-of-content><text:index-body><text:p>Contents 1</text:p></text:index-body></text:table-of-content>' +
          '<text:p>Kept<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Note text</text:p></text:note-body></text:note> text<office:annotation><text:p>A comment</text:p></office:annotation></text:p>' +
          '<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
          '</text:section>',
      ),
    );
    const table = blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.rows).toEqual([
      ['Year', 'Answers', 'Answers'],
      ['2022', 'Y', 'Y'],
    ]);
    expect(table.headerRows).toBe(1);
    expect(blocks.filter((b) => b.kind !== 'table').map((b) => ('text' in b ? b.text : ''))).toEqual(['Kept text']);
  });

  it('refuses what a Word file would be refused for: entity declarations, too many entries, a missing body', async () => {
    const withDoctype = zipFromEntries([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
      { name: 'content.xml', data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content/>' },
    ]);
    expect((await blocksFromOdt(withDoctype, DEFAULT_PARSE_LIMITS)).problem?.message).toMatch(
      /ODT part content\.xml declares a DOCTYPE/,
    );
    const many = odt(
      '<text:p>x</text:p>',
      Array.from({ length: 10 }, (_, i) => ({ name: `Pictures/${i}.png`, data: 'x' })),
    );
    expect((await blocksFromOdt(many, { ...DEFAULT_PARSE_LIMITS, maxZipEntries: 8 })).problem?.message).toMatch(
      /ODT archive has 14 entries, over the limit of 8/,
    );
    const noBody = zipFromEntries([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
    ]);
    expect((await blocksFromOdt(noBody, DEFAULT_PARSE_LIMITS)).problem?.message).toMatch(/no content\.xml/);
  });

  it('says a password-protected document is encrypted', async () => {
    const encrypted = zipFromEntries([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
      { name: 'content.xml', data: Buffer.from([0x9c, 0x13, 0xfe, 0x01, 0x44]) },
    ]);
    const result = await blocksFromOdt(encrypted, DEFAULT_PARSE_LIMITS);
    expect(result.problem).toEqual({
      code: 'UNREADABLE_FILE',
      message: 'The ODT document is encrypted (saved with a password).',
    });
  });
});
