import type { ReportRecord } from '../../src/record/types.js';

const ERROR_CODES = new Set(['UNREADABLE_FILE', 'NO_TEXT_LAYER', 'UNSUPPORTED_FORMAT']);

/** A record's outcome in one word: its whole-file error code, or 'parsed'. */
export function outcomeFromRecord(record: ReportRecord): string {
  return record.anomalies.find((a) => ERROR_CODES.has(a.code))?.code ?? 'parsed';
}
