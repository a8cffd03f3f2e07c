// Web pages in three authoring styles:
//   gdocs  Google Docs' "Download as web page": runs as <span class="cN">, bold and italic only
//          through class rules, headings with a normal-weight class inside, cells holding
//          <p><span>, each list an <ol class="lst-kix… start" start="N">, and a list split in
//          two by an empty paragraph with the second part numbered on by `start`
//   word   Word's "Save as Web Page": MsoNormal paragraphs, typed numbers inside
//          <![if !supportLists]> with non-breaking spaces, bold as <b> with mso styles, bold
//          paragraphs as headings, cells holding <p class=MsoNormal>, windows-1252
//   cms    a CMS article: <article>, <strong>, <span style="font-weight:700">, <em>,
//          <ol start="1"> with <li><p>, a <thead> of <th><p> cells, a caption-less table
import { itemNumber, itemRuns } from '../content.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function htmlFromReport(report, style) {
  if (style === 'plain') return plain(report);
  if (style === 'gdocs') return gdocs(report);
  if (style === 'word') return word(report);
  return cms(report);
}

function walk(report, { heading, paragraph, table, list }) {
  const out = [];
  out.push(heading(report.title, 0));
  if (report.authorLine) out.push(paragraph([report.authorLine]));
  if (report.dateLine) out.push(paragraph([report.dateLine]));
  let last = null;
  for (const t of report.tables) {
    if (t.section !== last) { out.push(heading(t.section, 1)); last = t.section; }
    if (t.subject) out.push(heading(t.subject, 2));
    const header = [t.yearHeader ?? 'Year', ...t.columns, t.totalHeader ?? 'Total'];
    out.push(table(header, t.rows.map((r) => [r.year, ...r.cells, r.total ?? ''])));
    for (const c of t.commentary) out.push(paragraph([c]));
  }
  for (const l of report.lists) {
    if (l.section !== last) { out.push(heading(l.section, 1)); last = l.section; }
    if (l.subject) out.push(heading(l.subject, 2));
    out.push(list(l.items.map((item, i) => ({ n: itemNumber(item, i), runs: itemRuns(item) }))));
  }
  return out.join('\n');
}

/** Plain markup for LibreOffice to open (its HTML import ignores class rules): each list its own <ol>. */
function plain(report) {
  const run = (r) => (typeof r === 'string' ? esc(r) : r.b ? `<b>${esc(r.b)}</b>` : `<i>${esc(r.i)}</i>`);
  const body = walk(report, {
    heading: (text, level) => `<h${level + 1}>${esc(text)}</h${level + 1}>`,
    paragraph: (runs) => `<p>${runs.map(run).join('')}</p>`,
    table: (header, rows) => `<table border="1" cellspacing="0">${[header, ...rows].map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`,
    list: (items) => `<ol start="${items[0].n}">${items.map((it) => `<li>${it.runs.map(run).join('')}</li>`).join('')}</ol>`,
  });
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${esc(report.title)}</title></head><body>\n${body}\n</body></html>\n`;
}

function gdocs(report) {
  const run = (r) => (typeof r === 'string' ? `<span class="c2">${esc(r)}</span>` : r.b ? `<span class="c7">${esc(r.b)}</span>` : `<span class="c9">${esc(r.i)}</span>`);
  let listNo = 0;
  const body = walk(report, {
    heading: (text, level) => (level === 0 ? `<p class="c12 title" id="h.t"><span class="c11">${esc(text)}</span></p>` : `<h${level} class="c5" id="h.${level}${esc(text.slice(0, 3))}"><span class="c4">${esc(text)}</span></h${level}>`),
    paragraph: (runs) => `<p class="c3">${runs.map(run).join('')}</p>`,
    table: (header, rows) => `<a id="t.${listNo}"></a><table class="c14"><tr class="c13">${header.map((c) => `<td class="c10" colspan="1" rowspan="1"><p class="c6"><span class="c7">${esc(c)}</span></p></td>`).join('')}</tr>${rows.map((r) => `<tr class="c13">${r.map((c) => `<td class="c10" colspan="1" rowspan="1"><p class="c6"><span class="c2">${esc(c)}</span></p></td>`).join('')}</tr>`).join('')}</table><p class="c3 c15"><span class="c2"></span></p>`,
    list: (items) => {
      listNo++;
      const cls = `lst-kix_q${listNo}x8f2m-0`;
      // Google Docs ends the list at an empty paragraph and starts a new <ol> numbered on.
      const split = items.length >= 4 ? 2 : items.length;
      const part = (chunk, first) => `<ol class="c8 ${cls}${first ? ' start' : ''}" start="${chunk[0].n}">${chunk.map((it) => `<li class="c3 c16 li-bullet-0">${it.runs.map(run).join('')}</li>`).join('')}</ol>`;
      return split < items.length
        ? `${part(items.slice(0, split), true)}<p class="c3 c17"><span class="c2"></span></p>${part(items.slice(split), false)}`
        : part(items, true);
    },
  });
  const css = '.c2{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}'
    + '.c4{color:#000000;font-weight:400;text-decoration:none;font-size:16pt;font-family:"Arial";font-style:normal}'
    + '.c7{color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}'
    + '.c9{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:italic}'
    + '.c11{color:#000000;font-weight:400;font-size:26pt;font-family:"Arial";font-style:normal}'
    + '.c3{padding-top:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left}.c15,.c17{height:11pt}'
    + '.c5{padding-top:18pt;padding-bottom:6pt;line-height:1.15;page-break-after:avoid}.c6{padding-top:0pt;padding-bottom:0pt;line-height:1.0;text-align:center}'
    + '.c8{padding-left:0pt;margin:0}.c10{border-right-style:solid;padding:5pt;border-bottom-color:#000000;border-top-width:1pt;vertical-align:top}'
    + '.c14{border-spacing:0;border-collapse:collapse;margin-right:auto}.c16{margin-left:36pt;padding-left:0pt}'
    + 'h1{padding-top:20pt;color:#000000;font-size:20pt;font-family:"Arial"}h2{padding-top:18pt;color:#000000;font-size:16pt;font-family:"Arial"}'
    + '.title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;font-family:"Arial"}';
  return `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">@import url(https://themes.googleusercontent.com/fonts/css?kit=x);${css}</style></head><body class="c18 doc-content">${body}</body></html>`;
}

function word(report) {
  const run = (r) => (typeof r === 'string' ? esc(r) : r.b ? `<b style='mso-bidi-font-weight:normal'>${esc(r.b)}</b>` : `<i style='mso-bidi-font-style:normal'>${esc(r.i)}</i>`);
  const body = walk(report, {
    heading: (text, level) => `<p class=MsoNormal style='margin-top:12.0pt'><b><span lang=EN-GB style='font-size:${[18, 14, 12][level]}.0pt'>${esc(text)}<o:p></o:p></span></b></p>`,
    paragraph: (runs) => `<p class=MsoNormal><span lang=EN-GB>${runs.map(run).join('')}<o:p></o:p></span></p>`,
    table: (header, rows) => `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\n${[header, ...rows].map((r, i) => ` <tr style='mso-yfti-irow:${i}'>\n${r.map((c) => `  <td width=38 valign=top style='width:28.5pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  <p class=MsoNormal align=center style='text-align:center'>${i === 0 ? `<b>${esc(c)}</b>` : esc(c)}<o:p></o:p></p>\n  </td>`).join('\n')}\n </tr>`).join('\n')}\n</table>`,
    list: (items) => items.map((it) => `<p class=MsoListParagraphCxSpMiddle style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-GB><span style='mso-list:Ignore'>${it.n}.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>${it.runs.map(run).join('')}<o:p></o:p></span></p>`).join('\n'),
  });
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${esc(report.title)}</title>
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;margin:0cm;margin-bottom:8.0pt;line-height:107%;font-size:11.0pt;font-family:"Calibri",sans-serif;mso-bidi-font-weight:normal;}
p.MsoListParagraphCxSpMiddle
	{margin-top:0cm;margin-right:0cm;margin-bottom:0cm;margin-left:36.0pt;font-size:11.0pt;font-family:"Calibri",sans-serif;}
-->
</style>
</head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<div class=WordSection1>
${body}
</div>
</body>
</html>
`;
}

function cms(report) {
  let bold = 0;
  // The editor wrote bold both ways over the years: <strong> and a styled span.
  const run = (r) => (typeof r === 'string' ? esc(r) : r.b ? (bold++ % 2 === 0 ? `<span style="font-weight: 700;">${esc(r.b)}</span>` : `<strong>${esc(r.b)}</strong>`) : `<em>${esc(r.i)}</em>`);
  const body = walk(report, {
    heading: (text, level) => `<h${level + 1} class="article-heading">${esc(text)}</h${level + 1}>`,
    paragraph: (runs) => `<p>${runs.map(run).join('')}</p>`,
    table: (header, rows) => `<div class="table-wrap"><table class="scores">\n<thead><tr>${header.map((c) => `<th scope="col"><p>${esc(c)}</p></th>`).join('')}</tr></thead>\n<tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td><p>${esc(c)}</p></td>`).join('')}</tr>`).join('\n')}\n</tbody></table></div>`,
    list: (items) => `<ol start="${items[0].n}">\n${items.map((it) => `  <li>\n    <p>${it.runs.map(run).join('')}</p>\n  </li>`).join('\n')}\n</ol>`,
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(report.title)} | AI policy reports</title>
  <link rel="stylesheet" href="/assets/site.css">
  <script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body class="page-report">
  <header class="site-header"><nav><a href="/">Home</a> <a href="/reports">Reports</a></nav></header>
  <main>
    <article class="report">
${body}
    </article>
  </main>
  <footer class="site-footer"><p>© 2024 Policy Observatory</p></footer>
</body>
</html>
`;
}
