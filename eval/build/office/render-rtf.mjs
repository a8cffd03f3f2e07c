// RTF as WordPad writes it: no styles, headings as bold larger runs, the score table typed as
// tab-separated lines (WordPad has no tables), numbers typed before items with a tab, text
// outside ASCII as \'hh (Windows-1252) or \uN? escapes.
import { itemNumber, itemRuns } from '../content.mjs';

const CP1252 = { '\u2019': "\\'92", '\u2018': "\\'91", '\u201c': "\\'93", '\u201d': "\\'94", '\u2013': "\\'96", '\u2014': "\\'97" };

function esc(text) {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (CP1252[ch]) out += CP1252[ch];
    else if (code >= 0xa0 && code <= 0xff) out += `\\'${code.toString(16)}`;
    else if (code > 0x7f) out += `\\u${code}?`;
    else out += ch;
  }
  return out;
}

const run = (r) => (typeof r === 'string' ? esc(r) : r.b ? `\\b ${esc(r.b)}\\b0 ` : `\\i ${esc(r.i)}\\i0 `);

export function rtfFromReport(report) {
  const lines = [];
  const heading = (text, level) => lines.push(`\\pard\\sa200\\sl276\\slmult1\\b\\fs${[36, 28, 24][level]} ${esc(text)}\\b0\\fs22\\par`);
  const para = (text) => lines.push(`\\pard\\sa200\\sl276\\slmult1 ${text}\\par`);
  heading(report.title, 0);
  if (report.authorLine) para(esc(report.authorLine));
  if (report.dateLine) para(esc(report.dateLine));
  let last = null;
  for (const t of report.tables) {
    if (t.section !== last) { heading(t.section, 1); last = t.section; }
    if (t.subject) heading(t.subject, 2);
    const header = [t.yearHeader ?? 'Year', ...t.columns, t.totalHeader ?? 'Total'];
    const tabLine = (cells) => `\\pard\\tx1000\\tx1500\\tx2000\\tx2500\\tx3000\\tx3500\\tx4000\\tx4500\\tx5000\\tx5500\\tx6000\\tx6500\\tx7000\\tx7500 ${cells.map(esc).join('\\tab ')}\\par`;
    lines.push(tabLine(header));
    for (const r of t.rows) lines.push(tabLine([r.year, ...r.cells, r.total ?? '']));
    lines.push('\\pard\\sa200\\sl276\\slmult1\\par');
    for (const c of t.commentary) para(esc(c));
  }
  for (const l of report.lists) {
    if (l.section !== last) { heading(l.section, 1); last = l.section; }
    if (l.subject) heading(l.subject, 2);
    l.items.forEach((item, i) => lines.push(`\\pard\\fi-360\\li360\\sa200\\sl276\\slmult1\\tx360 ${itemNumber(item, i)}.\\tab ${itemRuns(item).map(run).join('')}\\par`));
  }
  return `{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1053{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}\r\n{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \r\n\\f0\\fs22\\lang29 ${lines.join('\r\n')}\r\n}\r\n`;
}
