import type { Status } from '../../record/types.js';
import type { Place, RecordState } from '../store/record-state.js';
import type { RecordsStore, RecordSummary } from '../store/records-store.js';

/** What a person narrows the records browser by; every member is optional and they combine. */
export interface CatalogFilter {
  state?: RecordState;
  status?: Status;
  place?: Place;
  /** A country's name (any part of it, any case) or its ISO alpha-2/alpha-3 code. */
  country?: string;
  /** A year that appears in a score table. */
  year?: number;
  /** An anomaly code the record carries. */
  code?: string;
  /** Any part of the file name, any case. */
  file?: string;
  /** The record id, or its first characters. */
  id?: string;
}

export interface CatalogPage {
  /** Records matching the filter, on every page. */
  total: number;
  page: number;
  perPage: number;
  rows: RecordSummary[];
}

export interface RecordsCatalog {
  /** Which source answers: "files" or "postgresql". */
  readonly source: string;
  find(filter: CatalogFilter, page: number, perPage: number): Promise<CatalogPage>;
}

/** Whether a record summary passes the filter; the one definition the browser, the API and the database query follow. */
export function summaryMatches(summary: RecordSummary, filter: CatalogFilter): boolean {
  if (filter.state && summary.state !== filter.state) return false;
  if (filter.status && summary.status !== filter.status) return false;
  if (filter.place && summary.place !== filter.place) return false;
  if (filter.country) {
    const wanted = filter.country.trim().toLowerCase();
    const byCode = summary.countryCodes.some((c) => c.toLowerCase() === wanted);
    if (!byCode && !(summary.country ?? '').toLowerCase().includes(wanted)) return false;
  }
  if (filter.year !== undefined && !summary.years.includes(filter.year)) return false;
  if (filter.code && !summary.anomalyCodes.includes(filter.code.trim().toUpperCase())) return false;
  if (filter.file && !summary.fileName.toLowerCase().includes(filter.file.trim().toLowerCase())) return false;
  if (filter.id && !summary.id.startsWith(filter.id.trim().toLowerCase())) return false;
  return true;
}

/** Every record in the store's folders, newest first. */
export function catalogFromStore(store: Pick<RecordsStore, 'list'>): RecordsCatalog {
  return {
    source: 'files',
    async find(filter, page, perPage) {
      const matching = (await store.list()).filter((s) => summaryMatches(s, filter));
      const start = (page - 1) * perPage;
      return { total: matching.length, page, perPage, rows: matching.slice(start, start + perPage) };
    },
  };
}
