import type { RecordSummary } from '../../store/records-store.js';
import { ageFrom, esc, pageHtml } from './html.js';

export interface HeldRecordRow {
  summary: RecordSummary;
  /** ISO date of the report, when the parser found one. */
  reportDate: string | null;
}

/** What the record page tells the list after a decision, shown once at the top. */
export interface DeskOutcome {
  done: 'approved' | 'rejected';
  file: string;
}

/** GET /review: the held records, newest first, one link per row. */
export function listPageHtml(rows: HeldRecordRow[], outcome: DeskOutcome | null, now: number = Date.now()): string {
  const notice = outcome
    ? `<p class="notice ok" role="status">${esc(outcome.file || 'The record')} was ${esc(outcome.done)}.</p>`
    : '<p class="notice" role="status"></p>';
  const body =
    rows.length === 0
      ? '<p>No records are waiting for review.</p>'
      : `<table class="held">
<caption>${rows.length} record${rows.length === 1 ? '' : 's'} waiting for review</caption>
<thead><tr><th scope="col">Country</th><th scope="col">Report date</th><th scope="col">File</th><th scope="col">Anomalies</th><th scope="col">Age</th></tr></thead>
<tbody>
${rows.map((row) => rowHtml(row, now)).join('\n')}
</tbody>
</table>`;
  return pageHtml(
    'Held records',
    `<h1>Held records</h1>
${notice}
<p class="keys">Keys: <kbd>j</kbd>/<kbd>↓</kbd> next, <kbd>k</kbd>/<kbd>↑</kbd> previous, <kbd>Enter</kbd> open.</p>
${body}`,
    'list',
  );
}

function rowHtml({ summary, reportDate }: HeldRecordRow, now: number): string {
  const codes = [...new Set(summary.anomalyCodes)];
  return `<tr data-id="${esc(summary.id)}">
<td>${esc(summary.country ?? '—')}</td>
<td>${reportDate ? `<time datetime="${esc(reportDate)}">${esc(reportDate)}</time>` : '—'}</td>
<td><a class="record-link" href="/review/${esc(summary.id)}">${esc(summary.fileName || summary.id.slice(0, 12))}</a></td>
<td>${codes.map((c) => `<code>${esc(c)}</code>`).join(' ') || '—'}</td>
<td><time datetime="${esc(summary.updatedAt)}" title="${esc(summary.updatedAt)}">${esc(ageFrom(summary.updatedAt, now))}</time></td>
</tr>`;
}
