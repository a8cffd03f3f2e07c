import type { CatalogFilter, CatalogPage } from '../../review/records-catalog.js';
import { RECORD_STATES } from '../../store/record-state.js';
import type { RecordSummary } from '../../store/records-store.js';
import { esc, pageHtml } from './html.js';

/** The anomaly codes offered in the filter: the contract's, then any other seen on this page. */
export interface RecordsPageInput {
  filter: CatalogFilter;
  found: CatalogPage;
  codes: readonly string[];
  /** "files" or "postgresql": said under the table, so nobody wonders which records they see. */
  source: string;
}

/** GET /review/records: every record, whatever its state, narrowed by the filters in the query and paged. */
export function recordsPageHtml({ filter, found, codes, source }: RecordsPageInput): string {
  const pages = Math.max(1, Math.ceil(found.total / found.perPage));
  const first = found.total === 0 ? 0 : (found.page - 1) * found.perPage + 1;
  const last = (found.page - 1) * found.perPage + found.rows.length;
  const text = (name: keyof CatalogFilter, label: string, size = 12) =>
    `<p><label for="filter-${name}">${label}</label> <input id="filter-${name}" name="${name}" size="${size}" value="${esc(filter[name] ?? '')}"></p>`;
  const form = `<form class="filters" method="get" action="/review/records" role="search">
<p><label for="filter-state">State</label> <select id="filter-state" name="state"><option value="">any</option>${RECORD_STATES.map((s) => `<option${filter.state === s ? ' selected' : ''}>${s}</option>`).join('')}</select></p>
${text('country', 'Country')}
<p><label for="filter-year">Year</label> <input id="filter-year" name="year" type="number" min="1900" max="2200" size="6" value="${esc(filter.year ?? '')}"></p>
<p><label for="filter-code">Anomaly</label> <select id="filter-code" name="code"><option value="">any</option>${codes.map((c) => `<option${filter.code === c ? ' selected' : ''}>${esc(c)}</option>`).join('')}</select></p>
${text('file', 'File name')}
${text('id', 'Id', 16)}
<p><button type="submit">Find</button> <a href="/review/records">Clear</a></p>
</form>`;
  const table =
    found.rows.length === 0
      ? '<p class="empty">No record matches.</p>'
      : `<table class="held records">
<caption>Records ${first}–${last} of ${found.total}</caption>
<thead><tr><th scope="col">State</th><th scope="col">Country</th><th scope="col">Report date</th><th scope="col">Years</th><th scope="col">File</th><th scope="col">Anomalies</th><th scope="col">Updated</th></tr></thead>
<tbody>
${found.rows.map(rowHtml).join('\n')}
</tbody>
</table>`;
  const link = (page: number, label: string, rel: string) =>
    `<a rel="${rel}" href="/review/records?${esc(queryOf(filter, page))}">${label}</a>`;
  const pager = `<nav class="pager" aria-label="Pages">${found.page > 1 ? link(found.page - 1, '← Previous', 'prev') : ''} <span>Page ${found.page} of ${pages}</span> ${found.page < pages ? link(found.page + 1, 'Next →', 'next') : ''}</nav>`;
  return pageHtml(
    'All records',
    `<h1>All records</h1>
${form}
${table}
${pager}
<p class="muted">From ${source === 'postgresql' ? 'PostgreSQL' : 'the record files'}.</p>`,
    'records',
  );
}

function rowHtml(summary: RecordSummary): string {
  const codes = [...new Set(summary.anomalyCodes)];
  return `<tr data-id="${esc(summary.id)}" data-state="${esc(summary.state)}">
<td><span class="state state-${esc(summary.state)}">${esc(summary.state)}</span></td>
<td>${esc(summary.country ?? '—')}</td>
<td>${summary.date ? `<time datetime="${esc(summary.date)}">${esc(summary.date)}</time>` : '—'}</td>
<td>${esc(summary.years.join(', ') || '—')}</td>
<td><a class="record-link" href="/review/${esc(summary.id)}">${esc(summary.fileName || summary.id.slice(0, 12))}</a></td>
<td>${codes.map((c) => `<code>${esc(c)}</code>`).join(' ') || '—'}</td>
<td><time datetime="${esc(summary.updatedAt)}">${esc(summary.updatedAt.replace('T', ' ').slice(0, 16))}</time></td>
</tr>`;
}

export function queryOf(filter: CatalogFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  if (page > 1) params.set('page', String(page));
  return params.toString();
}
