import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parserResourcesReleased, recordFromBytes } from '../../src/parse-report.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { DEFAULT_OCR_OPTIONS } from '../../src/formats/ocr/ocr-options.js';
import { contractErrors } from '../../src/record/validate-record.js';

/**
 * Scans made by scripts/scans/make-scans.mjs from fixtures/kazakhstan-2023/report.pdf:
 * page 1 at 300 dpi in 16 greys with dust (flat-png), the whole report as an image-only
 * PDF whose pages are stored sideways with /Rotate 90 (rotate-pdf), and the report with
 * its last page replaced by a scan of itself (mixed-pdf). What they must say is what the
 * report says (fixtures/kazakhstan-2023/expected.json). OCR takes seconds a page: six
 * pages are read here in all (with the two fed turned, below).
 */
const { createCanvas } = createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
const data = (name: string) => readFileSync(new URL(`../data/scans/${name}`, import.meta.url));
const clean = JSON.parse(
  readFileSync(new URL('../../fixtures/kazakhstan-2023/expected.json', import.meta.url), 'utf8'),
);

afterAll(async () => {
  await parserResourcesReleased();
});

describe('scanned pages', () => {
  it('reads a PNG scan of page 1 into the same header and score table as the born-digital report', async () => {
    const record = await recordFromBytes(data('kazakhstan-page1-flat.png'), 'scan.png');
    expect(contractErrors(record)).toEqual([]);
    expect(record.source).toMatchObject({ format: 'image', pages: 1 });
    expect(record.source.ocr).toMatchObject({ pages: [1] });
    expect(record.source.ocr!.engine).toMatch(/^tesseract(\.js)? \d/);
    expect(record.source.ocr!.meanConfidence).toBeGreaterThan(0.8);
    expect(record.report).toMatchObject(clean.report);
    const [table] = record.scoreTables;
    const { commentary, ...rest } = clean.scoreTables[0];
    expect(record.scoreTables).toHaveLength(1);
    expect(table).toMatchObject(rest);
    // Running text may keep OCR's letter slips ("Al" for "AI"); it must stay 98 % the same.
    expect(table!.commentary).toHaveLength(commentary.length);
    table!.commentary.forEach((text, i) => expect(similarity(text, commentary[i])).toBeGreaterThanOrEqual(0.98));
    // Page 1 ends inside item 3; the list is read as far as the page goes.
    expect(record.developmentLists[0]!.items.map((item) => item.number)).toEqual([1, 2, 3]);
    expect(record.anomalies.find((a) => a.code === 'OCR_TEXT')).toMatchObject({ severity: 'info', found: [1] });
    const where = record.provenance['/scoreTables/0/rows/1/answers/Q4'];
    expect(where).toMatchObject({ page: 1 });
    expect(where!.confidence).toBeGreaterThan(0);
    expect(where!.confidence).toBeLessThanOrEqual(1);
    const [x0, y0, x1, y1] = where!.box!;
    // The cell of 2022's Q4 answer: in the upper third of the page, in the fifth column
    // (the page is 8.5 in wide, Q4 printed about 2.9 in from its left edge), one letter wide.
    expect(y0).toBeGreaterThan(0.25);
    expect(y1).toBeLessThan(0.4);
    expect(x0).toBeGreaterThan(0.3);
    expect(x1).toBeLessThan(0.4);
    expect(x1 - x0).toBeLessThan(0.03);
  }, 120_000);

  it('reads an image-only PDF whose pages are stored sideways with /Rotate', async () => {
    const record = await recordFromBytes(data('kazakhstan-rotate90.pdf'), 'scan.pdf');
    expect(contractErrors(record)).toEqual([]);
    expect(record.source).toMatchObject({ format: 'pdf', pages: 2 });
    expect(record.source.ocr).toMatchObject({ pages: [1, 2] });
    expect(record.report).toMatchObject(clean.report);
    expect(record.scoreTables[0]!.columns).toEqual(clean.scoreTables[0].columns);
    expect(record.scoreTables[0]!.rows.map((row) => row.year)).toEqual([2021, 2022]);
    expect(record.anomalies.find((a) => a.code === 'OCR_TEXT')).toMatchObject({ found: [1, 2] });
    expect(record.anomalies.some((a) => a.code === 'PAGES_WITHOUT_TEXT')).toBe(false);
  }, 120_000);
});

describe('a score table of ticks and crosses', () => {
  it('reads the marks the engine writes as letters (✓ as v, ✗ as X) as the answers they stand for', async () => {
    // Printed with the canvas in DejaVu Sans, which has the marks, at 300 dpi.
    const [width, height] = [2480, 1400];
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, width, height);
    context.fillStyle = 'black';
    context.font = 'bold 70px DejaVu Sans';
    context.fillText('Symbolia', 200, 200);
    context.font = 'bold 50px DejaVu Sans';
    context.fillText('Changes in key metrics', 200, 330);
    const rows = [
      ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
      ['2022', '✓', '✗', '✗', '✓', '2.0'],
      ['2023', '✓', '✓', '✗', '✓', '3.0'],
    ];
    rows.forEach((row, i) =>
      row.forEach((text, j) => {
        context.font = `${i === 0 ? 'bold ' : ''}42px DejaVu Sans`;
        context.fillText(text, 200 + j * 250, 460 + i * 80);
      }),
    );
    context.font = '42px DejaVu Sans';
    context.fillText('The ministry published its first strategy for artificial intelligence in 2023.', 200, 760);
    const record = await recordFromBytes(canvas.toBuffer('image/png'), 'ticks.png');
    expect(record.scoreTables[0]!.rows.map((row) => [row.year, row.answers, row.reportedTotal])).toEqual([
      [2022, { Q1: 'Y', Q2: 'N', Q3: 'N', Q4: 'Y' }, 2],
      [2023, { Q1: 'Y', Q2: 'Y', Q3: 'N', Q4: 'Y' }, 3],
    ]);
  });
});

describe('a PDF whose last page was scanned back in', () => {
  it('reads the scanned page into the same list as the text page, item by item', async () => {
    // Page 2 opens inside item 3 and holds items 4 to 6, whose numbers stand a tab
    // before their text: the engine's page layout drops such a column of numbers.
    const record = await recordFromBytes(data('kazakhstan-mixed.pdf'), 'mixed.pdf');
    expect(contractErrors(record)).toEqual([]);
    expect(record.source).toMatchObject({ format: 'pdf', pages: 2, ocr: { pages: [2] } });
    expect(record.report).toMatchObject(clean.report);
    expect(record.scoreTables).toEqual(clean.scoreTables);
    const [list] = record.developmentLists;
    const expected = clean.developmentLists[0].items as { number: number; text: string }[];
    expect(list!.items.map((item) => item.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // Items 1 and 2 are stored text; the scanned page's keep OCR's letter slips.
    expect(list!.items.slice(0, 2).map((item) => item.text)).toEqual(expected.slice(0, 2).map((item) => item.text));
    list!.items.forEach((item, i) => expect(similarity(item.text, expected[i]!.text)).toBeGreaterThanOrEqual(0.95));
    expect(record.provenance['/developmentLists/0/items/4/text']).toMatchObject({ page: 2 });
    const codes = record.anomalies.map((a) => a.code);
    expect(codes).toContain('OCR_TEXT');
    expect(codes).not.toContain('NUMBERING_GAP');
    expect(codes).not.toContain('PAGES_LEFT_OUT');
  }, 120_000);
});

/**
 * The same report fed turned, with nothing in the file saying so (make-scans.mjs kinds
 * sideways-png, and upside-down-pdf made from page 1 alone: `qpdf
 * fixtures/kazakhstan-2023/report.pdf --pages . 1 -- /tmp/kazakhstan-page1.pdf`). Two pages in all.
 */
describe('pages fed turned, without a flag', () => {
  const { commentary, ...table } = clean.scoreTables[0];

  it('reads a PNG of page 1 fed a quarter turn clockwise as the upright page', async () => {
    const record = await recordFromBytes(data('kazakhstan-page1-sideways.png'), 'scan.png');
    expect(contractErrors(record)).toEqual([]);
    expect(record.source).toMatchObject({ format: 'image', pages: 1 });
    expect(record.report).toMatchObject(clean.report);
    expect(record.scoreTables).toHaveLength(1);
    expect(record.scoreTables[0]).toMatchObject(table);
    expect(record.scoreTables[0]!.commentary).toHaveLength(commentary.length);
    // Boxes are placed on the page turned upright: 2022's Q4 answer in its upper third, fifth column.
    const [x0, y0, x1, y1] = record.provenance['/scoreTables/0/rows/1/answers/Q4']!.box!;
    expect([x0 > 0.3, x1 < 0.4, y0 > 0.25, y1 < 0.4]).toEqual([true, true, true, true]);
  }, 120_000);

  it('reads an image-only PDF whose page was fed upside down, without /Rotate', async () => {
    const record = await recordFromBytes(data('kazakhstan-page1-upside-down.pdf'), 'scan.pdf');
    expect(contractErrors(record)).toEqual([]);
    expect(record.source).toMatchObject({ format: 'pdf', pages: 1 });
    expect(record.source.ocr).toMatchObject({ pages: [1] });
    expect(record.report).toMatchObject(clean.report);
    const [read] = record.scoreTables;
    expect(read!.columns).toEqual(table.columns);
    expect(read!.rows.map((row) => row.year)).toEqual([2021, 2022]);
    // A 200 dpi JPEG, as the /Rotate scan above: a letter in a cell may be lost, no more.
    const answers = (rows: { answers: Record<string, unknown> }[]) => rows.flatMap((row) => Object.values(row.answers));
    const expected = answers(table.rows);
    const same = answers(read!.rows).filter((answer, i) => answer === expected[i]);
    expect(same.length).toBeGreaterThanOrEqual(expected.length - 1);
  }, 120_000);
});

describe('a scan of a report in another language', () => {
  // fixtures/costa-rica-2024-es page 1 by the scan maker (flat-png): a Spanish report.
  it('reads it with English data, then takes the accents English data lacks from a reading in Spanish', async () => {
    const spanish = JSON.parse(
      readFileSync(new URL('../../fixtures/costa-rica-2024-es/expected.json', import.meta.url), 'utf8'),
    );
    const record = await recordFromBytes(data('costa-rica-es-page1-flat.png'), 'scan.png');
    expect(record.source.ocr!.engine).toMatch(/\(eng\), accents from spa$/);
    expect(record.report).toMatchObject({ language: 'es', author: 'Laura Jiménez Solano' });
    // `ó` is not in English data at all: only the Spanish reading can have written it.
    const commentary = record.scoreTables[0]!.commentary;
    expect(commentary[0]).toContain('publicó');
    commentary.forEach((text, i) =>
      expect(similarity(text, spanish.scoreTables[0].commentary[i])).toBeGreaterThanOrEqual(0.98),
    );
    // Answers read with accents (`Sí`) are still answers.
    const row2023 = spanish.scoreTables[0].rows.find((row: { year: number }) => row.year === 2023);
    expect(record.scoreTables[0]!.rows.find((row) => row.year === 2023)!.answers).toEqual(row2023.answers);
  }, 120_000);
});

describe('scans with OCR turned off or over the limits', () => {
  const off = { ocr: { ...DEFAULT_OCR_OPTIONS, enabled: false } };

  it('gives NO_TEXT_LAYER for an image and an image-only PDF when OCR is off', async () => {
    const image = await recordFromBytes(data('kazakhstan-page1-flat.png'), 'scan.png', off);
    expect(image.source).toMatchObject({ format: 'image', pages: 1, ocr: null });
    expect(image.anomalies.map((a) => a.code)).toEqual(['NO_TEXT_LAYER']);
    const pdf = await recordFromBytes(data('kazakhstan-rotate90.pdf'), 'scan.pdf', off);
    expect(pdf.source).toMatchObject({ format: 'pdf', pages: 2, ocr: null });
    expect(pdf.anomalies.map((a) => a.code)).toEqual(['NO_TEXT_LAYER']);
  });

  it('refuses a picture over the pixel limit from its header, without decoding it', async () => {
    const record = await recordFromBytes(pngHeaderOnly(100_000, 100_000), 'huge.png');
    expect(record.source).toMatchObject({ format: 'image' });
    expect(record.anomalies).toHaveLength(1);
    expect(record.anomalies[0]).toMatchObject({ code: 'UNREADABLE_FILE', severity: 'error' });
    expect(record.anomalies[0]!.message).toMatch(/100000 × 100000 pixels, over the limit/);
  });

  it('refuses a PDF with more pages to read by OCR than the limit, before reading any', async () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxOcrPages: 1 };
    const record = await recordFromBytes(data('kazakhstan-rotate90.pdf'), 'scan.pdf', { limits });
    expect(record.anomalies).toHaveLength(1);
    expect(record.anomalies[0]).toMatchObject({ code: 'UNREADABLE_FILE' });
    expect(record.anomalies[0]!.message).toMatch(/2 pages without a text layer, over the limit of 1/);
  });
});

/** 1 - edit distance / longer length. */
function similarity(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return 1 - row[b.length]! / Math.max(a.length, b.length, 1);
}

/** A PNG that declares its size and holds one row of pixels: enough for its header to be read. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
