import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { recordFromBlocks } from '../../src/core/extract-record.js';
import { blocksFromMarkdown } from '../../src/formats/markdown/blocks-from-markdown.js';
import type { ReportRecord, SourceInfo } from '../../src/record/types.js';
import { contractErrors } from '../../src/record/validate-record.js';
import { SAMPLE_DIR, kazakhstanBlocks } from './kazakhstan-blocks.js';
import { DEFAULT_OPTIONS } from '../support/profiles.js';

const sample = JSON.parse(readFileSync(new URL('kazakhstan-2023.expected.json', SAMPLE_DIR), 'utf8')) as ReportRecord;
// The contract's sample record with what 1.1 adds: the language and profile it was read with.
const expected: ReportRecord = { ...sample, report: { ...sample.report, language: 'en', profile: 'caidp-aidv' } };

describe('recordFromBlocks on the Kazakhstan sample', () => {
  const blocks = kazakhstanBlocks();

  it('sanity: the hand-built blocks have the sample shape', () => {
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'heading',
      'heading',
      'table',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'list-item',
      'list-item',
      'list-item',
    ]);
    const table = blocks[5]!;
    expect(table.kind === 'table' && table.rows.map((r) => r.length)).toEqual([14, 14, 14]);
  });

  it('gives the expected record, source and provenance aside', () => {
    const record = recordFromBlocks(blocks, expected.source, DEFAULT_OPTIONS);
    const { source: _s1, provenance: _p1, ...got } = record;
    const { source: _s2, provenance: _p2, ...want } = expected;
    expect(got).toEqual(want);
    expect(JSON.parse(JSON.stringify({ ...record, provenance: {} }))).toEqual({ ...expected, provenance: {} });
  });

  it('validates against the contract schema', () => {
    expect(contractErrors(recordFromBlocks(blocks, expected.source, DEFAULT_OPTIONS))).toEqual([]);
  });

  it("gives the same record from the Markdown reader's blocks", () => {
    const markdown = readFileSync(new URL('kazakhstan-2023.md', SAMPLE_DIR), 'utf8');
    const { provenance, ...record } = recordFromBlocks(
      blocksFromMarkdown(markdown).blocks,
      expected.source,
      DEFAULT_OPTIONS,
    );
    const { provenance: places, ...want } = expected;
    expect(record).toEqual(want);
    expect(provenance).toMatchObject(places);
  });

  it('uses configured weights and tolerance', () => {
    const record = recordFromBlocks(blocks, expected.source, { ...DEFAULT_OPTIONS, weights: { Y: 1, P: 1 / 3, N: 0 } });
    expect(record.scoreTables[0]!.rows.map((r) => r.computedTotal)).toEqual([2.6667, 3.6667]);
    expect(record.anomalies.map((a) => [a.code, a.path, a.expected, a.found])).toEqual([
      ['TOTAL_MISMATCH', '/scoreTables/0/rows/0/reportedTotal', 2.6667, 3],
      ['TOTAL_MISMATCH', '/scoreTables/0/rows/1/reportedTotal', 3.6667, 4.33],
    ]);
    const loose = recordFromBlocks(blocks, expected.source, { ...DEFAULT_OPTIONS, totalTolerance: 0.2 });
    expect(loose.anomalies).toEqual([]);
    expect(loose.status).toBe('ok');
  });
});

const source: SourceInfo = {
  fileName: 'x.md',
  format: 'markdown',
  bytes: 1,
  sha256: 'a'.repeat(64),
  pages: null,
  ocr: null,
};
const p = (text: string, bold = false): Block => ({ kind: 'paragraph', text, spans: [{ text, bold }], source: {} });
const h = (level: number, text: string): Block => ({ kind: 'heading', level, text, spans: [{ text }], source: {} });

describe('recordFromBlocks on other documents', () => {
  it('yields a valid record for no blocks at all', () => {
    const record = recordFromBlocks([], source, DEFAULT_OPTIONS);
    expect(record.report).toEqual({
      title: null,
      country: null,
      author: null,
      date: null,
      dateText: null,
      language: null,
      profile: 'caidp-aidv',
    });
    expect(record.anomalies.map((a) => [a.code, a.path])).toEqual([
      ['MISSING_DATE', '/report/date'],
      ['NO_SCORE_TABLE', null],
      ['NO_DEVELOPMENTS', null],
    ]);
    expect(record.status).toBe('needs_review');
    expect(contractErrors(record)).toEqual([]);
  });

  it('reports an unknown country, an invalid date and missing parts in record order', () => {
    const record = recordFromBlocks(
      [h(1, 'Atlantis'), p('Author: Jane Doe'), p('Date: 31.02.23'), h(1, 'Notes'), p('Nothing here.')],
      source,
      DEFAULT_OPTIONS,
    );
    expect(record.report).toEqual({
      title: 'Atlantis',
      country: null,
      author: 'Jane Doe',
      date: null,
      dateText: '31.02.23',
      language: 'en',
      profile: 'caidp-aidv',
    });
    expect(record.anomalies).toEqual([
      {
        code: 'UNKNOWN_COUNTRY',
        severity: 'info',
        message: 'Atlantis is not a country name',
        path: '/report/country',
        found: 'Atlantis',
      },
      {
        code: 'UNPARSEABLE_DATE',
        severity: 'warning',
        message: '31.02.23 is not a date',
        path: '/report/date',
        found: '31.02.23',
      },
      {
        code: 'NO_SCORE_TABLE',
        severity: 'warning',
        message: 'no score table; profiles tried: caidp-aidv [en, es, fr, pt]',
        path: null,
      },
      { code: 'NO_DEVELOPMENTS', severity: 'warning', message: 'no numbered development list', path: null },
    ]);
    expect(contractErrors(record)).toEqual([]);
  });
});

describe('recordFromBlocks on a very large document', () => {
  it('reads 200,000 blocks in well under the job budget', () => {
    const blocks: Block[] = [h(1, 'Kazakhstan')];
    for (let s = 0; s < 20_000; s++) {
      blocks.push(h(2, `Section ${s}`), h(3, 'Country'));
      for (let n = 1; n <= 4; n++)
        blocks.push({
          kind: 'list-item',
          marker: `${n}.`,
          number: n,
          text: `item ${n} of a develop-\nment list`,
          spans: [{ text: 'item' }],
          depth: 0,
          source: {},
        });
      blocks.push(p('A paragraph.'), {
        kind: 'table',
        rows: [
          ['Year', 'Q1', 'Q2', 'Total'],
          ['2021', 'Y', 'N', '1'],
        ],
        headerRows: 1,
        source: {},
      });
    }
    const started = performance.now();
    const record = recordFromBlocks(blocks, source, DEFAULT_OPTIONS);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(record.developmentLists).toHaveLength(20_000);
    expect(record.scoreTables).toHaveLength(20_000);
    expect(record.developmentLists[0]!.items[0]!.text).toBe('item 1 of a development list');
  });
});
