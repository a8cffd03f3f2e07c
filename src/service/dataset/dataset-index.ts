import { findingsFromCountryYears, type ConsistencyFinding } from '../../dataset/consistency.js';
import { countryYearsFromReleased, type CountryYear } from '../../dataset/country-years.js';
import { countryYearsMatching, NO_FILTER, type DatasetFilter } from '../../dataset/dataset-filter.js';
import type { DatasetFormat, DatasetShape } from '../../dataset/dataset-formats.js';
import { tableFromCountryYears } from '../../dataset/dataset-tables.js';
import { bytesFromTable } from '../../dataset/table-encodings.js';
import type { ExtractOptions } from '../../core/options.js';
import type { IndexScoring } from '../../dataset/index-scoring.js';
import { toleranceFromOptions, weightsForRecord } from '../../core/profile-choice.js';
import type { ReleasedRecordsSource } from './released-records.js';

/** The index as read from the source at one moment, with what could not be placed in it. */
export interface LoadedIndex {
  countryYears: CountryYear[];
  findings: ConsistencyFinding[];
  /** Released records read. */
  records: number;
  /** Released records with scores but no country they could be filed under. */
  unplaced: number;
  /** Files or lines of the source that were not records. */
  unreadable: number;
}

export interface ExportRequest {
  shape: DatasetShape;
  format: DatasetFormat;
  filter: DatasetFilter;
}

export interface ExportResult {
  bytes: Uint8Array;
  rows: number;
  records: number;
  unplaced: number;
  unreadable: number;
  durationMs: number;
}

/** Reads every released record and files it by country and year; `filter` narrows the country-years and findings. */
export async function indexFromSource(
  source: ReleasedRecordsSource,
  extract: ExtractOptions,
  filter: DatasetFilter = NO_FILTER,
): Promise<LoadedIndex> {
  const { records, unreadable } = await source.load();
  const { countryYears, unplaced } = countryYearsFromReleased(records);
  const kept = countryYearsMatching(countryYears, filter);
  return {
    countryYears: kept,
    findings: findingsFromCountryYears(kept, scoringFromExtract(extract).totalTolerance),
    records: records.length,
    unplaced: unplaced.length,
    unreadable,
  };
}

/** One export, from reading the source to the encoded bytes. */
export async function exportFromSource(
  source: ReleasedRecordsSource,
  request: ExportRequest,
  extract: ExtractOptions,
): Promise<ExportResult> {
  const started = performance.now();
  const index = await indexFromSource(source, extract, request.filter);
  const table = tableFromCountryYears(request.shape, index.countryYears, scoringFromExtract(extract));
  const bytes = bytesFromTable(table, request.format);
  return {
    bytes,
    rows: table.rows.length,
    records: index.records,
    unplaced: index.unplaced,
    unreadable: index.unreadable,
    durationMs: performance.now() - started,
  };
}

/**
 * The run's weights and tolerance as the index scores with them: the one place that
 * reads them from the options. Without weights of the run's own, each record is scored
 * with those of the profile it was read with.
 */
export function scoringFromExtract(extract: ExtractOptions): IndexScoring {
  return { weightsFor: (record) => weightsForRecord(record, extract), totalTolerance: toleranceFromOptions(extract) };
}
