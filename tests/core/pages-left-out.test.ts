import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { recordFromBlocks } from '../../src/core/extract-record.js';
import { defaultExtractOptions } from '../../src/profiles/load-profiles.js';
import type { SourceInfo } from '../../src/record/types.js';

/** A two-page PDF whose page 2 was read by OCR. */
const source: SourceInfo = {
  fileName: 'mixed.pdf',
  format: 'pdf',
  bytes: 1,
  sha256: 'b'.repeat(64),
  pages: 2,
  ocr: { engine: 'test', pages: [2], meanConfidence: 0.95 },
};

const text = (kind: 'heading' | 'paragraph', value: string, page: number, level = 2): Block =>
  kind === 'heading'
    ? { kind, level, text: value, spans: [{ text: value }], source: { page } }
    : { kind, text: value, spans: [{ text: value }], source: { page, confidence: 0.95 } };
const item = (number: number, value: string, page: number): Block => ({
  kind: 'list-item',
  marker: `${number}.`,
  number,
  text: value,
  spans: [{ text: value }],
  depth: 0,
  source: { page, ...(page === 2 ? { confidence: 0.95 } : {}) },
});

const firstPage: Block[] = [
  text('heading', 'Japan', 1, 1),
  text('heading', 'Changes in key metrics', 1),
  {
    kind: 'table',
    rows: [
      ['Year', 'Q1', 'Q2', 'Total'],
      ['2023', 'Y', 'P', '1.5'],
    ],
    headerRows: 1,
    source: { page: 1 },
  },
  text('heading', 'Most important developments', 1),
  text('heading', 'International', 1, 3),
  item(1, 'Under the G7 presidency, Japan launched the Hiroshima AI Process.', 1),
  item(2, 'Japan announced the creation of an AI Safety Institute.', 1),
];
const lostItem = 'Japan and the European Union agreed to strengthen cooperation on trustworthy AI.';

describe('PAGES_LEFT_OUT', () => {
  it('says so when none of the text that starts on a recognised page reached the record', () => {
    // The item's number was lost: its text stands as a paragraph after the list, which the record has no place for.
    const blocks = [...firstPage, text('paragraph', lostItem, 2)];
    const record = recordFromBlocks(blocks, source, defaultExtractOptions());
    const left = record.anomalies.find((a) => a.code === 'PAGES_LEFT_OUT');
    expect(left).toMatchObject({ severity: 'warning', path: null, found: [2] });
    expect(left!.message).toMatch(/page 2 read by OCR/);
    expect(record.status).toBe('needs_review');
    // With the notes on how the text was got, before the anomalies of the values.
    expect(record.anomalies.map((a) => a.code).slice(0, 2)).toEqual(['OCR_TEXT', 'PAGES_LEFT_OUT']);
  });

  it('is quiet when the page gave a value, and for a page that only carries a stamp', () => {
    const read = recordFromBlocks([...firstPage, item(3, lostItem, 2)], source, defaultExtractOptions());
    expect(read.developmentLists[0]!.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(read.anomalies.some((a) => a.code === 'PAGES_LEFT_OUT')).toBe(false);
    const stamp = recordFromBlocks(
      [...firstPage, text('paragraph', 'RECEIVED 12 MAR', 2)],
      source,
      defaultExtractOptions(),
    );
    expect(stamp.anomalies.some((a) => a.code === 'PAGES_LEFT_OUT')).toBe(false);
  });

  it('leaves pages whose text is stored in the file to the text layer', () => {
    const stored = { ...source, ocr: null };
    const record = recordFromBlocks([...firstPage, text('paragraph', lostItem, 2)], stored, defaultExtractOptions());
    expect(record.anomalies.some((a) => a.code === 'PAGES_LEFT_OUT')).toBe(false);
  });
});
