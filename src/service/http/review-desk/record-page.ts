import type { Anomaly, ScoreTable, ValueSource } from '../../../record/types.js';
import { valueAtPointer } from '../../review/json-pointer.js';
import type { SourceLines, ValueSpot } from '../../review/value-sources.js';
import { recordStateFrom } from '../../store/record-state.js';
import type { Place, StoredRecord } from '../../store/records-store.js';
import { esc, pageHtml, pointerToken } from './html.js';

/** Where each anomaly's value was read, as the page shows it. */
export interface AnomalySource {
  spot: ValueSpot | null;
  /** Text formats: the kept file's lines around the value. */
  lines: SourceLines | null;
}

export interface RecordPageInput {
  record: StoredRecord;
  place: Place;
  /** Last write of the stored record, ISO 8601. */
  receivedAt: string | null;
  /** By index into record.anomalies. */
  sources: AnomalySource[];
  /** Why the kept file's lines cannot be shown (text formats), or null. */
  sourceNote: string | null;
  /** The signed-in user, who will be recorded as the reviewer; null when access is open. */
  user: string | null;
}

/** Formats whose values are located by page and box on a drawn page. */
const PAGE_FORMATS = new Set(['pdf', 'image']);

/**
 * GET /review/:id: anomalies beside their values and where the values were read
 * (a page image with the value's box and a zoomed crop, or the file's lines),
 * every correctable field as a form control that remembers its original value
 * (data-original), and the decision. The desk script sends only the controls
 * whose value changed.
 */
export function recordPageHtml(input: RecordPageInput): string {
  const { record, place } = input;
  const ids = new FieldIds();
  const lowConfidence = new Set(
    record.anomalies.filter((a) => a.code === 'LOW_CONFIDENCE' && a.path).map((a) => a.path!),
  );
  const fields = fieldsHtml(record, ids, lowConfidence);
  const title = record.report.title ?? record.source.fileName;
  const held = place === 'review';
  const state = recordStateFrom(record, place);
  const body = `<h1>${esc(title)} <span class="state state-${state}">${esc(state)}</span></h1>
${metaHtml(input)}
${held ? '' : `<p class="notice warn" role="status">This record is not held for review: it is <strong>${esc(state)}</strong> (in ${esc(place)}).</p>`}
${reviewTrailHtml(record)}
<section aria-labelledby="anomalies-h">
<h2 id="anomalies-h">Anomalies (${record.anomalies.length})</h2>
<p class="keys">Keys: <kbd>j</kbd>/<kbd>n</kbd> next anomaly, <kbd>k</kbd>/<kbd>p</kbd> previous, <kbd>e</kbd> edit its value, <kbd>Esc</kbd> back to the anomaly${held ? ', <kbd>Shift</kbd>+<kbd>A</kbd> approve, <kbd>Shift</kbd>+<kbd>R</kbd> reject' : ''}.</p>
${input.sourceNote ? `<p class="notice warn">${esc(input.sourceNote)}</p>` : ''}
${record.anomalies.length === 0 ? '<p>None.</p>' : `<ol class="anomalies">${record.anomalies.map((a, i) => anomalyHtml(record, a, i, input.sources[i] ?? { spot: null, lines: null }, ids)).join('\n')}</ol>`}
</section>
<form id="review-form" data-id="${esc(record.id)}" data-file="${esc(record.source.fileName)}" novalidate>
${fields}
${held ? decisionHtml(input.user) : ''}
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
  const ocr = record.source.ocr;
  return `<dl class="meta">
${row('Country', esc(record.report.country?.name ?? '—'))}
${row('Report date', esc(record.report.date ?? record.report.dateText ?? '—'))}
${row('File', `${esc(record.source.fileName)} <span class="muted">(${esc(record.source.format)}, ${esc(record.source.bytes)} bytes${record.source.pages ? `, ${esc(record.source.pages)} pages` : ''})</span>`)}
${ocr ? row('Read by OCR', `pages ${esc(ocr.pages.join(', '))} <span class="muted">(${esc(ocr.engine)}, mean confidence ${esc(ocr.meanConfidence)})</span>`) : ''}
${row('Received', receivedAt ? `<time datetime="${esc(receivedAt)}">${esc(receivedAt.replace('T', ' ').slice(0, 19))} UTC</time>` : '—')}
${row('Record id', `<code>${esc(record.id)}</code>`)}
</dl>`;
}

function reviewTrailHtml(record: StoredRecord): string {
  const review = record.review;
  if (!review) return '';
  const corrections = review.corrections.length;
  return `<p class="notice trail">${esc(review.state === 'approved' ? 'Approved' : 'Rejected')} by <strong class="reviewer">${esc(review.reviewer ?? 'nobody named')}</strong> at <time datetime="${esc(review.at)}">${esc(review.at.replace('T', ' ').slice(0, 19))} UTC</time>${review.state === 'approved' ? ` with ${corrections} correction${corrections === 1 ? '' : 's'}` : ''}${review.note ? `: “${esc(review.note)}”` : ''}.</p>`;
}

function anomalyHtml(
  record: StoredRecord,
  anomaly: Anomaly,
  index: number,
  source: AnomalySource,
  ids: FieldIds,
): string {
  const value = anomaly.path ? valueAtPointer(record, anomaly.path) : undefined;
  const fieldId = ids.find(anomaly.path);
  const facts: string[] = [];
  if (anomaly.path) facts.push(`<dt>Path</dt><dd><code>${esc(anomaly.path)}</code></dd>`);
  if (anomaly.path)
    facts.push(
      `<dt>Value</dt><dd class="value">${valueHtml(value)}${fieldId ? ` <a class="edit" href="#${fieldId}" data-field="${fieldId}">edit</a>` : ''}</dd>`,
    );
  if ('expected' in anomaly) facts.push(`<dt>Expected</dt><dd>${valueHtml(anomaly.expected)}</dd>`);
  if ('found' in anomaly) facts.push(`<dt>Found</dt><dd>${valueHtml(anomaly.found)}</dd>`);
  const confidence = source.spot?.source.confidence;
  if (confidence !== undefined)
    facts.push(`<dt>Confidence</dt><dd>${confidenceHtml(confidence, anomaly.code === 'LOW_CONFIDENCE')}</dd>`);
  return `<li class="anomaly sev-${esc(anomaly.severity)}" data-code="${esc(anomaly.code)}" data-index="${index}" tabindex="-1">
<p><strong class="code">${esc(anomaly.code)}</strong> <span class="severity">${esc(anomaly.severity)}</span> ${esc(anomaly.message)}</p>
<div class="anomaly-body">
${facts.length > 0 ? `<dl class="facts">${facts.join('')}</dl>` : ''}
${sourceHtml(record, source, value)}
</div>
</li>`;
}

/** A value as a person reads it: text as text, a list of cells as cells, nothing as a dash. */
function valueHtml(value: unknown): string {
  if (value === undefined || value === null) return '<span class="muted">none</span>';
  if (Array.isArray(value))
    return value
      .map((v) => `<code class="cell">${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code>`)
      .join(' ');
  if (typeof value === 'object') {
    return `<span class="pairs">${Object.entries(value)
      .map(([k, v]) => `<code>${esc(k)}</code>: ${valueHtml(v)}`)
      .join(', ')}</span>`;
  }
  return `<code>${esc(value)}</code>`;
}

function confidenceHtml(confidence: number, low: boolean): string {
  return `<span class="confidence${low ? ' low' : ''}" title="how sure the text recognition was">${esc(Math.round(confidence * 100))} %</span>`;
}

function sourceHtml(record: StoredRecord, source: AnomalySource, value: unknown): string {
  const spot = source.spot;
  if (!spot) return '<p class="source muted">No source position was recorded for this value.</p>';
  const where = whereText(spot.source);
  if (spot.source.page !== undefined && PAGE_FORMATS.has(record.source.format))
    return pageSourceHtml(record, spot.source, where);
  if (source.lines) return linesHtml(source.lines, value, where);
  return `<p class="source">Source: ${esc(where)}.</p>`;
}

function whereText(source: ValueSource): string {
  const parts: string[] = [];
  if (source.page !== undefined) parts.push(`page ${source.page}`);
  if (source.line !== undefined) parts.push(`line ${source.line}`);
  if (source.paragraph !== undefined) parts.push(`paragraph ${source.paragraph + 1}`);
  return parts.join(', ') || 'no position';
}

/** The page, scaled down, with the value's box outlined; beside it the box's neighbourhood enlarged. The script places both. */
function pageSourceHtml(record: StoredRecord, source: ValueSource, where: string): string {
  const src = `/review/${record.id}/pages/${source.page}.webp`;
  const box = source.box ? source.box.map((n) => Number(n.toFixed(5))).join(',') : '';
  const alt = `Page ${source.page} of ${record.source.fileName}`;
  return `<figure class="page-source" data-box="${esc(box)}">
<figcaption>Source: ${esc(where)}${box ? '' : ' (no box recorded)'} · <a href="${esc(src)}" target="_blank" rel="noopener">open the page</a></figcaption>
<div class="page-views">
<div class="page"><img src="${esc(src)}" alt="${esc(alt)}" loading="lazy">${box ? '<span class="box" aria-hidden="true"></span>' : ''}</div>
${box ? `<div class="crop" role="img" aria-label="${esc(`The value's place on page ${source.page}, enlarged`)}" data-src="${esc(src)}"><span class="box" aria-hidden="true"></span></div>` : ''}
</div>
</figure>`;
}

/** The file's lines around the value, the value's line marked and the value in it where it is printed as stored. */
function linesHtml(lines: SourceLines, value: unknown, where: string): string {
  const needle = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const rows = lines.lines
    .map((text, i) => {
      const number = lines.first + i;
      const focus = number === lines.focus;
      return `<tr${focus ? ' class="focus"' : ''}><th scope="row">${number}</th><td><code>${focus ? markedHtml(text, needle) : esc(text)}</code></td></tr>`;
    })
    .join('');
  return `<figure class="source-lines"><figcaption>Source: ${esc(where)}</figcaption><table class="lines">${rows}</table></figure>`;
}

function markedHtml(text: string, needle: string): string {
  const variants = needle === '' ? [] : [needle, needle.replace('.', ',')];
  for (const variant of variants) {
    const at = text.indexOf(variant);
    if (at >= 0) return `${esc(text.slice(0, at))}<mark>${esc(variant)}</mark>${esc(text.slice(at + variant.length))}`;
  }
  return esc(text);
}

function fieldsHtml(record: StoredRecord, ids: FieldIds, low: Set<string>): string {
  const report = record.report;
  const provenance = record.provenance ?? {};
  const text = (path: string, label: string, value: string | null, type = 'text') => {
    const id = ids.idFor(path);
    return `<p class="field${low.has(path) ? ' low-confidence' : ''}"><label for="${id}">${label}</label> <input id="${id}" type="${type}" data-path="${esc(path)}" data-kind="nullable-text" data-original="${esc(JSON.stringify(value))}" value="${esc(value ?? '')}">${confidenceNote(provenance[path], low.has(path))}</p>`;
  };
  return `<section aria-labelledby="report-h">
<h2 id="report-h">Report</h2>
${text('/report/title', 'Title', report.title)}
${text('/report/author', 'Author', report.author)}
${text('/report/date', 'Date', report.date, 'date')}
</section>
<section aria-labelledby="scores-h">
<h2 id="scores-h">Score tables (${record.scoreTables.length})</h2>
${record.scoreTables.length > 0 ? '<p class="legend muted">Answers: <span class="ans ans-Y">Y</span> yes, <span class="ans ans-P">P</span> partly, <span class="ans ans-N">N</span> no, <span class="ans ans-none">–</span> none; <span class="change-mark">▲▼</span> changed since the year before; a total that differs from the answers is marked.</p>' : ''}
${record.scoreTables.map((t, i) => scoreTableHtml(record, t, i, ids, low)).join('\n') || '<p>None found.</p>'}
</section>
<section aria-labelledby="devs-h">
<h2 id="devs-h">Developments</h2>
${record.developmentLists.map((list, i) => developmentListHtml(record, list, i, ids, low)).join('\n') || '<p>None found.</p>'}
</section>`;
}

function confidenceNote(source: ValueSource | undefined, low: boolean): string {
  return source?.confidence !== undefined ? ` ${confidenceHtml(source.confidence, low)}` : '';
}

const ANSWER_RANK: Record<string, number> = { N: 0, P: 1, Y: 2 };

/** The score table as a grid: each answer coloured, a change from the year before marked, reported beside computed totals. */
function scoreTableHtml(record: StoredRecord, table: ScoreTable, t: number, ids: FieldIds, low: Set<string>): string {
  const provenance = record.provenance ?? {};
  const heading = [table.section, table.subject].filter(Boolean).join(' — ') || `Table ${t + 1}`;
  const mismatched = new Set(record.anomalies.filter((a) => a.code === 'TOTAL_MISMATCH' && a.path).map((a) => a.path!));
  const changes = new Map(table.changes.map((c) => [`${c.toYear}\u0000${c.column}`, c]));
  const head = `<tr><th scope="col">Year</th>${table.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}<th scope="col">Reported total</th><th scope="col">Computed</th></tr>`;
  const rows = table.rows
    .map((row, r) => {
      const base = `/scoreTables/${t}/rows/${r}`;
      const cells = table.columns
        .map((column) => {
          const path = `${base}/answers/${pointerToken(column)}`;
          const value = row.answers[column] ?? null;
          const change = changes.get(`${row.year}\u0000${column}`);
          const options = ['', 'Y', 'P', 'N'];
          if (value && !options.includes(value)) options.push(value);
          const classes = ['ans', `ans-${value ?? 'none'}`];
          let title = '';
          if (change) {
            const up = (ANSWER_RANK[change.to ?? ''] ?? -1) > (ANSWER_RANK[change.from ?? ''] ?? -1);
            classes.push('changed-year', up ? 'up' : 'down');
            title = `${change.from ?? '–'} in ${change.fromYear}, ${change.to ?? '–'} in ${change.toYear}`;
          }
          if (low.has(path)) classes.push('low-confidence');
          const confidence = provenance[path]?.confidence;
          if (confidence !== undefined)
            title = [title, `confidence ${Math.round(confidence * 100)} %`].filter(Boolean).join('; ');
          return `<td class="${classes.join(' ')}"${title ? ` title="${esc(title)}"` : ''}><select id="${ids.idFor(path)}" aria-label="${esc(`${row.year} ${column}`)}" data-path="${esc(path)}" data-kind="answer" data-original="${esc(JSON.stringify(value))}">${options
            .map(
              (o) =>
                `<option value="${esc(o)}"${o === (value ?? '') ? ' selected' : ''}>${o === '' ? '–' : esc(o)}</option>`,
            )
            .join(
              '',
            )}</select>${change ? `<span class="change-mark" aria-label="${esc(`changed: ${title}`)}">${change && classes.includes('up') ? '▲' : '▼'}</span>` : ''}</td>`;
        })
        .join('');
      const totalPath = `${base}/reportedTotal`;
      const off =
        mismatched.has(totalPath) ||
        (row.reportedTotal === null &&
          record.anomalies.some((a) => a.code === 'MISSING_TOTAL' && a.path === totalPath));
      const total = `<td class="total${off ? ' mismatch' : ''}${low.has(totalPath) ? ' low-confidence' : ''}"><input id="${ids.idFor(totalPath)}" type="number" step="any" inputmode="decimal" aria-label="${esc(`${row.year} total`)}" data-path="${esc(totalPath)}" data-kind="number" data-original="${esc(JSON.stringify(row.reportedTotal))}" value="${esc(row.reportedTotal ?? '')}"></td>`;
      return `<tr data-year="${esc(row.year)}"><th scope="row">${esc(row.year)}</th>${cells}${total}<td class="computed${off ? ' mismatch' : ''}">${esc(row.computedTotal)}</td></tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table class="scores grid">
<caption>${esc(heading)}</caption>
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}

function developmentListHtml(
  record: StoredRecord,
  list: StoredRecord['developmentLists'][number],
  l: number,
  ids: FieldIds,
  low: Set<string>,
): string {
  const provenance = record.provenance ?? {};
  const heading = [list.section, list.subject].filter(Boolean).join(' — ') || `List ${l + 1}`;
  const items = list.items
    .map((item, i) => {
      const path = `/developmentLists/${l}/items/${i}/text`;
      const id = ids.idFor(path);
      return `<li class="field${low.has(path) ? ' low-confidence' : ''}"><label for="${id}">Item ${esc(item.number)}</label>${confidenceNote(provenance[path], low.has(path))}<textarea id="${id}" rows="4" data-path="${esc(path)}" data-kind="text" data-original="${esc(JSON.stringify(item.text))}">${esc(item.text)}</textarea></li>`;
    })
    .join('\n');
  return `<h3>${esc(heading)}</h3><ol class="items">${items}</ol>`;
}

function decisionHtml(user: string | null): string {
  const reviewer = user
    ? `<p class="field">Reviewer: <strong id="signed-in" data-user="${esc(user)}">${esc(user)}</strong> <span class="muted">(signed in; recorded with the decision)</span></p>`
    : `<p class="field"><label for="reviewer">Reviewer</label> <input id="reviewer" name="reviewer" autocomplete="name" maxlength="200" required aria-required="true"> <span class="muted">(required: access is open, so the desk cannot tell who you are)</span></p>`;
  return `<section aria-labelledby="decision-h" class="decision">
<h2 id="decision-h">Decision</h2>
${reviewer}
<p class="field"><label for="note">Note or reason (optional)</label> <textarea id="note" name="note" rows="2" maxlength="5000"></textarea></p>
<p class="changes" id="changes" aria-live="polite">No changes.</p>
<p class="buttons"><button type="button" id="approve" class="approve">Approve</button> <button type="button" id="reject" class="reject">Reject</button> <a href="/review">Back to the list</a></p>
<p id="outcome" role="status" aria-live="polite"></p>
</section>`;
}
