// HTML the way an online editor or a hand-made web page holds a report; LibreOffice turns
// it into DOCX, Chromium prints it to PDF.
import { itemNumber, itemRuns, visibleRuns } from './content.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Soft hyphens inside long lower-case words, as a word processor's hyphenation leaves them. */
function softHyphens(text) {
  return text.replace(/\b([a-z]{5,})([a-z]{5,})\b/g, '$1\u00AD$2');
}

export function htmlFromReport(report, o) {
  const t = (s) => esc(o.softHyphens ? softHyphens(s) : s);
  const h = (text, level) =>
    o.boldHeadings ? `<p><b style="font-size:${level === 1 ? 16 : 13}pt">${esc(text)}</b></p>` : `<h${level}>${esc(text)}</h${level}>`;
  const body = [];
  body.push(o.titleAsParagraph ? `<p style="font-size:22pt"><b>${esc(report.title)}</b></p>` : `<h1>${esc(report.title)}</h1>`);
  if (report.authorLine) body.push(`<p>${esc(report.authorLine)}</p>`);
  if (report.dateLine) body.push(`<p>${esc(report.dateLine)}</p>`);
  if (report.summary) { body.push(h(report.summary.heading, 1)); for (const p of report.summary.paragraphs) body.push(`<p>${t(p)}</p>`); }
  let last = null;
  report.tables.forEach((table) => {
    if (table.section !== last) { body.push(h(table.section, 1)); last = table.section; }
    if (table.subject) body.push(h(table.subject, 2));
    if (table.caption) body.push(`<p><i>${esc(table.caption)}</i></p>`);
    const header = ['Year', ...table.columns, 'Total'];
    const rows = table.rows.map((r) => [r.year, ...r.cells, ...('total' in r ? [r.total] : [])]);
    body.push('<table border="1" cellspacing="0" cellpadding="3">');
    if (o.tableTitleRow) body.push(`<tr><td colspan="${header.length}" style="text-align:center"><b>${esc(o.tableTitleRow)}</b></td></tr>`);
    const align = o.cellAlign ?? 'center';
    const headRow = `<tr>${header.map((c) => `<th style="background:#d9e2f3;text-align:${align}">${esc(c)}</th>`).join('')}</tr>`;
    // A <thead> is repeated by the browser at the top of each page the table runs onto.
    body.push(o.thead ? `<thead>${headRow}</thead><tbody>` : headRow);
    for (const r of rows) body.push(`<tr>${r.map((c) => `<td style="text-align:${align}">${esc(c)}</td>`).join('')}</tr>`);
    if (o.thead) body.push('</tbody>');
    body.push('</table>');
    for (const c of table.commentary) body.push(`<p>${t(c)}</p>`);
  });
  for (const list of report.lists) {
    if (list.section !== last) { body.push(h(list.section, 1)); last = list.section; }
    if (list.subject) body.push(h(list.subject, 2));
    const typed = list.items.some((item, i) => itemNumber(item, i) !== i + 1);
    const li = (item) => visibleRuns(itemRuns(item)).map((r) => (typeof r === 'string' ? t(r) : r.p ? '<br><br>' : r.b ? `<b>${t(r.b)}</b>` : r.i ? `<i>${t(r.i)}</i>` : `<b><i>${t(r.bi)}</i></b>`)).join('');
    if (typed) list.items.forEach((item, i) => body.push(`<p>${itemNumber(item, i)}. ${li(item)}</p>`));
    else body.push('<ol>', ...list.items.map((item) => `<li>${li(item)}</li>`), '</ol>');
  }
  if (report.bullets) {
    if (report.bullets.section !== last) body.push(h(report.bullets.section, 1));
    if (report.bullets.subject) body.push(h(report.bullets.subject, 2));
    body.push('<ul>', ...report.bullets.items.map((b) => `<li>${t(b)}</li>`), '</ul>');
  }
  const css = [
    `body { font-family: ${o.font ?? 'Liberation Sans'}; font-size: ${o.fontSize ?? '11pt'}; ${o.width ? `max-width: ${o.width};` : ''} }`,
    o.justify ? 'p, li { text-align: justify; hyphens: manual; }' : '',
    `table { border-collapse: collapse; ${o.tableWidth ? `width: ${o.tableWidth};` : ''} } th, td { padding: ${o.cellPadding ?? '2px 5px'}; }`,
    o.landscape ? '@page { size: A4 landscape; }' : '',
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(report.title)}</title><style>${css}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
