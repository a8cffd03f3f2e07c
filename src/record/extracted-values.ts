import type { ReportRecord } from './types.js';

/**
 * The JSON Pointers of every value a record holds that was read from its file: each
 * non-null report field, each row's year, every answer, each reported total, each item's
 * text. These are the values `provenance` must place; derived values (computed totals,
 * changes) and the record's own bookkeeping are not among them.
 */
export function extractedValuePointers(record: ReportRecord): string[] {
  const pointers: string[] = [];
  for (const field of ['title', 'country', 'author', 'date', 'dateText'] as const) {
    if (record.report[field] !== null && record.report[field] !== undefined) pointers.push(`/report/${field}`);
  }
  record.scoreTables.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      const path = `/scoreTables/${t}/rows/${r}`;
      pointers.push(`${path}/year`);
      for (const column of Object.keys(row.answers)) {
        if (row.answers[column] !== null) pointers.push(`${path}/answers/${escapePointerToken(column)}`);
      }
      if (row.reportedTotal !== null) pointers.push(`${path}/reportedTotal`);
    });
  });
  record.developmentLists.forEach((list, l) => {
    list.items.forEach((_item, i) => pointers.push(`/developmentLists/${l}/items/${i}/text`));
  });
  return pointers;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
