import { describe, expect, it } from 'vitest';
import type { Block, ListItemBlock, TableBlock } from '../../src/blocks/model.js';
import { blocksFromHtmlPage } from '../../src/formats/html/blocks-from-html-page.js';
import { classRulesFromCss, emphasisFromDeclarations } from '../../src/formats/html/css-emphasis.js';

const blocks = (html: string): Block[] => blocksFromHtmlPage(html).blocks;
const items = (html: string) => blocks(html).filter((b): b is ListItemBlock => b.kind === 'list-item');
const boldOf = (item: ListItemBlock) => item.spans.filter((s) => s.bold).map((s) => s.text);

describe('web pages', () => {
  it('take bold from a class rule the way Google Docs exports it, and not from a normal-weight class', () => {
    const page =
      '<html><head><style type="text/css">.c1{font-weight:400}.c3{color:#000;font-weight:700}.c4{font-style:italic}</style></head><body>' +
      '<ol class="c2 lst-kix_a-0 start" start="1"><li class="c0"><span class="c1">The agency published </span><span class="c3">a draft guideline</span><span class="c1"> for </span><span class="c4">public bodies</span></li></ol></body></html>';
    const [item] = items(page);
    expect(item!.text).toBe('The agency published a draft guideline for public bodies');
    expect(boldOf(item!)).toEqual(['a draft guideline']);
    expect(item!.spans.filter((s) => s.italic).map((s) => s.text)).toEqual(['public bodies']);
  });

  it('take bold from inline styles, which override the tag (Google Docs wraps copied text in a normal-weight <b>)', () => {
    const page =
      '<!DOCTYPE html><html><body><b style="font-weight:normal" id="docs-internal-guid-1"><ol>' +
      '<li>Plain <span style="font-weight: 700;">styled bold</span> and <strong>strong</strong> and <b style="font-weight:400">not bold</b></li></ol></b></body></html>';
    expect(boldOf(items(page)[0]!)).toEqual(['styled bold', 'strong']);
  });

  it('number items from <ol start> and <li value>', () => {
    const page =
      '<html><body><ol start="4"><li>Four</li><li>Five</li></ol><ol><li value="9">Nine</li><li>Ten</li></ol></body></html>';
    expect(items(page).map((i) => i.number)).toEqual([4, 5, 9, 10]);
  });

  it('read a table whose cells hold paragraphs, header rows from <thead>', () => {
    const page =
      '<html><body><table><thead><tr><th><p>Year</p></th><th><p>Q1</p></th><th><p>Total</p></th></tr></thead>' +
      '<tbody><tr><td><p><span>2022</span></p></td><td><p>Y</p></td><td><p>1</p></td></tr></tbody></table></body></html>';
    const table = blocks(page).find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.rows).toEqual([
      ['Year', 'Q1', 'Total'],
      ['2022', 'Y', '1'],
    ]);
    expect(table.headerRows).toBe(1);
  });

  it('give each block the line of the file it starts on', () => {
    const page =
      '<!DOCTYPE html>\n<html>\n<body>\n<h1>Kenya</h1>\n<p>Author: A. Wanjiru</p>\n\n<ol>\n  <li>First</li>\n</ol>\n</body>\n</html>\n';
    expect(blocks(page).map((b) => [b.kind, b.source.line])).toEqual([
      ['heading', 4],
      ['paragraph', 5],
      ['list-item', 8],
    ]);
  });

  it("read only the page's main content when it has one, and never its menus", () => {
    const page =
      '<html><body><header><nav><a href="/">Home</a></nav><p>Site name</p></header>' +
      '<main><h1>Kenya</h1><nav>Jump to: scores</nav><p>Author: A. Wanjiru</p></main><footer><p>© 2024</p></footer></body></html>';
    expect(blocks(page).map((b) => ('text' in b ? b.text : b.kind))).toEqual(['Kenya', 'Author: A. Wanjiru']);
  });

  it('collapse white space as a browser shows it', () => {
    const page = '<html><body><p>Author:\n      A.   Wanjiru</p></body></html>';
    expect(blocks(page).map((b) => ('text' in b ? b.text : ''))).toEqual(['Author: A. Wanjiru']);
  });
});

describe('CSS emphasis', () => {
  it('reads simple class selectors, lists of them and the font shorthand; later rules win', () => {
    const rules = classRulesFromCss(
      '/* x */ .a, p.b { font-weight: bold } .c{font:italic 700 11pt Arial} .a{font-weight:normal} div .d{font-weight:700} @media print{.e{font-weight:700}}',
    );
    expect(rules.get('a')).toEqual({ bold: false });
    expect(rules.get('b')).toEqual({ bold: true });
    expect(rules.get('c')).toEqual({ bold: true, italic: true });
    expect(rules.has('d')).toBe(false);
  });

  it('reads numeric weights and ignores properties that only look alike', () => {
    expect(emphasisFromDeclarations('font-weight:600')).toEqual({ bold: true });
    expect(emphasisFromDeclarations('font-weight:500;font-style:oblique')).toEqual({ bold: false, italic: true });
    expect(emphasisFromDeclarations('mso-bidi-font-weight:bold')).toEqual({});
  });
});

describe('footnotes in web pages', () => {
  it('drop Google Docs note marks and note texts from the report, keeping a mark in a cell as a superscript', () => {
    const page =
      '<html><body><table><tr><td><p>Year</p></td><td><p>Q1</p></td></tr><tr><td><p>2023</p></td><td><p><span>Y</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p></td></tr></table>' +
      '<p><span>The agency reported</span><sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup><span> twice.</span></p><hr>' +
      '<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;Estimated.</span></p></div><div><p><a href="#ftnt_ref2" id="ftnt2">[2]</a><span>&nbsp;Source.</span></p></div></body></html>';
    const all = blocks(page);
    expect(all.find((b): b is TableBlock => b.kind === 'table')!.rows[1]).toEqual(['2023', 'Y¹']);
    expect(all.filter((b) => b.kind === 'paragraph').map((b) => ('text' in b ? b.text : ''))).toEqual([
      'The agency reported twice.',
    ]);
  });

  it('drop the notes of Word\'s "Save as Web Page"', () => {
    const page =
      '<html><body><p class=MsoNormal>Kenya<a style=\'mso-footnote-id:ftn1\' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a></p>' +
      '<div style=\'mso-element:footnote-list\'><div style=\'mso-element:footnote\' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> A note.</p></div></div></body></html>';
    expect(blocks(page).map((b) => ('text' in b ? b.text : ''))).toEqual(['Kenya']);
  });
});
