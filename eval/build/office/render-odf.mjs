// Flat OpenDocument texts (.fodt) that LibreOffice saves as .odt, .doc and .rtf. Styles:
//   lists    heading styles with outline levels, real Writer lists (one list style, items
//            numbered by Writer), a header row repeated on each page, bold/italic runs
//            through automatic text styles
//   columns  as `lists`, with the development lists in a section set in two columns and
//            each list split in two where the second part continues the numbering
//            (text:continue-numbering)
//   direct   typed in Writer with direct formatting only: bold sized paragraphs as headings,
//            numbers typed before items with a tab, bold header cells
import { itemNumber, itemRuns } from '../content.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const run = (r) => (typeof r === 'string' ? esc(r) : r.b ? `<text:span text:style-name="T1">${esc(r.b)}</text:span>` : `<text:span text:style-name="T2">${esc(r.i)}</text:span>`);

export function fodtFromReport(report, style) {
  const direct = style === 'direct';
  const body = [];
  const heading = (text, level) => body.push(direct
    ? `<text:p text:style-name="${['PTitle', 'PH1', 'PH2'][level]}">${esc(text)}</text:p>`
    : level === 0 ? `<text:p text:style-name="Title">${esc(text)}</text:p>` : `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${esc(text)}</text:h>`);
  const para = (inner) => body.push(`<text:p text:style-name="P0">${inner}</text:p>`);
  heading(report.title, 0);
  if (report.authorLine) para(esc(report.authorLine));
  if (report.dateLine) para(esc(report.dateLine));
  let last = null;
  let tableNo = 0;
  for (const t of report.tables) {
    if (t.section !== last) { heading(t.section, 1); last = t.section; }
    if (t.subject) heading(t.subject, 2);
    const header = [t.yearHeader ?? 'Year', ...t.columns, t.totalHeader ?? 'Total'];
    const row = (cells, p) => `<table:table-row>${cells.map((c) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${p}">${esc(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`;
    body.push(`<table:table table:name="Table${++tableNo}" table:style-name="Tbl"><table:table-column table:style-name="Col" table:number-columns-repeated="${header.length}"/>`);
    body.push(direct ? row(header, 'PCellBold') : `<table:table-header-rows>${row(header, 'Table_20_Heading')}</table:table-header-rows>`);
    for (const r of t.rows) body.push(row([r.year, ...r.cells, r.total ?? ''], direct ? 'PCell' : 'Table_20_Contents'));
    body.push('</table:table>');
    for (const c of t.commentary) para(esc(c));
  }
  if (style === 'columns') body.push('<text:section text:style-name="Sect1" text:name="Developments">');
  let listNo = 0;
  for (const l of report.lists) {
    if (l.section !== last) { heading(l.section, 1); last = l.section; }
    if (l.subject) heading(l.subject, 2);
    const items = l.items.map((item, i) => ({ n: itemNumber(item, i), runs: itemRuns(item) }));
    if (direct) {
      for (const it of items) body.push(`<text:p text:style-name="PItem">${it.n}.<text:tab/>${it.runs.map(run).join('')}</text:p>`);
      continue;
    }
    // Each list restarts at its first item: without that, LibreOffice's .doc and .rtf export
    // numbers a second list of the same style on from the first (as it then prints them).
    const li = (it, i) => `<text:list-item${i === 0 ? ` text:start-value="${it.n}"` : ''}><text:p text:style-name="PList">${it.runs.map(run).join('')}</text:p></text:list-item>`;
    listNo++;
    if (style === 'columns' && items.length >= 3) {
      const cut = Math.ceil(items.length / 2);
      body.push(`<text:list xml:id="list${listNo}a" text:style-name="L1">${items.slice(0, cut).map(li).join('')}</text:list>`);
      body.push('<text:p text:style-name="P0"/>');
      body.push(`<text:list xml:id="list${listNo}b" text:continue-numbering="true" text:style-name="L1">${items.slice(cut).map((it) => li(it, 1)).join('')}</text:list>`);
    } else {
      body.push(`<text:list xml:id="list${listNo}" text:style-name="L1">${items.map(li).join('')}</text:list>`);
    }
  }
  if (style === 'columns') body.push('</text:section>');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
</office:styles>
<office:automatic-styles>
<style:style style:name="P0" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="PList" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="L1"><style:paragraph-properties fo:margin-bottom="0.15cm" fo:text-align="justify"/></style:style>
<style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PH1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PH2" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PItem" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.63cm" fo:text-indent="-0.63cm" fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="PCell" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PCellBold" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
<style:style style:name="Col" style:family="table-column"><style:table-column-properties style:column-width="1.1cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="Sect1" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body></office:document>
`;
}
