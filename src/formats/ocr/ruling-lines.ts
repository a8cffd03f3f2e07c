import type { GrayImage } from './gray-image.js';

// Darker than this is ink; rules are often printed grey, and scanned through JPEG lighter still.
const INK = 200;
// Gaps this long (pixels) do not break a rule: noise, JPEG and dust chip scanned rules.
const GAP = 3;
// A rule is at most 1/30 inch thick (2.4 pt); text rises higher above its baseline at
// more than this share of a run's length.
const THICKEST_RULE_PER_INCH = 30;
const THICK_SHARE = 0.3;
// Pixels painted white on each side of a rule.
const EDGE = 2;
// A horizontal run of ink this share of the page width long is a rule, not a letter.
const RULE_WIDTH_SHARE = 1 / 25;
// A vertical run of ink this share of the page height long is a rule when it meets a
// horizontal rule (a table's grid); on its own it must be as long as a tenth of the
// page, longer than any letter of a large title.
const RULE_HEIGHT_SHARE = 1 / 150;
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
      for (let col = Math.max(0, x - MEET); col <= Math.min(width - 1, x + MEET); col++)
        if (rule[row * width + col] === 1) return true;
    }
    return false;
  };
  const thickest = Math.max(3, Math.round(image.dpi / THICKEST_RULE_PER_INCH));
  const isInk = (x: number, y: number): boolean => y >= 0 && y < height && pixels[y * width + x]! < INK;
  // Along a rule the ink is thin; along a line of text (whose serifs can touch at the
  // baseline for a whole word) letters rise above it at most places.
  const thin = (y: number, start: number, end: number): boolean => {
    let thick = 0;
    for (let x = start; x < end; x++) {
      let extent = 1;
      for (let d = 1; extent <= thickest && isInk(x, y - d); d++) extent++;
      for (let d = 1; extent <= thickest && isInk(x, y + d); d++) extent++;
      if (extent > thickest) thick++;
    }
    return thick < THICK_SHARE * (end - start);
  };
  const markHorizontal = (y: number, start: number, end: number): void => {
    if (end - start >= minWidth && thin(y, start, end)) rule.fill(1, y * width + start, y * width + end);
  };
  for (let y = 0; y < height; y++) {
    let start = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x]! >= INK) continue;
      if (start < 0 || x - last > GAP + 1) {
        if (start >= 0) markHorizontal(y, start, last + 1);
        start = x;
      }
      last = x;
    }
    if (start >= 0) markHorizontal(y, start, last + 1);
  }
  const markVertical = (x: number, start: number, end: number): void => {
    const long =
      end - start >= loneHeight || (end - start >= minHeight && (meetsRule(x, start) || meetsRule(x, end - 1)));
    if (long) for (let k = start; k < end; k++) rule[k * width + x] = 2;
  };
  for (let x = 0; x < width; x++) {
    let start = -1;
    let last = -1;
    for (let y = 0; y < height; y++) {
      if (pixels[y * width + x]! >= INK) continue;
      if (start < 0 || y - last > GAP + 1) {
        if (start >= 0) markVertical(x, start, last + 1);
        start = y;
      }
      last = y;
    }
    if (start >= 0) markVertical(x, start, last + 1);
  }
  const out = new Uint8Array(pixels);
  // A little more on every side takes the grey edge a scanner, JPEG or anti-aliasing leaves along a rule.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rule[y * width + x] === 0) continue;
      for (let dy = -EDGE; dy <= EDGE; dy++) {
        const row = y + dy;
        if (row < 0 || row >= height) continue;
        for (let dx = -EDGE; dx <= EDGE; dx++) {
          const col = x + dx;
          if (col >= 0 && col < width) out[row * width + col] = 255;
        }
      }
    }
  }
  return { ...image, pixels: out };
}
