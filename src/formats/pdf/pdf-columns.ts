import { lineFromSegments, type LineSegment, type PdfLine } from './pdf-lines.js';

/**
 * Two-column page parts. Lines are built across the whole page width, so where a
 * page sets text in two columns each line holds a piece of both. A stretch of lines
 * that all leave one vertical strip (the gutter) empty, most of them with running
 * text on both sides of it, is read as its left column first, then its right one.
 */

interface Interval {
  from: number;
  to: number;
}

// The gutter lies in this middle share of the text width, and is at least this many font sizes wide.
const GUTTER_ZONE: Interval = { from: 0.25, to: 0.75 };
const MIN_GUTTER = 1;
// Lines with text on both sides of the gutter needed to call a stretch two-column.
const MIN_SPLIT_LINES = 3;
// On such lines each side holds at most a number and a run of text at least this share of the text width
// (table rows, with many narrow cells, do not).
const MIN_TEXT_SHARE = 0.2;
// Word gaps of one justified line differ by less than this share of the font size.
const JUSTIFIED_GAP_SPREAD = 0.15;
// Segment starts this close (share of the font size), on half the lines of a stretch, are a table column.
const ALIGN_TOLERANCE = 0.2;

/** One page's lines (top to bottom) in reading order. */
export function linesInReadingOrder(lines: readonly PdfLine[]): PdfLine[] {
  if (lines.length < MIN_SPLIT_LINES) return [...lines];
  const left = Math.min(...lines.map((line) => line.x));
  const right = Math.max(...lines.map((line) => line.right));
  const width = right - left;
  const zone: Interval = { from: left + GUTTER_ZONE.from * width, to: left + GUTTER_ZONE.to * width };
  const out: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const band = bandAt(lines, i, zone, width);
    if (!band) {
      out.push(lines[i]!);
      i += 1;
      continue;
    }
    out.push(...columnsOfBand(lines.slice(i, band.end), band.gutter, left));
    i = band.end;
  }
  return out;
}

function bandAt(
  lines: readonly PdfLine[],
  start: number,
  zone: Interval,
  width: number,
): { end: number; gutter: Interval } | null {
  let free = freeIntervals(lines[start]!, zone);
  let end = start;
  let gutter: Interval | null = null;
  while (end < lines.length) {
    const next = end === start ? free : intersect(free, freeIntervals(lines[end]!, zone));
    const wide = next.filter((interval) => interval.to - interval.from >= MIN_GUTTER * lines[end]!.size);
    if (wide.length === 0 || (end > start && lines[end]!.page !== lines[end - 1]!.page)) break;
    free = wide;
    gutter = widest(wide);
    end += 1;
  }
  if (!gutter) return null;
  // The band starts at its first line with text right of the gutter; a short line left
  // of it before that is the end of the full-width text above.
  if (sidesOf(lines[start]!, gutter)[1].length === 0) return null;
  // Each column's baselines need not line up with the other's, so the sides are judged
  // one by one rather than line by line; sides too short to tell (headings, the last
  // line of a paragraph) do not count either way.
  const band = lines.slice(start, end);
  const judgedSide = (side: LineSegment[]): boolean => side.length > 0 && extentOf(side) >= MIN_TEXT_SHARE * width;
  // Nor at a table row whose gap happens to line up with the gutter below.
  if (sidesOf(band[0]!, gutter).some((side) => judgedSide(side) && !isTextSide(side, width, band))) return null;
  const judged = (column: 0 | 1): LineSegment[][] =>
    band.map((line) => sidesOf(line, gutter!)[column]).filter(judgedSide);
  const [left, right] = [judged(0), judged(1)];
  const textLike = (sides: LineSegment[][]): number => sides.filter((side) => isTextSide(side, width, band)).length;
  const [leftText, rightText] = [textLike(left), textLike(right)];
  if (leftText < MIN_SPLIT_LINES || rightText < MIN_SPLIT_LINES) return null;
  if (leftText + rightText < 0.6 * (left.length + right.length)) return null;
  return { end, gutter };
}

/** Parts of the zone a line leaves empty. */
function freeIntervals(line: PdfLine, zone: Interval): Interval[] {
  const out: Interval[] = [];
  let from = zone.from;
  for (const segment of line.segments) {
    if (segment.x > from) out.push({ from, to: Math.min(segment.x, zone.to) });
    from = Math.max(from, segment.right);
    if (from >= zone.to) break;
  }
  if (from < zone.to) out.push({ from, to: zone.to });
  return out.filter((interval) => interval.to > interval.from);
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (to > from) out.push({ from, to });
    }
  }
  return out;
}

function widest(intervals: readonly Interval[]): Interval {
  return intervals.reduce((best, interval) => (interval.to - interval.from > best.to - best.from ? interval : best));
}

function sidesOf(line: PdfLine, gutter: Interval): [LineSegment[], LineSegment[]] {
  return [line.segments.filter((s) => s.right <= gutter.from), line.segments.filter((s) => s.x >= gutter.to)];
}

function isTextSide(side: readonly LineSegment[], width: number, band: readonly PdfLine[]): boolean {
  if (side.length <= 2 && Math.max(...side.map((s) => s.right - s.x)) >= MIN_TEXT_SHARE * width) return true;
  return side.length >= 2 && extentOf(side) >= MIN_TEXT_SHARE * width && isJustified(side, band);
}

function extentOf(side: readonly LineSegment[]): number {
  return side.at(-1)!.right - side[0]!.x;
}

/**
 * A justified line in a narrow column stretches every word space alike, often past the
 * segment gap, so its words come apart as segments with equal gaps. Table cells can be
 * evenly spaced too, but they start where the cells of the other rows start.
 */
function isJustified(side: readonly LineSegment[], band: readonly PdfLine[]): boolean {
  const size = side[0]!.size;
  const gaps = side.slice(1).map((segment, i) => segment.x - side[i]!.right);
  if (Math.max(...gaps) - Math.min(...gaps) > JUSTIFIED_GAP_SPREAD * size) return false;
  const others = band.filter((line) => !line.segments.includes(side[0]!));
  const isColumn = (segment: LineSegment): boolean =>
    others.filter((line) => line.segments.some((s) => Math.abs(s.x - segment.x) <= ALIGN_TOLERANCE * size)).length >=
    0.5 * others.length;
  return side.slice(1).filter(isColumn).length < 0.5 * (side.length - 1);
}

function columnsOfBand(lines: readonly PdfLine[], gutter: Interval, left: number): PdfLine[] {
  const page = lines[0]!.page;
  const rightLeft = Math.min(...lines.flatMap((line) => line.segments.filter((s) => s.x >= gutter.to).map((s) => s.x)));
  const columns: PdfLine[][] = [[], []];
  for (const line of lines) {
    const [l, r] = sidesOf(line, gutter);
    if (l.length > 0) columns[0]!.push(lineFromSegments(line, l, `${page}:${gutter.from}:left`, left));
    if (r.length > 0) columns[1]!.push(lineFromSegments(line, r, `${page}:${gutter.from}:right`, rightLeft));
  }
  return [...columns[0]!, ...columns[1]!];
}
