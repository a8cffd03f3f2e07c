import type { Anomaly } from '../../record/types.js';

/** Where a record lives: released (outbox), held for a person (review), or set aside (rejected). */
export type Place = 'outbox' | 'review' | 'rejected';

/**
 * A record's life stage as people ask about it. `failed` is a file that could
 * not be read (an error anomaly): it waits in review like `held`, but there is
 * nothing in it to correct, so lists keep the two apart.
 */
export type RecordState = 'ok' | 'held' | 'failed' | 'approved' | 'rejected';

export const RECORD_STATES: readonly RecordState[] = ['ok', 'held', 'failed', 'approved', 'rejected'];

export function recordStateFrom(
  record: { anomalies?: Anomaly[]; review?: { state: string } },
  place: Place,
): RecordState {
  if (place === 'rejected') return 'rejected';
  if (place === 'outbox') return record.review?.state === 'approved' ? 'approved' : 'ok';
  return (record.anomalies ?? []).some((a) => a.severity === 'error') ? 'failed' : 'held';
}
