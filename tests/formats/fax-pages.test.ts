import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/blocks/model.js';
import { blocksFromImage } from '../../src/formats/image/blocks-from-image.js';
import { DEFAULT_OCR_OPTIONS } from '../../src/formats/ocr/ocr-options.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { parserResourcesReleased, recordFromBytes } from '../../src/parse-report.js';
import { contractErrors } from '../../src/record/validate-record.js';
import { tiffOfFrames, type TiffFrame } from '../support/tiff-frames.js';

/**
 * A fax of a report whose score table is printed on a landscape page between portrait
 * ones: each frame of the TIFF has its own size. Both are 150 dpi, so each is enlarged
 * before it is read, to its own size.
 */
const page = readFileSync(new URL('../data/scans/kazakhstan-page1-flat.png', import.meta.url));

/** Part of the 300 dpi page (rows `top` to `bottom`) at 150 dpi, set `left` pixels in on a white frame. */
async function frameOf(
  [width, height]: [number, number],
  [top, bottom]: [number, number],
  left: number,
): Promise<TiffFrame> {
  const part = await sharp(page)
    .extract({ left: 0, top, width: 2550, height: bottom - top })
    .resize({ width: 1275 })
    .greyscale()
    .toBuffer();
  const { data } = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: part, left, top: 150 }])
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width, height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length), dpi: 150 };
}

afterAll(async () => {
  await parserResourcesReleased();
});

describe('a 150 dpi fax (1-bit, CCITT G4, dust, 1° askew)', () => {
  it('reads the score table row by row and the headings that name its sections', async () => {
    // Three frames: the title page, the table page, the lists. The engine reads specks
    // between the table's cells as full stops and colons, and the bold headings come out
    // only 1.2-1.35 times as heavy as the text at this resolution.
    const fax = readFileSync(new URL('../../eval/scan2-fax-tiff-probe3-pdf-landscape/report.tiff', import.meta.url));
    const record = await recordFromBytes(fax, 'fax.tiff');
    expect(contractErrors(record)).toEqual([]);
    expect(record.source).toMatchObject({ format: 'image', pages: 3, ocr: { pages: [1, 2, 3] } });
    expect(record.scoreTables).toHaveLength(1);
    const [table] = record.scoreTables;
    expect(table).toMatchObject({ section: 'Changes in key metrics', subject: 'Norway' });
    expect(table!.rows.map((row) => row.year)).toEqual([2021, 2022, 2023]);
    expect(table!.rows[1]!.answers).toEqual({
      Q1: 'Y',
      Q2: 'P',
      Q3: 'P',
      Q4: 'N',
      Q5: 'Y',
      Q6: 'N',
      Q7: 'P',
      Q8: 'N',
      Q9: 'P',
      Q10: 'Y',
      Q11: 'P',
      Q12: 'N',
    });
    expect(table!.rows.map((row) => row.reportedTotal)).toEqual([4.5, 5.5, 7]);
    expect(record.developmentLists[0]).toMatchObject({ section: 'Most important developments', subject: 'Country' });
    expect(record.developmentLists[0]!.items.map((item) => item.number).slice(0, 2)).toEqual([1, 2]);
  }, 180_000);
});

describe('a multi-page TIFF with a landscape page', () => {
  it('reads each page at its own size: the landscape table keeps its first and last columns', async () => {
    // Portrait, letter: the title lines. Landscape: the heading and the score table, set to the right.
    const tiff = tiffOfFrames([
      await frameOf([1275, 1650], [380, 700], 0),
      await frameOf([1650, 1275], [760, 1150], 375),
    ]);
    const read = await blocksFromImage(tiff, DEFAULT_PARSE_LIMITS, DEFAULT_OCR_OPTIONS);
    expect(read.problem).toBeUndefined();
    expect(read.pages).toBe(2);
    const texts = read.blocks.map((block) => ('text' in block ? block.text : block.kind));
    expect(texts[0]).toBe('Kazakhstan');
    expect(texts).toContain('Changes in key metrics');
    const table = read.blocks.find((block): block is TableBlock => block.kind === 'table');
    expect(table?.rows[0]).toEqual([
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
    expect(table?.rows.map((row) => [row[0], row.at(-1)])).toEqual([
      ['Year', 'Total'],
      ['2021', '3.0'],
      ['2022', '4.33'],
    ]);
    // The table spans most of the landscape page's width from where it was set, not a portrait page's.
    const [x0, , x1] = table!.source!.box!;
    expect(x0).toBeCloseTo(0.32, 1);
    expect(x1).toBeCloseTo(0.91, 1);
  }, 120_000);
});
