import type { Answer } from '../record/types.js';
import { markedValueFromCell } from './footnote-marks.js';
import type { Reading } from './reading.js';

export interface TotalReading {
  total: number | null;
  mark: string | null;
}

/** The number printed in a Total cell, or null when the cell holds none. */
export function totalFromCell(cell: string, reading: Reading): TotalReading {
  const plain = cell.replace(/[\s\u00a0]+/gu, ' ').trim();
  const direct = reading.cells.total.exec(plain);
  if (direct) return { total: numberFromText(direct[1]!), mark: null };
  const { value, mark } = markedValueFromCell(plain, false);
  const marked = reading.cells.total.exec(value);
  if (marked && mark !== null) return { total: numberFromText(marked[1]!), mark };
  return { total: null, mark: null };
}

/** Whether a cell reads as a number at all (used to find a Total in a short row). */
export function isNumericCell(cell: string, reading: Reading): boolean {
  return totalFromCell(cell, reading).total !== null;
}

/** The row's total by the configured weights; missing answers count 0. */
export function computedTotalFromAnswers(
  answers: Iterable<Answer | null>,
  weights: Readonly<Record<Answer, number>>,
): number {
  let sum = 0;
  for (const answer of answers) if (answer !== null) sum += weights[answer];
  return roundedTotal(sum);
}

/** Rounds to 4 decimals so that float noise (0.1 + 0.2) never shows in a record. */
export function roundedTotal(value: number): number {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Whether two totals differ by more than the tolerance, ignoring float noise. */
export function totalsDiffer(reported: number, computed: number, tolerance: number): boolean {
  return roundedTotal(Math.abs(reported - computed)) > tolerance;
}

function numberFromText(text: string): number {
  return roundedTotal(Number.parseFloat(text.replace(',', '.')));
}
