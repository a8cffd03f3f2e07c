import { roundSize } from './pdf-layout.js';
import { linesJoined, type PdfLine } from './pdf-lines.js';
import { MIN_CELLS, PITCH_TOLERANCE, spansOverlap } from './pdf-table-shape.js';

/**
 * Rows of a table whose cells are set vertically centred. In a column too narrow for its
 * text every cell wraps (`202` over `2`, `Tota` over `l`), and the row's one-line cells
 * (the answers, the total) are set half a line pitch below the first line of the wrapped
 * ones, between their two lines. Read line by line, such a row is three lines, and the
 * middle one parts the two lines of each wrapped cell. Raised to the row's first line,
 * the one-line cells leave the row as a table printed top-aligned: a line of every cell's
 * first part, then the wrapped rests a line pitch below, which the table reader joins.
 */

// A line standing less than this share of the line pitch below another is no line of
// text under it: both are parts of one row.
const CENTRED_STEP = 0.75;

/** The lines with each row's centred one-line cells raised onto the row's first line. */
export function linesWithCentredCellsRaised(lines: readonly PdfLine[], pitchOf: (size: number) => number): PdfLine[] {
  const out: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const [upper, middle, lower] = [lines[i]!, lines[i + 1], lines[i + 2]];
    if (middle && lower && centredBetween(upper, middle, lower, pitchOf)) {
      // The lower line may be the first line of the next such pair (cells of three lines beside cells of two).
      out.push(linesJoined(upper, middle));
      i += 2;
    } else {
      out.push(upper);
      i += 1;
    }
  }
  return out;
}

/**
 * Whether `middle` holds cells centred between the two lines of the wrapped cells of
 * `upper` and `lower`: it stands between them, `lower` is a line pitch under `upper`
 * and holds only the rest of `upper`'s cells, each within the cell above it (a header
 * over several columns has its labels under it, spread wider), and `middle` keeps to the
 * columns both leave empty.
 */
function centredBetween(upper: PdfLine, middle: PdfLine, lower: PdfLine, pitchOf: (size: number) => number): boolean {
  const size = roundSize(upper.size);
  if (roundSize(middle.size) !== size || roundSize(lower.size) !== size) return false;
  if (middle.area !== upper.area || lower.area !== upper.area) return false;
  const pitch = pitchOf(upper.size);
  const step = upper.y - middle.y;
  const wrap = upper.y - lower.y;
  if (!(step > 0 && step < CENTRED_STEP * pitch && middle.y > lower.y && wrap <= pitch + PITCH_TOLERANCE)) return false;
  if (upper.runPieces.length + middle.runPieces.length < MIN_CELLS) return false;
  const apart = (line: PdfLine): boolean =>
    middle.segments.every((segment) => !line.segments.some((other) => spansOverlap(segment, other)));
  // The rest of a wrapped cell keeps within its column, which the cell's first line all but fills.
  const slack = upper.size;
  const under = lower.segments.every((segment) =>
    upper.segments.some((other) => segment.x >= other.x - slack && segment.right <= other.right + slack),
  );
  return apart(upper) && apart(lower) && under;
}
