import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { grayFromRgba, type GrayImage } from '../../src/formats/ocr/gray-image.js';
import { grayAsInk } from '../../src/formats/ocr/paper-and-ink.js';
import { grayWithReversedTypeTurned } from '../../src/formats/ocr/reversed-type.js';

const require = createRequire(import.meta.url);
const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
type Context = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

const [WIDTH, HEIGHT, DPI] = [1700, 900, 200];
const LABELS = ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Total'];
const CELL = 200;
const LEFT = 150;

/** A page at 200 dpi on paper of `paper` (CSS colour), drawn by `draw`, in grey. */
function page(draw: (context: Context) => void, paper = '#e6e6dc'): GrayImage {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  context.fillStyle = paper;
  context.fillRect(0, 0, WIDTH, HEIGHT);
  draw(context);
  return grayFromRgba(context.getImageData(0, 0, WIDTH, HEIGHT).data, WIDTH, HEIGHT, DPI);
}

/** A row of a table's labels, one per cell, in `colour` (bold serif, as a header row is set). */
function labels(context: Context, top: number, colour: string): void {
  context.fillStyle = colour;
  context.font = 'bold 30px DejaVu Serif';
  context.textBaseline = 'middle';
  LABELS.forEach((label, i) => context.fillText(label, LEFT + 30 + i * CELL, top + 25));
}

/** A table: its header row white on a dark blue band, two rows of black answers, ruled. */
function tableWithBand(context: Context, top: number): void {
  context.fillStyle = '#1f4e79';
  context.fillRect(LEFT, top, LABELS.length * CELL, 50);
  labels(context, top, '#ffffff');
  context.fillStyle = '#000000';
  context.font = '28px DejaVu Serif';
  ['2022 Yes No Partly Yes No 2', '2023 Yes Yes Partly No No 2.5'].forEach((row, r) =>
    row.split(' ').forEach((cell, i) => context.fillText(cell, LEFT + 30 + i * CELL, top + 75 + r * 50)),
  );
  context.strokeStyle = '#000000';
  context.lineWidth = 2;
  for (let r = 1; r <= 3; r++) {
    context.beginPath();
    context.moveTo(LEFT, top + r * 50);
    context.lineTo(LEFT + LABELS.length * CELL, top + r * 50);
    context.stroke();
  }
  for (let c = 0; c <= LABELS.length; c++) {
    context.beginPath();
    context.moveTo(LEFT + c * CELL, top);
    context.lineTo(LEFT + c * CELL, top + 150);
    context.stroke();
  }
}

/** Pixels darker than mid-grey in a box. */
function inkIn(image: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.pixels[y * image.width + x]! < 128) ink++;
  return ink;
}

describe('reversed type turned before OCR', () => {
  it("turns a table's header row, white on a dark band, into dark letters on paper", () => {
    const image = page((context) => tableWithBand(context, 300));
    const ink = grayAsInk(grayWithReversedTypeTurned(image));
    // The same labels printed black on the paper: what the engine should be given.
    const printed = grayAsInk(page((context) => labels(context, 300, '#000000')));
    const band = [LEFT + 4, 304, LEFT + LABELS.length * CELL - 4, 346] as const;
    const letters = inkIn(printed, ...band);
    expect(letters).toBeGreaterThan(2000);
    // The band is paper but for its letters, about as much ink as the printed labels.
    const turned = inkIn(ink, ...band);
    expect(turned).toBeGreaterThan(0.7 * letters);
    expect(turned).toBeLessThan(1.4 * letters);
    // Letter by letter: where the printed label has ink, so does the turned one.
    let both = 0;
    for (let y = band[1]; y < band[3]; y++) {
      for (let x = band[0]; x < band[2]; x++) {
        const i = y * WIDTH + x;
        if (printed.pixels[i]! < 128 && ink.pixels[i]! < 128) both++;
      }
    }
    expect(both).toBeGreaterThan(0.7 * letters);
    // Without the turn the band is one black bar.
    expect(inkIn(grayAsInk(image), ...band)).toBeGreaterThan(0.9 * (band[2] - band[0]) * (band[3] - band[1]));
  });

  it('leaves the rows under the band, and the rest of the page, as they were', () => {
    const image = page((context) => {
      tableWithBand(context, 300);
      context.fillStyle = '#000000';
      context.font = '28px DejaVu Serif';
      context.fillText('The register went live and public bodies started to publish descriptions.', 150, 600);
    });
    const turned = grayWithReversedTypeTurned(image);
    // Everything more than a few pixels clear of the band is untouched.
    let changed = 0;
    for (let y = 0; y < HEIGHT; y++) {
      if (y >= 294 && y <= 356) continue;
      for (let x = 0; x < WIDTH; x++) if (turned.pixels[y * WIDTH + x] !== image.pixels[y * WIDTH + x]) changed++;
    }
    expect(turned).not.toBe(image);
    expect(changed).toBe(0);
  });

  it('leaves black type alone, a heavy title and a thick box around text among it', () => {
    const image = page((context) => {
      context.fillStyle = '#000000';
      context.font = 'bold 90px DejaVu Serif';
      context.fillText('Top developments', 150, 150);
      context.font = '28px DejaVu Serif';
      context.fillText('The Netherlands co-hosted the summit on Responsible AI in the Military Domain.', 150, 300);
      context.lineWidth = 8;
      context.strokeRect(140, 400, 1300, 200);
      context.fillText('A boxed note: the answer for Q6 in 2023 is left open.', 180, 510);
    });
    expect(grayWithReversedTypeTurned(image)).toBe(image);
  });

  it("leaves a photo's dark surround alone", () => {
    const image = page((context) => {
      context.fillStyle = '#e6e6dc';
      context.fillRect(120, 60, WIDTH - 240, HEIGHT - 120);
      context.fillStyle = '#000000';
      context.font = '28px DejaVu Serif';
      context.fillText('The algorithm register of the Dutch government went live.', 200, 300);
    }, '#6e665e');
    expect(grayWithReversedTypeTurned(image)).toBe(image);
  });
});
