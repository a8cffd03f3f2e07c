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
