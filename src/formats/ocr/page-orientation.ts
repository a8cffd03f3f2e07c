import type { GrayImage } from './gray-image.js';
import type { OcrPage } from './ocr-engine.js';

/** How far a page is turned clockwise from upright, in quarter turns (3: a quarter to the left). */
export type QuarterTurns = 0 | 1 | 2 | 3;

/** What the shape of a page's ink says about which way up it is. */
export interface OrientationEvidence {
  /** The turn the ink points to. */
  turned: QuarterTurns;
  /** How much more the ink steps from band to band across the lines of text than along them (1: no lines to see). */
  lineContrast: number;
  /**
   * Over the lines of text as `turned` has them: (ink above the band of small letters − ink
   * below it) / both. Latin letters rise above that band far more often than they hang below
   * it (b d f h k l t and capitals against g j p q y), so upright text gives about +0.5 and
   * text upside down about −0.5; capitals, digits and short pages give little either way.
   */
  tallOverDeep: number;
  /** Pieces of lines of text measured (a line counts once per inch of its length). */
  linePieces: number;
  /** The ink alone settles the turn: clear lines, clearly rising letters, enough of them. */
  sure: boolean;
}

// Ink is measured at about this resolution: letters keep their rising and hanging strokes, and a page costs little.
const WORK_DPI = 150;
// Ink is darker than this share of the paper around it (uneven light and a photo's dark surround are not ink).
const INK_SHARE = 0.6;
// Rules are followed through pixels darker than this share of the paper, so a rule drawn in
// grey or smoothed at its edges goes whole rather than leaving dashes that pass for letters.
const RULE_SHARE = 0.85;
// Paper brightness is taken per square of this many inches.
const PAPER_CELL_IN = 0.1;
// Straight runs of ink longer than this are rules, box edges or a photo's page edge, not letters.
const RULE_IN = 0.3;
// At most this many ink pixels vote: plenty for a page's lines, and cheap.
const MAX_VOTES = 40_000;
// Rows of ink are counted in bands of this many work pixels when looking for the lines' direction.
const BAND = 2;
// Steps of ink are measured between bands this far apart: about half the height of a small letter.
const STEP_LAG_IN = 0.05;
// A page's text may run up to this far off its axis (as page-skew.ts levels it).
const MAX_SKEW_DEG = 6;
// Lines are profiled in slices this wide across the page, so a slight skew does not blur them.
const SLICE_IN = 1;
// A line of text is this tall, from its rising to its hanging strokes (smaller: dirt; larger: a picture).
const LINE_HEIGHT_IN: readonly [number, number] = [0.04, 0.6];
// Rows with less ink than this share of a slice's densest row lie between lines (specks, a rule's remains).
const LINE_GAP_SHARE = 0.03;
// Rows at least this share of a line's densest row are its band of small letters.
const SMALL_LETTERS_SHARE = 0.4;
// Measured on 40 pages (scans, a fax, photos, born-digital pages; English, Spanish, French,
// Portuguese) and every page of the 93 born-digital report PDFs of fixtures/ and eval/, each in
// 4 turns: the lines' direction was right on every page, its contrast 3.6 or more but for a
// page of three short lines (2.4); the only wrong up-or-down came from that page; with 20
// pieces of lines or more, |tallOverDeep| was 0.14 or more the right way but for one page of a
// lone table of Yes/No/Partly (0.01). So none was sure and wrong, and about one upright page
// in twelve was left unsure.
const SURE_LINE_CONTRAST = 2;
const SURE_TALL_OVER_DEEP = 0.25;
const SURE_LINE_PIECES = 20;

/**
 * Which way up the page is, from its ink alone: lines of text give a sharp profile of ink
 * across them and a flat one along them, which tells upright or upside down (0/180°) from
 * sideways (90/270°); then the letters rising above the lines against those hanging below
 * tell up from down. About 50 ms of one core for a 300 dpi page, whatever engine reads it.
 */
export function orientationEvidence(image: GrayImage): OrientationEvidence {
  const ink = inkPoints(image);
  const unsure: OrientationEvidence = { turned: 0, lineContrast: 1, tallOverDeep: 0, linePieces: 0, sure: false };
  if (ink.xs.length < 200) return unsure;
  const rows = sharpestNear(ink, 0);
  const columns = sharpestNear(ink, Math.PI / 2);
  const sideways = columns.steps > rows.steps;
  const lineContrast = Math.max(rows.steps, columns.steps) / Math.max(1, Math.min(rows.steps, columns.steps));
  const { tallOverDeep, linePieces } = lineShapes(ink, sideways ? columns.angle : rows.angle);
  // In the frame turned by that angle, text reading upright has its rising strokes above.
  const turned: QuarterTurns = sideways ? (tallOverDeep >= 0 ? 1 : 3) : tallOverDeep >= 0 ? 0 : 2;
  const sure =
    lineContrast >= SURE_LINE_CONTRAST &&
    Math.abs(tallOverDeep) >= SURE_TALL_OVER_DEEP &&
    linePieces >= SURE_LINE_PIECES;
  return { turned, lineContrast, tallOverDeep, linePieces, sure };
}

/** The page turned clockwise by `turns` quarter turns (no resampling: every pixel moves whole). */
export function grayTurned(image: GrayImage, turns: QuarterTurns): GrayImage {
  if (turns === 0) return image;
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels.length);
  if (turns === 2) {
    for (let i = 0, j = pixels.length - 1; i < pixels.length; i++, j--) out[j] = pixels[i]!;
    return { ...image, pixels: out };
  }
  // A quarter turn: the picture's rows become columns, so width and height swap.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const to = turns === 1 ? x * height + (height - 1 - y) : (width - 1 - x) * height + y;
      out[to] = pixels[row + x]!;
    }
  }
  return { width: height, height: width, pixels: out, dpi: image.dpi };
}

const QUARTER_TURNS = [0, 1, 2, 3] as const;

/** `turned` and then `more` quarter turns clockwise. */
function turnedOn(turned: QuarterTurns, more: number): QuarterTurns {
  return QUARTER_TURNS[(((turned + more) % 4) + 4) % 4]!;
}

/** The turn that brings a page turned by `turned` back upright. */
function turnsBack(turned: QuarterTurns): QuarterTurns {
  return turnedOn(0, -turned);
}

/** Ink pixels of the page at the work resolution, centred on the page's middle. */
interface InkPoints {
  xs: Float32Array;
  ys: Float32Array;
  width: number;
  height: number;
  dpi: number;
}

/**
 * The page's ink at about 150 dpi: pixels clearly darker than the paper around them, less
 * the long straight runs of rules, box edges and a photographed page's edge (those line up
 * along both axes and would drown the letters' evidence), thinned to at most MAX_VOTES.
 */
function inkPoints(image: GrayImage): InkPoints {
  const factor = Math.max(1, Math.round(image.dpi / WORK_DPI));
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const dpi = image.dpi / factor;
  const gray = grayReduced(image, factor, width, height);
  const { mark, count } = inkMarked(
    gray,
    width,
    height,
    Math.max(4, Math.round(PAPER_CELL_IN * dpi)),
    Math.round(RULE_IN * dpi),
  );
  const stride = Math.max(1, Math.ceil(count / MAX_VOTES));
  const votes = Math.ceil(count / stride);
  const xs = new Float32Array(votes);
  const ys = new Float32Array(votes);
  let skip = 0;
  let n = 0;
  for (let y = 0; y < height && n < votes; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (mark[i] !== INK || skip-- > 0) continue;
      skip = stride - 1;
      xs[n] = x - width / 2;
      ys[n] = y - height / 2;
      if (++n === votes) break;
    }
  }
  return { xs: xs.subarray(0, n), ys: ys.subarray(0, n), width, height, dpi };
}

/** The page at 1/factor of its resolution, each pixel the mean of the square it stands for. */
function grayReduced(image: GrayImage, factor: number, width: number, height: number): Uint8Array {
  const { pixels } = image;
  if (factor === 1 && width === image.width) return pixels;
  const out = new Uint8Array(width * height);
  if (factor === 2) {
    // The usual case (a 300 dpi page), without the general loop's bookkeeping.
    for (let y = 0; y < height; y++) {
      let top = 2 * y * image.width;
      let bottom = top + image.width;
      for (let x = 0, at = y * width; x < width; x++, at++, top += 2, bottom += 2)
        out[at] = (pixels[top]! + pixels[top + 1]! + pixels[bottom]! + pixels[bottom + 1]!) / 4;
    }
    return out;
  }
  const sums = new Uint32Array(width);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const from = (y * factor + dy) * image.width;
      for (let x = 0, at = from; x < width; x++) for (let dx = 0; dx < factor; dx++) sums[x]! += pixels[at++]!;
    }
    for (let x = 0; x < width; x++) out[y * width + x] = sums[x]! / area;
  }
  return out;
}

/**
 * 1 where a pixel is ink (darker than INK_SHARE of the brightest paper in its cell and the
 * eight cells around it, so uneven light and a photo's dark surround are not ink), 2 where
 * it belongs to a straight run of faint ink (RULE_SHARE) longer than `rule` across or down
 * the page, 4 for faint ink outside such runs, 0 elsewhere. `count` counts the 1s.
 */
const [INK, RULE, FAINT] = [1, 2, 4];

function inkMarked(
  gray: Uint8Array,
  width: number,
  height: number,
  cell: number,
  rule: number,
): { mark: Uint8Array; count: number } {
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const brightest = new Uint8Array(cols * rows);
  const cellOf = new Int32Array(width);
  for (let x = 0; x < width; x++) cellOf[x] = Math.floor(x / cell);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cols;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const k = row + cellOf[x]!;
      if (gray[i]! > brightest[k]!) brightest[k] = gray[i]!;
    }
  }
  // A cell all ink (a bold letter, a filled box) takes the paper of its neighbours.
  const paperInverse = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let most = 0;
      for (let dr = Math.max(0, r - 1); dr <= Math.min(rows - 1, r + 1); dr++)
        for (let dc = Math.max(0, c - 1); dc <= Math.min(cols - 1, c + 1); dc++)
          most = Math.max(most, brightest[dr * cols + dc]!);
      paperInverse[r * cols + c] = 1 / most;
    }
  }
  const mark = new Uint8Array(width * height);
  let count = 0;
  // Where the run of ink now open in each column began (-1: none open).
  const downFrom = new Int32Array(width).fill(-1);
  const closeDown = (x: number, y: number) => {
    const from = downFrom[x]!;
    if (from >= 0 && y - from > rule) {
      for (let k = from; k < y; k++) {
        if (mark[k * width + x] === INK) count--;
        mark[k * width + x] = RULE;
      }
    }
    downFrom[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cols;
    let acrossFrom = -1;
    for (let x = 0, i = y * width; x <= width; x++, i++) {
      const level = x < width ? gray[i]! * paperInverse[row + cellOf[x]!]! : 1;
      if (level < RULE_SHARE) {
        if (level < INK_SHARE) {
          mark[i] = INK;
          count++;
        } else mark[i] = FAINT;
        if (acrossFrom < 0) acrossFrom = x;
        if (downFrom[x]! < 0) downFrom[x] = y;
        continue;
      }
      if (acrossFrom >= 0 && x - acrossFrom > rule) {
        for (let k = y * width + acrossFrom; k < i; k++) if (mark[k] === INK) count--;
        mark.fill(RULE, y * width + acrossFrom, i);
      }
      acrossFrom = -1;
      if (x < width) closeDown(x, y);
    }
  }
  for (let x = 0; x < width; x++) closeDown(x, height);
  return { mark, count };
}

/**
 * The angle near `centre` whose bands of ink are sharpest (sum of squared counts per vote),
 * and how much the ink steps from band to band a few bands apart there. Lines of text step
 * at each line's edges across them, and hardly at all along them, where the letters of many
 * lines average out; a block of text or a narrow column, stepping only at its ends, adds
 * little either way, whereas it can make the plain sharpness of a narrow column's profile
 * along the lines as high as across them.
 */
function sharpestNear(ink: InkPoints, centre: number): { angle: number; steps: number } {
  const { xs, ys } = ink;
  const reach = ink.width + ink.height;
  const bands = new Float64Array(Math.ceil(reach / BAND) + 2);
  const sharpness = (angle: number): number => {
    bands.fill(0);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    for (let i = 0; i < xs.length; i++) bands[Math.floor((ys[i]! * cos - xs[i]! * sin + reach / 2) / BAND)]! += 1;
    let sum = 0;
    for (const count of bands) sum += count * count;
    return sum / xs.length;
  };
  const degree = Math.PI / 180;
  let best = { angle: centre, score: sharpness(centre) };
  const search = (around: number, span: number, step: number) => {
    for (let d = -span; d <= span + 1e-9; d += step) {
      const angle = around + d * degree;
      const score = sharpness(angle);
      if (score > best.score) best = { angle, score };
    }
  };
  search(centre, MAX_SKEW_DEG, 0.5);
  search(best.angle, 0.5, 0.1);
  sharpness(best.angle);
  const lag = Math.max(1, Math.round((STEP_LAG_IN * ink.dpi) / BAND));
  let steps = 0;
  for (let k = lag; k < bands.length; k++) steps += (bands[k]! - bands[k - lag]!) ** 2;
  return { angle: best.angle, steps: steps / xs.length };
}

/**
 * Ink above and below the band of small letters, over the page's lines of text as they
 * stand once turned by `angle` (the direction across the lines). Each inch-wide slice of
 * the page is profiled on its own, so a slightly skewed page's lines stay apart.
 */
function lineShapes(ink: InkPoints, angle: number): { tallOverDeep: number; linePieces: number } {
  const { xs, ys, dpi } = ink;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const reach = ink.width + ink.height;
  const slice = Math.max(8, Math.round(SLICE_IN * dpi));
  const slices = Math.ceil(reach / slice) + 1;
  const rows = Math.ceil(reach) + 2;
  const profile = new Float64Array(slices * rows);
  for (let i = 0; i < xs.length; i++) {
    const across = ys[i]! * cos - xs[i]! * sin + reach / 2;
    const along = xs[i]! * cos + ys[i]! * sin + reach / 2;
    profile[Math.floor(along / slice) * rows + Math.floor(across)]! += 1;
  }
  const [shortest, tallest] = [LINE_HEIGHT_IN[0] * dpi, LINE_HEIGHT_IN[1] * dpi];
  let above = 0;
  let below = 0;
  let linePieces = 0;
  for (let s = 0; s < slices; s++) {
    const base = s * rows;
    let most = 0;
    for (let y = 0; y < rows; y++) most = Math.max(most, profile[base + y]!);
    const gap = most * LINE_GAP_SHARE;
    let y = 0;
    while (y < rows) {
      if (profile[base + y]! <= gap) {
        y++;
        continue;
      }
      const top = y;
      let densest = 0;
      while (y < rows && profile[base + y]! > gap) densest = Math.max(densest, profile[base + y++]!);
      const bottom = y - 1;
      if (bottom - top + 1 < shortest || bottom - top + 1 > tallest) continue;
      let bandTop = top;
      while (profile[base + bandTop]! < SMALL_LETTERS_SHARE * densest) bandTop++;
      let bandBottom = bottom;
      while (profile[base + bandBottom]! < SMALL_LETTERS_SHARE * densest) bandBottom--;
      for (let k = top; k < bandTop; k++) above += profile[base + k]!;
      for (let k = bandBottom + 1; k <= bottom; k++) below += profile[base + k]!;
      linePieces++;
    }
  }
  return { tallOverDeep: (above - below) / Math.max(1, above + below), linePieces };
}

// A read of at least this many letters and digits, at this mean confidence, is a page read the right way up:
// text read upside down or sideways comes back as a scatter of marks at about 0.3-0.5.
const READS_WELL = { letters: 20, confidence: 0.7 };
// Another turn's read replaces the first only with this many more letters, each weighted by its confidence.
const BETTER_READ = 1.3;

/**
 * The page read the right way up. `read` reads a picture of the page turned upright (it is
 * given the turned picture, which it may clean and level as it likes). Most pages are settled
 * by their ink alone (orientationEvidence) and read once. A page the ink leaves unsure of (a
 * few short lines, a table of capitals and digits, a script whose letters neither rise nor
 * hang) is read in the turn its ink leans to; only when that read comes back poor is it read
 * again upside down (and, if even the lines' direction was unclear, in both sideways turns),
 * and the read with the most letters, weighted by the engine's confidence, is kept.
 */
export async function pageReadUpright<Page extends OcrPage>(
  image: GrayImage,
  read: (upright: GrayImage) => Promise<Page>,
): Promise<Page & { turned: QuarterTurns }> {
  const evidence = orientationEvidence(image);
  const readTurned = async (turned: QuarterTurns) => ({
    ...(await read(grayTurned(image, turnsBack(turned)))),
    turned,
  });
  const first = await readTurned(evidence.turned);
  if (evidence.sure || evidence.linePieces === 0 || readsWell(first)) return first;
  const others = [turnedOn(evidence.turned, 2)];
  if (evidence.lineContrast < SURE_LINE_CONTRAST)
    others.push(turnedOn(evidence.turned, 1), turnedOn(evidence.turned, 3));
  let best = { page: first, letters: lettersRead(first).weighted };
  for (const turned of others) {
    const page = await readTurned(turned);
    const letters = lettersRead(page).weighted;
    if (letters > best.letters * BETTER_READ) best = { page, letters };
  }
  return best.page;
}

function readsWell(page: OcrPage): boolean {
  const { count, weighted } = lettersRead(page);
  return count >= READS_WELL.letters && weighted >= count * READS_WELL.confidence;
}

/** Letters and digits read, and their sum weighted by each one's word's confidence. */
function lettersRead(page: OcrPage): { count: number; weighted: number } {
  let count = 0;
  let weighted = 0;
  for (const line of page.lines) {
    for (const word of line.words) {
      const letters = word.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
      count += letters;
      weighted += letters * word.confidence;
    }
  }
  return { count, weighted };
}
