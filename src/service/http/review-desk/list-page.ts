import type { RecordSummary } from '../../store/records-store.js';
import { ageFrom, esc, pageHtml } from './html.js';

/** What the record page tells the list after a decision, shown once at the top. */
export interface DeskOutcome {
  done: 'approved' | 'rejected';
  file: string;
}

/**
 * GET /review: records waiting for a person, newest first, one link per row;
 * files that could not be read are listed apart, below, since there is nothing
 * in them to correct.
 */
export function listPageHtml(rows: RecordSummary[], outcome: DeskOutcome | null, now: number = Date.now()): string {
  const notice = outcome
    ? `<p class="notice ok" role="status">${esc(outcome.file || 'The record')} was ${esc(outcome.done)}.</p>`
    : '<p class="notice" role="status"></p>';
  const held = rows.filter((r) => r.state !== 'failed');
  const failed = rows.filter((r) => r.state === 'failed');
  const heldHtml =
    held.length === 0
      ? '<p>No records are waiting for review.</p>'
      : `<table class="held">
<caption>${held.length} record${held.length === 1 ? '' : 's'} waiting for review</caption>
<thead><tr><th scope="col">Country</th><th scope="col">Report date</th><th scope="col">File</th><th scope="col">Anomalies</th><th scope="col">Age</th></tr></thead>
<tbody>
${held.map((row) => rowHtml(row, now)).join('\n')}
</tbody>
</table>`;
  const failedHtml =
    failed.length === 0
      ? ''
      : `<section aria-labelledby="failed-h">
<h2 id="failed-h">Files that could not be read (${failed.length})</h2>
<p class="muted">Nothing was read from these: open one to see why, then reject it or send a better copy.</p>
<table class="held failed">
<thead><tr><th scope="col">File</th><th scope="col">Why</th><th scope="col">Age</th></tr></thead>
<tbody>
${failed.map((row) => failedRowHtml(row, now)).join('\n')}
</tbody>
</table>
</section>`;
  return pageHtml(
    'Waiting for review',
    `<h1>Waiting for review</h1>
${notice}
<p class="keys">Keys: <kbd>j</kbd>/<kbd>↓</kbd> next, <kbd>k</kbd>/<kbd>↑</kbd> previous, <kbd>Enter</kbd> open. <a href="/review/records">Browse all records</a></p>
${heldHtml}
${failedHtml}`,
    'list',
  );
}

function rowHtml(summary: RecordSummary, now: number): string {
  const codes = [...new Set(summary.anomalyCodes)];
  return `<tr data-id="${esc(summary.id)}" data-state="${esc(summary.state)}">
<td>${esc(summary.country ?? '—')}</td>
<td>${summary.date ? `<time datetime="${esc(summary.date)}">${esc(summary.date)}</time>` : '—'}</td>
<td><a class="record-link" href="/review/${esc(summary.id)}">${esc(summary.fileName || summary.id.slice(0, 12))}</a></td>
<td>${codes.map((c) => `<code>${esc(c)}</code>`).join(' ') || '—'}</td>
<td><time datetime="${esc(summary.updatedAt)}" title="${esc(summary.updatedAt)}">${esc(ageFrom(summary.updatedAt, now))}</time></td>
</tr>`;
}

function failedRowHtml(summary: RecordSummary, now: number): string {
  const codes = [...new Set(summary.anomalyCodes)];
  return `<tr data-id="${esc(summary.id)}" data-state="failed">
<td><a class="record-link" href="/review/${esc(summary.id)}">${esc(summary.fileName || summary.id.slice(0, 12))}</a></td>
<td>${codes.map((c) => `<code>${esc(c)}</code>`).join(' ')} ${esc(summary.problem ?? '')}</td>
<td><time datetime="${esc(summary.updatedAt)}" title="${esc(summary.updatedAt)}">${esc(ageFrom(summary.updatedAt, now))}</time></td>
</tr>`;
}
