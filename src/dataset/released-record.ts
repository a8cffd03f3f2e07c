import type { ReportRecord } from '../record/types.js';

/**
 * A record as the sinks received it: every released record has status `ok`. `releasedAt`
 * is when this revision was released (ISO 8601), null when its source does not say.
 */
export interface ReleasedRecord {
  record: ReportRecord;
  releasedAt: string | null;
}
