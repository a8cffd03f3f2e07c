import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { parserResourcesReleased, recordFromBytes } from '../../src/parse-report.js';
import { contractErrors } from '../../src/record/validate-record.js';

const require = createRequire(import.meta.url);
const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

afterAll(async () => {
  await parserResourcesReleased();
});

const HEADER = ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Total'];
const ROWS = [
  ['2022', 'Yes', 'No', 'Partly', 'Yes', 'No', 'Partly', '3'],
  ['2023', 'Yes', 'Yes', 'Partly', 'No', 'No', 'Yes', '3.5'],
];

/**
 * A letter page photographed at 200 dpi on slightly grey paper, its score table's header
 * row set white on a dark blue band (as many report templates print it), its shaded rows
 * and cells ruled, as a PNG.
 */
async function pageWithBandedTable(): Promise<Uint8Array> {
  const [width, height] = [1700, 2200];
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#e4e4da';
  context.fillRect(0, 0, width, height);
  const text = (words: string, x: number, y: number, font: string, colour = '#101010') => {
    context.fillStyle = colour;
    context.font = font;
    context.fillText(words, x, y);
  };
  text('The Netherlands', 220, 260, '70px DejaVu Serif');
  text('By Pieter de Vries', 220, 330, '30px DejaVu Serif');
  text('05/03/2024', 220, 375, '30px DejaVu Serif');
  text('Changes in key metrics', 220, 470, 'bold 44px DejaVu Serif');
  text('Netherlands', 220, 540, 'bold 36px DejaVu Serif');
  const [left, top, cell, row] = [220, 580, 160, 56];
  context.fillStyle = '#1f4e79';
  context.fillRect(left, top, HEADER.length * cell, row);
  context.textBaseline = 'middle';
  HEADER.forEach((label, i) => text(label, left + 28 + i * cell, top + row / 2, 'bold 30px DejaVu Sans', '#ffffff'));
  ROWS.forEach((cells, r) => {
    const y = top + (r + 1) * row;
    if (r === 1) {
      context.fillStyle = '#cfd8e3';
      context.fillRect(left, y, HEADER.length * cell, row);
    }
    cells.forEach((value, i) => text(value, left + 28 + i * cell, y + row / 2, '30px DejaVu Serif'));
  });
  context.strokeStyle = '#101010';
  context.lineWidth = 2;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    context.beginPath();
    context.moveTo(x0, y0);
    context.lineTo(x1, y1);
    context.stroke();
  };
  for (let r = 1; r <= ROWS.length + 1; r++) line(left, top + r * row, left + HEADER.length * cell, top + r * row);
  for (let c = 0; c <= HEADER.length; c++) line(left + c * cell, top, left + c * cell, top + (ROWS.length + 1) * row);
  context.textBaseline = 'alphabetic';
  text('The algorithm register of the Dutch government went live and public bodies', 220, 860, '30px DejaVu Serif');
  text('started to publish descriptions of the algorithms they use.', 220, 905, '30px DejaVu Serif');
  return new Uint8Array(await canvas.encode('png'));
}

describe('a photographed page whose table header is white on a dark band', () => {
  it('reads the header row, so the score table is found with all its columns and rows', async () => {
    const record = await recordFromBytes(await pageWithBandedTable(), 'photo.png');
    expect(contractErrors(record)).toEqual([]);
    expect(record.scoreTables).toHaveLength(1);
    const [table] = record.scoreTables;
    expect(table!.columns).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6']);
    expect(table!.rows.map((r) => r.year)).toEqual([2022, 2023]);
    expect(table!.rows[0]!.answers).toEqual({ Q1: 'Y', Q2: 'N', Q3: 'P', Q4: 'Y', Q5: 'N', Q6: 'P' });
    expect(table!.rows[1]!.answers).toEqual({ Q1: 'Y', Q2: 'Y', Q3: 'P', Q4: 'N', Q5: 'N', Q6: 'Y' });
    expect(table!.rows.map((r) => r.reportedTotal)).toEqual([3, 3.5]);
  }, 120_000);
});
