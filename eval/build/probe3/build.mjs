// Builds eval/probe3-pdf-<name>/{report.pdf,expected.json} from reports.mjs.
// Styles: LibreOffice from HTML (serif 10pt, right-aligned totals, centred answers;
// 15 rows under an empty first header cell), LibreOffice from flat ODT (list numbers in
// a tab stop with hanging indents), Chromium (table on a landscape page; thick rules with
// no cell padding and bold body-size sub-headings), pandoc -> DOCX -> LibreOffice (a long
// item crossing a page whose foot holds a footnote).
// Run: node eval/build/probe3/build.mjs (needs soffice, chromium, pandoc).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { REPORTS } from './reports.mjs';
import { expectedRecord } from '../expected-record.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = resolve(here, '../..');
const work = mkdtempSync(join(tmpdir(), 'probe3-'));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (item) => item.map((r) => (typeof r === 'string' ? r : r.b ?? r.i)).join('');

function tableHtml(t, opts) {
  if (opts.groupHeader) {
    const top = `<tr><th rowspan="2">Year</th><th colspan="${t.columns.length}">Questions</th><th rowspan="2">Total</th></tr><tr>${t.columns.map((c) => `<th>${c}</th>`).join('')}</tr>`;
    const rows = t.rows.map((r) => `<tr><td>${r.year}</td>${r.cells.map((c) => `<td>${c}</td>`).join('')}<td>${r.total}</td></tr>`).join('');
    return `<table><thead>${top}</thead><tbody>${rows}</tbody></table>`;
  }
  const head = `<tr><th>${opts.emptyCorner ? '' : 'Year'}</th>${t.columns.map((c) => `<th>${c}</th>`).join('')}<th>Total</th></tr>`;
  const rows = t.rows.map((r) => `<tr><td>${r.year}</td>${r.cells.map((c) => `<td class="a">${c}</td>`).join('')}<td class="n">${r.total}</td></tr>`).join('\n');
  return opts.thead ? `<table><thead>${head}</thead><tbody>${rows}</tbody></table>` : `<table>${head}\n${rows}</table>`;
}

function html(rep, opts) {
  const sub = (s) => (opts.boldSubs ? `<p><b>${esc(s)}</b></p>` : `<h3>${esc(s)}</h3>`);
  const t = rep.tables[0];
  let body = `<h1>${esc(rep.title)}</h1><p>${esc(rep.authorLine)}</p><p>${esc(rep.dateLine)}</p>`;
  // Space the title page so the table starts low and its rows run onto the next page.
  if (opts.thead) body += '<div style="height:150mm"></div>';
  body += opts.wrapTable ? `<div class="wide">` : '';
  body += `<h2>${t.section}</h2>${sub(t.subject)}${tableHtml(t, opts)}`;
  body += opts.wrapTable ? `</div>` : '';
  body += t.commentary.map((c) => `<p>${esc(c)}</p>`).join('');
  body += `<h2>${rep.lists[0].section}</h2>`;
  for (const l of rep.lists) body += sub(l.subject) + `<ol>${l.items.map((i) => `<li>${esc(text(i))}</li>`).join('')}</ol>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${opts.css}</style></head><body>${body}</body></html>`;
}

const CSS = {
  serif10: `body{font-family:'Liberation Serif',serif;font-size:10pt} td,th{padding:2pt 4pt} td.a{text-align:center} td.n{text-align:right} table{border-collapse:collapse} th{text-align:center}`,
  fifteen: `body{font-family:'DejaVu Serif',serif;font-size:10pt} td.a{text-align:center} td.n{text-align:right} table{border-collapse:collapse;border:1px solid black} td,th{border:1px solid black}`,
  landscape: `body{font-family:Arial,sans-serif;font-size:11pt} @page{size:A4 portrait;margin:2cm} @page wide{size:A4 landscape} .wide{page:wide} table{border-collapse:collapse} td,th{border:1px solid #999;padding:4px 8px;text-align:center}`,
  grid: `body{font-family:'Liberation Sans',sans-serif;font-size:10pt} table{border-collapse:collapse} td,th{padding:1px 2px;text-align:center;border-bottom:1px solid #ccc} ol{list-style:none;padding:0;counter-reset:n} li{display:grid;grid-template-columns:2.2em 1fr;counter-increment:n;margin:0 0 4pt} li::before{content:counter(n) ")";text-align:right;padding-right:0.6em}`,
  repeat: `body{font-family:'Liberation Serif',serif;font-size:12pt} p.pad{margin:0 0 10pt} table{border-collapse:collapse} thead{display:table-header-group} td,th{border:1px solid black;padding:3px 10px;text-align:center} tr{break-inside:avoid}`,
  symbols: `body{font-family:'DejaVu Serif',serif;font-size:10.5pt} table{border-collapse:collapse} td,th{border:1px solid #444;padding:2pt 5pt;text-align:center} ol li::marker{font-weight:bold} h3{font-size:10.5pt}`,
  small: `body{font-family:'Liberation Serif',serif;font-size:11pt} table{border-collapse:collapse;font-size:7pt;line-height:1} td,th{padding:0 3px;text-align:center} thead th{border-bottom:0.5px solid black}`,
  thick: `body{font-family:'DejaVu Sans',sans-serif;font-size:10pt} p,h1,h2{margin:6pt 0} table{border-collapse:collapse} td,th{border:3px solid black;padding:0;text-align:center;font-size:10pt} th{font-weight:bold}`,
};

function fodt(rep, rightNumbers = false) {
  const t = rep.tables[0];
  const p = (style, s) => `<text:p text:style-name="${style}">${esc(s)}</text:p>`;
  const h = (lvl, s) => `<text:h text:style-name="Heading_20_${lvl}" text:outline-level="${lvl}">${esc(s)}</text:h>`;
  const cell = (s, style = 'P') => `<table:table-cell office:value-type="string">${p(style, s)}</table:table-cell>`;
  const rows = [['Year', ...t.columns, 'Total'], ...t.rows.map((r) => [r.year, ...r.cells, r.total])];
  const table = `<table:table table:name="Scores"><table:table-column table:number-columns-repeated="${rows[0].length}"/>${rows.map((r) => `<table:table-row>${r.map((c) => cell(c, 'C')).join('')}</table:table-row>`).join('')}</table:table>`;
  let body = p('Title', rep.title) + p('P', rep.authorLine) + p('P', rep.dateLine) + h(1, t.section) + h(2, t.subject) + table;
  body += t.commentary.map((c) => p('P', c)).join('') + h(1, rep.lists[0].section);
  for (const l of rep.lists) {
    body += h(2, l.subject);
    // With right-aligned numbers the number itself sits after a first tab (so 9. and 10. end at one x).
    body += l.items.map((i, n) => `<text:p text:style-name="Hang">${rightNumbers ? '<text:tab/>' : ''}${n + 1}.<text:tab/>${esc(text(i))}</text:p>`).join('');
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-family="'Liberation Serif'" fo:font-size="11pt"/></style:style>
<style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="C" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.4cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
${rightNumbers ? `<style:style style:name="Hang" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.5cm" fo:text-indent="-1.5cm" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="-0.7cm" style:type="right"/><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>` : ''}
<style:style style:name="${rightNumbers ? 'HangPlain' : 'Hang'}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.25cm" fo:text-indent="-1.25cm" fo:text-align="justify"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
</office:styles>
<office:body><office:text>${body}</office:text></office:body></office:document>`;
}

function markdown(rep) {
  const t = rep.tables[0];
  let md = `# ${rep.title}\n\n${rep.authorLine}\n\n${rep.dateLine}\n\n## ${t.section}\n\n### ${t.subject}\n\n`;
  md += `| Year | ${t.columns.join(' | ')} | Total |\n|${'---|'.repeat(t.columns.length + 2)}\n`;
  md += t.rows.map((r) => `| ${r.year} | ${r.cells.join(' | ')} | ${r.total} |`).join('\n') + '\n\n';
  // The footnote hangs off the last commentary paragraph, so it sits at the foot of the
  // page where the long third item runs over onto the next page.
  md += t.commentary.map((c, i) => (i === t.commentary.length - 1 ? c + '[^src]' : c)).join('\n\n');
  md += `\n\n## ${rep.lists[0].section}\n\n`;
  for (const l of rep.lists) md += `### ${l.subject}\n\n` + l.items.map((i, n) => `${n + 1}. ${text(i)}`).join('\n') + '\n\n';
  md += `[^src]: Complaint figures from the annual report of the data protection authority, published in spring 2024; the authority counts each complaint once even where it concerns several controllers.\n`;
  return md;
}

// Word-made document (the docx package): Word's own footnotes, referenced from the second
// commentary paragraph and from inside the long second item, which runs over a page break.
async function wordDocx(rep) {
  const d = await import('docx');
  const t = rep.tables[0];
  const P = (text, extra = {}) => new d.Paragraph({ children: [new d.TextRun(text)], ...extra });
  // A cell written with a superscript mark ("Yes¹") carries Word footnote 1 instead.
  const cell = (text) => new d.TableCell({ children: [/¹$/.test(text)
    ? new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun(text.slice(0, -1)), new d.FootnoteReferenceRun(1)] })
    : P(text, { alignment: d.AlignmentType.CENTER })] });
  const note = rep.itemNote ?? { list: 0, item: 1, before: ', and a programme' };
  const rows = [['Year', ...t.columns, 'Total'], ...t.rows.map((r) => [r.year, ...r.cells, r.total])];
  const children = [
    P(rep.title, { heading: d.HeadingLevel.TITLE }), P(rep.authorLine), P(rep.dateLine),
    P(t.section, { heading: d.HeadingLevel.HEADING_1 }), P(t.subject, { heading: d.HeadingLevel.HEADING_2 }),
    new d.Table({ rows: rows.map((r) => new d.TableRow({ children: r.map(cell) })) }),
    ...t.commentary.map((c, i) => (i === 1 && !rep.itemNote ? new d.Paragraph({ children: [new d.TextRun(c), new d.FootnoteReferenceRun(1)] }) : P(c))),
    P(rep.lists[0].section, { heading: d.HeadingLevel.HEADING_1 }),
  ];
  rep.lists.forEach((l, li) => {
    children.push(P(l.subject, { heading: d.HeadingLevel.HEADING_2 }));
    l.items.forEach((item, n) => {
      const words = text(item);
      const at = words.indexOf(note.before);
      const runs = li === note.list && n === note.item
        ? [new d.TextRun(words.slice(0, at)), new d.FootnoteReferenceRun(2), new d.TextRun(words.slice(at))]
        : [new d.TextRun(words)];
      children.push(new d.Paragraph({ children: runs, numbering: { reference: 'items', level: 0, instance: li } }));
    });
  });
  const doc = new d.Document({
    styles: { default: { document: { run: { size: 24, font: 'Cambria' }, paragraph: { spacing: { after: 240 } } } } },
    numbering: { config: [{ reference: 'items', levels: [{ level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] },
    footnotes: {
      1: { children: [P(rep.itemNote ? 'The 2023 answer relies on a draft law that had not been adopted when this report was written.' : 'Figures from the annual report of the Technology Agency of the Czech Republic for 2023, which counts projects by their start year and includes projects that were later stopped.')] },
      2: { children: [P(rep.itemNote ? 'The bill was sent to public consultation in February 2024 and is expected in parliament in the autumn.' : 'The courses are co-financed by the European Social Fund Plus; regional quotas were set in an annex to the resolution.')] },
    },
    sections: [{ properties: { page: { margin: { top: 2880, bottom: 2880, left: 2000, right: 2000 } } }, children }],
  });
  return d.Packer.toBuffer(doc);
}

const soffice = (file) => execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'ignore' });
const only = process.argv.slice(2);
for (const rep of REPORTS.filter((r) => only.length === 0 || only.includes(r.name))) {
  const out = join(evalDir, `probe3-pdf-${rep.name}`);
  mkdirSync(out, { recursive: true });
  const base = join(work, rep.name);
  if (rep.style === 'hanging' || rep.style === 'hanging-right') {
    writeFileSync(`${base}.fodt`, fodt(rep, rep.style === 'hanging-right'));
    soffice(`${base}.fodt`);
  } else if (rep.style === 'word' || rep.style === 'word-cell') {
    writeFileSync(`${base}.docx`, await wordDocx(rep));
    soffice(`${base}.docx`);
  } else if (rep.style === 'footnote') {
    writeFileSync(`${base}.md`, markdown(rep));
    execFileSync('pandoc', [`${base}.md`, '-o', `${base}.docx`]);
    soffice(`${base}.docx`);
  } else {
    const opts = { css: CSS[rep.style], boldSubs: rep.style === 'thick', emptyCorner: rep.style === 'fifteen' || rep.style === 'grid', thead: rep.style === 'repeat', groupHeader: rep.style === 'small', wrapTable: rep.style === 'landscape' };
    writeFileSync(`${base}.html`, html(rep, opts));
    if (rep.via === 'soffice') execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, `${base}.html`], { stdio: 'ignore' });
    else execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${base}.pdf`, `${base}.html`], { stdio: 'ignore' });
  }
  copyFileSync(`${base}.pdf`, join(out, 'report.pdf'));
  writeFileSync(join(out, 'expected.json'), JSON.stringify(expectedRecord(rep), null, 2) + '\n');
  console.log(rep.name);
}
