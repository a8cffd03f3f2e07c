import type { PdfLine } from './pdf-lines.js';

/**
 * What makes a run of PDF lines a table, shared by the two ways tables are found
 * (segments cut at wide gaps, pdf-tables.ts; runs cut at shared gutters, pdf-run-cells.ts).
 */

/** A table row has at least this many cells. */
export const MIN_CELLS = 3;
/** Lines further apart than this many font sizes are not rows of one table. */
export const MAX_ROW_DISTANCE = 3;
/** Points beyond the body's line pitch: rows set further apart than this have cell padding. */
export const PITCH_TOLERANCE = 0.3;
/** Mean characters per cell piece from which unspaced rows read as words of a paragraph. */
export const PROSE_PIECE_LENGTH = 4.5;

/** Whether two spans across the page (cells, segments, columns) share some width. */
export function spansOverlap(a: { x: number; right: number }, b: { x: number; right: number }): boolean {
  return a.x < b.right && a.right > b.x;
}

/**
 * Lines of a justified paragraph in a narrow column, split into pieces by their
 * stretched spaces, can line up like cells by chance. They follow each other at the
 * paragraph's line pitch and hold words, where table rows are set further apart (cell
 * padding, borders) or hold short cells. `rows` run top to bottom, each row its lines
 * (a row may wrap); `pieces` are the cell texts cut from them.
 */
export function readsAsProse(
  rows: readonly (readonly Pick<PdfLine, 'y' | 'size'>[])[],
  pieces: readonly { text: string }[],
  pitchOf: (size: number) => number,
): boolean {
  const spaced = rows.some((row, r) => {
    const above = rows[r - 1]?.at(-1);
    const first = row[0];
    return above !== undefined && first !== undefined && above.y - first.y > pitchOf(first.size) + PITCH_TOLERANCE;
  });
  const meanLength = pieces.reduce((sum, piece) => sum + piece.text.length, 0) / pieces.length;
  return !spaced && meanLength >= PROSE_PIECE_LENGTH;
}
