import { createHash } from 'node:crypto';
import type { ReportRecord } from '../../record/types.js';

/**
 * A released record's revision: a digest of its content, so releasing the same
 * content twice gives the same revision (and the same delivery job ids), while a
 * reviewer's approval or correction, which changes the record, gives a new one.
 * Keys are sorted first, so the revision does not depend on member order.
 */
export function revisionFromRecord(record: ReportRecord): string {
  return createHash('sha256').update(canonicalJsonFromValue(record)).digest('hex').slice(0, 12);
}

function canonicalJsonFromValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJsonFromValue).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJsonFromValue(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
