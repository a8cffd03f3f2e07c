import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OCR_OPTIONS } from '../../src/formats/ocr/ocr-options.js';
import { TimedParser } from '../../src/service/parse/timed-parser.js';

// A two-page image-only PDF: opening it takes well under the base limit below, recognising
// its pages takes more (seconds a page).
const scan = new Uint8Array(readFileSync(new URL('../data/scans/kazakhstan-rotate90.pdf', import.meta.url)));
const parsers: TimedParser[] = [];
afterAll(async () => {
  await Promise.all(parsers.map((p) => p.close()));
});

describe('the time limit of a scanned file', () => {
  it('grows by the time allowed per page to recognise, announced before the first page is read', async () => {
    const parser = new TimedParser(5000, { ocr: { ...DEFAULT_OCR_OPTIONS, msPerPage: 60_000 } });
    parsers.push(parser);
    const record = await parser.parse(scan, 'scan.pdf');
    expect(record.anomalies.map((a) => a.code)).not.toContain('UNREADABLE_FILE');
    expect(record.source.ocr?.pages).toEqual([1, 2]);
  }, 150_000);

  it('still ends a scan that takes longer than the limit and its pages allow, saying why', async () => {
    const parser = new TimedParser(5000, { ocr: { ...DEFAULT_OCR_OPTIONS, msPerPage: 1 } });
    parsers.push(parser);
    const record = await parser.parse(scan, 'scan.pdf');
    const problem = record.anomalies.find((a) => a.code === 'UNREADABLE_FILE');
    expect(problem?.message).toMatch(
      /took longer than 5002 ms \(5000 ms, and 1 ms for each of the 2 pages read by OCR\)/,
    );
  }, 60_000);
});
