import type { Answer, ReportRecord } from '../record/types.js';
import { changesFromRows } from './score-table.js';
import { computedTotalFromAnswers } from './totals.js';

/**
 * Recomputes what the record derives from its answers — each row's computed total
 * and each table's changes between years — so that a record whose answers a
 * reviewer corrected stays consistent with itself.
 */
export function withDerivedFields<R extends ReportRecord>(record: R, weights: Readonly<Record<Answer, number>>): R {
  return {
    ...record,
    scoreTables: record.scoreTables.map((table) => {
      const rows = table.rows.map((row) => ({
        ...row,
        computedTotal: computedTotalFromAnswers(
          table.columns.map((column) => row.answers[column] ?? null),
          weights,
        ),
      }));
      return { ...table, rows, changes: changesFromRows(rows, table.columns) };
    }),
  };
}
