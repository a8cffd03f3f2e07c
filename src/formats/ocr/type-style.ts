import { pixelBoxIn, type GrayImage, type PixelBox } from './gray-image.js';
import type { OcrLine, OcrPage, OcrWord } from './ocr-engine.js';
import { lineXHeights } from './runs-from-ocr.js';

// A line whose words' strokes are mostly this much thicker, for their size, than the
// page's usual text is set in bold (regular and bold cuts of common faces differ 1.5–1.8
// times in print; on a coarse scan enlarged for reading, or a photo, the blur at every
// edge adds the same to each stroke, and bold headings measure 1.2–1.35 times the text).
const BOLD_LINE = 1.2;
// Share of a line's letters in such words for the whole line to be bold.
const BOLD_LINE_SHARE = 0.75;
// A single word inside a line of regular text must stand out more: short words are noisy.
const BOLD_WORD = 1.45;
const MIN_BOLD_WORD_LETTERS = 4;
// The level of the darkest this share of a word's box is the core of its strokes. Over a
// smaller share a heading printed in a colour is measured nearer its core than its whole
// stroke; over a larger one the thin strokes of regular type on a soft scan, grey at their
// core, are measured wider, and a bold phrase among them no longer stands out (0.1 lost
// one on the eval's low-resolution PDF).
const CORE_SHARE = 0.05;
// Words with fewer letters than this give too few strokes to measure.
const MIN_LETTERS = 3;
// The page's usual stroke is measured over this many words at least.
const MIN_WORDS = 20;

// Italic type leans this many degrees or more (common faces: 10–16°); upright type leans about 0.
const ITALIC_DEG = 7;
// Sheared by the word's lean, its columns of ink must come out this much sharper than upright.
const ITALIC_GAIN = 1.08;
// ...or this much for a word beside a phrase already found to lean.
const BESIDE_ITALIC_GAIN = 1.03;
const SLANTS_DEG = [0, 3, 6, 9, 12, 15, 18];

/**
 * Recognised words marked bold when their strokes are thick for their size. Tesseract's
 * LSTM engine gives no font attributes, but the picture does: set against the line's
 * x-height, a word's stroke width is about the same for one weight of type at any size.
 * It is measured twice, since each measure is fooled by other shapes: as the word's ink
 * over half its ink's outline (serifs and ragged edges lengthen the outline), and as the
 * typical run of ink across the word's rows (the bowls of digits and capitals widen runs).
 * A line whose words both measures find clearly heavier than the page's usual text is
 * bold as a whole; inside a regular line only words far heavier are, and the short words
 * between two of them (a bold phrase).
 */
export function pageWithWeights(page: OcrPage, ink: GrayImage): OcrPage {
  const weights = new Map<OcrWord, Weight>();
  const xHeights = lineXHeights(page.lines);
  for (const line of page.lines) {
    const xHeight = xHeights.get(line)!;
    for (const word of line.words) {
      if (lettersOf(word) < MIN_LETTERS && !isCapitalPair(word)) continue;
      const [outline, runs] = [strokeWidth(ink, word), runWidth(ink, word)];
      if (outline > 0 && runs > 0) weights.set(word, { outline: outline / xHeight, runs: runs / xHeight });
    }
  }
  const slanted = page.lines.map((line) => lineWithSlants(line, ink));
  if (weights.size < MIN_WORDS) return { lines: slanted };
  // Most words of a page are its regular text; the 40th percentile stays clear of headings.
  const usualOf = (measure: keyof Weight): number =>
    [...weights.values()].map((weight) => weight[measure]).sort((a, b) => a - b)[Math.floor(weights.size * 0.4)]!;
  const usual: Weight = { outline: usualOf('outline'), runs: usualOf('runs') };
  const lines = page.lines.map((line, i) =>
    lineWithWeights({ ...line, words: slanted[i]!.words }, line, weights, usual),
  );
  return { lines: shortWordsJoinedAcrossLines(lines) };
}

/** A word's stroke width by the two measures, each over the line's x-height. */
export interface Weight {
  outline: number;
  runs: number;
}

/**
 * Whether a word inside a line of regular text is bold on its own: far heavier by its
 * outline, or by either measure while both find it as heavy as a bold line (each measure
 * alone is fooled by some shapes, and a soft scan narrows the gap on one or the other).
 */
export function standsOut(weight: Weight, usual: Weight): boolean {
  const [outline, runs] = [weight.outline / usual.outline, weight.runs / usual.runs];
  return outline >= BOLD_WORD || (asHeavyAsBold(weight, usual) && Math.max(outline, runs) >= BOLD_WORD);
}

/** Whether a word is as heavy as the words of a bold line, by both measures. */
function asHeavyAsBold(weight: Weight | undefined, usual: Weight): boolean {
  return weight !== undefined && Math.min(weight.outline / usual.outline, weight.runs / usual.runs) >= BOLD_LINE;
}

/**
 * A bold phrase broken over two lines keeps a short word at the break ("the outcome of /
 * cases"): a short word at a line's end or start standing between two bold words of the
 * page's reading order is bold.
 */
function shortWordsJoinedAcrossLines(lines: OcrLine[]): OcrLine[] {
  const words = lines.flatMap((line) => line.words);
  const bold = phraseGrown(
    words.map((word) => word.bold === true),
    (i, grown) => grown[i - 1] === true && grown[i + 1] === true && lettersOf(words[i]!) < MIN_BOLD_WORD_LETTERS,
  );
  let at = 0;
  return lines.map((line) => ({
    ...line,
    words: line.words.map((word) => (bold[at++] && !word.bold ? { ...word, bold: true } : word)),
  }));
}

/**
 * Words marked italic when they lean: sheared back by the right angle, the upright
 * strokes of their letters stack into sharp columns of ink. As with weight, a line that
 * words of four or more letters that lean are italic, and a word between two of them.
 */
function lineWithSlants(line: OcrLine, ink: GrayImage): OcrLine {
  const leaning = line.words.map(
    (word) => lettersOf(word) >= MIN_BOLD_WORD_LETTERS && slantOf(ink, word) >= ITALIC_DEG,
  );
  if (!leaning.includes(true)) return line;
  const italic = phraseGrown(leaning, (i, grown) => {
    // A word between two leaning ones belongs to their phrase (short words and some letters
    // lean little), as do two short words ("on the").
    const short = (k: number): boolean => lettersOf(line.words[k]!) < MIN_BOLD_WORD_LETTERS;
    if (grown[i - 1] === true && grown[i + 1] === true) return true;
    if (short(i) && betweenPhraseWords(i, grown, short)) return true;
    // A word beside the phrase joins it when it leans too, if less clearly.
    const beside = grown[i - 1] === true || grown[i + 1] === true;
    return (
      beside &&
      lettersOf(line.words[i]!) >= MIN_BOLD_WORD_LETTERS &&
      slantOf(ink, line.words[i]!, BESIDE_ITALIC_GAIN) >= ITALIC_DEG
    );
  });
  return { ...line, words: line.words.map((word, i) => (italic[i] ? { ...word, italic: true } : word)) };
}

/** How far a word's strokes lean to the right (degrees), or 0 when no lean sharpens them clearly. */
function slantOf(image: GrayImage, box: PixelBox, gain = ITALIC_GAIN): number {
  const { width, pixels } = image;
  const { x0, y0, x1, y1 } = pixelBoxIn(image, box);
  const reach = Math.ceil((y1 - y0) * Math.tan((SLANTS_DEG.at(-1)! * Math.PI) / 180));
  const columns = new Float64Array(x1 - x0 + reach + 2);
  // The word's ink, found once: each lean then moves only those pixels.
  const inkX: number[] = [];
  const inkRise: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (pixels[y * width + x]! >= 128) continue;
      inkX.push(x - x0 + reach);
      inkRise.push(y1 - y);
    }
  }
  const sharpness = (degrees: number): number => {
    columns.fill(0);
    const shear = Math.tan((degrees * Math.PI) / 180);
    for (let k = 0; k < inkX.length; k++) columns[Math.round(inkX[k]! - inkRise[k]! * shear)]! += 1;
    let sum = 0;
    for (const count of columns) sum += count * count;
    return sum;
  };
  const upright = sharpness(0);
  let best = 0;
  let bestScore = upright;
  for (const degrees of SLANTS_DEG) {
    const score = sharpness(degrees);
    if (score > bestScore) [best, bestScore] = [degrees, score];
  }
  return bestScore >= upright * gain ? best : 0;
}

function lineWithWeights(
  line: OcrLine,
  measured: OcrLine,
  weights: ReadonlyMap<OcrWord, Weight>,
  usual: Weight,
): OcrLine {
  let letters = 0;
  let heavyLetters = 0;
  for (const word of measured.words) {
    const weight = weights.get(word);
    if (weight === undefined) continue;
    letters += lettersOf(word);
    if (asHeavyAsBold(weight, usual)) heavyLetters += lettersOf(word);
  }
  if (letters === 0) return line;
  if (heavyLetters >= BOLD_LINE_SHARE * letters)
    return { ...line, words: line.words.map((word) => ({ ...word, bold: true })) };
  const heavy = measured.words.map((word) => {
    const weight = weights.get(word);
    return weight !== undefined && lettersOf(word) >= MIN_BOLD_WORD_LETTERS && standsOut(weight, usual);
  });
  if (!heavy.includes(true)) return line;
  const bold = phraseGrown(heavy, (i, grown) => {
    const word = measured.words[i]!;
    const weight = weights.get(word);
    const beside = grown[i - 1] === true || grown[i + 1] === true;
    const short = (k: number): boolean => {
      const other = measured.words[k]!;
      return !weights.has(other) || lettersOf(other) < MIN_BOLD_WORD_LETTERS;
    };
    // A word beside the phrase as heavy as a bold line is part of it (its first and last
    // words measure lighter at the phrase's edge); short words between two of its words are
    // (short words measure too noisily to tell).
    return (beside && asHeavyAsBold(weight, usual)) || (short(i) && betweenPhraseWords(i, grown, short));
  });
  return { ...line, words: line.words.map((word, i) => (bold[i] ? { ...word, bold: true } : word)) };
}

/** Marks spread from `seeds` to the words `joins` admits next to them, until none is added. */
/**
 * Whether word i stands between two words of a phrase, alone or with one short word
 * beside it ("of", "on the", "in the": a title set in bold or italic keeps its small words).
 */
function betweenPhraseWords(i: number, grown: readonly boolean[], short: (k: number) => boolean): boolean {
  return (
    (grown[i - 1] === true && grown[i + 1] === true) ||
    (grown[i - 1] === true && i + 2 < grown.length && short(i + 1) && grown[i + 2] === true) ||
    (grown[i - 2] === true && short(i - 1) && grown[i + 1] === true)
  );
}

function phraseGrown(seeds: readonly boolean[], joins: (i: number, grown: readonly boolean[]) => boolean): boolean[] {
  const grown = [...seeds];
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < grown.length; i++) {
      if (grown[i] || !joins(i, grown)) continue;
      grown[i] = true;
      changed = true;
    }
  }
  return grown;
}

/**
 * Two letters opening with a capital (an acronym: AI, EU, UN, or AI read "Al"): their
 * capital strokes are enough to weigh, where two small letters are not.
 */
function isCapitalPair(word: OcrWord): boolean {
  return /^\p{Lu}[\p{Lu}l]$/u.test(lettersIn(word));
}

function lettersOf(word: OcrWord): number {
  return lettersIn(word).length;
}

function lettersIn(word: OcrWord): string {
  return word.text.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Mean stroke width (pixels) of the ink inside a box: its ink over half the count of its
 * edges. A stroke's edge is taken halfway between its core and the paper: black type has
 * its edges at mid-grey, a heading printed in a colour (a core of dark grey once cleaned)
 * at a lighter level, so its strokes are measured whole rather than cut down to their core.
 */
function strokeWidth(image: GrayImage, box: PixelBox): number {
  const { width, pixels } = image;
  const { x0, y0, x1, y1 } = pixelBoxIn(image, box, 1);
  if (x1 <= x0 || y1 <= y0) return 0;
  const histogram = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) histogram[pixels[y * width + x]!]!++;
  let seen = 0;
  let core = 0;
  while (core < 255 && seen + histogram[core]! < CORE_SHARE * (x1 - x0) * (y1 - y0)) seen += histogram[core++]!;
  const edge = (core + 255) / 2;
  let area = 0;
  let edges = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      const inkHere = pixels[i]! < edge;
      if (inkHere) area++;
      if (inkHere !== pixels[i - 1]! < edge) edges++;
      if (inkHere !== pixels[i - width]! < edge) edges++;
    }
  }
  // A stroke shows two edges across it: ink over half the edges is its width.
  return edges === 0 ? 0 : area / (edges / 2);
}

/**
 * The typical run of ink along the rows inside a box (pixels): most runs cross an upright
 * stroke, so the mean of the middle half of them, shorter and longer ones left out (joins,
 * bars), is the width of the word's stems.
 */
function runWidth(image: GrayImage, box: PixelBox): number {
  const { width, pixels } = image;
  const { x0, y0, x1, y1 } = pixelBoxIn(image, box);
  const runs: number[] = [];
  for (let y = y0; y < y1; y++) {
    let run = 0;
    for (let x = x0; x < x1; x++) {
      if (pixels[y * width + x]! < 128) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
    if (run > 0) runs.push(run);
  }
  if (runs.length === 0) return 0;
  runs.sort((a, b) => a - b);
  const from = Math.floor(runs.length / 4);
  const to = Math.max(from + 1, Math.ceil((runs.length * 3) / 4));
  let sum = 0;
  for (let i = from; i < to; i++) sum += runs[i]!;
  return sum / (to - from);
}
