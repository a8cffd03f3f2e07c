import { WHITE_WORD, whiteWords, type GrayImage } from './gray-image.js';

/** Mask bits: a pixel of a horizontal rule, of a vertical rule. */
export const ACROSS = 1;
export const DOWN = 2;

// Darker than this is ink; rules are often printed grey, and scanned through JPEG lighter still.
export const INK = 200;
// Gaps this long (pixels) do not break a rule: noise, JPEG and dust chip scanned rules.
const GAP = 3;
// ...but a rule has ink along at least this share of its length. The round tops (and
// bottoms) of a word's letters in small or soft type, bridged over the gaps between
// them, make a thin line too, with ink along 60-86 % of it on the eval's scans and
// photos; their rules have 97 % or more.
const LEAST_INK_ALONG = 0.9;
// A rule is at most 1/30 inch thick (2.4 pt); a line of text (whose serifs can touch at
// the baseline for a whole word) is thicker than that at more than this share of its length.
const THICKEST_RULE_PER_INCH = 30;
// A heavy rule, up to 1/24 inch thick (3 pt), is a rule when it runs an inch or more: a table
// drawn in 2.25 pt borders comes off a 150 dpi fax 1/27 inch thick, the fax's dots fattening
// every stroke, while the serifs of a word touching at the baseline (a photo's soft type
// makes them 1/25 inch thick) run a word's length. Only lines apart from the usual rules
// count, and only a page with such rules has its vertical rules looked for as heavy too.
const HEAVIEST_RULE_PER_INCH = 24;
const HEAVY_RULE_INCH = 1;
const THICK_SHARE = 0.3;
// A horizontal line this share of the page width long is a rule, not a letter.
const RULE_WIDTH_SHARE = 1 / 25;
// A vertical line this share of the page height long is a side of a table's cell or a
// box when both its ends meet horizontal rules; on its own it must be as long as a
// tenth of the page, longer than any letter of a large title. A letter's stem standing
// on a rule meets it at one end only.
const RULE_HEIGHT_SHARE = 1 / 150;
const LONE_RULE_HEIGHT_SHARE = 1 / 10;
// How near (pixels) a vertical rule's end must come to a horizontal rule to meet it.
const MEET = 4;
// A rule on a page scanned askew is a staircase of runs, each a pixel row (or column)
// further over; runs at least this long (inches) are joined up into the line again.
const STEP_INCH = 1 / 20;

/** The pixels of a page's ruling lines. */
export interface RuleMask {
  /** Per pixel of the page: `ACROSS` (horizontal rule), `DOWN` (vertical rule), both or none. */
  rules: Uint8Array;
  /** The indices of the pixels that have each bit, to visit them without reading the whole page. */
  across: Int32Array;
  down: Int32Array;
}

/**
 * Which pixels of the page belong to ruling lines: long thin lines of ink across the
 * page, and the vertical lines of grids, boxes and margins.
 */
export function ruleMask(image: GrayImage): RuleMask {
  const { width, height, dpi } = image;
  const rules = new Uint8Array(width * height);
  const usual = Math.max(3, Math.round(dpi / THICKEST_RULE_PER_INCH));
  const heaviest = Math.max(usual, Math.round(dpi / HEAVIEST_RULE_PER_INCH));
  const step = Math.max(GAP + 2, Math.round(dpi * STEP_INCH));
  const minWidth = Math.max(20, Math.round(width * RULE_WIDTH_SHARE));
  // The usual and the heavy horizontal rules are looked for among the same runs.
  const rows = rowRuns(image, step);
  const thin = markLines(image, rules, ACROSS, rows, usual, minWidth, (line) => line.length >= minWidth);
  const heavyLength = Math.max(minWidth, Math.round(dpi * HEAVY_RULE_INCH));
  const heavy =
    heaviest > usual
      ? markLines(image, rules, ACROSS, rows, heaviest, heavyLength, (line) => line.length >= heavyLength, true)
      : new Int32Array(0);
  const across = heavy.length === 0 ? thin : Int32Array.from([...thin, ...heavy]);
  const thickest = heavy.length === 0 ? usual : heaviest;
  const minHeight = Math.max(20, Math.round(height * RULE_HEIGHT_SHARE));
  const loneHeight = Math.round(height * LONE_RULE_HEIGHT_SHARE);
  const meetsRule = (x: number, y: number): boolean => {
    for (let row = Math.max(0, y - MEET); row <= Math.min(height - 1, y + MEET); row++) {
      for (let col = Math.max(0, x - MEET); col <= Math.min(width - 1, x + MEET); col++)
        if ((rules[row * width + col]! & ACROSS) !== 0) return true;
    }
    return false;
  };
  // Where horizontal rules cross or meet a vertical line, counted once per rule: a side of
  // a table's cells whose top ends on something else (a dark header band) still crosses
  // the rules between the rows below it; a letter's stem reaches one rule at most.
  // Rows holding pixels of horizontal rules, counted down the page: the stems of letters are
  // vertical lines too, and most stand in rows no rule comes near.
  const rowsWithRuleAbove = new Int32Array(height + 1);
  for (const i of across) rowsWithRuleAbove[Math.floor(i / width) + 1] = 1;
  for (let y = 0; y < height; y++) rowsWithRuleAbove[y + 1]! += rowsWithRuleAbove[y]!;
  const meetsTwoRules = (line: JoinedLine, runs: Runs): boolean => {
    const [top, bottom] = [Math.max(0, line.first - MEET), Math.min(height - 1, line.last + MEET)];
    if (rowsWithRuleAbove[bottom + 1] === rowsWithRuleAbove[top]) return false;
    const ends = [meetsRule(line.firstAt, line.first), meetsRule(line.lastAt, line.last)];
    if (ends[0] && ends[1]) return true;
    const ys: number[] = [];
    if (ends[0]) ys.push(line.first);
    if (ends[1]) ys.push(line.last);
    for (const r of line.runs) {
      const x = runs.line[r]!;
      for (let y = runs.start[r]!; y < runs.end[r]!; y++) {
        const i = y * width + x;
        if (((rules[i]! | (x > 0 ? rules[i - 1]! : 0) | (x + 1 < width ? rules[i + 1]! : 0)) & ACROSS) !== 0)
          ys.push(y);
      }
    }
    ys.sort((p, q) => p - q);
    let count = 0;
    for (let k = 0; k < ys.length; k++) if (k === 0 || ys[k]! - ys[k - 1]! > MEET) count++;
    return count >= 2;
  };
  const down = markLines(
    image,
    rules,
    DOWN,
    columnRuns(image, step),
    thickest,
    minHeight,
    (line, runs) => line.length >= loneHeight || (line.length >= minHeight && meetsTwoRules(line, runs)),
    false,
    heavy.length > 0,
  );
  return { rules, across, down };
}

/** A line of ink joined up from runs: where it starts and ends along its direction. */
interface Line {
  length: number;
  /** First and last pixel along the line (x of a horizontal line), and across it there. */
  first: number;
  firstAt: number;
  last: number;
  lastAt: number;
}

/**
 * Marks the lines of one direction that `isRule` accepts. A line is made of `runs` of ink
 * along that direction in neighbouring pixel rows (or columns) that overlap; only thin
 * runs take part, so a line of text does not join a rule it touches. Thinness is only
 * measured where runs of any kind join up into something long enough to be a rule. With
 * `apart`, a line touching a rule already marked is left to it; with `crossingsLeftOut`,
 * where rules of the other direction cross does not count towards thickness.
 */
function markLines(
  image: GrayImage,
  rules: Uint8Array,
  kind: number,
  runs: Runs,
  thickest: number,
  shortestLine: number,
  isRule: (line: JoinedLine, runs: Runs) => boolean,
  apart = false,
  crossingsLeftOut = false,
): Int32Array {
  const { width, height, pixels } = image;
  const across = kind === ACROSS;
  const count = runs.line.length;
  const stride = across ? 1 : width;
  const pixel = (line: number, at: number): number => (across ? line * width + at : at * width + line);
  // Ink across the line at a pixel, counted up to one more than a rule's thickness.
  const crossStep = across ? width : 1;
  const thickAt = (i: number, line: number): boolean => {
    let extent = 1;
    const low = across ? i % width : i - line;
    const high = across ? low + (height - 1) * width : low + width - 1;
    for (let j = i - crossStep; extent <= thickest && j >= low && pixels[j]! < INK; j -= crossStep) extent++;
    for (let j = i + crossStep; extent <= thickest && j <= high && pixels[j]! < INK; j += crossStep) extent++;
    return extent > thickest;
  };
  const crossing = crossingsLeftOut ? (across ? DOWN : ACROSS) : 0;
  const long = runsOfLongLines(runs, shortestLine);
  const thin = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    if (long[r] !== 1) continue;
    let thick = 0;
    let measured = 0;
    const end = pixel(runs.line[r]!, runs.end[r]!);
    for (let i = pixel(runs.line[r]!, runs.start[r]!); i < end; i += stride) {
      // Where a heavy rule of the other direction crosses, the line is as wide as that rule
      // is long: no thickness of its own. A grid of heavy rules around rows set tight is
      // crossings for a fifth of its sides' length.
      if ((rules[i]! & crossing) !== 0) continue;
      measured++;
      if (thickAt(i, runs.line[r]!)) thick++;
    }
    if (thick < THICK_SHARE * measured) thin[r] = 1;
  }
  const marked: number[] = [];
  const touchesMarked = (r: number): boolean => {
    const end = pixel(runs.line[r]!, runs.end[r]!);
    for (let i = pixel(runs.line[r]!, runs.start[r]!); i < end; i += stride) if ((rules[i]! & kind) !== 0) return true;
    return false;
  };
  for (const line of joinedLines(runs, thin)) {
    if (!isRule(line, runs) || inkAlong(image, line, runs, across) < LEAST_INK_ALONG) continue;
    if (apart && line.runs.some((r) => touchesMarked(r))) continue;
    for (const r of line.runs) {
      const end = pixel(runs.line[r]!, runs.end[r]!);
      for (let i = pixel(runs.line[r]!, runs.start[r]!); i < end; i += stride) {
        if (pixels[i]! >= INK) continue;
        rules[i]! |= kind;
        marked.push(i);
      }
    }
  }
  return Int32Array.from(marked);
}

/**
 * The share of a line's length where it has ink (runs bridge gaps of GAP pixels, which
 * the line's own pixels do not fill).
 */
function inkAlong(image: GrayImage, line: JoinedLine, runs: Runs, across: boolean): number {
  const { width, pixels } = image;
  const inked = new Uint8Array(line.length);
  for (const r of line.runs) {
    const at = runs.line[r]!;
    for (let along = runs.start[r]!; along < runs.end[r]!; along++) {
      if (pixels[across ? at * width + along : along * width + at]! < INK) inked[along - line.first] = 1;
    }
  }
  let count = 0;
  for (const mark of inked) count += mark;
  return count / line.length;
}

/** A line with the runs it is made of. */
type JoinedLine = Line & { runs: number[] };

/** The lines that the runs marked in `taking` make, runs of neighbouring rows (columns) joined where they overlap. */
function joinedLines(runs: Runs, taking: Uint8Array): JoinedLine[] {
  const count = runs.line.length;
  const rootOf = lineRoots(runs, taking);
  const lines = new Map<number, JoinedLine>();
  for (let r = 0; r < count; r++) {
    if (taking[r] !== 1) continue;
    const id = rootOf[r]!;
    const [start, last, at] = [runs.start[r]!, runs.end[r]! - 1, runs.line[r]!];
    const line = lines.get(id);
    if (!line) {
      lines.set(id, { length: last - start + 1, first: start, firstAt: at, last, lastAt: at, runs: [r] });
      continue;
    }
    line.runs.push(r);
    if (start < line.first) [line.first, line.firstAt] = [start, at];
    if (last > line.last) [line.last, line.lastAt] = [last, at];
    line.length = line.last - line.first + 1;
  }
  return [...lines.values()];
}

/**
 * For each run marked in `taking`, one run standing for the whole line it joins into (runs
 * of neighbouring rows or columns joined where they overlap, as `joinedLines`).
 */
function lineRoots(runs: Runs, taking: Uint8Array | null): Int32Array {
  const count = runs.line.length;
  const parent = new Int32Array(count);
  for (let r = 0; r < count; r++) parent[r] = r;
  const root = (r: number): number => {
    while (parent[r] !== r) r = parent[r] = parent[parent[r]!]!;
    return r;
  };
  // Both lists of runs are in order along the line.
  for (let l = 1; l < runs.firstOfLine.length - 1; l++) {
    let a = runs.firstOfLine[l - 1]!;
    let b = runs.firstOfLine[l]!;
    const [aEnd, bEnd] = [runs.firstOfLine[l]!, runs.firstOfLine[l + 1]!];
    while (a < aEnd && b < bEnd) {
      const overlap = runs.start[a]! <= runs.end[b]! + GAP && runs.start[b]! <= runs.end[a]! + GAP;
      if (overlap && (taking === null || (taking[a] === 1 && taking[b] === 1))) parent[root(a)] = root(b);
      if (runs.end[a]! < runs.end[b]!) a++;
      else b++;
    }
  }
  for (let r = 0; r < count; r++) parent[r] = root(r);
  return parent;
}

/**
 * 1 for each run of a line (all runs joined, as `joinedLines`) at least `shortest` long
 * from its first pixel to its last. Most lines of a page are letters: their lengths are
 * kept per line in typed lists rather than as a line object each.
 */
function runsOfLongLines(runs: Runs, shortest: number): Uint8Array {
  const count = runs.line.length;
  const rootOf = lineRoots(runs, null);
  const first = new Int32Array(count).fill(0x7fffffff);
  const last = new Int32Array(count).fill(-1);
  for (let r = 0; r < count; r++) {
    const id = rootOf[r]!;
    if (runs.start[r]! < first[id]!) first[id] = runs.start[r]!;
    if (runs.end[r]! - 1 > last[id]!) last[id] = runs.end[r]! - 1;
  }
  const long = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const id = rootOf[r]!;
    if (last[id]! - first[id]! + 1 >= shortest) long[r] = 1;
  }
  return long;
}

interface Runs {
  /** The pixel row (column) of each run, its first pixel along it and the one after its last. */
  line: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Index of the first run of each pixel row (column); one more entry ends the last. */
  firstOfLine: Int32Array;
}

/** Runs of ink along each pixel row, gaps of `GAP` pixels bridged, at least `shortest` long. */
function rowRuns(image: GrayImage, shortest: number): Runs {
  const { width, height, pixels } = image;
  const found = new RunList();
  const firstOfLine = new Int32Array(height + 1);
  const push = (y: number, from: number, to: number): void => {
    if (to - from >= shortest) found.push(y, from, to);
  };
  const white = whiteWords(pixels);
  for (let y = 0; y < height; y++) {
    firstOfLine[y] = found.count;
    let from = -1;
    let last = -1;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (white !== null && (i & 3) === 0 && x + 4 <= width && white[i >> 2] === WHITE_WORD) {
        x += 3;
        i += 3;
        continue;
      }
      if (pixels[i]! >= INK) continue;
      if (from < 0 || x - last > GAP + 1) {
        if (from >= 0) push(y, from, last + 1);
        from = x;
      }
      last = x;
    }
    if (from >= 0) push(y, from, last + 1);
  }
  firstOfLine[height] = found.count;
  return { ...found.lists(), firstOfLine };
}

/**
 * Runs as they are found, in typed lists grown by doubling: a page of text holds tens of
 * thousands, which plain arrays of numbers hold at several times the cost.
 */
class RunList {
  count = 0;
  private line = new Int32Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);

  push(line: number, start: number, end: number): void {
    if (this.count === this.line.length) {
      this.line = grown(this.line);
      this.start = grown(this.start);
      this.end = grown(this.end);
    }
    this.line[this.count] = line;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }

  lists(): { line: Int32Array; start: Int32Array; end: Int32Array } {
    const n = this.count;
    return { line: this.line.subarray(0, n), start: this.start.subarray(0, n), end: this.end.subarray(0, n) };
  }
}

function grown(list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(list.length * 2);
  more.set(list);
  return more;
}

/**
 * Runs of ink down each pixel column, as `rowRuns`. The page is read row by row (its
 * memory order) with one open run per column, then the runs are put in column order.
 */
function columnRuns(image: GrayImage, shortest: number): Runs {
  const { width, height, pixels } = image;
  const from = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  const found = new RunList();
  const push = (x: number): void => {
    if (last[x]! + 1 - from[x]! >= shortest) found.push(x, from[x]!, last[x]! + 1);
  };
  const white = whiteWords(pixels);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (white !== null && (i & 3) === 0 && x + 4 <= width && white[i >> 2] === WHITE_WORD) {
        x += 3;
        i += 3;
        continue;
      }
      if (pixels[i]! >= INK) continue;
      if (from[x]! < 0 || y - last[x]! > GAP + 1) {
        if (from[x]! >= 0) push(x);
        from[x] = y;
      }
      last[x] = y;
    }
  }
  for (let x = 0; x < width; x++) if (from[x]! >= 0) push(x);
  const { line, start, end } = found.lists();
  // Counting sort by column keeps each column's runs in order down the page.
  const firstOfLine = new Int32Array(width + 1);
  for (const x of line) firstOfLine[x + 1]! += 1;
  for (let x = 0; x < width; x++) firstOfLine[x + 1]! += firstOfLine[x]!;
  const next = firstOfLine.slice(0, width);
  const sorted: Runs = {
    line: new Int32Array(line.length),
    start: new Int32Array(line.length),
    end: new Int32Array(line.length),
    firstOfLine,
  };
  for (let r = 0; r < line.length; r++) {
    const at = next[line[r]!]!++;
    sorted.line[at] = line[r]!;
    sorted.start[at] = start[r]!;
    sorted.end[at] = end[r]!;
  }
  return sorted;
}
