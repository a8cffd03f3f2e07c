import { totalsDiffer } from '../core/totals.js';
import type { CountryYear, DatasetCountry, YearReading } from './country-years.js';
import { answerOf } from './dataset-tables.js';

export type FindingCode = 'ANSWER_DIFFERS' | 'TOTAL_DIFFERS';

/** One record's value in a finding, with where it came from. */
export interface ReportedValue {
  value: string | number;
  recordId: string;
  fileName: string;
  reportDate: string | null;
  releasedAt: string | null;
  /** JSON Pointer of the value in its record. */
  path: string;
  /** Where the value stands in its file, as the record's provenance says; null when it does not say. */
  provenance: unknown;
}

/**
 * Two released records that give one country-year differently: `speaking` is the
 * record that counts for it, `other` one that says something else.
 */
export interface ConsistencyFinding {
  code: FindingCode;
  country: DatasetCountry;
  year: number;
  /** The question, for ANSWER_DIFFERS; null for TOTAL_DIFFERS. */
  question: string | null;
  message: string;
  speaking: ReportedValue;
  other: ReportedValue;
}

/**
 * Compares every other reading of a country-year with the one that speaks for it: a
 * question both answer, differently, or reported totals further apart than
 * `tolerance`. A blank on one side says nothing and is no disagreement; each
 * record's own anomalies stay its own.
 */
export function findingsFromCountryYears(
  countryYears: readonly CountryYear[],
  tolerance: number,
): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  for (const cy of countryYears) {
    const { speaking } = cy;
    for (const other of cy.others) {
      for (const question of speaking.columns) {
        const a = answerOf(speaking, question);
        const b = answerOf(other, question);
        if (a === null || b === null || a === b) continue;
        findings.push(
          finding(
            'ANSWER_DIFFERS',
            cy,
            question,
            valueAt(speaking, a, `answers/${pointerToken(question)}`),
            valueAt(other, b, `answers/${pointerToken(question)}`),
          ),
        );
      }
      const a = speaking.row.reportedTotal;
      const b = other.row.reportedTotal;
      if (a !== null && b !== null && totalsDiffer(a, b, tolerance)) {
        findings.push(
          finding('TOTAL_DIFFERS', cy, null, valueAt(speaking, a, 'reportedTotal'), valueAt(other, b, 'reportedTotal')),
        );
      }
    }
  }
  return findings;
}

function finding(
  code: FindingCode,
  cy: CountryYear,
  question: string | null,
  speaking: ReportedValue,
  other: ReportedValue,
): ConsistencyFinding {
  const what = question ?? 'total';
  return {
    code,
    country: cy.country,
    year: cy.year,
    question,
    message: `${cy.country.name} ${cy.year} ${what}: ${speaking.fileName} says ${speaking.value}, ${other.fileName} says ${other.value}`,
    speaking,
    other,
  };
}

function valueAt(reading: YearReading, value: string | number, member: string): ReportedValue {
  const { record, releasedAt } = reading.released;
  const path = `/scoreTables/${reading.tableIndex}/rows/${reading.rowIndex}/${member}`;
  const provenance = (record as { provenance?: Record<string, unknown> }).provenance?.[path] ?? null;
  return {
    value,
    recordId: record.id,
    fileName: record.source.fileName,
    reportDate: record.report.date,
    releasedAt,
    path,
    provenance,
  };
}

function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
