import type { Anomaly, ScoreTable } from '../../../record/types.js';
import { valueAtPointer } from '../../review/json-pointer.js';
import type { Place, StoredRecord } from '../../store/records-store.js';
import { esc, pageHtml, pointerToken } from './html.js';
import type { SourceBlocks, SourceSnippet } from './source-context.js';

export interface RecordPageInput {
  record: StoredRecord;
  place: Place;
  /** Last write of the stored record, ISO 8601. */
  receivedAt: string | null;
  source: SourceBlocks;
  /** The source snippet of each anomaly, by index into record.anomalies. */
  snippets: Array<SourceSnippet | null>;
}

/**
 * GET /review/:id: anomalies beside their values and source, every correctable
 * field as a form control that remembers its original value (data-original), and
 * the decision buttons. The desk script sends only the controls whose value changed.
 */
export function recordPageHtml(input: RecordPageInput): string {
  const { record, place } = input;
  const ids = new FieldIds();
  // Fields first, so anomalies can link to the control that corrects their value.
  const fields = fieldsHtml(record, ids);
  const title = record.report.title ?? record.source.fileName;
  const held = place === 'review';
  const body = `<h1>${esc(title)}</h1>
${metaHtml(input)}
${held ? '' : `<p class="notice warn" role="status">This record is not held for review any more: it is in <strong>${esc(place)}</strong>. <a href="/review">Back to the list</a></p>`}
<section aria-labelledby="anomalies-h">
<h2 id="anomalies-h">Anomalies (${record.anomalies.length})</h2>
${sourceNoteHtml(input.source)}
${record.anomalies.length === 0 ? '<p>None.</p>' : `<ol class="anomalies">${record.anomalies.map((a, i) => anomalyHtml(record, a, input.snippets[i] ?? null, ids)).join('\n')}</ol>`}
</section>
<form id="review-form" data-id="${esc(record.id)}" data-file="${esc(record.source.fileName)}" novalidate>
${fields}
${held ? decisionHtml() : ''}
</form>`;
  return pageHtml(title, body, 'record');
}

class FieldIds {
  private readonly byPath = new Map<string, string>();
  idFor(path: string): string {
    let id = this.byPath.get(path);
    if (!id) {
      id = `field-${this.byPath.size + 1}`;
      this.byPath.set(path, id);
    }
    return id;
  }
  find(path: string | null): string | null {
    return path ? (this.byPath.get(path) ?? null) : null;
  }
}

function metaHtml({ record, receivedAt }: RecordPageInput): string {
  const row = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  return `<dl class="meta">
${row('Country', esc(record.report.country?.name ?? '—'))}
${row('Report date', esc(record.report.date ?? record.report.dateText ?? '—'))}
${row('File', `${esc(record.source.fileName)} <span class="muted">(${esc(record.source.format)}, ${esc(record.source.bytes)} bytes${record.source.pages ? `, ${esc(record.source.pages)} pages` : ''})</span>`)}
${row('Received', receivedAt ? `<time datetime="${esc(receivedAt)}">${esc(receivedAt.replace('T', ' ').slice(0, 19))} UTC</time>` : '—')}
${row('Record id', `<code>${esc(record.id)}</code>`)}
</dl>`;
}

function sourceNoteHtml(source: SourceBlocks): string {
  return source.found
    ? `<p class="muted">Source context from <code>${esc(source.file)}</code>.</p>`
    : `<p class="notice warn">No source context: ${esc(source.reason)}.</p>`;
}

function anomalyHtml(record: StoredRecord, anomaly: Anomaly, snippet: SourceSnippet | null, ids: FieldIds): string {
  const value = anomaly.path ? valueAtPointer(record, anomaly.path) : undefined;
  const fieldId = ids.find(anomaly.path);
  const facts: string[] = [];
  if (anomaly.path) facts.push(`<dt>Path</dt><dd><code>${esc(anomaly.path)}</code></dd>`);
  if (anomaly.path) facts.push(`<dt>Value</dt><dd class="value"><code>${esc(JSON.stringify(value ?? null))}</code>${fieldId ? ` <a href="#${fieldId}">edit</a>` : ''}</dd>`);
  if ('expected' in anomaly) facts.push(`<dt>Expected</dt><dd><code>${esc(JSON.stringify(anomaly.expected))}</code></dd>`);
  if ('found' in anomaly) facts.push(`<dt>Found</dt><dd><code>${esc(JSON.stringify(anomaly.found))}</code></dd>`);
  return `<li class="anomaly sev-${esc(anomaly.severity)}" data-code="${esc(anomaly.code)}">
<p><strong class="code">${esc(anomaly.code)}</strong> <span class="severity">${esc(anomaly.severity)}</span> ${esc(anomaly.message)}</p>
${facts.length > 0 ? `<dl class="facts">${facts.join('')}</dl>` : ''}
${snippetHtml(snippet)}
</li>`;
}

function snippetHtml(snippet: SourceSnippet | null): string {
  if (!snippet) return '';
  const where = snippet.where ? ` (${esc(snippet.where)})` : '';
  if (snippet.rows) {
    const rows = snippet.rows
      .map((row, i) => `<tr${i === snippet.focusRow ? ' class="focus"' : ''}>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('');
    return `<figure class="source"><figcaption>Source: table${where}</figcaption><table class="source-table">${rows}</table></figure>`;
  }
  return `<figure class="source"><figcaption>Source: ${esc(snippet.kind)}${where}</figcaption><blockquote>${esc(snippet.text ?? '')}</blockquote></figure>`;
}

function fieldsHtml(record: StoredRecord, ids: FieldIds): string {
  const report = record.report;
  const text = (path: string, label: string, value: string | null, type = 'text') => {
    const id = ids.idFor(path);
    return `<p class="field"><label for="${id}">${label}</label> <input id="${id}" type="${type}" data-path="${esc(path)}" data-kind="nullable-text" data-original="${esc(JSON.stringify(value))}" value="${esc(value ?? '')}"></p>`;
  };
  return `<section aria-labelledby="report-h">
<h2 id="report-h">Report</h2>
${text('/report/title', 'Title', report.title)}
${text('/report/author', 'Author', report.author)}
${text('/report/date', 'Date', report.date, 'date')}
</section>
<section aria-labelledby="scores-h">
<h2 id="scores-h">Score tables (${record.scoreTables.length})</h2>
${record.scoreTables.map((t, i) => scoreTableHtml(t, i, ids)).join('\n') || '<p>None found.</p>'}
</section>
<section aria-labelledby="devs-h">
<h2 id="devs-h">Developments</h2>
${record.developmentLists.map((list, i) => developmentListHtml(list, i, ids)).join('\n') || '<p>None found.</p>'}
</section>`;
}

function scoreTableHtml(table: ScoreTable, t: number, ids: FieldIds): string {
  const heading = [table.section, table.subject].filter(Boolean).join(' — ') || `Table ${t + 1}`;
  const head = `<tr><th scope="col">Year</th>${table.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}<th scope="col">Total</th><th scope="col">Computed</th></tr>`;
  const rows = table.rows
    .map((row, r) => {
      const base = `/scoreTables/${t}/rows/${r}`;
      const cells = table.columns
        .map((column) => {
          const path = `${base}/answers/${pointerToken(column)}`;
          const value = row.answers[column] ?? null;
          const options = ['', 'Y', 'P', 'N'];
          if (value && !options.includes(value)) options.push(value);
          return `<td><select id="${ids.idFor(path)}" aria-label="${esc(`${row.year} ${column}`)}" data-path="${esc(path)}" data-kind="answer" data-original="${esc(JSON.stringify(value))}">${options
            .map((o) => `<option value="${esc(o)}"${o === (value ?? '') ? ' selected' : ''}>${o === '' ? '–' : esc(o)}</option>`)
            .join('')}</select></td>`;
        })
        .join('');
      const totalPath = `${base}/reportedTotal`;
      const total = `<td><input id="${ids.idFor(totalPath)}" type="number" step="any" inputmode="decimal" aria-label="${esc(`${row.year} total`)}" data-path="${esc(totalPath)}" data-kind="number" data-original="${esc(JSON.stringify(row.reportedTotal))}" value="${esc(row.reportedTotal ?? '')}"></td>`;
      return `<tr><th scope="row">${esc(row.year)}</th>${cells}${total}<td class="computed">${esc(row.computedTotal)}</td></tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table class="scores">
<caption>${esc(heading)}</caption>
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}

function developmentListHtml(list: StoredRecord['developmentLists'][number], l: number, ids: FieldIds): string {
  const heading = [list.section, list.subject].filter(Boolean).join(' — ') || `List ${l + 1}`;
  const items = list.items
    .map((item, i) => {
      const path = `/developmentLists/${l}/items/${i}/text`;
      const id = ids.idFor(path);
      return `<li class="field"><label for="${id}">Item ${esc(item.number)}</label><textarea id="${id}" rows="4" data-path="${esc(path)}" data-kind="text" data-original="${esc(JSON.stringify(item.text))}">${esc(item.text)}</textarea></li>`;
    })
    .join('\n');
  return `<h3>${esc(heading)}</h3><ol class="items">${items}</ol>`;
}

function decisionHtml(): string {
  return `<section aria-labelledby="decision-h" class="decision">
<h2 id="decision-h">Decision</h2>
<p class="field"><label for="reviewer">Reviewer</label> <input id="reviewer" name="reviewer" autocomplete="name" maxlength="200"></p>
<p class="field"><label for="note">Note or reason (optional)</label> <textarea id="note" name="note" rows="2" maxlength="5000"></textarea></p>
<p class="changes" id="changes" aria-live="polite">No changes.</p>
<p class="buttons"><button type="button" id="approve" class="approve">Approve</button> <button type="button" id="reject" class="reject">Reject</button> <a href="/review">Back to the list</a></p>
<p id="outcome" role="status" aria-live="polite"></p>
</section>`;
}
