import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { isPseudoHeading, outlineFromBlocks } from '../../src/core/headings.js';
import { ENGLISH } from '../support/profiles.js';

const h = (level: number, text: string): Block => ({ kind: 'heading', level, text, spans: [{ text }], source: {} });
const p = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: {} });
const b = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text, bold: true }], source: {} });
const table = (): Block => ({ kind: 'table', rows: [['Year', 'Q1']], headerRows: 1, source: {} });
const item = (n: number): Block => ({
  kind: 'list-item',
  marker: `${n}.`,
  number: n,
  text: `item ${n}`,
  spans: [{ text: `item ${n}` }],
  depth: 0,
  source: {},
});

/** Section and subject of every non-heading block, for compact expectations. */
function placements(blocks: Block[], bodyStart = 0): [string, string | null, string | null][] {
  const outline = outlineFromBlocks(blocks, bodyStart, ENGLISH);
  return blocks.flatMap((block, i) => {
    if (i < bodyStart || outline.isHeading[i]) return [];
    const label =
      block.kind === 'list-item'
        ? `item ${block.number}`
        : block.kind === 'table'
          ? 'table'
          : block.kind === 'paragraph'
            ? block.text
            : '';
    return [[label, outline.placement[i]!.section, outline.placement[i]!.subject]];
  });
}

describe('isPseudoHeading', () => {
  it('accepts a short line that is all bold or all capitals', () => {
    expect(isPseudoHeading(b('Most important developments'))).toBe(true);
    expect(isPseudoHeading(b('Country:'))).toBe(true);
    expect(isPseudoHeading(p('MOST IMPORTANT DEVELOPMENTS'))).toBe(true);
    const split: Block = {
      kind: 'paragraph',
      text: 'Changes in metrics',
      spans: [
        { text: 'Changes ', bold: true },
        { text: 'in metrics', bold: true },
      ],
      source: {},
    };
    expect(isPseudoHeading(split)).toBe(true);
  });

  it('refuses prose, partly bold lines, sentences and long lines', () => {
    expect(isPseudoHeading(p('Most important developments'))).toBe(false);
    expect(isPseudoHeading(b('The ministry adopted a plan.'))).toBe(false);
    const mixed: Block = {
      kind: 'paragraph',
      text: 'Note: see below',
      spans: [{ text: 'Note:', bold: true }, { text: ' see below' }],
      source: {},
    };
    expect(isPseudoHeading(mixed)).toBe(false);
    expect(isPseudoHeading(b('word '.repeat(20).trim()))).toBe(false);
    expect(isPseudoHeading(b('two\nlines'))).toBe(false);
    expect(isPseudoHeading(p('UDHR'))).toBe(false);
  });
});

describe('outlineFromBlocks', () => {
  it('reads Markdown levels: # sections, ## subjects', () => {
    const blocks = [
      h(1, 'Changes in key metrics'),
      h(2, 'Kazakhstan'),
      table(),
      p('why'),
      h(1, 'Most important developments'),
      h(2, 'Country'),
      item(1),
      h(2, 'International'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['why', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', 'Country'],
      ['item 1', 'Most important developments', 'International'],
    ]);
  });

  it('takes levels as relative: PDF sections at level 2, subjects at 3', () => {
    const blocks = [
      h(1, 'Kazakhstan'),
      p('Aziz'),
      h(2, 'Changes in key metrics'),
      h(3, 'Kazakhstan'),
      table(),
      h(2, 'Most important developments'),
      h(3, 'Country'),
      item(1),
    ];
    expect(placements(blocks, 2)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', 'Country'],
    ]);
  });

  it('gives no subject to content right under a section', () => {
    const blocks = [h(1, 'Changes in key metrics'), table(), h(1, 'Most important developments'), item(1)];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', null],
      ['item 1', 'Most important developments', null],
    ]);
  });

  it('reads bold lines: two in a row are section then subject, a lone one is a subject', () => {
    const blocks = [
      b('Changes in key metrics'),
      b('Kazakhstan'),
      table(),
      p('why'),
      b('Most important developments'),
      b('Country'),
      item(1),
      b('International'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['why', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', 'Country'],
      ['item 1', 'Most important developments', 'International'],
    ]);
  });

  it('opens a new section with a lone bold line when the open section had no subjects', () => {
    const blocks = [b('Changes in key metrics'), table(), p('why'), b('Most important developments'), item(1)];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', null],
      ['why', 'Changes in key metrics', null],
      ['item 1', 'Most important developments', null],
    ]);
  });

  it('mixes real headings and bold lines: bold subjects under real sections', () => {
    const blocks = [
      h(1, 'Changes in key metrics'),
      b('Kazakhstan'),
      table(),
      h(1, 'Most important developments'),
      b('Country'),
      item(1),
      b('International'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', 'Country'],
      ['item 1', 'Most important developments', 'International'],
    ]);
  });

  it('mixes bold sections over real sub-headings', () => {
    const blocks = [
      b('Changes in key metrics'),
      h(2, 'Kazakhstan'),
      table(),
      b('Most important developments'),
      h(2, 'Country'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', 'Country'],
    ]);
  });

  it('places nothing before the first heading and keeps the header out', () => {
    const blocks = [h(1, 'Kazakhstan'), h(2, 'Aziz Soltobaev'), p('intro'), h(1, 'Changes in key metrics'), table()];
    const outline = outlineFromBlocks(blocks, 2, ENGLISH);
    expect(outline.isHeading).toEqual([false, false, false, true, false]);
    expect(outline.placement[2]).toEqual({ section: null, subject: null });
    expect(outline.placement[4]).toEqual({ section: 'Changes in key metrics', subject: null });
  });
});

describe('headings that read as prose', () => {
  it('treats a sentence marked as a heading as a paragraph', () => {
    const blocks = [
      h(1, 'Changes in key metrics'),
      table(),
      h(1, 'The commissioner became more active and issued fines.'),
      h(1, 'Most important developments'),
      item(1),
    ];
    const outline = outlineFromBlocks(blocks, 0, ENGLISH);
    expect(outline.isHeading).toEqual([true, false, false, true, false]);
    expect(outline.placement[2]).toEqual({ section: 'Changes in key metrics', subject: null });
  });

  it('keeps a short heading with a final period and treats a lower-case one as prose', () => {
    const blocks = [h(1, 'Most important developments in 2023.'), item(1), h(3, 'citizens can use it.'), item(2)];
    expect(outlineFromBlocks(blocks, 0, ENGLISH).isHeading).toEqual([true, false, false, false]);
  });

  it('keeps short headings that end with an abbreviation or colon, without the colon', () => {
    const blocks = [h(1, 'Developments in the U.S.'), b('Country:'), item(1)];
    const outline = outlineFromBlocks(blocks, 0, ENGLISH);
    expect(outline.isHeading).toEqual([true, true, false]);
    expect(outline.placement[2]).toEqual({ section: 'Developments in the U.S.', subject: 'Country' });
  });
});

describe('flat outlines (every heading at one level)', () => {
  it('reads two headings in a row as section and subject', () => {
    const blocks = [
      h(2, 'Changes in key metrics'),
      h(2, 'Kazakhstan'),
      table(),
      p('why'),
      h(2, 'Most important developments'),
      h(2, 'Country'),
      item(1),
      h(2, 'International'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['why', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', 'Country'],
      ['item 1', 'Most important developments', 'International'],
    ]);
  });

  it('starts a new section at a lone heading that leads to another kind of content', () => {
    const blocks = [
      h(1, 'Changes in key metrics'),
      h(1, 'Kazakhstan'),
      table(),
      p('why'),
      h(1, 'Most important developments'),
      item(1),
      item(2),
    ];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['why', 'Changes in key metrics', 'Kazakhstan'],
      ['item 1', 'Most important developments', null],
      ['item 2', 'Most important developments', null],
    ]);
  });

  it('keeps a lone heading that leads to the same kind of content as a subject', () => {
    const blocks = [b('Changes in key metrics'), b('Kazakhstan'), table(), b('Kyrgyzstan'), table()];
    expect(placements(blocks)).toEqual([
      ['table', 'Changes in key metrics', 'Kazakhstan'],
      ['table', 'Changes in key metrics', 'Kyrgyzstan'],
    ]);
  });
});

describe('a bold line right above a table', () => {
  it('titles the table when a real sub-heading already gives the subject', () => {
    const blocks = [h(2, 'Changes in key metrics'), h(3, 'Vietnam'), b('Scores by year'), table(), p('why')];
    const outline = outlineFromBlocks(blocks, 0, ENGLISH);
    expect(outline.isHeading).toEqual([true, true, false, false, false]);
    expect(placements(blocks)).toEqual([
      ['Scores by year', 'Changes in key metrics', 'Vietnam'],
      ['table', 'Changes in key metrics', 'Vietnam'],
      ['why', 'Changes in key metrics', 'Vietnam'],
    ]);
  });

  it('is the subject when no real sub-heading stands above it', () => {
    expect(
      placements([
        h(2, 'Changes in key metrics'),
        b('Vietnam'),
        table(),
        h(2, 'Most important developments'),
        h(3, 'Country'),
        item(1),
      ]),
    ).toEqual([
      ['table', 'Changes in key metrics', 'Vietnam'],
      ['item 1', 'Most important developments', 'Country'],
    ]);
  });
});

describe('a heading wrapped onto a second line', () => {
  it('is one heading when the second line goes on in lower case at the same level', () => {
    const blocks = [h(1, 'Most important'), h(1, 'developments'), h(2, 'Country'), item(1)];
    const outline = outlineFromBlocks(blocks, 0, ENGLISH);
    expect(outline.isHeading).toEqual([true, true, true, false]);
    expect(placements(blocks)).toEqual([['item 1', 'Most important developments', 'Country']]);
  });

  it('is one heading for bold lines too', () => {
    expect(placements([b('Changes in key'), b('metrics'), b('Kenya'), table(), p('why')])).toEqual([
      ['table', 'Changes in key metrics', 'Kenya'],
      ['why', 'Changes in key metrics', 'Kenya'],
    ]);
  });

  it('is not joined at another level, after a colon, or when the line is prose', () => {
    expect(outlineFromBlocks([h(1, 'Developments'), h(2, 'country'), item(1)], 0, ENGLISH).isHeading).toEqual([
      true,
      false,
      false,
    ]);
    expect(outlineFromBlocks([h(1, 'Developments:'), h(1, 'national'), item(1)], 0, ENGLISH).isHeading).toEqual([
      true,
      false,
      false,
    ]);
    const outline = outlineFromBlocks(
      [
        h(1, 'Developments'),
        h(1, 'the ministry adopted a plan that covers every region of the country in detail.'),
        item(1),
      ],
      0,
      ENGLISH,
    );
    expect(outline.isHeading).toEqual([true, false, false]);
  });
});

describe('a recognised heading whose capital I was read small', () => {
  const recognised = (level: number, text: string): Block => ({
    kind: 'heading',
    level,
    text,
    spans: [{ text }],
    source: { confidence: 0.9 },
  });

  it('still heads its list when OCR read it as "international"', () => {
    const blocks = [
      h(1, 'Most important developments'),
      h(2, 'Country'),
      item(1),
      recognised(2, 'international'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['item 1', 'Most important developments', 'Country'],
      ['item 1', 'Most important developments', 'international'],
    ]);
  });

  it('is prose in stored text, and in recognised text that opens with another small letter', () => {
    const stored = [h(1, 'Most important developments'), h(2, 'Country'), item(1), h(2, 'international'), item(1)];
    expect(placements(stored).map(([, , subject]) => subject)).not.toContain('international');
    const other = [h(1, 'Most important developments'), h(2, 'Country'), item(1), recognised(2, 'the rest'), item(1)];
    expect(placements(other).map(([, , subject]) => subject)).not.toContain('the rest');
  });
});

describe('list and table titles on a scanned page', () => {
  // OCR gives no reliable point of size difference: a plain sub-heading reads as a paragraph.
  const read = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: { confidence: 0.95 } });

  it('takes a short capitalised line right before a list’s first item for the list’s title', () => {
    const blocks = [
      h(2, 'Most important developments'),
      read('Country'),
      item(1),
      item(2),
      read('International'),
      item(1),
    ];
    expect(placements(blocks)).toEqual([
      ['item 1', 'Most important developments', 'Country'],
      ['item 2', 'Most important developments', 'Country'],
      ['item 1', 'Most important developments', 'International'],
    ]);
  });

  it('takes such a line right before a table for the table’s subject', () => {
    expect(placements([h(2, 'Changes in key metrics'), read('Austria'), table()])).toEqual([
      ['table', 'Changes in key metrics', 'Austria'],
    ]);
  });

  it('leaves sentences, lines before later items and lines of a text layer as paragraphs', () => {
    const section = h(2, 'Most important developments');
    expect(placements([section, read('The year saw three changes.'), item(1)])[0]![0]).toBe(
      'The year saw three changes.',
    );
    expect(placements([section, item(1), read('Also'), item(2)]).map(([label]) => label)).toContain('Also');
    expect(placements([section, p('Country'), item(1)])[0]![0]).toBe('Country');
  });
});
