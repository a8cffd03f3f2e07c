import type { OcrLine, OcrPage, OcrWord } from './ocr-engine.js';
import { pixelBoxIn, type GrayImage } from './gray-image.js';
import { SHAPE_CONFIDENCE } from './fraction-marks.js';

/**
 * Ticks and crosses (✓ ✗) told apart by their ink. The Latin models have neither, so the
 * engine writes letters for them, often the same ones for both on a coarse fax (`OX`, `0X`,
 * `s/s`, `s`, `v`, `X`, `XxX`), and a row of answers loses half its cells. The ink tells
 * them apart: a tick is a short stroke down to the bottom left and a long one up to the top
 * right, so the top left and bottom right of its box are all but empty; a cross's two
 * strokes run through all four corners. Only in a row where the engine already read two
 * marks or more as ticks or crosses (the row's vocabulary is marks, not `Y`/`N`), only a
 * short word of letters a mark is read as, and only when the ink says one or the other
 * clearly: the word becomes ✓ or ✗, less sure than the engine was; anything else stays as
 * read, to be reported as an unknown answer.
 */

// A pixel darker than this (0–255, on the cleaned page) is ink.
const INK = 128;
// What the engine writes for a tick or a cross, at most this many signs (a fax's tick also as `7`).
const MARK_LIKE = /^[vVxXsSoO07/\\|()√×]{1,3}$/u;
// Readings that are a tick or a cross already (as answerFromMisread reads them, or the marks themselves).
const TICK_READ = /^(?:[vV√/]+|[✓✔])$/u;
const CROSS_READ = /^(?:[xX×]+|[✗✘])$/u;
// A row reads in marks when the engine read this many of its words as ticks or crosses.
const MARKS_IN_ROW = 2;
// Share of the ink in the top left and bottom right quarters of the glyph's box: a tick
// has (measured on a 150 dpi fax) 0.01–0.04 and 0.04–0.07 there, a cross 0.19–0.24 and
// 0.15–0.19; between the two the ink does not tell.
const TICK_MOST = 0.1;
const CROSS_LEAST = 0.13;
// The sides of a cross's box (this share of its width in from each side, from this share
// of its height down to as far from its bottom) hold less than this share of its ink.
const SIDE_WIDTH = 0.2;
const SIDE_FROM = 0.35;
const EMPTY_SIDES = 0.03;
// In the top and bottom fifth of a cross's box, less than this share of the ink lies within
// this share of its width either side of the middle.
const END_HEIGHT = 0.2;
const END_MIDDLE = 0.15;
const END_MIDDLE_MOST = 0.6;
// Ink of fewer pixels than this share of the box is a speck, and a glyph narrower than this
// share of its height (a stroke, a bracket) or wider than this many times it is no mark.
const SPECK_SHARE = 0.05;
const NARROWEST = 0.45;
const WIDEST = 1.8;

export const TICK = '✓';
export const CROSS = '✗';

export function pageWithTicksRead(page: OcrPage, ink: GrayImage): OcrPage {
  return { lines: page.lines.map((line) => (readsInMarks(line) ? lineWithTicksRead(line, ink) : line)) };
}

function readsInMarks(line: OcrLine): boolean {
  return (
    line.words.filter((word) => TICK_READ.test(word.text.trim()) || CROSS_READ.test(word.text.trim())).length >=
    MARKS_IN_ROW
  );
}

function lineWithTicksRead(line: OcrLine, ink: GrayImage): OcrLine {
  return {
    ...line,
    words: line.words.map((word): OcrWord => {
      if (!MARK_LIKE.test(word.text.trim())) return word;
      const mark = markOfInk(ink, word);
      return mark === null ? word : { ...word, text: mark, confidence: word.confidence * SHAPE_CONFIDENCE };
    }),
  };
}

/** ✓ or ✗ as the ink in the box is shaped (see the module's note), or null when it does not tell. */
export function markOfInk(image: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }): string | null {
  const { x0, y0, x1, y1 } = pixelBoxIn(image, box);
  const inked = (x: number, y: number): boolean => image.pixels[y * image.width + x]! < INK;
  let [left, top, right, bottom, total] = [x1, y1, x0, y0, 0];
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      if (!inked(x, y)) continue;
      total++;
      [left, top, right, bottom] = [
        Math.min(left, x),
        Math.min(top, y),
        Math.max(right, x + 1),
        Math.max(bottom, y + 1),
      ];
    }
  const [width, height] = [right - left, bottom - top];
  if (
    total < SPECK_SHARE * (x1 - x0) * (y1 - y0) ||
    height <= 0 ||
    width < NARROWEST * height ||
    width > WIDEST * height
  )
    return null;
  const [midX, midY] = [(left + right) / 2, (top + bottom) / 2];
  const quarters = [0, 0, 0, 0];
  let sides = 0;
  // Ink in the top and bottom strips of the box, and the part of it about the middle.
  const ends = [0, 0];
  const endsMiddle = [0, 0];
  for (let y = top; y < bottom; y++)
    for (let x = left; x < right; x++) {
      if (!inked(x, y)) continue;
      quarters[(y < midY ? 0 : 2) + (x < midX ? 0 : 1)]! += 1;
      const middle = y >= top + SIDE_FROM * height && y < bottom - SIDE_FROM * height;
      if (middle && (x < left + SIDE_WIDTH * width || x >= right - SIDE_WIDTH * width)) sides++;
      const end = y < top + END_HEIGHT * height ? 0 : y >= bottom - END_HEIGHT * height ? 1 : -1;
      if (end < 0) continue;
      ends[end]! += 1;
      if (Math.abs(x + 0.5 - midX) < END_MIDDLE * width) endsMiddle[end]! += 1;
    }
  const [topLeft = 0, topRight = 0, bottomLeft = 0, bottomRight = 0] = quarters.map((count) => count / total);
  if (topLeft < TICK_MOST && bottomRight < TICK_MOST) return TICK;
  // The strokes of a cross meet in the middle and leave its sides empty half way down,
  // where an N's stems or an H's stand.
  const corners = [topLeft, topRight, bottomLeft, bottomRight].every((share) => share >= CROSS_LEAST);
  // ... and its ends stand apart at the corners, where a Y's stem or a V's point stands in the middle.
  const apart = ends.every((count, k) => count > 0 && endsMiddle[k]! < END_MIDDLE_MOST * count);
  if (corners && apart && sides / total < EMPTY_SIDES) return CROSS;
  return null;
}
