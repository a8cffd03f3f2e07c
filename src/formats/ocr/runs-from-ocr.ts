import type { PdfPage, TextRun } from '../pdf/pdf-text-items.js';
import { baselineAt, type OcrLine, type OcrPage, type OcrWord } from './ocr-engine.js';
import { lineWithoutStrayMarks } from './stray-marks.js';
import { ASCENDER_SHARE, DESCENDER_SHARE, X_HEIGHT_SHARE } from './type-proportions.js';

// Only lines at least this share of the page wide vote on the page's skew.
const SKEW_LINE_SHARE = 0.15;

/** A recognised page as the PDF reader's positioned runs, in points, y up from the page bottom. */
export interface RecognisedRuns {
  runs: TextRun[];
  /** Page height in points. */
  top: number;
  /** Page width in points. */
  width: number;
}

/** A recognised page as the PDF reader takes a page: origin bottom left, measured in points, marked with the engine that read it. */
export function pageFromOcr(read: RecognisedRuns, engine: string): Omit<PdfPage, 'number'> {
  return { bottom: 0, top: read.top, left: 0, right: read.width, runs: read.runs, ocr: { engine } };
}

/**
 * Recognised words as the positioned text runs the PDF reader gets from pdf.js, so a
 * scanned page goes through the same line, column, table and list steps as a
 * born-digital one. A page scanned a few degrees askew is levelled here: the words of
 * one recognised line share its baseline, and positions are turned back by the
 * page's skew so that columns line up from one line to the next.
 */
export function runsFromOcr(page: OcrPage, width: number, height: number, dpi: number): RecognisedRuns {
  const points = 72 / dpi;
  const skew = skewOf(page.lines, width);
  const [cos, sin] = [Math.cos(skew), Math.sin(skew)];
  const levelled = (x: number, y: number): [number, number] => [x * cos + y * sin, -x * sin + y * cos];
  const top = height * points;
  const xHeightPerEm = xHeightPerEmOf(page.lines);
  const runs: TextRun[] = [];
  for (const read of page.lines) {
    const lineEm = medianEm(read.words);
    const xHeight = xHeightOf(read, lineEm, xHeightPerEm);
    const line = lineWithoutStrayMarks(read, xHeight);
    // A line of marks only (`|`, `~`, `_`: the end of a rule, a speck) is no text, and set
    // between a table's header and its first row it would end the table there.
    if (!line.words.some((word) => TEXT_OR_MARK.test(word.text))) continue;
    const lineSize = (xHeight / X_HEIGHT_SHARE) * points;
    const [, lineBaseline] = levelled(line.baseline.x0, line.baseline.y0);
    const parts = partsAtGutters(line);
    for (const part of parts) {
      // A part set in other type than the rest of the engine's line (a heading of the next
      // column that the engine joined to this column's line) takes its own size.
      const read = part.filter((w) => w.confidence >= UNREAD);
      const ratio = lineEm > 0 && read.length > 0 ? medianEm(read) / lineEm : 1;
      const own = read.map((w) => w.text).join('').length >= MIN_RESIZED_CHARS && Math.abs(ratio - 1) > OWN_SIZE_SHARE;
      const size = own ? lineSize * ratio : lineSize;
      // The engine gives one baseline for the line; the parts of two columns it joined
      // each sit on their own, which their words show.
      const baseline = (parts.length > 1 ? baselineOfWords(part, levelled) : null) ?? lineBaseline;
      for (const word of part) {
        const [x] = levelled(word.x0, baselineAt(line, word.x0));
        const run: TextRun = {
          text: word.text,
          x: x * points,
          y: top - baseline * points,
          width: (word.x1 - word.x0) * cos * points,
          size,
          bold: word.bold ?? false,
          italic: word.italic ?? false,
          confidence: word.confidence,
        };
        runs.push(...withPlainPunctuation(run));
      }
    }
  }
  return { runs, top, width: width * points };
}

/**
 * Each line's x-height (pixels) as `xHeightOf` settles it: the engine's fit unless the
 * line's word boxes say it is far off (a line joined across two columns).
 */
export function lineXHeights(lines: readonly OcrLine[]): Map<OcrLine, number> {
  const xHeightPerEm = xHeightPerEmOf(lines);
  return new Map(lines.map((line) => [line, xHeightOf(line, medianEm(line.words), xHeightPerEm)]));
}

// The engine's x-height of a line is believed while it is within this share of what the line's word boxes show.
const XHEIGHT_AGREES = 0.2;

/**
 * The x-height of a line's type (pixels). The engine measures it from the letters, which
 * is the surer measure, but on a line it joined across two columns (their baselines a few
 * pixels apart, or a heading beside body text) its fit comes out far off: there the
 * height of the words' boxes tells, scaled as the page's other lines scale it.
 */
function xHeightOf(line: OcrLine, lineEm: number, xHeightPerEm: number): number {
  if (lineEm <= 0 || xHeightPerEm <= 0) return line.xHeight;
  const fromBoxes = lineEm * xHeightPerEm;
  return Math.abs(line.xHeight - fromBoxes) <= XHEIGHT_AGREES * fromBoxes ? line.xHeight : fromBoxes;
}

/** How the engine's x-heights compare to the type sizes word boxes imply, over the page's lines (median). */
function xHeightPerEmOf(lines: readonly OcrLine[]): number {
  const ratios = lines
    .map((line) => {
      const em = medianEm(line.words);
      return em > 0 ? line.xHeight / em : 0;
    })
    .filter((ratio) => ratio > 0)
    .sort((a, b) => a - b);
  return ratios.length === 0 ? X_HEIGHT_SHARE : ratios[Math.floor(ratios.length / 2)]!;
}

// Letters and marks that reach below the baseline.
const DESCENDS = /[gjpqyQ(),;[\]{}|@$§µ/]/u;

/**
 * The baseline the words stand on (pixels, levelled): where words without descenders end.
 * Null when none tells. Only letters and figures tell: the engine's box of a sign it has no
 * letter for (½, read from its shape) reaches well below the line.
 */
function baselineOfWords(
  words: readonly OcrWord[],
  levelled: (x: number, y: number) => [number, number],
): number | null {
  const bottoms = words
    .filter((word) => /[\p{L}0-9]/u.test(word.text) && !DESCENDS.test(word.text))
    .map((word) => levelled((word.x0 + word.x1) / 2, word.y1)[1])
    .sort((a, b) => a - b);
  return bottoms.length === 0 ? null : bottoms[Math.floor(bottoms.length / 2)]!;
}

const TRAILING_PUNCTUATION = /^(.*[\p{L}\p{N}])([.,;:!?]+)$/u;

/**
 * A bold or italic word's trailing punctuation as a plain run of its own: type style is
 * measured per word, and the full stop after an emphasised phrase is not part of it.
 */
function withPlainPunctuation(run: TextRun): TextRun[] {
  const match = run.bold || run.italic ? TRAILING_PUNCTUATION.exec(run.text) : null;
  if (!match) return [run];
  const share = match[1]!.length / run.text.length;
  return [
    { ...run, text: match[1]!, width: run.width * share },
    {
      ...run,
      text: match[2]!,
      x: run.x + run.width * share,
      width: run.width * (1 - share),
      bold: false,
      italic: false,
    },
  ];
}

// Words further apart than this many x-heights stand in different columns or cells.
const GUTTER = 2.5;
// A part's own measure must differ this much from its line's, over this many letters, to count.
const OWN_SIZE_SHARE = 0.12;
const MIN_RESIZED_CHARS = 4;

/** The words of a line in runs separated by gutters (the engine may join lines of two columns). */
function partsAtGutters(line: OcrLine): OcrWord[][] {
  const parts: OcrWord[][] = [];
  let previous: OcrWord | null = null;
  for (const word of line.words) {
    if (!previous || word.x0 - previous.x1 > GUTTER * line.xHeight) parts.push([word]);
    else parts[parts.length - 1]!.push(word);
    previous = word;
  }
  return parts;
}

// A line holds text when a word of it has a letter, a figure or an answer mark.
const TEXT_OR_MARK = /[\p{L}\p{N}✓✗✔✘]/u;

// Words read at a lower confidence than this do not measure the type, while this many others do.
const UNREAD = 0.3;
const MIN_READ_WORDS = 2;

// The dots of i and j stand about as high as ascenders, and the engine's word box takes them in;
// a fraction (½, read from its shape) stands as high as figures.
const RISES = /[A-Z0-9bdfhijklt\u00BC-\u00BE\u2150-\u215E]/u;
const FALLS = /[gjpqy]/;

/**
 * The type size a word's box implies (pixels), from the letters it holds: a word with
 * capitals or ascenders rises to about 0.72 of the size, one with descenders falls 0.21 below.
 */
function emOf(word: OcrWord): number {
  const letters = word.text.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters === '') return 0;
  const extent = (RISES.test(letters) ? ASCENDER_SHARE : X_HEIGHT_SHARE) + (FALLS.test(letters) ? DESCENDER_SHARE : 0);
  return (word.y1 - word.y0) / extent;
}

function medianEm(words: readonly OcrWord[]): number {
  // A word the engine could not read (a tick and a half in two cells read as one "o" at
  // confidence 0) is boxed around whatever it looked at: its box says nothing of the type.
  const read = words.filter((word) => word.confidence >= UNREAD && emOf(word) > 0);
  const ems = (read.length >= MIN_READ_WORDS ? read : words)
    .map(emOf)
    .filter((em) => em > 0)
    .sort((a, b) => a - b);
  return ems.length === 0 ? 0 : ems[Math.floor(ems.length / 2)]!;
}

/** The page's skew in radians: the length-weighted median slope of its long baselines. */
function skewOf(lines: readonly OcrLine[], width: number): number {
  const votes = lines
    .map((line) => ({
      length: line.baseline.x1 - line.baseline.x0,
      angle: Math.atan2(line.baseline.y1 - line.baseline.y0, line.baseline.x1 - line.baseline.x0),
    }))
    .filter((vote) => vote.length >= SKEW_LINE_SHARE * width && Math.abs(vote.angle) < 0.2)
    .sort((a, b) => a.angle - b.angle);
  const total = votes.reduce((sum, vote) => sum + vote.length, 0);
  let seen = 0;
  for (const vote of votes) {
    seen += vote.length;
    if (seen >= total / 2) return vote.angle;
  }
  return 0;
}

// Measured sizes within this share of a size read often are that size set in the same type,
// unless a gap of this share lies between neighbouring measured sizes (a pixel of x-height is
// about 4 % of body text at 300 dpi, so the measures of one size stand in steps of that).
const SAME_SIZE = 0.1;
const SIZE_GAP = 0.07;

/**
 * Sizes measured from the picture wander a few per cent from line to line; the layout
 * step tells headings from text, and one paragraph from the next, by size, so each
 * measured size is replaced by the mean of the sizes around it (the document's few
 * real type sizes). The sizes read most often are taken first, each with the measures
 * around it, so one size is not cut in two where its measures happen to start.
 */
export function ocrSizesSettled(runs: TextRun[]): void {
  const sizes = [...new Set(runs.map((run) => run.size))].sort((a, b) => a - b);
  const weight = new Map<number, number>();
  for (const run of runs) weight.set(run.size, (weight.get(run.size) ?? 0) + run.text.length);
  const settled = new Map<number, number>();
  const byWeight = [...sizes].sort((a, b) => weight.get(b)! - weight.get(a)! || a - b);
  for (const centre of byWeight) {
    if (settled.has(centre)) continue;
    const at = sizes.indexOf(centre);
    let [from, to] = [at, at];
    const joins = (i: number, neighbour: number): boolean =>
      i >= 0 &&
      i < sizes.length &&
      !settled.has(sizes[i]!) &&
      Math.abs(sizes[i]! - centre) <= SAME_SIZE * centre &&
      Math.abs(sizes[i]! - sizes[neighbour]!) <= SIZE_GAP * Math.min(sizes[i]!, sizes[neighbour]!);
    while (joins(from - 1, from)) from -= 1;
    while (joins(to + 1, to)) to += 1;
    const group = sizes.slice(from, to + 1);
    const total = group.reduce((sum, size) => sum + weight.get(size)!, 0);
    const mean = group.reduce((sum, size) => sum + size * weight.get(size)!, 0) / total;
    for (const size of group) settled.set(size, Math.round(mean * 2) / 2);
  }
  for (const run of runs) run.size = settled.get(run.size) ?? run.size;
}
