import { spansMerged } from '../../blocks/spans.js';
import type { LineSegment, PdfLine } from './pdf-lines.js';
import { MAX_ROW_DISTANCE, MIN_CELLS, PROSE_PIECE_LENGTH, readsAsProse, spansOverlap } from './pdf-table-shape.js';

/**
 * Cells of a table set with tight padding. Its cells can stand closer than the wide
 * gap that splits a line into segments, so a row reads as one or two segments. Each
 * cell is still its own run, though, and the gaps between a table's cells line up
 * from row to row as empty vertical strips (gutters). Lines of a paragraph whose
 * words come as separate runs have gaps too, but they do not line up over several
 * lines, and their words are longer than table cells.
 */

// Gutters a run of lines must share before their runs are taken as cells.
const MIN_GUTTERS = 3;
// A line lying across more than this share of a table's gutters (and across more than one) is no row of it.
const FOREIGN_SHARE = 0.25;
// A recognised word the engine gives less confidence than this is one it was unsure of.
const UNSURE = 0.5;
// A gutter narrower than this share of the font size is a chance overlap of word spaces.
const MIN_GUTTER = 0.25;
// Rows of short pieces (answers, years, Q-numbers) rarely line word spaces up by chance, and a
// table drawn with thick rules and no cell padding leaves only the rule's width between cells.
const MIN_GUTTER_SHORT_PIECES = 0.15;

interface Gutter {
  x: number;
  right: number;
}

/** The lines with tightly set table rows re-cut into cells; other lines come back as they were. */
export function linesWithRunCells(lines: readonly PdfLine[], pitchOf: (size: number) => number): PdfLine[] {
  const out = [...lines];
  let i = 0;
  while (i < lines.length) {
    if (!isRow(lines[i]!)) {
      i += 1;
      continue;
    }
    // Rows and the wrapped second lines of their cells; the group ends at its last row.
    let last = i;
    for (let k = i + 1; k < lines.length && sameTable(lines[k - 1]!, lines[k]!); k++) {
      if (isRow(lines[k]!)) last = k;
      else if (k - last > 2) break;
    }
    if (!groupCut(lines, i, last, pitchOf, out)) {
      const [from, to] = tableCore(lines, i, last);
      if (from !== i || to !== last) groupCut(lines, from, to, pitchOf, out);
    }
    i = last + 1;
  }
  return out;
}

/** Cuts the lines from `start` to `last` into `out` at the gutters their rows share, when they make a table. */
function groupCut(
  lines: readonly PdfLine[],
  start: number,
  last: number,
  pitchOf: (size: number) => number,
  out: PdfLine[],
): boolean {
  const group = lines.slice(start, last + 1);
  const rows = group.filter(isRow);
  if (rows.length < 2 || !rows.some(hasFinerCuts)) return false;
  const gutters = guttersUncrossed(
    guttersPastUnsureWords(rows),
    group.filter((line) => !isRow(line)),
  );
  if (
    gutters.length < MIN_GUTTERS ||
    readsAsProse(
      rows.map((line) => [line]),
      rows.flatMap((line) => line.runPieces),
      pitchOf,
    ) ||
    isRunningText(rows) ||
    !mostRowsFull(rows, gutters)
  )
    return false;
  for (let k = start; k <= last; k++) out[k] = lineCutAtGutters(lines[k]!, gutters, isRow(lines[k]!));
  return true;
}

/**
 * The lines from `start` to `last` that make the table, where they do not all. OCR gives every word of running
 * text a run of its own, so the lines of a heading or paragraph set right above or under a
 * table hold as many pieces as its rows, and close its gutters when taken in. So the table is
 * grown from the two rows next to each other that share the most gutters, up and down, row
 * by row, as long as each row keeps to the gutters of those taken (see isForeign) and fills
 * half their columns.
 */
function tableCore(lines: readonly PdfLine[], start: number, last: number): [number, number] {
  const rows = lines.slice(start, last + 1).flatMap((line, k) => (isRow(line) ? [start + k] : []));
  if (rows.length < 3) return [start, last];
  let lo = 0;
  let most = -1;
  for (let p = 0; p + 1 < rows.length; p++) {
    const [upper, lower] = [lines[rows[p]!]!, lines[rows[p + 1]!]!];
    // Only gutters with text of both lines on either side are shared: beyond the end of the
    // shorter line, the longer line's word spaces are gutters of nothing.
    const [from, to] = [Math.max(upper.x, lower.x), Math.min(upper.right, lower.right)];
    const shared = guttersOf([upper, lower]).filter((gutter) => gutter.x >= from && gutter.right <= to).length;
    if (shared > most) [lo, most] = [p, shared];
  }
  if (most < MIN_GUTTERS) return [start, last];
  let hi = lo + 1;
  const taken = (): PdfLine[] => rows.slice(lo, hi + 1).map((k) => lines[k]!);
  const belongs = (line: PdfLine): boolean => !isForeign(line, taken()) && fillsHalf(line, taken());
  while (hi + 1 < rows.length && belongs(lines[rows[hi + 1]!]!)) hi += 1;
  while (lo > 0 && belongs(lines[rows[lo - 1]!]!)) lo -= 1;
  return [rows[lo]!, rows[hi]!];
}

/** A row of the table `rows` make fills half its columns at least; a heading over it seldom does. */
function fillsHalf(line: PdfLine, rows: readonly PdfLine[]): boolean {
  const columns = cellsOf(line, guttersOf(rows));
  return columns.filter((pieces) => pieces.length > 0).length >= columns.length / 2;
}

/**
 * Whether `line` is no row of the table `rows` make: a line of running text lies across
 * many of their gutters, its word spaces falling anywhere, where a row of the table leaves
 * them open (a cell wider than its column reaches into one, or across one at most).
 */
function isForeign(line: PdfLine, rows: readonly PdfLine[]): boolean {
  const gutters = guttersOf(rows);
  if (gutters.length < MIN_GUTTERS) return false;
  const bridged = gutters.filter((gutter) =>
    line.runPieces.some((piece) => piece.x < gutter.x && piece.right > gutter.right),
  ).length;
  return bridged > Math.max(1, gutters.length * FOREIGN_SHARE);
}

/**
 * A table fills most of its rows' cells. A gutter that only a gap inside one cell made
 * (two runs of one cell, a bold word and a plain one) leaves a column empty in the other rows.
 */
function mostRowsFull(rows: readonly PdfLine[], gutters: readonly Gutter[]): boolean {
  const full = rows.filter((line) => cellsOf(line, gutters).every((pieces) => pieces.length > 0)).length;
  return full >= 2 && full >= rows.length / 2;
}

/** Gutters that no piece of the wrapped cell lines crosses (text across one is a merged cell). */
function guttersUncrossed(gutters: readonly Gutter[], others: readonly PdfLine[]): Gutter[] {
  const pieces = others.flatMap((line) => line.runPieces);
  return gutters.filter((gutter) => !pieces.some((piece) => piece.x < gutter.x && piece.right > gutter.right));
}

// Lines of running text have many words a line, most of them in lower case and few of them
// the same; a table's rows hold years, numbers and labels, and answers from a vocabulary of
// a few words (`oui`, `non`, `partiel` again and again), a row of text cells a few words at most.
const RUNNING_TEXT_WORDS = 8;
const RUNNING_TEXT_LOWER = 0.5;
const RUNNING_TEXT_DISTINCT = 0.7;

/**
 * Whether the rows are lines of running text whose word spaces line up by chance: the
 * justified lines of two list items, spaced apart by the gap between the items, had four
 * gaps in common and were taken for a table.
 */
function isRunningText(rows: readonly PdfLine[]): boolean {
  const words = rows.flatMap((line) => line.runPieces.map((piece) => piece.text.trim()));
  const lower = words.filter((word) => /^\p{Ll}/u.test(word));
  const distinct = new Set(words.map((word) => word.toLowerCase())).size;
  return (
    words.length >= RUNNING_TEXT_WORDS * rows.length &&
    lower.length >= RUNNING_TEXT_LOWER * words.length &&
    distinct >= RUNNING_TEXT_DISTINCT * words.length
  );
}

function isRow(line: PdfLine): boolean {
  return line.runPieces.length >= MIN_CELLS;
}

function hasFinerCuts(line: PdfLine): boolean {
  return line.runPieces.length > line.segments.length;
}

function sameTable(above: PdfLine, below: PdfLine): boolean {
  return above.area === below.area && above.y - below.y <= MAX_ROW_DISTANCE * Math.max(above.size, below.size);
}

/** Strips between the lines' left and right ends that no piece of any line covers. */
function guttersOf(group: readonly PdfLine[]): Gutter[] {
  const pieces = group.flatMap((line) => line.runPieces).sort((a, b) => a.x - b.x);
  const size = Math.max(...group.map((line) => line.size));
  const meanLength = pieces.reduce((sum, piece) => sum + piece.text.length, 0) / pieces.length;
  const least = (meanLength < PROSE_PIECE_LENGTH ? MIN_GUTTER_SHORT_PIECES : MIN_GUTTER) * size;
  const gutters: Gutter[] = [];
  let reach = pieces[0]!.right;
  for (const piece of pieces.slice(1)) {
    if (piece.x - reach >= least) gutters.push({ x: reach, right: piece.x });
    reach = Math.max(reach, piece.right);
  }
  return gutters;
}

/**
 * The rows' gutters, with those that one word the engine was unsure of alone runs across:
 * such a word has taken in its neighbour's ink (a year read together with the answer
 * beside it, `2000` for `2009 N`), and stands in the column where it starts.
 */
function guttersPastUnsureWords(rows: readonly PdfLine[]): Gutter[] {
  const gutters = guttersOf(rows);
  rows.forEach((line, r) => {
    for (const piece of line.runPieces) {
      if (piece.confidence === undefined || piece.confidence >= UNSURE) continue;
      const without = rows.map((other, k) =>
        k === r ? { ...other, runPieces: other.runPieces.filter((p) => p !== piece) } : other,
      );
      for (const gutter of guttersOf(without)) {
        const under = spansOverlap(piece, gutter);
        if (under && !gutters.some((g) => spansOverlap(g, gutter))) gutters.push(gutter);
      }
    }
  });
  return gutters.sort((a, b) => a.x - b.x);
}

/** The line's pieces grouped by the gutters between them, by column; a column the line leaves empty has none. */
function cellsOf(line: PdfLine, gutters: readonly Gutter[]): LineSegment[][] {
  const columns: LineSegment[][] = gutters.map(() => []);
  columns.push([]);
  let column = 0;
  for (const piece of line.runPieces) {
    while (column < gutters.length && gutters[column]!.right <= piece.x) column += 1;
    columns[column]!.push(piece);
  }
  return columns;
}

/**
 * The line cut into one segment per cell. A row keeps an empty segment for an empty
 * cell, so it still reads as a full row and not as the wrapped rest of the row above
 * (tight rows stand as close as lines of one cell).
 */
function lineCutAtGutters(line: PdfLine, gutters: readonly Gutter[], row: boolean): PdfLine {
  // A wide gap parts two cells whatever the gutters say: pieces of two segments stay apart.
  const segmentOf = (piece: LineSegment): number =>
    line.segments.findIndex((segment) => piece.x >= segment.x && piece.x < segment.right);
  const cells = cellsOf(line, gutters).map((pieces) =>
    pieces.reduce<LineSegment[][]>((groups, piece) => {
      const last = groups.at(-1);
      if (last && segmentOf(last.at(-1)!) === segmentOf(piece)) last.push(piece);
      else groups.push([piece]);
      return groups;
    }, []),
  );
  const filled = cells.reduce((sum, groups) => sum + groups.length, 0);
  const across = line.segments.some((segment) =>
    gutters.some((gutter) => segment.x < gutter.x && segment.right > gutter.right),
  );
  if (filled <= line.segments.length && !across) return line;
  const segments = cells.flatMap((groups, c): LineSegment[] => {
    if (groups.length > 0) {
      // A word that runs on across the gutter after its column (see guttersPastUnsureWords) ends there.
      const end = gutters[c]?.x ?? Number.POSITIVE_INFINITY;
      return groups.map((pieces) => {
        const segment = segmentFromPieces(pieces);
        return segment.right > end ? { ...segment, right: end } : segment;
      });
    }
    if (!row) return [];
    // The outer columns have one known edge; an em of width stands in for the other.
    const x = c === 0 ? gutters[0]!.x - line.size : gutters[c - 1]!.right;
    const right = c === gutters.length ? x + line.size : gutters[c]!.x;
    return [{ text: '', size: line.size, y: line.y, x, right, spans: [] }];
  });
  return { ...line, segments };
}

function segmentFromPieces(pieces: readonly LineSegment[]): LineSegment {
  if (pieces.length === 1) return pieces[0]!;
  return {
    text: pieces.map((piece) => piece.text).join(' '),
    size: pieces[0]!.size,
    y: pieces[0]!.y,
    x: pieces[0]!.x,
    right: pieces[pieces.length - 1]!.right,
    spans: spansMerged(pieces.flatMap((piece, i) => (i === 0 ? piece.spans : [{ text: ' ' }, ...piece.spans]))),
  };
}
