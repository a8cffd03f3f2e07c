import type { Block } from '../blocks/model.js';
import type { Anomaly, RecordProvenance, ReportRecord, SourceInfo } from '../record/types.js';
import { flag, statusFromAnomalies } from './anomalies.js';
import { developmentListsFromBlocks } from './development-lists.js';
import { outlineFromBlocks } from './headings.js';
import type { OcrRepairs } from './ocr-readings.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from './options.js';
import { flagLowConfidence, flagReading, NO_READING_NOTES, type ReadingNotes } from './reading-notes.js';
import { reportHeaderFromBlocks } from './report-header.js';
import { scoreTablesFromBlocks } from './score-table.js';

/**
 * Blocks in, record out. Pure: no IO, never throws on document content. Anomalies
 * come out in record order: report fields, then score tables, then lists.
 */
export function recordFromBlocks(
  blocks: Block[],
  source: SourceInfo,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
  notes: ReadingNotes = NO_READING_NOTES,
): ReportRecord {
  const anomalies: Anomaly[] = [];
  flagReading(source, notes, anomalies);
  const header = reportHeaderFromBlocks(blocks, anomalies);
  const outline = outlineFromBlocks(blocks, header.bodyStart);

  const provenance: RecordProvenance = { ...header.provenance };
  const repairs: OcrRepairs = { repaired: new Set() };
  const scoreTables = scoreTablesFromBlocks(blocks, outline, header.bodyStart, anomalies, options, provenance, repairs);
  if (scoreTables.length === 0) {
    flag(anomalies, 'NO_SCORE_TABLE', null, { message: 'no score table' });
  }
  const developmentLists = developmentListsFromBlocks(blocks, outline, header.bodyStart, anomalies, provenance);
  if (developmentLists.length === 0) {
    flag(anomalies, 'NO_DEVELOPMENTS', null, { message: 'no numbered development list' });
  }

  const record: ReportRecord = {
    schemaVersion: '1.1',
    id: source.sha256,
    source,
    report: header.report,
    scoreTables,
    developmentLists,
    anomalies,
    status: 'ok',
    provenance,
  };
  flagLowConfidence(record, options.lowConfidence ?? DEFAULT_EXTRACT_OPTIONS.lowConfidence, anomalies, repairs.repaired);
  record.status = statusFromAnomalies(anomalies);
  return record;
}
