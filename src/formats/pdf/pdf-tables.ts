import type { Provenance } from '../../blocks/model.js';
import { boxAround, sourceOfLines, type LineSegment, type PageBox, type PdfLine } from './pdf-lines.js';
import { roundSize } from './pdf-layout.js';
import { MAX_ROW_DISTANCE, MIN_CELLS, PITCH_TOLERANCE, readsAsProse, spansOverlap } from './pdf-table-shape.js';

/**
 * Tables rebuilt from positioned text. Word and LibreOffice draw each cell as its
 * own run(s) on a shared baseline, so a table shows up as consecutive lines split
 * into several segments at wide gaps, with the segments stacked in columns.
 */

export interface PdfTable {
  /** Index of the table's first line and one past its last line, in the line list searched. */
  start: number;
  end: number;
  rows: string[][];
  /** Where each cell is printed (page and the box of its text, or of its row when empty), parallel to `rows`. */
  cellSources: Provenance[][];
  headerRows: number;
  columns: number;
}

interface Column {
  x: number;
  right: number;
}

// Most room, in font sizes, that cell padding leaves between two columns' texts.
const MAX_CELL_PADDING = 1.5;
// Header rows above the first row of data: a title row, the header, a sub-header.
const MAX_HEADER_ROWS = 3;
// Cells whose edges or centres are this close (in font sizes) line up; most columns of a table must.
const ALIGN_TOLERANCE = 0.3;
const ALIGNED_SHARE = 0.8;
// The most characters a narrow column carries over to the next line of a cell when every cell of a row wraps.
const WORD_REST_CHARS = 2;

/**
 * Finds tables in a run of lines. `pitchOf(size)` is the ordinary distance between
 * two lines of one paragraph at that font size: lines of a wrapped cell sit that
 * close, while rows are further apart by their cell padding and borders.
 */
export function tablesFromLines(lines: readonly PdfLine[], pitchOf: (size: number) => number): PdfTable[] {
  const tables: PdfTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const floor = tables[tables.length - 1]?.end ?? 0;
    const table = lines[i]!.segments.length >= MIN_CELLS ? tableAt(lines, i, floor, pitchOf) : null;
    if (table) {
      tables.push(table);
      i = table.end;
    } else {
      i += 1;
    }
  }
  return tables;
}

function tableAt(
  lines: readonly PdfLine[],
  start: number,
  floor: number,
  pitchOf: (size: number) => number,
): PdfTable | null {
  const rows: PdfLine[][] = [[lines[start]!]];
  let columns = columnsFromSegments(lines[start]!.segments);
  // Columns come from the lines with the most segments, where every column is filled.
  let most = lines[start]!.segments.length;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const previous = lines[end - 1]!;
    const size = Math.max(line.size, previous.size);
    if (line.area !== previous.area || (previous.y - line.y > MAX_ROW_DISTANCE * size && !atRowPitch(rows, line)))
      break;
    const wide = line.segments.length >= MIN_CELLS;
    if (!wide && !line.segments.every((segment) => overlapCount(segment, columns) === 1)) break;
    // Below the first rows, a line with fewer cells than columns must keep to the columns: a
    // justified paragraph line after the table, split by its wide spaces, does not.
    if (
      wide &&
      rows.length >= 2 &&
      line.segments.length < columns.length &&
      line.segments.some((segment) => overlapCount(segment, columns) > 1)
    )
      break;
    if (wide && line.segments.length > most) columns = columnsFromSegments(line.segments);
    else if (wide && line.segments.length === most) columns = columnsWithRow(columns, line.segments);
    if (wide) most = Math.max(most, line.segments.length);
    const row = rows[rows.length - 1]!;
    const full = (l: PdfLine): boolean => l.segments.length >= columns.length;
    const following = lines[end + 1];
    // A row has at most one line with every column filled, but for a header whose every
    // label wraps; a line that shares a column with the line above continues the row only
    // where the text above ran to the column's edge.
    const continues =
      previous.y - line.y <= pitchOf(size) + PITCH_TOLERANCE &&
      (!(full(line) && row.some(full)) || (rows.length === 1 && holdsOnlyWordRests(line, following, pitchOf))) &&
      line.segments.every((segment) => wrapsInto(previous, segment, columns) && !reopens(row, segment, columns));
    // A lone cell part opening a row is kept when a full row in the same type follows: the
    // tail of a row cut by the page break, or a row with most cells empty (a heading over
    // a justified line is neither).
    const loneCell =
      line.segments.length === 1 &&
      following !== undefined &&
      following.area === line.area &&
      following.segments.length >= MIN_CELLS &&
      roundSize(following.size) === roundSize(line.size);
    if (continues) row.push(line);
    else if (line.segments.length >= 2 || loneCell) rows.push([line]);
    else break;
  }
  // One line cut into several pieces (a justified line's stretched spaces) is no table.
  const wideLines = rows.flat().filter((line) => line.segments.length >= MIN_CELLS).length;
  if (
    rows.length < 2 ||
    wideLines < 2 ||
    columns.length < MIN_CELLS ||
    !columnsAligned(rows, columns) ||
    readsAsProse(
      rows,
      rows.flat().flatMap((line) => line.segments),
      pitchOf,
    )
  )
    return null;
  const above = headerPartsAbove(lines, start, floor, columns, pitchOf);
  rows[0]!.unshift(...above);
  const cells = rows.map((row) => rowCells(row, columns));
  const headerRows = headerRowCount(rows, cells);
  const cellSources = rows.map((row) => cellSourcesOfRow(row, columns));
  return {
    start: start - above.length,
    end,
    rows: headerCellsFilledDown(cells, headerRows),
    cellSources,
    headerRows,
    columns: columns.length,
  };
}

/**
 * Whether `line` stands where the table's next row would: no further below the last row's
 * first line than that row stands below the row before it. Rows of wrapped cells are tall,
 * and where OCR read a cell's two lines as one (a year `202` / `1` read `2021`), the gap
 * under that row's only line is as tall as its lines and its padding together.
 */
function atRowPitch(rows: readonly PdfLine[][], line: PdfLine): boolean {
  if (rows.length < 2) return false;
  const [before, last] = [rows[rows.length - 2]![0]!, rows[rows.length - 1]![0]!];
  return last.y - line.y <= before.y - last.y + PITCH_TOLERANCE;
}

/**
 * Whether a full line under the table's first line is the rests of words broken in every
 * cell of it (`r` under `Yea`, `1` under `Q`, `l` under `Tota`: a header whose every label
 * wraps in its narrow column) rather than the next row of a table set tight: each of its
 * cells is a word's end of a character or two, and the row ends with it, cell padding
 * setting the next line further than a line pitch below.
 */
function holdsOnlyWordRests(line: PdfLine, following: PdfLine | undefined, pitchOf: (size: number) => number): boolean {
  const padded =
    following === undefined ||
    following.area !== line.area ||
    line.y - following.y > pitchOf(Math.max(line.size, following.size)) + PITCH_TOLERANCE;
  return padded && line.segments.every((segment) => [...segment.text].length <= WORD_REST_CHARS);
}

/**
 * Whether `segment` stands in a column the row already has text in, under a line of the
 * row that left it empty: the lines of one cell follow each other, so it opens the next
 * row (a scanned row of wrapped cells, `Partial` / `ly`, whose next row is not full
 * because its Total is blank, and whose rows stand no further apart than its lines).
 */
function reopens(row: readonly PdfLine[], segment: LineSegment, columns: readonly Column[]): boolean {
  const index = columns.findIndex((column) => spansOverlap(segment, column));
  if (index < 0 || row.length < 2) return false;
  const holds = (line: PdfLine): boolean => line.segments.some((other) => spansOverlap(other, columns[index]!));
  return !holds(row[row.length - 1]!) && row.slice(0, -1).some(holds);
}

/** Whether `segment` can be the wrapped rest of the text above it in its column (or that column was empty above). */
function wrapsInto(above: PdfLine, segment: LineSegment, columns: readonly Column[]): boolean {
  const index = columns.findIndex((column) => spansOverlap(segment, column));
  if (index < 0) return true;
  const upper = above.segments.find((candidate) => spansOverlap(candidate, columns[index]!));
  if (!upper) return true;
  // Text spanning several columns is a merged cell; what stands under it is a row of its own.
  if (overlapCount(upper, columns) > 1) return false;
  const charWidth = (segment.right - segment.x) / Math.max(1, segment.text.length);
  const firstWord = segment.text.split(/\s/, 1)[0] ?? '';
  return upper.right + (firstWord.length + 1) * charWidth > columnLimit(columns, index, above.size) - 0.5;
}

/**
 * Lines just above a table's first row that hold only the upper parts of its cells:
 * a header cell set at the bottom of a taller row ("Tota" above "l") leaves its first
 * line standing alone above the rest of the row.
 */
function headerPartsAbove(
  lines: readonly PdfLine[],
  start: number,
  floor: number,
  columns: readonly Column[],
  pitchOf: (size: number) => number,
): PdfLine[] {
  let first = start;
  while (first > floor) {
    const [upper, lower] = [lines[first - 1]!, lines[first]!];
    const close = upper.area === lower.area && upper.y - lower.y <= pitchOf(lower.size) + PITCH_TOLERANCE;
    const sameSize = Math.abs(upper.size - lower.size) < 0.5;
    const fits =
      upper.segments.length < MIN_CELLS && upper.segments.every((segment) => overlapCount(segment, columns) === 1);
    if (!close || !sameSize || !fits) break;
    first -= 1;
  }
  return lines.slice(first, start);
}

/**
 * Cells of a column share a left edge, a right edge or a centre, as a word processor
 * aligns them. Words of a justified paragraph, spread by wide spaces, line up by
 * chance at best, so a paragraph is not taken for a table.
 */
function columnsAligned(rows: readonly PdfLine[][], columns: readonly Column[]): boolean {
  const size = Math.max(...rows.flat().map((line) => line.size));
  const tolerance = ALIGN_TOLERANCE * size;
  const cellsOf = (lines: readonly PdfLine[]): LineSegment[][] => {
    const byColumn: LineSegment[][] = columns.map(() => []);
    for (const segment of lines.flatMap((line) => line.segments)) {
      const hit = columnsOfSegment(segment, columns);
      if (hit.length === 1) byColumn[hit[0]!]!.push(segment);
    }
    return byColumn;
  };
  const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);
  const lineUp = (cells: readonly LineSegment[]): boolean =>
    spread(cells.map((c) => c.x)) <= tolerance ||
    spread(cells.map((c) => c.right)) <= tolerance ||
    spread(cells.map((c) => (c.x + c.right) / 2)) <= tolerance;
  const all = cellsOf(rows.flat());
  // Header cells are often centred over body cells that are set flush left or right.
  const body = cellsOf(rows.slice(1).flat());
  let aligned = 0;
  all.forEach((cells, index) => {
    const below = body[index]!;
    if (cells.length <= 1 || lineUp(cells) || (below.length >= 2 && lineUp(below))) aligned += 1;
  });
  return aligned >= ALIGNED_SHARE * columns.length;
}

/**
 * Columns widened by one more full row: its k-th cell belongs to the k-th column,
 * however the cells are aligned (a centred header over flush-left numbers need not
 * overlap them). Falls back to overlap when that would make columns cross.
 */
function columnsWithRow(columns: readonly Column[], cells: readonly LineSegment[]): Column[] {
  if (cells.length === columns.length) {
    const joined = columns.map((column, k) => ({
      x: Math.min(column.x, cells[k]!.x),
      right: Math.max(column.right, cells[k]!.right),
    }));
    if (joined.every((column, k) => k === 0 || joined[k - 1]!.right < column.x)) return joined;
  }
  return columnsFromSegments([...columns, ...cells]);
}

/** Column extents: segments that overlap horizontally are one column. */
function columnsFromSegments(segments: readonly Column[]): Column[] {
  const sorted = [...segments].sort((a, b) => a.x - b.x);
  const columns: Column[] = [];
  for (const segment of sorted) {
    const last = columns[columns.length - 1];
    if (last && segment.x < last.right) last.right = Math.max(last.right, segment.right);
    else columns.push({ x: segment.x, right: segment.right });
  }
  return columns;
}

function overlapCount(segment: LineSegment, columns: readonly Column[]): number {
  return columns.filter((column) => spansOverlap(segment, column)).length;
}

/** The columns a segment belongs to: those it overlaps (a merged cell covers several), else the nearest. */
function columnsOfSegment(segment: LineSegment, columns: readonly Column[]): number[] {
  const hit = columns.flatMap((column, index) => (spansOverlap(segment, column) ? [index] : []));
  if (hit.length > 0) return hit;
  const centre = (segment.x + segment.right) / 2;
  let best = 0;
  columns.forEach((column, index) => {
    const distance = Math.abs((column.x + column.right) / 2 - centre);
    if (distance < Math.abs((columns[best]!.x + columns[best]!.right) / 2 - centre)) best = index;
  });
  return [best];
}

/**
 * The line's cell texts: its segments, except that a segment over several columns whose
 * words (runs set apart) stand one to a column, each within its own, is those words. Two
 * labels of a header set closer than the gap that cuts segments ("Year Q1") are two cells,
 * where a merged cell's title runs across the columns' edges.
 */
function cellPartsOfLine(line: PdfLine, columns: readonly Column[]): LineSegment[] {
  return line.segments.flatMap((segment) => {
    const spanned = columnsOfSegment(segment, columns);
    if (spanned.length < 2) return [segment];
    const pieces = line.runPieces.filter((piece) => piece.x >= segment.x && piece.right <= segment.right);
    const homes = pieces.map((piece) => columnsOfSegment(piece, columns));
    const oneEach =
      pieces.length === spanned.length &&
      homes.every(
        (home, k) => home.length === 1 && home[0] === spanned[k] && spansOverlap(pieces[k]!, columns[spanned[k]!]!),
      );
    return oneEach ? pieces : [segment];
  });
}

interface Fragment {
  segment: LineSegment;
}

/** Each cell's place: the box around the text it holds on the row's first page, else the row's own box. */
function cellSourcesOfRow(row: readonly PdfLine[], columns: readonly Column[]): Provenance[] {
  const rowSource = sourceOfLines(row);
  const onPage = row.filter((line) => line.page === rowSource.page);
  return columns.map((_column, index) => {
    const boxes = onPage.flatMap((line) =>
      cellPartsOfLine(line, columns)
        .filter((segment) => columnsOfSegment(segment, columns).includes(index))
        .map((segment) => segmentBox(line, segment)),
    );
    const box = boxAround(boxes);
    const source: Provenance = box ? { ...rowSource, box } : { ...rowSource };
    // A recognised cell is as sure as its least sure word; an empty one keeps the row's.
    const sure = onPage.flatMap((line) =>
      cellPartsOfLine(line, columns)
        .filter((segment) => segment.confidence !== undefined && columnsOfSegment(segment, columns).includes(index))
        .map((segment) => segment.confidence!),
    );
    if (sure.length > 0) source.confidence = Math.min(...sure);
    return source;
  });
}

/** A segment's box, its left and right edges placed along its line's box. */
function segmentBox(line: PdfLine, segment: LineSegment): PageBox {
  const span = line.right - line.x;
  const along = (x: number) =>
    span > 0 ? line.box[0] + ((x - line.x) / span) * (line.box[2] - line.box[0]) : line.box[0];
  return [along(segment.x), line.box[1], along(segment.right), line.box[3]];
}

function rowCells(row: readonly PdfLine[], columns: readonly Column[]): string[] {
  const fragments: Fragment[][] = columns.map(() => []);
  for (const line of row) {
    for (const segment of cellPartsOfLine(line, columns)) {
      for (const index of columnsOfSegment(segment, columns)) fragments[index]!.push({ segment });
    }
  }
  const size = Math.max(...row.map((line) => line.size));
  return fragments.map((list, index) => cellText(list, columnLimit(columns, index, size)));
}

/**
 * Where text in a column must stop: the next column's start less the narrowest
 * gap seen between any column's widest text and the column after it.
 */
function columnLimit(columns: readonly Column[], index: number, size: number): number {
  const column = columns[index]!;
  const next = columns[index + 1];
  if (!next) return column.right;
  // Cell padding on both sides stays near one font size; when no column is filled,
  // the narrowest gap seen overstates it.
  let padding = MAX_CELL_PADDING * size;
  for (let i = 0; i + 1 < columns.length; i++) padding = Math.min(padding, columns[i + 1]!.x - columns[i]!.right);
  return next.x - padding;
}

// A line of letters at least this share as wide as the line above it in a cell is a word of its own.
const WHOLE_WORD_SHARE = 0.75;

/**
 * A word too wide for its column breaks where the column ends, so the rest left for
 * the next line is mostly short ("Tota" / "l", "Part" / "ly"). A next line of letters
 * about as wide as the full line above is the next word of a label wrapped at its
 * space ("Total" / "score"), most of all in the last column, whose edge is only known
 * from its own widest text.
 */
function isWholeWordBelow(previous: LineSegment, segment: LineSegment): boolean {
  return (
    /^\p{L}{3,}/u.test(segment.text) && segment.right - segment.x >= WHOLE_WORD_SHARE * (previous.right - previous.x)
  );
}

/**
 * Joins the lines of a wrapped cell. A narrow column breaks a word that does not fit
 * in the middle ("Partl" / "y", "20" / "21"): when the first line is one word that
 * reaches the column's edge so that not even one more character would fit, the two
 * parts are joined without a space.
 */
function cellText(fragments: readonly Fragment[], limit: number): string {
  let text = '';
  let previous: LineSegment | null = null;
  for (const { segment } of fragments) {
    if (previous === null) text = segment.text;
    else {
      const charWidth = (segment.right - segment.x) / Math.max(1, segment.text.length);
      const brokenWord = !/\s/.test(previous.text) && previous.right + charWidth > limit - 0.5;
      const newWord =
        (/[a-z]$/.test(previous.text) && /^[A-Z]/.test(segment.text)) || isWholeWordBelow(previous, segment);
      text += brokenWord && !newWord ? segment.text : `\n${segment.text}`;
    }
    previous = segment;
  }
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Leading rows printed bold while the body is not, or holding no number while later
 * rows do, are header rows.
 */
function headerRowCount(rows: readonly PdfLine[][], cells: readonly string[][]): number {
  const bold = rows.map((row) => row.every((line) => line.bold));
  const numeric = (cell: string): boolean => /^[-+]?\d+([.,]\d+)?$/.test(cell.trim());
  const hasNumber = cells.map((row) => row.some(numeric));
  let count = 0;
  while (count < Math.min(MAX_HEADER_ROWS, rows.length - 1)) {
    const boldHeader = bold[count] && !bold.slice(count + 1).every(Boolean);
    const wordHeader = !hasNumber[count] && hasNumber.slice(count + 1).some(Boolean);
    if (!boldHeader && !wordHeader) break;
    count += 1;
  }
  return count;
}

/**
 * In a header of several rows, a cell left empty under a label is the lower part of
 * a cell merged down ("Year" and "Total" beside a two-row "Questions / Q1 … Qn").
 */
function headerCellsFilledDown(cells: string[][], headerRows: number): string[][] {
  return cells.map((row, r) =>
    r === 0 || r >= headerRows ? row : row.map((cell, c) => (cell === '' ? (cells[r - 1]![c] ?? '') : cell)),
  );
}
