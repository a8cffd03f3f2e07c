import { inkBlobs, pixelBoxIn, type GrayImage, type InkBlob } from './gray-image.js';
import { baselineAt, type OcrLine, type OcrPage, type OcrWord } from './ocr-engine.js';

/**
 * Hyphens the engine wrote for longer dashes, told apart by their length on the page.
 * The engine writes most en dashes as `-`, so a range of years (`2022–2023`) comes back
 * hyphenated. The ink says which it is: measured against the line's x-height, hyphens
 * on the project's scans were 0.33–0.59 long and en dashes 0.67–1.0 (longer in serif
 * faces), em dashes 1.3–2. A word's hyphens are read from its ink only when the picture
 * shows exactly as many dash strokes as the word has dashes; otherwise the word stays as
 * the engine read it. Dashes it wrote as en or em dashes are left to it.
 */

const DASHES = /[-‐‑–—−]/gu;
// A pixel darker than this (0–255, on the cleaned page) is ink.
const INK = 128;
// A dash's stroke is at most this tall, and at least this long, in x-heights (a full stop is as long as it is tall).
const MAX_STROKE = 0.4;
const MIN_LENGTH = 0.3;
// Its middle stands this far above the baseline, in x-heights: below the middle of the x-height and above an underscore.
const LOWEST = 0.15;
const HIGHEST = 0.85;
// Longer than this many x-heights is an en dash; longer than the second, an em dash.
const EN_FROM = 0.63;
const EM_FROM = 1.5;

export function pageWithDashesMeasured(page: OcrPage, ink: GrayImage): OcrPage {
  let changed = false;
  const lines = page.lines.map((line) => {
    const words = line.words.map((word) => {
      const count = word.text.match(DASHES)?.length ?? 0;
      if (count === 0) return word;
      const lengths = dashLengths(ink, line, word);
      if (lengths.length !== count) return word;
      let k = 0;
      const text = word.text.replace(DASHES, (dash) => {
        const length = lengths[k++]!;
        return dash === '-' ? dashOfLength(length) : dash;
      });
      if (text === word.text) return word;
      changed = true;
      return { ...word, text };
    });
    return { ...line, words };
  });
  return changed ? { ...page, lines } : page;
}

function dashOfLength(xHeights: number): string {
  return xHeights >= EM_FROM ? '—' : xHeights >= EN_FROM ? '–' : '-';
}

/** The lengths (in x-heights) of the dash strokes in a word's box, left to right. */
function dashLengths(image: GrayImage, line: OcrLine, word: OcrWord): number[] {
  const xh = line.xHeight;
  const area = pixelBoxIn(image, word);
  const baseline = baselineAt(line, (word.x0 + word.x1) / 2) - area.y0;
  const isDash = (blob: InkBlob): boolean => {
    const middle = (blob.y0 + blob.y1) / 2;
    return (
      blob.y1 - blob.y0 <= MAX_STROKE * xh &&
      blob.x1 - blob.x0 >= MIN_LENGTH * xh &&
      middle <= baseline - LOWEST * xh &&
      middle >= baseline - HIGHEST * xh
    );
  };
  return inkBlobs(image, area, INK)
    .filter(isDash)
    .sort((a, b) => a.x0 - b.x0)
    .map((blob) => (blob.x1 - blob.x0) / xh);
}
