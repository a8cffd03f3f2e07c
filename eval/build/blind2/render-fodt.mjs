// A flat OpenDocument text file the way a report typed in LibreOffice Writer holds it when
// the author formats by hand: every paragraph is "Standard" with automatic (direct)
// styles for bold and size, numbers typed before the items with a tab, a plain table.
// LibreOffice saves it as DOCX.
import { itemNumber, itemRuns } from '../content.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fodtFromReport(report) {
  const body = [];
  const p = (inner, style = 'P0') => body.push(`<text:p text:style-name="${style}">${inner}</text:p>`);
  const run = (r) => (typeof r === 'string' ? esc(r) : r.b ? `<text:span text:style-name="TB">${esc(r.b)}</text:span>` : `<text:span text:style-name="TI">${esc(r.i ?? r.bi)}</text:span>`);
  p(esc(report.title), 'PTitle');
  if (report.authorLine) p(esc(report.authorLine));
  if (report.dateLine) p(esc(report.dateLine));
  p('');
  let last = null;
  for (const table of report.tables) {
    if (table.section !== last) { p(esc(table.section), 'PH1'); last = table.section; }
    if (table.subject) p(esc(table.subject), 'PH2');
    const header = [table.yearHeader ?? 'Year', ...table.columns, table.totalHeader ?? 'Total'];
    body.push(`<table:table table:name="Table1" table:style-name="Tbl"><table:table-column table:number-columns-repeated="${header.length}"/>`);
    const row = (cells, style) => body.push(`<table:table-row>${cells.map((c) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${style}">${esc(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`);
    row(header, 'PCellBold');
    for (const r of table.rows) row([r.year, ...r.cells, r.total ?? ''], 'PCell');
    body.push('</table:table>');
    for (const c of table.commentary) p(esc(c));
  }
  for (const list of report.lists) {
    if (list.section !== last) { p(esc(list.section), 'PH1'); last = list.section; }
    if (list.subject) p(esc(list.subject), 'PH2');
    list.items.forEach((item, i) => p(`${itemNumber(item, i)}.<text:tab/>${itemRuns(item).map(run).join('')}`, 'PItem'));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style></office:styles>
<office:automatic-styles>
<style:style style:name="P0" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PH1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PH2" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="PItem" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.63cm" fo:text-indent="-0.63cm" fo:margin-bottom="0.15cm" fo:text-align="justify"/></style:style>
<style:style style:name="PCell" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PCellBold" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TB" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TI" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>
</office:automatic-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body></office:document>
`;
}
