import { inkBlobs, pixelBoxIn, sheetOfCuts, sheetRowStart, type GrayImage, type PixelBox } from './gray-image.js';
import type { OcrEngine, OcrLine, OcrWord, RecognisedPage } from './ocr-engine.js';
import { pageWithTicksRead } from './tick-marks.js';

/**
 * Table cells the engine's page layout step threw away. Tesseract takes a column of a
 * table that holds only a few short cells (the last question's answers and the totals,
 * a column of ticks) for a block of its own, and may drop it as noise: the rows come back
 * a cell or two short, with nothing to say so. Ink standing in a row of short words where
 * no word was read, under or over a word of the rows around it (the column's header or
 * another row's cell), is cut out and read again, all such pieces of a page side by side
 * on one sheet: one more engine run at most, none when no row has unread ink.
 */

// A row of a table: this many words or more, none longer than a cell's word.
const MIN_ROW_WORDS = 3;
const MAX_CELL_CHARS = 6;
// Ink this close to a word read (in x-heights) is part of it.
const NEAR = 0.5;
// A cell's glyphs stand this many x-heights tall at least and at most (dust is smaller,
// pictures and what is left of rules larger); pieces of ink this close together are one cell.
const MIN_GLYPH = 0.6;
const MAX_GLYPH = 2.2;
const CELL_GAP = 0.8;
// The engine may drop the last columns of a table whole (the last questions and Total), so
// a row is searched past the words read around it, for cells each standing at most this
// many x-heights after the one before.
const FOLLOWING_CELL = 6;
// Above and below its words, a row's band reaches this many x-heights further.
const BAND_MARGIN = 0.3;
// The rows around (this many x-heights above and below) whose words show the columns.
const COLUMN_REACH = 12;
// Darker than this (0–255, on the cleaned page) is ink.
const INK = 128;
// Margin kept around each piece cut out, and the space between two on the sheet, in x-heights.
const MARGIN = 0.3;
const GAP = 1.5;
// Rows on the sheet stand this many piece heights apart.
const ROW_PITCH = 3;
// What a cell read again may be: a short word of letters, digits or marks.
const CELL_TEXT = /^[\p{L}\p{N}✓✗½.,/*?-]{1,6}$/u;
// A cell read only on the second look is less sure than the engine's reading of it.
const SECOND_LOOK_CONFIDENCE = 0.85;

interface Lost {
  line: OcrLine;
  box: PixelBox;
}

export async function pageWithLostCells<Page extends RecognisedPage>(engine: OcrEngine, page: Page): Promise<Page> {
  const lost = lostCells(page);
  if (lost.length === 0) return page;
  const { sheet, pieces } = sheetOfPieces(page.picture, lost);
  const read = await engine.recognize(sheet, { cleaned: true });
  const readWords = read.lines.flatMap((line) => line.words);
  const found = new Map<OcrLine, OcrWord[]>();
  for (const piece of pieces) {
    const inside = readWords.filter((word) => {
      const [cx, cy] = [(word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2];
      return cx >= piece.x && cx <= piece.x + piece.w && cy >= piece.y && cy <= piece.y + piece.h;
    });
    const text = inside.map((word) => word.text).join('');
    if (inside.length === 0 || !CELL_TEXT.test(text)) continue;
    const confidence = SECOND_LOOK_CONFIDENCE * Math.min(...inside.map((word) => word.confidence));
    const words = found.get(piece.lost.line) ?? [];
    words.push({ text, confidence, ...piece.lost.box });
    found.set(piece.lost.line, words);
  }
  if (found.size === 0) return page;
  const lines = page.lines.map((line) => {
    const more = found.get(line);
    return more ? { ...line, words: [...line.words, ...more].sort((a, b) => a.x0 - b.x0) } : line;
  });
  // A cell found now may be a tick or a cross the engine wrote as a letter, as its row's others.
  return { ...page, ...pageWithTicksRead({ lines }, page.picture) };
}

function isRow(line: OcrLine): boolean {
  return line.words.length >= MIN_ROW_WORDS && isOfCells(line);
}

/** A line of short words only, as a table's rows and the parts of them the engine read apart are. */
function isOfCells(line: OcrLine): boolean {
  return line.words.every((word) => [...word.text].length <= MAX_CELL_CHARS);
}

/**
 * Unread cells under or over a word of the rows around, and those of a whole column the
 * engine dropped, header and all (a narrow column between two wide gaps, which the layout
 * step took for a block of noise): unread cells of this many rows or more, one over another.
 */
const MIN_LOST_COLUMN = 3;

function lostCells(page: RecognisedPage): Lost[] {
  const found = page.lines.flatMap((line) => (isRow(line) ? lostInRow(page, line) : []));
  const alone = found.filter((cell) => !cell.underWord);
  const inColumn = (cell: Lost & { underWord: boolean }): boolean =>
    new Set(alone.filter((other) => other.box.x0 < cell.box.x1 && other.box.x1 > cell.box.x0).map((o) => o.line))
      .size >= MIN_LOST_COLUMN;
  return found.filter((cell) => cell.underWord || inColumn(cell)).map(({ line, box }) => ({ line, box }));
}

/** The cells of the row whose ink stands where no word was read; whether a word of the rows around stands over or under each. */
function lostInRow(page: RecognisedPage, line: OcrLine): (Lost & { underWord: boolean })[] {
  const { picture } = page;
  const xh = line.xHeight;
  const words = [...line.words].sort((a, b) => a.x0 - b.x0);
  const y0 = Math.min(...words.map((word) => word.y0)) - BAND_MARGIN * xh;
  const y1 = Math.max(...words.map((word) => word.y1)) + BAND_MARGIN * xh;
  // The words of the rows around: the columns a cell must stand in, and the table's right edge.
  const around = page.lines.filter(
    (other) =>
      other !== line &&
      other.words.some((word) => word.y1 > y0 - COLUMN_REACH * xh && word.y0 < y1 + COLUMN_REACH * xh),
  );
  const columnWords = around.filter(isOfCells).flatMap((other) => other.words);
  if (columnWords.length === 0) return [];
  // The table's right edge as read; past it, cells go on as long as each stands near the last.
  let reach = Math.max(...columnWords.map((word) => word.x1)) + FOLLOWING_CELL * xh;
  const gaps: [number, number][] = [];
  for (let k = 0; k < words.length; k++) {
    const from = words[k]!.x1 + NEAR * xh;
    const to = (k + 1 < words.length ? words[k + 1]!.x0 : picture.width) - NEAR * xh;
    if (to - from >= xh) gaps.push([from, to]);
  }
  const everyWord = page.lines.flatMap((other) => other.words);
  const lost: (Lost & { underWord: boolean })[] = [];
  for (const [from, to] of gaps) {
    for (const cell of cellsOfInk(picture, { x0: from, y0, x1: to, y1 }, xh)) {
      const [cx, cy] = [(cell.x0 + cell.x1) / 2, (cell.y0 + cell.y1) / 2];
      if (everyWord.some((word) => cx >= word.x0 && cx <= word.x1 && cy >= word.y0 && cy <= word.y1)) {
        reach = Math.max(reach, cell.x1 + FOLLOWING_CELL * xh);
        continue;
      }
      if (cell.x0 > reach) break;
      reach = Math.max(reach, cell.x1 + FOLLOWING_CELL * xh);
      const underWord = columnWords.some((word) => word.x0 < cell.x1 && word.x1 > cell.x0);
      lost.push({ line, box: cell, underWord });
    }
  }
  return lost;
}

/** Glyph-sized ink in a box, grouped into cells; ink touching the box's edges reaches beyond it and does not count. */
function cellsOfInk(image: GrayImage, area: PixelBox, xh: number): PixelBox[] {
  const { x0, y0, x1, y1 } = pixelBoxIn(image, area);
  const [w, h] = [x1 - x0, y1 - y0];
  if (w <= 2 || h <= 2) return [];
  // Ink running out of the stretch searched is part of something beyond it: a glyph of a
  // word the engine boxed short (the left stem of an N boxed from its diagonal), a line above.
  const blobs = inkBlobs(image, { x0, y0, x1, y1 }, INK)
    .filter((blob) => blob.x0 > 0 && blob.y0 > 0 && blob.x1 < w && blob.y1 < h)
    .sort((a, b) => a.x0 - b.x0);
  const groups: PixelBox[][] = [];
  for (const blob of blobs) {
    const last = groups.at(-1);
    if (last && blob.x0 - Math.max(...last.map((b) => b.x1)) < CELL_GAP * xh) last.push(blob);
    else groups.push([blob]);
  }
  return groups
    .filter((group) => {
      const tallest = Math.max(...group.map((b) => b.y1 - b.y0));
      return tallest >= MIN_GLYPH * xh && tallest <= MAX_GLYPH * xh;
    })
    .map((group) => ({
      x0: x0 + Math.min(...group.map((b) => b.x0)),
      y0: y0 + Math.min(...group.map((b) => b.y0)),
      x1: x0 + Math.max(...group.map((b) => b.x1)),
      y1: y0 + Math.max(...group.map((b) => b.y1)),
    }));
}

interface Piece {
  lost: Lost;
  /** Where the piece's cut stands on the sheet, and its size. */
  x: number;
  y: number;
  w: number;
  h: number;
  cut: PixelBox;
}

/**
 * The pieces cut from the picture with a margin and set on a white sheet of its width, one
 * row of the sheet for each row of the table, after the row's first word as it was read:
 * a lone tick or letter on a sheet the engine takes for a speck, and a line that opens with
 * a word it reads as text.
 */
function sheetOfPieces(picture: GrayImage, lost: readonly Lost[]): { sheet: GrayImage; pieces: Piece[] } {
  const width = picture.width;
  const tallest = Math.max(...lost.map(({ line }) => Math.max(...line.words.map((word) => word.y1 - word.y0))));
  const pitch = Math.ceil(ROW_PITCH * tallest);
  const left = Math.round(width / 10);
  const pieces: Piece[] = [];
  const cuts: { box: PixelBox; x: number; y: number }[] = [];
  let [x, y] = [left, 0];
  let row: OcrLine | null = null;
  let rows = 0;
  const cutOf = (box: PixelBox, xh: number): PixelBox => {
    const margin = MARGIN * xh;
    return pixelBoxIn(picture, { x0: box.x0 - margin, y0: box.y0 - margin, x1: box.x1 + margin, y1: box.y1 + margin });
  };
  for (const item of lost) {
    const xh = item.line.xHeight;
    const cut = cutOf(item.box, xh);
    const [w, h] = [cut.x1 - cut.x0, cut.y1 - cut.y0];
    if (w <= 0 || h <= 0) continue;
    if (item.line !== row || x + w > width - left) {
      row = item.line;
      [x, y] = [sheetRowStart(left, rows++, tallest), y + pitch];
      const anchor = cutOf(item.line.words[0]!, xh);
      cuts.push({ box: anchor, x, y });
      x += anchor.x1 - anchor.x0 + Math.round(GAP * xh);
    }
    // Each piece keeps its height against the row's first word, so the row keeps one baseline.
    const top = y + cut.y0 - cutOf(item.line.words[0]!, xh).y0;
    pieces.push({ lost: item, x, y: top, w, h, cut });
    cuts.push({ box: cut, x, y: top });
    x += w + Math.round(GAP * xh);
  }
  return { sheet: sheetOfCuts(picture, width, y + pitch, cuts), pieces };
}
