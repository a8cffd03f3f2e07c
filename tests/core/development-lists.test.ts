import { describe, expect, it } from 'vitest';
import type { Block, Span } from '../../src/blocks/model.js';
import { developmentListsFromBlocks, emphasisFromSpans } from '../../src/core/development-lists.js';
import { outlineFromBlocks } from '../../src/core/headings.js';
import type { Anomaly } from '../../src/record/types.js';
import { ENGLISH } from '../support/profiles.js';

const h = (level: number, text: string): Block => ({ kind: 'heading', level, text, spans: [{ text }], source: {} });
const p = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: {} });
const item = (number: number, text: string, spans: Span[] = [{ text }], depth = 0, marker = `${number}.`): Block => ({
  kind: 'list-item',
  marker,
  number,
  text,
  spans,
  depth,
  source: {},
});

function read(blocks: Block[]) {
  const anomalies: Anomaly[] = [];
  const lists = developmentListsFromBlocks(blocks, outlineFromBlocks(blocks, 0, ENGLISH), 0, anomalies);
  return { lists, anomalies };
}

describe('developmentListsFromBlocks', () => {
  it('groups items by their heading and normalises their text', () => {
    const { lists, anomalies } = read([
      h(1, 'Most important developments'),
      h(2, 'Country'),
      item(1, 'The develop-\nment of  AI-\nbased tools'),
      item(2, 'Second\u00ad'),
      h(2, 'International'),
      item(1, 'Abroad'),
    ]);
    expect(anomalies).toEqual([]);
    expect(lists).toEqual([
      {
        section: 'Most important developments',
        subject: 'Country',
        items: [
          { number: 1, text: 'The development of AI-based tools', emphasis: [] },
          { number: 2, text: 'Second', emphasis: [] },
        ],
      },
      {
        section: 'Most important developments',
        subject: 'International',
        items: [{ number: 1, text: 'Abroad', emphasis: [] }],
      },
    ]);
  });

  it('keeps a numbered point nested under nothing as an item, not dropped', () => {
    const { lists } = read([
      h(1, 'Developments'),
      h(2, 'Country'),
      item(12, 'Last at home'),
      h(2, 'International'),
      item(1, 'Abroad', [{ text: 'Abroad' }], 1),
    ]);
    expect(lists.map((l) => [l.subject, l.items.map((i) => i.text)])).toEqual([
      ['Country', ['Last at home']],
      ['International', ['Abroad']],
    ]);
  });

  it('continues a list across a paragraph under the same heading', () => {
    const { lists } = read([h(1, 'Developments'), item(1, 'a'), p('An aside.'), item(2, 'b')]);
    expect(lists.map((l) => l.items.map((i) => i.number))).toEqual([[1, 2]]);
  });

  it('joins nested items and bullets to their parent', () => {
    const { lists } = read([
      h(1, 'Developments'),
      item(1, 'Plans include:'),
      item(1, 'first', [{ text: 'first', italic: true }], 1),
      item(Number.NaN, 'second', [{ text: 'second' }], 0, '-'),
      item(2, 'Next'),
    ]);
    expect(lists[0]!.items).toEqual([
      { number: 1, text: 'Plans include: first second', emphasis: ['first'] },
      { number: 2, text: 'Next', emphasis: [] },
    ]);
  });

  it('reports skipped, repeated and backward numbers', () => {
    const { anomalies } = read([
      h(1, 'Developments'),
      item(1, 'a'),
      item(3, 'b'),
      item(3, 'c'),
      item(2, 'd'),
      item(3, 'e'),
    ]);
    expect(anomalies.map((a) => [a.code, a.severity, a.path, a.expected, a.found])).toEqual([
      ['NUMBERING_GAP', 'warning', '/developmentLists/0/items/1/number', 2, 3],
      ['NUMBERING_GAP', 'warning', '/developmentLists/0/items/2/number', 4, 3],
      ['NUMBERING_GAP', 'warning', '/developmentLists/0/items/3/number', 4, 2],
    ]);
    expect(anomalies[0]!.message).toBe('item 2 is numbered 3');
  });

  it('finds no list in a document of paragraphs', () => {
    expect(read([h(1, 'Developments'), p('1 thing happened.')]).lists).toEqual([]);
  });
});

describe('emphasisFromSpans', () => {
  it('keeps bold and italic texts in order, trimmed', () => {
    expect(
      emphasisFromSpans([
        { text: 'a ' },
        { text: ' bold part ', bold: true },
        { text: ' b ' },
        { text: 'slanted', italic: true },
      ]),
    ).toEqual(['bold part', 'slanted']);
  });

  it('merges adjacent runs of one style, also across white space', () => {
    expect(
      emphasisFromSpans([
        { text: 'ability to ', bold: true },
        { text: 'predict', bold: true },
        { text: ' ' },
        { text: 'cases', bold: true },
      ]),
    ).toEqual(['ability to predict cases']);
  });

  it('keeps runs of different styles apart and drops empty ones', () => {
    expect(
      emphasisFromSpans([
        { text: 'one', bold: true },
        { text: 'two', italic: true },
        { text: '  ', bold: true },
      ]),
    ).toEqual(['one', 'two']);
  });
});

describe('items cut by a page break', () => {
  it('joins a paragraph that goes on in lower case, undoing hyphenation across the cut', () => {
    const { lists } = read([
      h(1, 'Developments'),
      item(1, 'The develop-'),
      p('ment of a plan'),
      item(2, 'b'),
      p('and more'),
      p('A new paragraph.'),
    ]);
    expect(lists[0]!.items.map((i) => i.text)).toEqual(['The development of a plan', 'b and more']);
  });
});

describe('prose marked as a heading inside a list', () => {
  it('joins the item it continues', () => {
    const { lists } = read([
      h(1, 'Developments'),
      item(1, 'Estonia updated the rules, so that'),
      h(4, 'citizens can use more than 20 services through one interface.'),
      item(2, 'b'),
    ]);
    expect(lists[0]!.items.map((i) => i.text)).toEqual([
      'Estonia updated the rules, so that citizens can use more than 20 services through one interface.',
      'b',
    ]);
  });
});

describe('page numbers between parts of an item', () => {
  it('are skipped', () => {
    const { lists } = read([h(1, 'Developments'), item(1, 'The develop-'), p('7'), p('ment of a plan'), item(2, 'b')]);
    expect(lists[0]!.items.map((i) => i.text)).toEqual(['The development of a plan', 'b']);
  });
});

describe('nested bullets kept as lines of the parent text', () => {
  it('lose their markers like nested items do', () => {
    const { lists } = read([
      h(1, 'Developments'),
      item(1, 'A pilot of AI-based audits.\n– in three regions\n• with support'),
      item(2, 'first -\nsecond'),
    ]);
    expect(lists[0]!.items.map((i) => i.text)).toEqual([
      'A pilot of AI-based audits. in three regions with support',
      'first - second',
    ]);
  });
});

describe('a further paragraph of an item', () => {
  const bold = (text: string): Block => ({
    kind: 'paragraph',
    text,
    spans: [{ text: 'The ' }, { text: text.slice(4), bold: true }],
    source: {},
  });

  it('joins the item when the next item follows in sequence', () => {
    const { lists, anomalies } = read([
      h(1, 'Developments'),
      item(1, 'First.'),
      item(2, 'A bill was filed.'),
      bold('The bill also sets fines.'),
      p('It passed.'),
      item(3, 'Third.'),
    ]);
    expect(anomalies).toEqual([]);
    expect(lists[0]!.items).toEqual([
      { number: 1, text: 'First.', emphasis: [] },
      {
        number: 2,
        text: 'A bill was filed. The bill also sets fines. It passed.',
        emphasis: ['bill also sets fines.'],
      },
      { number: 3, text: 'Third.', emphasis: [] },
    ]);
  });

  it('stays out after the last item, before a heading, before a new numbering, and after a colon', () => {
    const { lists } = read([
      h(1, 'Developments'),
      h(2, 'Country'),
      item(1, 'One.'),
      item(2, 'Two.'),
      p('Source: the ministry.'),
      h(2, 'International'),
      item(1, 'Abroad.'),
      p('Regional bodies:'),
      item(2, 'Region.'),
      p('A note.'),
      item(1, 'Restart.'),
    ]);
    expect(lists.map((l) => l.items.map((i) => i.text))).toEqual([
      ['One.', 'Two.'],
      ['Abroad.', 'Region.', 'Restart.'],
    ]);
  });

  it('leaves out a running head printed on every page', () => {
    const head = 'AI policy monitor – Vietnam';
    const { lists } = read([
      p(head),
      h(1, 'Developments'),
      item(1, 'The plan covers'),
      p(head),
      p('three regions.'),
      item(2, 'A bill was filed.'),
      p(head),
      item(3, 'Third.'),
    ]);
    expect(lists[0]!.items.map((i) => i.text)).toEqual([
      'The plan covers three regions.',
      'A bill was filed.',
      'Third.',
    ]);
  });

  it('stays out when a heading stands between it and the next item', () => {
    const { lists } = read([
      h(1, 'Developments'),
      item(1, 'One.'),
      p('A closing note.'),
      h(2, 'More'),
      item(2, 'Two.'),
    ]);
    expect(lists.flatMap((l) => l.items.map((i) => i.text))).toEqual(['One.', 'Two.']);
  });
});
