import { countryFromTitle } from '../core/country.js';
import type { ScoreRow } from '../record/types.js';
import type { ReleasedRecord } from './released-record.js';

export interface DatasetCountry {
  /** ISO 3166 alpha-3 where the country is known by code, else its name: what the index is keyed by. */
  key: string;
  iso3: string | null;
  name: string;
}

/** One record's row for a country-year. */
export interface YearReading {
  released: ReleasedRecord;
  tableIndex: number;
  rowIndex: number;
  /** The table's question columns, in document order. */
  columns: string[];
  row: ScoreRow;
}

export interface CountryYear {
  country: DatasetCountry;
  year: number;
  /** The reading that counts: the latest report date, then the latest release. */
  speaking: YearReading;
  /** Every other released reading of the same country-year, in the same order. */
  others: YearReading[];
}

export interface CountryYearIndex {
  /** By country key, then year. */
  countryYears: CountryYear[];
  /** Released records with score rows that name no country (no recognised title, no country sub-heading). */
  unplaced: ReleasedRecord[];
}

/**
 * Puts every released score row under its country and year and decides which record
 * speaks for each. A table's own sub-heading names its country when it is one (a
 * regional report with one table per country), else the report's country does. A
 * record that gives one country-year twice (a repeated row, two tables) counts with
 * its first, as the database sink keeps it.
 */
export function countryYearsFromReleased(released: readonly ReleasedRecord[]): CountryYearIndex {
  const readings = new Map<string, { country: DatasetCountry; year: number; readings: YearReading[] }>();
  const unplaced: ReleasedRecord[] = [];
  for (const item of released) {
    const { record } = item;
    const taken = new Set<string>();
    let placed = false;
    record.scoreTables.forEach((table, tableIndex) => {
      const country = countryOfTable(table.subject, record.report.country);
      if (!country) return;
      table.rows.forEach((row, rowIndex) => {
        const id = `${country.key}\u0000${row.year}`;
        if (taken.has(id)) return;
        taken.add(id);
        placed = true;
        let entry = readings.get(id);
        if (!entry) readings.set(id, (entry = { country, year: row.year, readings: [] }));
        entry.readings.push({ released: item, tableIndex, rowIndex, columns: table.columns, row });
      });
    });
    if (!placed && record.scoreTables.some((t) => t.rows.length > 0)) unplaced.push(item);
  }

  const countryYears: CountryYear[] = [];
  for (const { country, year, readings: found } of readings.values()) {
    const [speaking, ...others] = [...found].sort(speaksBefore);
    countryYears.push({ country, year, speaking: speaking!, others });
  }
  // One name per country: the one the most authoritative reading gives ("Türkiye" over an older "Turkey").
  const names = new Map<string, { name: string; reading: YearReading }>();
  for (const cy of countryYears) {
    const known = names.get(cy.country.key);
    if (!known || speaksBefore(cy.speaking, known.reading) < 0)
      names.set(cy.country.key, { name: cy.country.name, reading: cy.speaking });
  }
  for (const cy of countryYears) cy.country = { ...cy.country, name: names.get(cy.country.key)!.name };
  countryYears.sort((a, b) => compareText(a.country.key, b.country.key) || a.year - b.year);
  return { countryYears, unplaced };
}

/** Negative when `a` speaks before `b`: later report date, then later release, then id for a stable order. */
export function speaksBefore(a: YearReading, b: YearReading): number {
  return (
    compareText(b.released.record.report.date ?? '', a.released.record.report.date ?? '') ||
    compareText(b.released.releasedAt ?? '', a.released.releasedAt ?? '') ||
    compareText(a.released.record.id, b.released.record.id)
  );
}

function countryOfTable(
  subject: string | null,
  reportCountry: { name: string; iso3: string | null } | null,
): DatasetCountry | null {
  const own = subject === null ? null : countryFromTitle(subject);
  const country = own ?? reportCountry;
  if (!country) return null;
  return { key: country.iso3 ?? country.name, iso3: country.iso3, name: country.name };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
