// Markdown as people write it by hand: the style options of each report pick the mess.
import { itemNumber, itemRuns, runText, visibleRuns } from './content.mjs';
import { wrapLines } from './wrap.mjs';

export function markdownFromReport(report, o) {
  const out = [];
  const blank = () => out.push('');
  const heading = (text, level) => {
    if (o.heading === 'setext') out.push(text, (level === 1 ? '=' : '-').repeat(Math.max(3, text.length)));
    else if (o.heading === 'atx-closed') out.push(`${'#'.repeat(level)} ${text} ${'#'.repeat(level)}`);
    else out.push(`${'#'.repeat(level)} ${text}`);
    blank();
  };
  const subject = (text) => {
    if (o.subject === 'bold') { out.push(`**${text}**`); blank(); }
    else if (o.subject === 'underbold') { out.push(`__${text}__`); blank(); }
    else heading(text, 2);
  };
  const trail = o.trailingSpaces ? '  ' : '';
  const para = (text) => { for (const l of wrapLines(text, o.wrap, o)) out.push(l + (o.trailingSpaces && l.length % 3 === 0 ? ' ' : '')); blank(); };

  if (o.yaml) { out.push('---', `title: "${report.title}"`, 'lang: en', `tags: [ai-policy, ${report.name.split('-')[0]}]`, '---', ''); }
  heading(report.title, 1);
  if (o.authorAsHeading) heading(report.authorLine, 2);
  else if (report.authorLine) { out.push(report.authorLine + trail); blank(); }
  if (report.dateLine) { out.push(report.dateLine + trail); blank(); }

  if (report.summary) { heading(report.summary.heading, 1); report.summary.paragraphs.forEach(para); }
  let lastSection = null;
  report.tables.forEach((table) => {
    if (table.section !== lastSection) { heading(table.section, 1); lastSection = table.section; }
    if (table.subject) subject(table.subject);
    if (table.caption) para(`*${table.caption}*`);
    out.push(...tableLines(table, o.table));
    blank();
    table.commentary.forEach(para);
  });
  for (const list of report.lists) {
    if (list.section !== lastSection) { heading(list.section, 1); lastSection = list.section; }
    if (list.subject) subject(list.subject);
    list.items.forEach((item, i) => {
      const n = itemNumber(item, i);
      const marker0 = o.numbering === '(1)' ? `(${n})` : o.numbering === '1)' ? `${n})` : `${n}.`;
      const text = visibleRuns(itemRuns(item)).map((r) => md(r, o)).join('');
      const marker = marker0;
      const lines = wrapLines(`${marker}${o.markerTab ? '\t' : ' '}${text}`, o.wrap, o);
      const indent = o.lazy ? '' : o.indent === 'tab' ? '\t' : ' '.repeat(marker.length + 1);
      out.push(lines[0], ...lines.slice(1).map((l) => indent + l));
      if (o.looseLists) blank();
    });
    blank();
  }
  if (report.bullets) {
    if (report.bullets.section !== lastSection) heading(report.bullets.section, 1);
    if (report.bullets.subject) subject(report.bullets.subject);
    for (const b of report.bullets.items) out.push(...wrapLines(`- ${b}`, o.wrap, o).map((l, i) => (i ? `  ${l}` : l)));
    blank();
  }
  let text = out.join('\n').replace(/\n{3,}/g, '\n\n');
  if (o.crlf) text = text.replace(/\n/g, '\r\n');
  return (o.bom ? '\uFEFF' : '') + text;
}

function md(run, o) {
  if (typeof run === 'string') return run;
  const b = o.emph === 'underscore' ? '__' : '**';
  const i = o.emph === 'underscore' ? '_' : '*';
  if (run.b) return `${b}${run.b}${b}`;
  if (run.i) return `${i}${run.i}${i}`;
  return `${b}${i}${runText(run)}${i}${b}`;
}

function tableLines(table, style) {
  const header = ['Year', ...table.columns, 'Total'];
  const rows = table.rows.map((r) => [r.year, ...r.cells, ...('total' in r ? [r.total] : [])]);
  if (style === 'tsv-trailing') return [header, ...rows].map((r) => `${r.join('\t')}\t`);
  if (style === 'tsv') return [header, ...rows].map((r) => r.join('\t'));
  if (style === 'html') {
    return [
      '<table>',
      `  <tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>`,
      ...rows.map((r) => `  <tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`),
      '</table>',
    ];
  }
  const sep = header.map((h, i) => (style === 'pipe-align' ? (i === 0 ? ':---' : ':---:') : '---'));
  if (style === 'pipe-bare') return [header, sep, ...rows].map((r) => r.join(' | '));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`);
}
