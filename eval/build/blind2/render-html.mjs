// HTML for LibreOffice (HTML -> Writer -> DOCX, then DOCX -> PDF) and for Chromium print.
// Options: bold paragraphs with a direct font size instead of headings, typed numbers
// instead of <ol>, an empty paragraph between items, a shaded header row, a repeated
// table header (<thead>), and the development lists set in two columns (with or without
// the section heading spanning both).
import { itemNumber, itemRuns } from '../content.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const runHtml = (r) => (typeof r === 'string' ? esc(r) : r.link ? `<a href="${r.href}">${esc(r.link)}</a>` : r.b ? `<b>${esc(r.b)}</b>` : r.i ? `<i>${esc(r.i)}</i>` : `<b><i>${esc(r.bi)}</i></b>`);

export function htmlFromReport(report, o) {
  const body = [];
  const h = (text, level) =>
    o.boldHeadings
      ? `<p style="margin-top:12pt"><span style="font-size:${[20, 15, 12.5][level]}pt"><b>${esc(text)}</b></span></p>`
      : `<h${level + 1}>${esc(text)}</h${level + 1}>`;
  body.push(h(report.title, 0));
  if (report.authorLine) body.push(`<p>${esc(report.authorLine)}</p>`);
  if (report.dateLine) body.push(`<p>${esc(report.dateLine)}</p>`);
  if (report.summary) { body.push(h(report.summary.heading, 1)); for (const p of report.summary.paragraphs) body.push(`<p>${esc(p)}</p>`); }
  let last = null;
  for (const table of report.tables) {
    if (table.section !== last) { body.push(h(table.section, 1)); last = table.section; }
    if (table.subject) body.push(h(table.subject, 2));
    const header = [table.yearHeader ?? 'Year', ...table.columns, table.totalHeader ?? 'Total'];
    const shade = o.headerShade ? `background:${o.headerShade};color:${o.headerInk ?? '#000'};` : '';
    const head = `<tr>${header.map((c) => `<th style="${shade}text-align:center">${esc(c)}</th>`).join('')}</tr>`;
    body.push('<table border="1" cellspacing="0" cellpadding="4">', o.thead ? `<thead>${head}</thead><tbody>` : head);
    table.rows.forEach((r, i) => {
      const band = o.band && i % 2 === 1 ? `background:${o.band};` : '';
      body.push(`<tr>${[r.year, ...r.cells, r.total ?? ''].map((c) => `<td style="${band}text-align:center">${esc(c)}</td>`).join('')}</tr>`);
    });
    body.push(o.thead ? '</tbody></table>' : '</table>');
    for (const c of table.commentary) body.push(`<p>${esc(c)}</p>`);
  }
  if (o.twoColumnLists) body.push('<div class="cols">');
  for (const list of report.lists) {
    if (list.section !== last) { body.push(h(list.section, 1)); last = list.section; }
    if (list.subject) body.push(h(list.subject, 2));
    if (o.typedNumbers) {
      list.items.forEach((item, i) => {
        body.push(`<p>${itemNumber(item, i)}. ${itemRuns(item).map(runHtml).join('')}</p>`);
        if (o.blankBetweenItems) body.push('<p><br></p>');
      });
    } else body.push('<ol>', ...list.items.map((item) => `<li>${itemRuns(item).map(runHtml).join('')}</li>`), '</ol>');
  }
  if (o.twoColumnLists) body.push('</div>');
  const css = [
    `body { font-family: ${o.font ?? 'Liberation Sans'}; font-size: ${o.fontSize ?? '11pt'}; }`,
    `table { border-collapse: collapse; } th, td { padding: ${o.cellPadding ?? '3px 6px'}; }`,
    o.twoColumnLists ? '.cols { column-count: 2; column-gap: 8mm; text-align: justify; } .cols h2, .cols h3 { break-after: avoid; }' + (o.spanHeadings ? ' .cols h2 { column-span: all; }' : '') : '',
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(report.title)}</title><style>${css}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
