import type { Answer } from '../record/types.js';
import type { ConsistencyFinding } from './consistency.js';
import type { CountryYear, DatasetCountry, YearReading } from './country-years.js';
import { answerOf, compareQuestions, computedTotalOf } from './dataset-tables.js';
import type { IndexScoring } from './index-scoring.js';

export interface YearTotal {
  year: number;
  /** Under the configured weights. */
  total: number;
  reportedTotal: number | null;
  /** The most a row of this table could score: every question answered with the best answer. */
  maxTotal: number;
}

/** A country's line on the overview. */
export interface CountrySummary {
  country: DatasetCountry;
  /** Its latest year's total. */
  latest: YearTotal;
  /** Every year, oldest first. */
  totals: YearTotal[];
  /** Released records that give at least one of its years. */
  reports: number;
  findings: number;
}

export interface GridCell {
  answer: Answer | null;
  recordId: string;
  fileName: string;
}

/** One country across the years: what its page draws. */
export interface CountryHistory {
  country: DatasetCountry;
  /** Oldest first. */
  years: number[];
  /** Every question any of its years asks. */
  questions: string[];
  /** `cells[question][i]` answers `years[i]`; null where that year's record does not ask the question. */
  cells: Record<string, Array<GridCell | null>>;
  totals: YearTotal[];
  countryYears: CountryYear[];
  findings: ConsistencyFinding[];
}

/** Countries ranked by their latest total, highest first; ties by name. */
export function overviewFromCountryYears(
  countryYears: readonly CountryYear[],
  scoring: IndexScoring,
  findings: readonly ConsistencyFinding[],
): CountrySummary[] {
  const summaries: CountrySummary[] = [];
  for (const group of groupsByCountry(countryYears)) {
    const totals = group.map((cy) => yearTotal(cy, scoring));
    const ids = new Set(group.flatMap((cy) => [cy.speaking, ...cy.others].map((r) => r.released.record.id)));
    const key = group[0]!.country.key;
    summaries.push({
      country: group[0]!.country,
      latest: totals.at(-1)!,
      totals,
      reports: ids.size,
      findings: findings.filter((f) => f.country.key === key).length,
    });
  }
  return summaries.sort((a, b) => b.latest.total - a.latest.total || a.country.name.localeCompare(b.country.name));
}

/** Everything the country page shows, null when the index has no year of that country. */
export function countryHistoryFromCountryYears(
  countryYears: readonly CountryYear[],
  key: string,
  scoring: IndexScoring,
  findings: readonly ConsistencyFinding[],
): CountryHistory | null {
  const own = countryYears.filter((cy) => cy.country.key === key).sort((a, b) => a.year - b.year);
  if (own.length === 0) return null;
  const questions = [...new Set(own.flatMap((cy) => cy.speaking.columns))].sort(compareQuestions);
  const cells: CountryHistory['cells'] = {};
  for (const question of questions) {
    cells[question] = own.map((cy) =>
      cy.speaking.columns.includes(question) ? gridCell(cy.speaking, question) : null,
    );
  }
  return {
    country: own[0]!.country,
    years: own.map((cy) => cy.year),
    questions,
    cells,
    totals: own.map((cy) => yearTotal(cy, scoring)),
    countryYears: own,
    findings: findings.filter((f) => f.country.key === key),
  };
}

function yearTotal(cy: CountryYear, scoring: IndexScoring): YearTotal {
  const weights = scoring.weightsFor(cy.speaking.released.record);
  const best = Math.max(weights.Y, weights.P, weights.N);
  return {
    year: cy.year,
    total: computedTotalOf(cy.speaking, scoring),
    reportedTotal: cy.speaking.row.reportedTotal,
    maxTotal: cy.speaking.columns.length * best,
  };
}

function gridCell(reading: YearReading, question: string): GridCell {
  const { record } = reading.released;
  return { answer: answerOf(reading, question), recordId: record.id, fileName: record.source.fileName };
}

/** Country-years by country, each oldest first. */
function groupsByCountry(countryYears: readonly CountryYear[]): CountryYear[][] {
  const groups = new Map<string, CountryYear[]>();
  for (const cy of countryYears) {
    const group = groups.get(cy.country.key);
    if (group) group.push(cy);
    else groups.set(cy.country.key, [cy]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.year - b.year));
}
