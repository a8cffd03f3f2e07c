import type { Provenance, Span } from '../../blocks/model.js';
import { spansMerged } from '../../blocks/spans.js';
import type { PdfPage, TextRun } from './pdf-text-items.js';

/** Part of a line between two wide gaps (a table cell, a list number set apart by a tab). */
export interface LineSegment {
  text: string;
  /** The font size most of its characters are set in. */
  size: number;
  /**
   * Baseline of its largest text, up from the page bottom. Runs a little apart in height
   * still make one line; where a line crosses two text columns, each column's part keeps
   * its own baseline (the columns of a scan seldom line up exactly).
   */
  y: number;
  x: number;
  right: number;
  spans: Span[];
  /** 0–1, the least sure of its recognised runs; absent for stored text. */
  confidence?: number;
}

/** Runs sharing one baseline, left to right. */
export interface PdfLine {
  page: number;
  /** The stretch of the page the line flows in: the page, or one column of a two-column part of it. */
  area: string;
  /** Left edge of that area; indents are measured from it. */
  areaLeft: number;
  /** Baseline, up from the page bottom. */
  y: number;
  x: number;
  right: number;
  /** The font size most of the line's characters are set in (an inline code word in another size does not count). */
  size: number;
  /** Segments joined by single spaces. */
  text: string;
  spans: Span[];
  segments: LineSegment[];
  /**
   * The line cut at every gap between two runs wider than a word space: the cells of a
   * table set with tight padding, which the wide-gap cut in `segments` keeps together.
   * Only trusted where the cuts line up over several lines (see pdf-run-cells.ts).
   */
  runPieces: LineSegment[];
  /** Every visible character is bold. */
  bold: boolean;
  /** Where the line is printed: [x0, y0, x1, y1] as fractions of the page, origin top left. */
  box: PageBox;
  /** 0–1, mean over the characters of recognised text; absent for stored text. */
  confidence?: number;
}

export type PageBox = [number, number, number, number];

// How far glyphs reach above and below the baseline, as shares of the font size.
const ASCENT = 0.85;
const DESCENT = 0.25;

// Runs whose baselines differ by less than this share of the font size are one line
// (covers small baseline jitter, not superscripts set clearly higher).
const BASELINE_TOLERANCE = 0.35;
// A gap wider than this share of the font size is a word space the PDF did not draw.
const SPACE_GAP = 0.12;
// A gap wider than this share of the font size separates segments: a word space,
// even stretched by justification, stays well below it, a table cell gap or a tab does not.
const SEGMENT_GAP = 0.8;
// A footnote number is set at most this share of the text size, raised by at least this share of it.
const FOOTNOTE_SIZE = 0.85;
const FOOTNOTE_RAISE = 0.15;
// Word processors raise superscripts by a third of the size or a little more, beyond the
// baseline tolerance; a small number raised up to this share still belongs to the line below.
const FOOTNOTE_MAX_RAISE = 0.6;
// Separate runs this far apart are set apart by more than a word space (0.25-0.3 em).
const RUN_PIECE_GAP = 0.08;

/** Groups one page's runs into lines, top to bottom. */
export function linesFromPage(page: PdfPage): PdfLine[] {
  const sorted = [...page.runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline = Number.NaN;
  let largest = 0;
  for (const run of sorted) {
    const tolerance = BASELINE_TOLERANCE * Math.max(run.size, largest);
    const onlyMarksAbove =
      current.length > 0 &&
      current.every((mark) => mark.text.trim() === '' || isSmallNumber(mark, run.size)) &&
      baseline - run.y <= FOOTNOTE_MAX_RAISE * run.size;
    if (current.length > 0 && (Math.abs(run.y - baseline) <= tolerance || onlyMarksAbove)) {
      current.push(run);
      // A raised footnote number can come first; the line's baseline is its largest text's.
      if (run.size > largest) [baseline, largest] = [run.y, run.size];
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    [baseline, largest] = [run.y, run.size];
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => lineFromRuns(page, group)).filter((line): line is PdfLine => line !== null);
}

/** The page lines start on and the box they take there (lines carried onto the next page are not boxed). */
export function sourceOfLines(lines: readonly PdfLine[]): Provenance {
  const page = lines[0]!.page;
  const box = boxAround(lines.filter((line) => line.page === page).map((line) => line.box));
  const source: Provenance = box ? { page, box } : { page };
  const confidence = confidenceOfLines(lines);
  if (confidence !== undefined) source.confidence = confidence;
  return source;
}

/** Mean engine confidence over the characters of recognised lines; undefined for stored text. */
function confidenceOfLines(lines: readonly PdfLine[]): number | undefined {
  let sum = 0;
  let chars = 0;
  for (const line of lines) {
    if (line.confidence === undefined) continue;
    sum += line.confidence * line.text.length;
    chars += line.text.length;
  }
  return chars === 0 ? undefined : Math.round((sum / chars) * 1000) / 1000;
}

/** The smallest box holding all of the given boxes. */
export function boxAround(boxes: readonly PageBox[]): PageBox | undefined {
  if (boxes.length === 0) return undefined;
  const round = (n: number) => Math.round(n * 10000) / 10000;
  return [
    round(Math.min(...boxes.map((b) => b[0]))),
    round(Math.min(...boxes.map((b) => b[1]))),
    round(Math.max(...boxes.map((b) => b[2]))),
    round(Math.max(...boxes.map((b) => b[3]))),
  ];
}

function pageBox(page: PdfPage, x0: number, yTop: number, x1: number, yBottom: number): PageBox {
  const width = page.right - page.left || 1;
  const height = page.top - page.bottom || 1;
  const fraction = (n: number) => Math.min(1, Math.max(0, Math.round(n * 10000) / 10000));
  return [
    fraction((x0 - page.left) / width),
    fraction((page.top - yTop) / height),
    fraction((x1 - page.left) / width),
    fraction((page.top - yBottom) / height),
  ];
}

function lineFromRuns(page: PdfPage, group: TextRun[]): PdfLine | null {
  const pageNumber = page.number;
  const runs = [...group].sort((a, b) => a.x - b.x);
  const visible = runs.filter((run) => run.text.trim() !== '');
  if (visible.length === 0) return null;
  const size = dominantSize(visible);
  const baseline = largestRun(visible).y;
  const marked = runs.map((run) =>
    isFootnoteMark(run, size, baseline) ? { ...run, text: superscriptDigits(run.text.trim()) } : run,
  );
  const segments = segmentsFromRuns(marked, SEGMENT_GAP * size, size);
  if (segments.length === 0) return null;
  // With no more runs than segments, there is nothing finer to cut.
  const runPieces = visible.length > segments.length ? segmentsFromRuns(marked, RUN_PIECE_GAP * size, size) : segments;
  const lineSpans = spansMerged(
    segments.flatMap((segment, i) => (i === 0 ? segment.spans : [{ text: ' ' }, ...segment.spans])),
  );
  const text = segments.map((segment) => segment.text).join(' ');
  const bold = lineSpans.every((span) => span.bold || span.text.trim() === '');
  const x = segments[0]!.x;
  const right = segments[segments.length - 1]!.right;
  const box = pageBox(page, x, baseline + ASCENT * size, right, baseline - DESCENT * size);
  const line: PdfLine = {
    page: pageNumber,
    area: String(pageNumber),
    areaLeft: 0,
    y: baseline,
    x,
    right,
    size,
    text,
    spans: lineSpans,
    segments,
    runPieces,
    bold,
    box,
  };
  const confidence = confidenceOfRuns(visible);
  if (confidence !== undefined) line.confidence = confidence;
  return line;
}

/** Mean confidence over the characters of recognised runs; undefined for stored text. */
function confidenceOfRuns(runs: readonly TextRun[]): number | undefined {
  let sum = 0;
  let chars = 0;
  for (const run of runs) {
    if (run.confidence === undefined) continue;
    const length = run.text.trim().length;
    sum += run.confidence * length;
    chars += length;
  }
  return chars === 0 ? undefined : sum / chars;
}

/** Runs (left to right) cut into segments at gaps wider than `cutGap`. */
function segmentsFromRuns(runs: readonly TextRun[], cutGap: number, size: number): LineSegment[] {
  const segments: LineSegment[] = [];
  let spans: Span[] = [];
  let segmentRuns: TextRun[] = [];
  let segmentX = 0;
  let right = Number.NEGATIVE_INFINITY;
  let pendingSpace = false;
  const closeSegment = (): void => {
    const merged = trimSpans(spansMerged(spans));
    if (merged.length > 0) {
      const segment: LineSegment = {
        text: merged.map((span) => span.text).join(''),
        size: dominantSize(segmentRuns),
        y: largestRun(segmentRuns).y,
        x: segmentX,
        right,
        spans: merged,
      };
      const sure = segmentRuns.filter((run) => run.confidence !== undefined).map((run) => run.confidence!);
      // A cell is as sure as its least sure word.
      if (sure.length > 0) segment.confidence = Math.min(...sure);
      segments.push(segment);
    }
    spans = [];
    segmentRuns = [];
  };
  for (const run of runs) {
    if (run.text.trim() === '') {
      // pdf.js emits drawn spaces and tab fills as blank runs; they only tell us a space is there.
      pendingSpace = spans.length > 0;
      continue;
    }
    const gap = run.x - right;
    if (spans.length > 0 && gap > cutGap) {
      closeSegment();
      pendingSpace = false;
    }
    if (spans.length === 0) {
      segmentX = run.x + leadingBlankWidth(run);
    } else {
      const last = spans[spans.length - 1]!;
      const hasSpace = /\s$/.test(last.text) || /^\s/.test(run.text);
      // The space takes a style only when both words around it share it, so emphasis starts at its word.
      const same = Boolean(last.bold) === run.bold && Boolean(last.italic) === run.italic;
      if (!hasSpace && (pendingSpace || gap > SPACE_GAP * size))
        spans.push({ ...(same ? styleOf(run) : {}), text: ' ' });
    }
    spans.push({ ...styleOf(run), text: run.text });
    segmentRuns.push(run);
    right = Math.max(right, run.x + run.width);
    pendingSpace = false;
  }
  closeSegment();
  return segments;
}

function isSmallNumber(run: TextRun, lineSize: number): boolean {
  return /^\s*\d{1,2}\s*$/.test(run.text) && run.size <= FOOTNOTE_SIZE * lineSize;
}

/**
 * A footnote reference: a number set small and raised right after a word or a table
 * answer (`Y¹`). Written as superscript digits it stays with that word, as in the
 * text a word processor would give.
 */
function isFootnoteMark(run: TextRun, lineSize: number, baseline: number): boolean {
  return isSmallNumber(run, lineSize) && run.y - baseline >= FOOTNOTE_RAISE * lineSize;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscriptDigits(digits: string): string {
  return [...digits].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('');
}

function largestRun(runs: readonly TextRun[]): TextRun {
  return runs.reduce((best, run) => (run.size > best.size ? run : best));
}

function dominantSize(runs: readonly TextRun[]): number {
  const chars = new Map<number, number>();
  for (const run of runs) chars.set(run.size, (chars.get(run.size) ?? 0) + run.text.trim().length);
  let best = runs[0]!.size;
  for (const [size, count] of chars) if (count > chars.get(best)!) best = size;
  return best;
}

/** The segment holding the most text: its size and baseline are the line's. */
function dominantSegment(segments: readonly LineSegment[]): LineSegment {
  let best = segments[0]!;
  for (const segment of segments) if (segment.text.length > best.text.length) best = segment;
  return best;
}

function styleOf(run: TextRun): Omit<Span, 'text'> {
  const style: Omit<Span, 'text'> = {};
  if (run.bold) style.bold = true;
  if (run.italic) style.italic = true;
  return style;
}

function leadingBlankWidth(run: TextRun): number {
  const blanks = run.text.length - run.text.trimStart().length;
  return blanks === 0 ? 0 : (run.width * blanks) / run.text.length;
}

function trimSpans(spans: Span[]): Span[] {
  const out = spans.map((span) => ({ ...span }));
  while (out.length > 0 && out[0]!.text.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trim() === '') out.pop();
  if (out.length === 0) return out;
  out[0]!.text = out[0]!.text.trimStart();
  out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  return out;
}

/**
 * The part of a line made of the given segments (a line that crosses two text columns is
 * split in two): set on its own segments' baseline, boxed from its own left to right edge.
 */
export function lineFromSegments(
  line: PdfLine,
  segments: readonly LineSegment[],
  area: string,
  areaLeft: number,
): PdfLine {
  const spans = spansMerged(
    segments.flatMap((segment, i) => (i === 0 ? segment.spans : [{ text: ' ' }, ...segment.spans])),
  );
  const main = dominantSegment(segments);
  const x = segments[0]!.x;
  const right = segments[segments.length - 1]!.right;
  return {
    ...line,
    size: main.size,
    y: main.y,
    area,
    areaLeft,
    x,
    right,
    text: segments.map((segment) => segment.text).join(' '),
    spans,
    segments: [...segments],
    runPieces: line.runPieces.filter((piece) => piece.x >= x - 0.5 && piece.right <= right + 0.5),
    bold: spans.every((span) => span.bold || span.text.trim() === ''),
    box: boxOfPart(line, x, right, main),
  };
}

/**
 * Two lines as one, on the baseline of the first: the cells of one table row set at
 * different heights (see pdf-centred-cells.ts). Each segment keeps its own baseline.
 */
export function linesJoined(first: PdfLine, second: PdfLine): PdfLine {
  const segments = [...first.segments, ...second.segments].sort((a, b) => a.x - b.x);
  const spans = spansMerged(
    segments.flatMap((segment, i) => (i === 0 ? segment.spans : [{ text: ' ' }, ...segment.spans])),
  );
  const line: PdfLine = {
    ...first,
    x: Math.min(first.x, second.x),
    right: Math.max(first.right, second.right),
    text: segments.map((segment) => segment.text).join(' '),
    spans,
    segments,
    runPieces: [...first.runPieces, ...second.runPieces].sort((a, b) => a.x - b.x),
    bold: first.bold && second.bold,
    box: boxAround([first.box, second.box])!,
  };
  delete line.confidence;
  const confidence = confidenceOfLines([first, second]);
  if (confidence !== undefined) line.confidence = confidence;
  return line;
}

/** The box of part of a line: placed along the line's box, from its own ascent to its own descent. */
function boxOfPart(line: PdfLine, x: number, right: number, part: LineSegment): PageBox {
  const [x0, y0, x1, y1] = line.box;
  const width = line.right - line.x;
  const along = (at: number): number => (width > 0 ? x0 + ((at - line.x) / width) * (x1 - x0) : x0);
  // Page fractions per point, growing downwards.
  const perPoint = (y1 - y0) / ((ASCENT + DESCENT) * line.size);
  const top = y0 + (line.y + ASCENT * line.size - (part.y + ASCENT * part.size)) * perPoint;
  const bottom = y1 + (line.y - DESCENT * line.size - (part.y - DESCENT * part.size)) * perPoint;
  const round = (n: number): number => Math.min(1, Math.max(0, Math.round(n * 10000) / 10000));
  return [round(along(x)), round(top), round(along(right)), round(bottom)];
}
