import { computedTotalFromAnswers } from '../core/totals.js';
import type { Answer } from '../record/types.js';
import type { CountryYear, YearReading } from './country-years.js';
import type { DatasetShape } from './dataset-formats.js';
import type { IndexScoring } from './index-scoring.js';

export type ColumnType = 'string' | 'int' | 'double' | 'date';
export type Cell = string | number | null;

export interface Column {
  name: string;
  type: ColumnType;
}

/** Rows of cells in column order: one shape for every format an export is written in. */
export interface DatasetTable {
  columns: Column[];
  rows: Cell[][];
}

const LEADING: Column[] = [
  { name: 'country_iso3', type: 'string' },
  { name: 'country_name', type: 'string' },
  { name: 'year', type: 'int' },
];

// Where the row comes from, and which other released records give the same country-year.
const PROVENANCE: Column[] = [
  { name: 'report_id', type: 'string' },
  { name: 'report_date', type: 'date' },
  { name: 'file_name', type: 'string' },
  { name: 'report_count', type: 'int' },
  { name: 'other_report_ids', type: 'string' },
];

/** Separates record ids in `other_report_ids`; ids are hex, so it never occurs inside one. */
export const ID_SEPARATOR = ' ';

/**
 * One row per question of each country-year, from the record that speaks for it:
 * the answer, its score under the record's weights (null for a missing answer), the reported total.
 */
export function longTableFromCountryYears(countryYears: readonly CountryYear[], scoring: IndexScoring): DatasetTable {
  const columns: Column[] = [
    ...LEADING,
    { name: 'question', type: 'string' },
    { name: 'answer', type: 'string' },
    { name: 'score', type: 'double' },
    { name: 'reported_total', type: 'double' },
    ...PROVENANCE,
  ];
  const rows: Cell[][] = [];
  for (const cy of countryYears) {
    const { speaking } = cy;
    const weights = scoring.weightsFor(speaking.released.record);
    const tail = provenanceCells(cy);
    for (const question of speaking.columns) {
      const answer = answerOf(speaking, question);
      rows.push([
        ...leadingCells(cy),
        question,
        answer,
        answer === null ? null : weights[answer],
        speaking.row.reportedTotal,
        ...tail,
      ]);
    }
  }
  return { columns, rows };
}

/**
 * One row per country-year: the answer to every question any released record asks
 * (null where the speaking record does not ask it), the total computed under
 * the record's weights and the total the report printed.
 */
export function wideTableFromCountryYears(countryYears: readonly CountryYear[], scoring: IndexScoring): DatasetTable {
  const questions = questionsOf(countryYears);
  const columns: Column[] = [
    ...LEADING,
    ...questions.map((name): Column => ({ name, type: 'string' })),
    { name: 'computed_total', type: 'double' },
    { name: 'reported_total', type: 'double' },
    ...PROVENANCE,
  ];
  const rows = countryYears.map((cy): Cell[] => [
    ...leadingCells(cy),
    ...questions.map((q) => answerOf(cy.speaking, q)),
    computedTotalOf(cy.speaking, scoring),
    cy.speaking.row.reportedTotal,
    ...provenanceCells(cy),
  ]);
  return { columns, rows };
}

export function tableFromCountryYears(
  shape: DatasetShape,
  countryYears: readonly CountryYear[],
  scoring: IndexScoring,
): DatasetTable {
  return shape === 'long'
    ? longTableFromCountryYears(countryYears, scoring)
    : wideTableFromCountryYears(countryYears, scoring);
}

/** The reading's total under the index's weights for its record, which may differ from those it was parsed with. */
export function computedTotalOf(reading: YearReading, scoring: IndexScoring): number {
  return computedTotalFromAnswers(
    reading.columns.map((q) => answerOf(reading, q)),
    scoring.weightsFor(reading.released.record),
  );
}

/** Every question any country-year asks, `Q2` before `Q10`. */
export function questionsOf(countryYears: readonly CountryYear[]): string[] {
  const seen = new Set<string>();
  for (const cy of countryYears) for (const q of cy.speaking.columns) seen.add(q);
  return [...seen].sort(compareQuestions);
}

export function compareQuestions(a: string, b: string): number {
  const [, aStem = a, aNumber] = /^(.*?)(\d+)$/u.exec(a) ?? [];
  const [, bStem = b, bNumber] = /^(.*?)(\d+)$/u.exec(b) ?? [];
  if (aStem !== bStem) return aStem < bStem ? -1 : 1;
  return Number(aNumber ?? -1) - Number(bNumber ?? -1) || (a < b ? -1 : a > b ? 1 : 0);
}

export function answerOf(reading: YearReading, question: string): Answer | null {
  return reading.row.answers[question] ?? null;
}

function leadingCells(cy: CountryYear): Cell[] {
  return [cy.country.iso3, cy.country.name, cy.year];
}

function provenanceCells(cy: CountryYear): Cell[] {
  const { record } = cy.speaking.released;
  return [
    record.id,
    record.report.date,
    record.source.fileName,
    1 + cy.others.length,
    cy.others.length === 0 ? null : cy.others.map((o) => o.released.record.id).join(ID_SEPARATOR),
  ];
}
