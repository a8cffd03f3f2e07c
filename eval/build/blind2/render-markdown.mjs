// Markdown the way analysts type it: each report gets its own habits (hard wrap at 60
// columns with words broken by hyphens, loose lists, bold lines as sub-headings,
// tab-separated tables, `1)` numbering, setext headings).
import { itemNumber, itemRuns } from '../content.mjs';

const runMd = (r) => (typeof r === 'string' ? r : r.link ? `[${r.link}](${r.href})` : r.b ? `**${r.b}**` : r.i ? `*${r.i}*` : `***${r.bi}***`);

/**
 * Hard wrap at `width` columns. A long plain word that would cross the margin is split
 * with a hyphen (develop- / ment); a compound is broken after its own hyphen (AI- / based).
 */
export function hardWrap(text, width, indent = '') {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  const room = () => width - line.length - (line ? 1 : 0);
  for (let w of words) {
    while (w) {
      if (w.length <= room()) { line = line ? `${line} ${w}` : w; w = ''; break; }
      const own = w.indexOf('-');
      if (own > 0 && own + 1 <= room() && own < w.length - 1) {
        line = line ? `${line} ${w.slice(0, own + 1)}` : w.slice(0, own + 1);
        w = w.slice(own + 1);
      } else if (/^[a-z]{8,}[,.;]?$/.test(w) && room() >= 5) {
        const cut = hyphenPoint(w.replace(/[,.;]$/, ''), room() - 1);
        if (cut > 0) { line = line ? `${line} ${w.slice(0, cut)}-` : `${w.slice(0, cut)}-`; w = w.slice(cut); }
      }
      lines.push(line);
      line = '';
      if (w.length > width) { lines.push(w); w = ''; }
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

const VOWEL = /[aeiouy]/;

/** A syllable-like break point no further than `max` letters in: V|CV or VC|CV, four letters kept before the break, three after. */
function hyphenPoint(word, max) {
  for (let cut = Math.min(max, word.length - 3); cut >= 4; cut--) {
    const [a, b, c, d] = [word[cut - 2], word[cut - 1], word[cut], word[cut + 1]];
    const vcv = VOWEL.test(b) && !VOWEL.test(c) && VOWEL.test(d);
    const vccv = VOWEL.test(a) && !VOWEL.test(b) && !VOWEL.test(c) && VOWEL.test(d);
    if (vcv || vccv) return cut;
  }
  return 0;
}

export function markdownFromReport(report, o) {
  const out = [];
  const heading = (text, level) => {
    if (o.headings === 'setext' && level <= 2) out.push(text, (level === 1 ? '=' : '-').repeat(text.length), '');
    else if (o.headings === 'bold' && level === 2) out.push(`**${text}**`, '');
    else out.push(`${'#'.repeat(level)} ${text}`, '');
  };
  const para = (text) => {
    if (o.wrap) out.push(...hardWrap(text, o.wrap), '');
    else out.push(text, '');
  };
  heading(report.title, 1);
  if (report.authorLine) out.push(report.authorLine, '');
  if (report.dateLine) out.push(report.dateLine, '');
  let last = null;
  for (const table of report.tables) {
    if (table.section !== last) { heading(table.section, 1); last = table.section; }
    if (table.subject) heading(table.subject, 2);
    const header = [table.yearHeader ?? 'Year', ...table.columns, table.totalHeader ?? 'Total'];
    const rows = table.rows.map((r) => [r.year, ...r.cells, r.total ?? '']);
    if (o.table === 'html') {
      out.push('<table>', `  <tr>${header.map((c) => `<th>${c}</th>`).join('')}</tr>`, ...rows.map((r) => `  <tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`), '</table>', '');
    } else if (o.table === 'tabs') {
      out.push(header.join('\t'), ...rows.map((r) => r.join('\t')), '');
    } else {
      out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
    }
    for (const c of table.commentary) para(c);
  }
  for (const list of report.lists) {
    if (list.section !== last) { heading(list.section, 1); last = list.section; }
    if (list.subject) heading(list.subject, 2);
    list.items.forEach((item, i) => {
      const marker = `${itemNumber(item, i)}${o.numbering === '1)' ? ')' : '.'} `;
      const text = marker + itemRuns(item).map(runMd).join('');
      if (o.wrap) out.push(...hardWrap(text, o.wrap, ' '.repeat(marker.length)));
      else out.push(text);
      if (o.looseList) out.push('');
    });
    if (!o.looseList) out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
