import type { AnomalyCode, ReportRecord, SourceInfo } from '../record/types.js';
import { ANOMALY_SEVERITY } from '../record/types.js';

/**
 * The record for a file that could not be read at all: every report field null,
 * no tables or lists, one error anomaly that says why. It keeps the file visible
 * downstream instead of letting it disappear.
 */
export function errorRecord(
  source: SourceInfo,
  code: Extract<AnomalyCode, 'UNREADABLE_FILE' | 'NO_TEXT_LAYER' | 'UNSUPPORTED_FORMAT'>,
  message: string,
): ReportRecord {
  return {
    schemaVersion: '1.1',
    id: source.sha256,
    source,
    report: { title: null, country: null, author: null, date: null, dateText: null },
    scoreTables: [],
    developmentLists: [],
    anomalies: [{ code, severity: ANOMALY_SEVERITY[code], message, path: null }],
    status: 'needs_review',
    provenance: {},
  };
}
