import { countryFromCode, countryFromTitle } from '../core/country.js';
import type { CountryYear } from './country-years.js';

/** Which country-years an export or a page covers; null means all. */
export interface DatasetFilter {
  /** Country keys (ISO 3166 alpha-3, or the name of a country known by name only). */
  countries: string[] | null;
  years: Array<{ from: number; to: number }> | null;
}

export const NO_FILTER: DatasetFilter = { countries: null, years: null };

const YEARS = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/u;

/**
 * Reads `country` (codes or names, comma-separated: `KAZ,UZ,Kyrgyzstan`) and `year`
 * (years or ranges: `2022`, `2021-2023,2015`) as a user writes them. Every problem is
 * listed at once.
 */
export function filterFromQuery(query: {
  country?: string | undefined;
  year?: string | undefined;
}): { filter: DatasetFilter } | { problems: string[] } {
  const problems: string[] = [];
  let countries: string[] | null = null;
  if (query.country !== undefined && query.country.trim() !== '') {
    countries = [];
    for (const part of listFrom(query.country)) {
      const key = countryKeyFromText(part);
      if (key === null) problems.push(`country: "${part}" is not a country code or name`);
      else countries.push(key);
    }
  }
  let years: DatasetFilter['years'] = null;
  if (query.year !== undefined && query.year.trim() !== '') {
    years = [];
    for (const part of listFrom(query.year)) {
      const match = YEARS.exec(part);
      const from = match ? Number(match[1]) : NaN;
      const to = match?.[2] ? Number(match[2]) : from;
      if (!match || to < from) problems.push(`year: "${part}" is not a year or a range of years such as 2021-2023`);
      else years.push({ from, to });
    }
  }
  return problems.length > 0 ? { problems } : { filter: { countries, years } };
}

export function countryYearsMatching<T extends Pick<CountryYear, 'country' | 'year'>>(
  countryYears: readonly T[],
  filter: DatasetFilter,
): T[] {
  const countries = filter.countries ? new Set(filter.countries) : null;
  return countryYears.filter(
    (cy) =>
      (!countries || countries.has(cy.country.key)) &&
      (!filter.years || filter.years.some((range) => cy.year >= range.from && cy.year <= range.to)),
  );
}

/** `KAZ`, `kz`, `Kazakhstan` → `KAZ`; text that names no country → null. */
export function countryKeyFromText(text: string): string | null {
  const country = countryFromCode(text) ?? countryFromTitle(text);
  return country ? (country.iso3 ?? country.name) : null;
}

function listFrom(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
