import { markedValueFromCell } from './footnote-marks.js';
import type { Reading } from './reading.js';

/** What the header and year cells of a score table say, whatever shape the table came in. */

// A year, possibly with a remark in brackets: "2021", "2021 (baseline)". A fiscal-year prefix
// ("FY2021", "FY 2021") names the same year; split years ("2022/23") stay unread on purpose,
// since reports disagree on whether they mean the first or the second year.
const YEAR = /^(?:FY\s?)?((?:19|20|21)\d\d)(?:\s*\([^()]*\))?$/iu;

/**
 * A question header as the profile prints it ("Q1", "Q 1", "Q.1", "Q1*", "Q1: National
 * strategy", "Question 1 (strategy)", "P1" in Spanish) -> the question's canonical id
 * (`Q1`); null for any other header.
 */
export function metricNameFromHeader(cell: string, reading: Reading): string | null {
  const match = reading.questions.label.exec(headerLabelFromCell(cell));
  return match ? reading.questions.idTemplate.replace('{n}', String(Number.parseInt(match[1]!, 10))) : null;
}

export function isYearHeader(cell: string, reading: Reading): boolean {
  return reading.cells.yearHeader.test(cell);
}

export function isTotalHeader(cell: string, reading: Reading): boolean {
  return reading.cells.totalHeader.test(cell);
}

// A header cell's label: one line, a footnote mark after it ("Q4[^1]", "Year*") dropped.
export function headerLabelFromCell(cell: string): string {
  return markedValueFromCell(cell.replace(/\s+/gu, ' '), false).value;
}

/** A year printed in a cell, footnote mark allowed; null when the cell holds none. */
export function yearFromCell(cell: string): { year: number; mark: string | null } | null {
  const { value, mark } = markedValueFromCell(cell, false);
  const match = YEAR.exec(value);
  return match ? { year: Number(match[1]), mark } : null;
}
