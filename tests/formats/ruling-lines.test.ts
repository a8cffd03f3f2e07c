import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import { grayWithoutRules } from '../../src/formats/ocr/ruling-lines.js';

/** A white page at 300 dpi, `width` × `height` pixels: 2550 × 3300 is a letter page. */
function page(width: number, height: number): GrayImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(255), dpi: 300 };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, level = 0): void {
  for (let y = y0; y < y1; y++) image.pixels.fill(level, y * image.width + x0, y * image.width + x1);
}

/** How many pixels in the box are ink (darker than mid-grey). */
function inkIn(image: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.pixels[y * image.width + x]! < 128) ink++;
  return ink;
}

/** A horizontal rule 3 px thick with a grey edge above and below, as a scanner leaves it. */
function rule(image: GrayImage, x0: number, x1: number, y: number): void {
  fill(image, x0, y - 1, x1, y, 170);
  fill(image, x0, y, x1, y + 3);
  fill(image, x0, y + 3, x1, y + 4, 170);
}

describe('ruling lines painted out before OCR', () => {
  it('gives back a page without rules as it is, not a copy of it', () => {
    const image = page(1200, 900);
    // A line of letters: no rule among them.
    for (let x = 200; x < 1000; x += 40) fill(image, x, 300, x + 20, 330);
    expect(grayWithoutRules(image)).toBe(image);
  });

  it('paints out a lone rule with its grey edge', () => {
    const image = page(2550, 3300);
    rule(image, 300, 2200, 200);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 0, 0, 2550, 3300)).toBe(0);
    expect(out.pixels.every((level) => level >= 200)).toBe(true);
  });

  it('keeps a stroke that crosses a rule whole, the rule beside it gone', () => {
    const image = page(2550, 3300);
    rule(image, 300, 2200, 200);
    // A descender 6 px wide from 30 px above the rule to 12 px below it.
    fill(image, 1000, 170, 1006, 216);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 1000, 170, 1006, 216)).toBe(6 * 46);
    expect(inkIn(out, 0, 0, 1000, 3300) + inkIn(out, 1006, 0, 2550, 3300)).toBe(0);
  });

  it('keeps every pixel of a letter standing on a rule, and paints out the rule under it', () => {
    const image = page(2550, 3300);
    rule(image, 300, 2200, 200);
    // A stem 5 px wide and 40 px tall (a "1" or "l" in a table's header) on the rule's upper edge.
    fill(image, 1200, 159, 1205, 200);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 1200, 159, 1205, 199)).toBe(5 * 40);
    expect(inkIn(out, 0, 199, 2550, 3300)).toBe(0);
  });

  it('keeps the bottom of a letter standing 1-2 px above a rule', () => {
    const image = page(2550, 3300);
    rule(image, 300, 2200, 200);
    // The bowl of an "o" whose grey lower edge ends 1 px above the rule's grey edge.
    fill(image, 1500, 175, 1520, 197);
    fill(image, 1500, 197, 1520, 198, 120);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 1500, 175, 1520, 198)).toBe(20 * 23);
    expect(inkIn(out, 0, 198, 2550, 3300)).toBe(0);
  });

  it('paints out a table grid, its crossings included, and keeps the text in its cells', () => {
    const image = page(2550, 3300);
    for (const y of [100, 200, 300]) rule(image, 300, 1501, y);
    for (const x of [300, 700, 1100, 1498]) fill(image, x, 99, x + 3, 304);
    // A cell's text: a letter 30 px tall standing well inside the cell.
    fill(image, 400, 150, 420, 180);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 400, 150, 420, 180)).toBe(20 * 30);
    expect(inkIn(out, 0, 0, 2550, 3300)).toBe(20 * 30);
  });

  it('paints out a rule scanned 2.5° askew, a staircase of short runs', () => {
    const image = page(2550, 3300);
    const slope = Math.tan((2.5 * Math.PI) / 180);
    for (let x = 300; x < 1800; x++) {
      const y = Math.round(100 + (x - 300) * slope);
      fill(image, x, y, x + 1, y + 3);
    }
    const out = grayWithoutRules(image);
    expect(inkIn(out, 0, 0, 2550, 3300)).toBe(0);
  });

  it('paints out a vertical rule scanned askew between two horizontal rules', () => {
    const image = page(2550, 3300);
    rule(image, 300, 1500, 100);
    rule(image, 300, 1500, 700);
    const slope = Math.tan((1.5 * Math.PI) / 180);
    for (let y = 100; y < 704; y++) {
      const x = Math.round(900 + (y - 100) * slope);
      fill(image, x, y, x + 3, y + 1);
    }
    const out = grayWithoutRules(image);
    expect(inkIn(out, 0, 0, 2550, 3300)).toBe(0);
  });

  it('paints out the sides of cells whose top stands on something other than a rule (a dark header band)', () => {
    const image = page(2550, 3300);
    // The band: thick, so no rule; the rules between the rows below it; the sides of the
    // cells run from the band down past the last rule.
    fill(image, 300, 100, 1500, 160, 40);
    rule(image, 300, 1500, 230);
    rule(image, 300, 1500, 300);
    rule(image, 300, 1500, 370);
    for (const x of [700, 1100]) fill(image, x, 160, x + 3, 380);
    fill(image, 400, 190, 420, 220);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 0, 165, 2550, 3300)).toBe(20 * 30);
  });

  it('paints out a grid of heavy rules as a 150 dpi fax of 2.25 pt borders gives them (11 px at 300 dpi), letters touching its sides', () => {
    const image = page(2550, 3300);
    // Rows set tight: 34 px of paper between rules 11 px thick, so that where the rules
    // cross, a side is as wide as a rule is long for a quarter of its length.
    for (const y of [100, 145, 190, 235]) fill(image, 300, y, 1511, y + 11);
    for (const x of [300, 700, 1100, 1500]) fill(image, x, 100, x + 11, 246);
    // A bold header letter on each side of the side at x = 700, touching it, and one in a cell.
    fill(image, 688, 115, 700, 140);
    fill(image, 711, 115, 723, 140);
    fill(image, 400, 205, 420, 228);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 400, 205, 420, 228)).toBe(20 * 23);
    expect(inkIn(out, 688, 115, 700, 140) + inkIn(out, 711, 115, 723, 140)).toBe(2 * 12 * 25);
    // Nothing of the grid is left beside the letters: only the rows the touching letters
    // close on both sides keep the side's pixels between them.
    expect(inkIn(out, 0, 0, 2550, 3300)).toBeLessThanOrEqual(20 * 23 + 2 * 12 * 25 + 11 * 25);
    expect(inkIn(out, 300, 145, 1511, 246)).toBe(20 * 23);
  });

  it('leaves a heavy line shorter than an inch alone (the serifs of a word in soft type, touching at the baseline)', () => {
    const image = page(2550, 3300);
    fill(image, 300, 200, 520, 211);
    const out = grayWithoutRules(image);
    expect(out.pixels.every((level, i) => level === image.pixels[i])).toBe(true);
  });

  it('keeps the letters of a shaded row between two rules when the shade is darker than the ink level', () => {
    const image = page(2550, 3300);
    rule(image, 300, 1500, 200);
    rule(image, 300, 1500, 259);
    // The row's light tint as a dim photo shows it, darker than INK, with a seam of
    // lighter ringing along each rule that is lost around a letter (JPEG blocks).
    fill(image, 300, 205, 1500, 257, 190);
    for (const y of [204, 257]) {
      fill(image, 300, y, 1500, y + 1, 205);
      fill(image, 380, y, 440, y + 1, 190);
    }
    fill(image, 400, 215, 420, 250);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 400, 215, 420, 250)).toBe(20 * 35);
    expect(inkIn(out, 0, 0, 2550, 3300)).toBe(20 * 35);
  });

  it('paints out the grid of a table photographed in dim light, its light tint and letters kept', () => {
    // Paper at 205 and a tinted row at 190: both darker than the ink level of a scan.
    const image = page(2550, 3300);
    image.pixels.fill(205);
    fill(image, 300, 204, 1500, 259, 190);
    for (const y of [200, 260, 320]) fill(image, 300, y, 1500, y + 3, 30);
    for (const x of [300, 700, 1100, 1497]) fill(image, x, 200, x + 3, 323, 30);
    fill(image, 400, 215, 420, 250, 30);
    fill(image, 400, 275, 420, 310, 30);
    const out = grayWithoutRules(image);
    expect(inkIn(out, 0, 0, 2550, 3300)).toBe(2 * 20 * 35);
    expect(inkIn(out, 400, 215, 420, 250) + inkIn(out, 400, 275, 420, 310)).toBe(2 * 20 * 35);
  });

  it('leaves the round tops and bottoms of a word in small type alone, though the gaps between its letters are narrow', () => {
    const image = page(2550, 3300);
    // Twelve "o"s 15 px wide, 16 px apart: their tops and bottoms make thin lines 190 px
    // long over the 3 px gaps between letters.
    for (let k = 0; k < 12; k++) {
      const x = 300 + k * 16;
      fill(image, x + 1, 200, x + 14, 203);
      fill(image, x + 1, 212, x + 14, 215);
      fill(image, x, 203, x + 3, 212);
      fill(image, x + 12, 203, x + 15, 212);
    }
    const out = grayWithoutRules(image);
    expect(out.pixels.every((level, i) => level === image.pixels[i])).toBe(true);
  });

  it('leaves a page of letters alone: short strokes, and a bar as thick as a title letter', () => {
    const image = page(2550, 3300);
    for (let x = 300; x < 2000; x += 40) fill(image, x, 100, x + 6, 140);
    fill(image, 300, 250, 1500, 290);
    const out = grayWithoutRules(image);
    expect(out.pixels.every((level, i) => level === image.pixels[i])).toBe(true);
  });
});
