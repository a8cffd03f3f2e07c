import type { Block } from '../blocks/model.js';
import type { Anomaly, RecordProvenance, ReportRecord, SourceInfo } from '../record/types.js';
import { flag, statusFromAnomalies } from './anomalies.js';
import { developmentListsFromBlocks } from './development-lists.js';
import { outlineFromBlocks } from './headings.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from './options.js';
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
): ReportRecord {
  const anomalies: Anomaly[] = [];
  const header = reportHeaderFromBlocks(blocks, anomalies);
  const outline = outlineFromBlocks(blocks, header.bodyStart);

  const provenance: RecordProvenance = { ...header.provenance };
  const scoreTables = scoreTablesFromBlocks(blocks, outline, header.bodyStart, anomalies, options, provenance);
  if (scoreTables.length === 0) {
    flag(anomalies, 'NO_SCORE_TABLE', null, { message: 'no score table' });
  }
  const developmentLists = developmentListsFromBlocks(blocks, outline, header.bodyStart, anomalies, provenance);
  if (developmentLists.length === 0) {
    flag(anomalies, 'NO_DEVELOPMENTS', null, { message: 'no numbered development list' });
  }

  return {
    schemaVersion: '1.1',
    id: source.sha256,
    source,
    report: header.report,
    scoreTables,
    developmentLists,
    anomalies,
    status: statusFromAnomalies(anomalies),
    provenance,
  };
}
