import type { GrayImage } from './gray-image.js';

// Darker than this is ink.
const INK = 160;
// A horizontal run of ink this share of the page width long is a rule, not a letter.
const RULE_WIDTH_SHARE = 1 / 25;
// A vertical run of ink this share of the page height long is a rule when it meets a
// horizontal rule (a table's grid); on its own it must be as long as a tenth of the
// page, longer than any letter of a large title.
const RULE_HEIGHT_SHARE = 1 / 60;
const LONE_RULE_HEIGHT_SHARE = 1 / 10;
// How near (pixels) a vertical rule's end must come to a horizontal rule to meet it.
const MEET = 4;

/**
 * The page with the ruling lines of tables and boxes painted over in white. The OCR
 * engine's page layout analysis takes a ruled table for a picture and drops its
 * cells, or reads the rules as `|` and `[`; without them the cells read as text set
 * in columns, which the layout step already turns into a table.
 */
export function grayWithoutRules(image: GrayImage): GrayImage {
  const { width, height, pixels } = image;
  const rule = new Uint8Array(width * height);
  const minWidth = Math.max(20, Math.round(width * RULE_WIDTH_SHARE));
  const minHeight = Math.max(20, Math.round(height * RULE_HEIGHT_SHARE));
  const loneHeight = Math.round(height * LONE_RULE_HEIGHT_SHARE);
  const meetsRule = (x: number, y: number): boolean => {
    for (let row = Math.max(0, y - MEET); row <= Math.min(height - 1, y + MEET); row++) {
      for (let col = Math.max(0, x - MEET); col <= Math.min(width - 1, x + MEET); col++) if (rule[row * width + col] === 1) return true;
    }
    return false;
  };
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && pixels[y * width + x]! < INK;
      if (ink && start < 0) start = x;
      if (!ink && start >= 0) {
        if (x - start >= minWidth) rule.fill(1, y * width + start, y * width + x);
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const ink = y < height && pixels[y * width + x]! < INK;
      if (ink && start < 0) start = y;
      if (!ink && start >= 0) {
        const long = y - start >= loneHeight || (y - start >= minHeight && (meetsRule(x, start) || meetsRule(x, y - 1)));
        if (long) for (let k = start; k < y; k++) rule[k * width + x] = 2;
        start = -1;
      }
    }
  }
  const out = new Uint8Array(pixels);
  // One pixel more on every side takes the grey edge a scanner or anti-aliasing leaves along a rule.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rule[y * width + x] === 0) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const row = y + dy;
        if (row < 0 || row >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const col = x + dx;
          if (col >= 0 && col < width) out[row * width + col] = 255;
        }
      }
    }
  }
  return { ...image, pixels: out };
}
