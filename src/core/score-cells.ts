import { markedValueFromCell } from './footnote-marks.js';

/** What the header and year cells of a score table say, whatever shape the table came in. */

// "Q1", "Q 1", "Q.1", "Q1*", "Q1: National strategy", "Question 1 (strategy)".
const METRIC = /^(?:q|question)\s*[.\-#]?\s*(\d{1,3})\s*[*†‡¹²³]*(?:\s*[:.)(\-–—].*)?$/iu;
export const YEAR_HEADER = /^(?:years?|yr|fy|(?:fiscal|financial) years?)\.?$/iu;
export const TOTAL_HEADER = /^(?:total|score|sum)\b/iu;
// A year, possibly with a remark in brackets: "2021", "2021 (baseline)". A fiscal-year prefix
// ("FY2021", "FY 2021") names the same year; split years ("2022/23") stay unread on purpose,
// since reports disagree on whether they mean the first or the second year.
const YEAR = /^(?:FY\s?)?((?:19|20|21)\d\d)(?:\s*\([^()]*\))?$/iu;

/** `Q1`, `q 1`, `Q.1` -> `Q1`; null for any other header. */
export function metricNameFromHeader(cell: string): string | null {
  const match = METRIC.exec(headerLabelFromCell(cell));
  return match ? `Q${Number.parseInt(match[1]!, 10)}` : null;
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

