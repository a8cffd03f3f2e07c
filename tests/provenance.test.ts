import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFromBytes } from '../src/parse-report.js';
import { extractedValuePointers } from '../src/record/extracted-values.js';
import type { ValueSource } from '../src/record/types.js';
import { fixtureFolders } from './support/record-diff.js';

/**
 * Every value read from a file says where it was read: a line for Markdown, a body
 * paragraph for DOCX, a page and a box on it for PDF.
 */

const PLACE_BY_FORMAT: Record<string, (where: ValueSource) => boolean> = {
  markdown: (where) => Number.isInteger(where.line) && where.line! >= 1,
  docx: (where) => Number.isInteger(where.paragraph) && where.paragraph! >= 0,
  pdf: (where) => Number.isInteger(where.page) && where.page! >= 1 && isBox(where.box),
};

function isBox(box: ValueSource['box']): boolean {
  return (
    Array.isArray(box) && box.length === 4 && box.every((n) => n >= 0 && n <= 1) && box[0] < box[2] && box[1] < box[3]
  );
}

describe.each(fixtureFolders())('provenance in fixture $name', ({ dir, files }) => {
  it.each(files)('%s places every extracted value', async (file) => {
    const record = await recordFromBytes(readFileSync(join(dir, file)), file);
    const placed = PLACE_BY_FORMAT[record.source.format];
    if (!placed) return;
    const missing = extractedValuePointers(record).filter(
      (pointer) => !(record.provenance[pointer] && placed(record.provenance[pointer])),
    );
    expect(missing, `${file}: values without a ${record.source.format} place`).toEqual([]);
    if (record.source.format === 'pdf' && record.source.pages! > 1) {
      const pages = new Set(Object.values(record.provenance).map((where) => where.page));
      expect(pages.size, `${file}: a multi-page file's values come from more than one page`).toBeGreaterThan(1);
    }
  });
});

describe('provenance of Markdown values', () => {
  it('gives each row of a table its own line, a repeated year included', async () => {
    const text = [
      '# Chile',
      '',
      'A. Writer',
      '',
      '1 May 2023',
      '',
      '# Changes in key metrics',
      '',
      '| Year | Q1 | Q2 | Total |',
      '|---|---|---|---|',
      '| 2022 | Y | N | 1 |',
      '| 2022 | Y | Y | 2 |',
      '| 2023 | P | Y | 1.5 |',
      '',
      '# Most important developments',
      '',
      '1. First.',
      '2. Second,',
      'wrapped.',
      '3. Third.',
      '',
    ].join('\n');
    const record = await recordFromBytes(Buffer.from(text), 'chile.md');
    expect(record.provenance['/report/title']).toEqual({ line: 1 });
    expect(record.provenance['/report/author']).toEqual({ line: 3 });
    expect(record.provenance['/report/date']).toEqual({ line: 5 });
    expect([0, 1, 2].map((r) => record.provenance[`/scoreTables/0/rows/${r}/year`])).toEqual([
      { line: 11 },
      { line: 12 },
      { line: 13 },
    ]);
    expect(record.provenance['/scoreTables/0/rows/1/answers/Q2']).toEqual({ line: 12 });
    expect(record.provenance['/scoreTables/0/rows/2/reportedTotal']).toEqual({ line: 13 });
    expect([0, 1, 2].map((i) => record.provenance[`/developmentLists/0/items/${i}/text`])).toEqual([
      { line: 17 },
      { line: 18 },
      { line: 20 },
    ]);
  });

  it('counts lines inside a paragraph that holds both the author and the date', async () => {
    const record = await recordFromBytes(Buffer.from('# Chile\n\nAuthor: A. Writer\nDate: 1 May 2023\n'), 'chile.md');
    expect(record.provenance['/report/author']).toEqual({ line: 3 });
    expect(record.provenance['/report/date']).toEqual({ line: 4 });
  });
});

describe('provenance of PDF values', () => {
  it('boxes the title where the page prints it', async () => {
    const file = join(fixtureFolders().find((f) => f.name === 'kazakhstan-2023')!.dir, 'report.pdf');
    const record = await recordFromBytes(readFileSync(file), 'report.pdf');
    // `pdftotext -bbox` puts the title word at x 72.1–176.7, y 95.7–116.5 on a 612 × 792 page.
    const expected = [72.1 / 612, 95.7 / 792, 176.7 / 612, 116.5 / 792];
    const box = record.provenance['/report/title']!.box!;
    expect(record.provenance['/report/title']!.page).toBe(1);
    box.forEach((n, k) => expect(Math.abs(n - expected[k]!)).toBeLessThan(0.01));
    expect(record.provenance['/developmentLists/0/items/5/text']!.page).toBe(2);
  });

  it('boxes a table value in its own cell, not the table or its header', async () => {
    const file = join(fixtureFolders().find((f) => f.name === 'kazakhstan-2023')!.dir, 'report.pdf');
    const record = await recordFromBytes(readFileSync(file), 'report.pdf');
    // `pdftotext -bbox`: the 2022 total "4.33" at x 501.1–521.1, y 263.5–275.2; the year "2021" at x 72.1–95.0, y 249.4–261.1.
    const near = (box: number[] | undefined, points: number[]) =>
      [points[0]! / 612, points[1]! / 792, points[2]! / 612, points[3]! / 792].forEach((n, k) =>
        expect(Math.abs(box![k]! - n)).toBeLessThan(0.01),
      );
    near(record.provenance['/scoreTables/0/rows/1/reportedTotal']!.box, [501.1, 263.5, 521.1, 275.2]);
    near(record.provenance['/scoreTables/0/rows/0/year']!.box, [72.1, 249.4, 95.0, 261.1]);
  });
});
