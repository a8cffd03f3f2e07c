// DOCX typed in Word with the `docx` package: heading styles, a score table with a dark
// shaded header row (white bold text) that repeats on each page and banded rows, and
// list items typed as "1." + tab with an empty paragraph between items.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Tab, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { itemNumber, itemRuns } from '../content.mjs';

const cell = (text, o = {}) =>
  new TableCell({
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: o.bold, color: o.color })] })],
  });

export async function docxFromReport(report) {
  const children = [];
  children.push(new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }));
  if (report.authorLine) children.push(new Paragraph({ children: [new TextRun({ text: report.authorLine, italics: false })] }));
  if (report.dateLine) children.push(new Paragraph(report.dateLine));
  let last = null;
  for (const table of report.tables) {
    if (table.section !== last) { children.push(new Paragraph({ text: table.section, heading: HeadingLevel.HEADING_1 })); last = table.section; }
    if (table.subject) children.push(new Paragraph({ text: table.subject, heading: HeadingLevel.HEADING_2 }));
    const header = [table.yearHeader ?? 'Year', ...table.columns, table.totalHeader ?? 'Total'];
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { fill: '1F4E79', color: 'FFFFFF', bold: true })) }),
        ...table.rows.map((r, i) => new TableRow({ children: [r.year, ...r.cells, r.total ?? ''].map((c) => cell(c, { fill: i % 2 === 1 ? 'DDEBF7' : undefined })) })),
      ],
    }));
    children.push(new Paragraph(''));
    for (const c of table.commentary) children.push(new Paragraph(c));
  }
  for (const list of report.lists) {
    if (list.section !== last) { children.push(new Paragraph({ text: list.section, heading: HeadingLevel.HEADING_1 })); last = list.section; }
    if (list.subject) children.push(new Paragraph({ text: list.subject, heading: HeadingLevel.HEADING_2 }));
    list.items.forEach((item, i) => {
      const runs = itemRuns(item).map((r) => (typeof r === 'string' ? new TextRun(r) : new TextRun({ text: r.b ?? r.i ?? r.bi, bold: Boolean(r.b || r.bi), italics: Boolean(r.i || r.bi) })));
      children.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(`${itemNumber(item, i)}.`), new TextRun({ children: [new Tab()] }), ...runs] }));
      children.push(new Paragraph(''));
    });
  }
  const doc = new Document({ creator: 'Pieter de Vries', sections: [{ children }] });
  return Packer.toBuffer(doc);
}
