import { baselineAt, type OcrPage, type OcrWord } from './ocr-engine.js';
import { inkBlobs, pixelBoxIn, type GrayImage, type InkBlob } from './gray-image.js';

/**
 * The half printed as one glyph (½), as score tables give a half point. It is not in the
 * Latin models' alphabet, so the engine writes the letters it looks most like ("Y", "YY",
 * "YX", "Y%", "Vo", "V2"), and in a table of answers those letters are answers of their
 * own. A fraction's ink tells it apart: a small figure high on the left and another low on
 * the right, standing apart (the slash between touches one of them at most), where a
 * letter, a tick or a cross is one stroke or strokes that meet. A short word whose ink is
 * so is read as ½, less sure than the engine was of its letters.
 */

// A pixel darker than this (0–255, on the cleaned page) is ink.
const INK = 128;
// Words of more characters than this are not one glyph misread.
const MAX_CHARS = 3;
// Each figure of a fraction stands at most this share of the glyph's height and width,
// and the upper one ends above (the lower one starts below) this share of it.
const FIGURE_SHARE = 0.65;
const FIGURE_END = 0.6;
// ... and at least this share of its height: an i's dot or a comma beside a letter is smaller.
const FIGURE_LEAST = 0.3;
// A glyph wider than this many times its height is more than one glyph.
const MAX_ASPECT = 1.6;
// Parts of fewer pixels than this share of the glyph's box are specks, not figures.
const SPECK_SHARE = 0.01;
/** A value read from the glyph's shape is this much less sure than the engine's reading. */
export const SHAPE_CONFIDENCE = 0.85;

export const HALF = '½';

// The band a glyph of the line stands in, in x-heights above and below its baseline (capitals
// and figures reach 1.4 above it): the engine's box may take in only part of a glyph it could not read.
const BAND_ABOVE = 1.6;
const BAND_BELOW = 0.3;

export function pageWithFractionsRead(page: OcrPage, ink: GrayImage): OcrPage {
  return {
    lines: page.lines.map((line) => ({
      ...line,
      words: line.words.map((word) => {
        if (!mayBeFraction(word)) return word;
        const baseline = baselineAt(line, (word.x0 + word.x1) / 2);
        const band = {
          x0: word.x0,
          x1: word.x1,
          y0: Math.min(word.y0, baseline - BAND_ABOVE * line.xHeight),
          y1: Math.max(word.y1, baseline + BAND_BELOW * line.xHeight),
        };
        return isFractionInk(ink, band)
          ? { ...word, text: HALF, confidence: word.confidence * SHAPE_CONFIDENCE }
          : word;
      }),
    })),
  };
}

// The engine reads a percent sign, a number and a fraction set with a slash well: those are
// what they say. What it makes of a half is letters, or signs alone ("%%", "“").
function mayBeFraction(word: OcrWord): boolean {
  const text = word.text.trim();
  return (
    text !== '' &&
    text !== HALF &&
    [...text].length <= MAX_CHARS &&
    !/\/|^[\d.,]*%?$/u.test(text) &&
    (/\p{L}/u.test(text) || !/\p{N}/u.test(text))
  );
}

type Part = InkBlob;

/** Whether the ink in a box is a fraction's: see the module's note. */
export function isFractionInk(image: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }): boolean {
  const parts = inkParts(image, box);
  if (parts.length < 2) return false;
  const x0 = Math.min(...parts.map((p) => p.x0));
  const y0 = Math.min(...parts.map((p) => p.y0));
  const x1 = Math.max(...parts.map((p) => p.x1));
  const y1 = Math.max(...parts.map((p) => p.y1));
  const [width, height] = [x1 - x0, y1 - y0];
  if (height <= 0 || width > MAX_ASPECT * height) return false;
  const figure = (p: Part): boolean =>
    p.y1 - p.y0 <= FIGURE_SHARE * height && p.y1 - p.y0 >= FIGURE_LEAST * height && p.x1 - p.x0 <= FIGURE_SHARE * width;
  const upper = parts.find((p) => figure(p) && p.y1 <= y0 + FIGURE_END * height && p.x1 <= x0 + FIGURE_END * width);
  const lower = parts.find((p) => figure(p) && p.y0 >= y1 - FIGURE_END * height && p.x0 >= x1 - FIGURE_END * width);
  return upper !== undefined && lower !== undefined && upper !== lower;
}

/** The separate pieces of ink in a box (8-connected), specks left out. */
function inkParts(image: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }): Part[] {
  const area = pixelBoxIn(image, box);
  const size = (area.x1 - area.x0) * (area.y1 - area.y0);
  return inkBlobs(image, area, INK).filter((part) => part.pixels >= SPECK_SHARE * size);
}
