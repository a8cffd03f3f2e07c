// DOCX typed in Word with the `docx` package: heading styles, a score table with a dark
// shaded header row (white bold text) that repeats on each page and banded rows, and
// list items typed as "1." + tab with an empty paragraph between items, or (o.wordNumbering)
// Word's own numbering restarted for each list, with a running header and a page footer.
import { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, ShadingType, Tab, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { itemNumber, itemRuns } from '../content.mjs';

const cell = (text, o = {}) =>
  new TableCell({
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: o.bold, color: o.color, size: o.size })] })],
  });

export async function docxFromReport(report, o = {}) {
  const children = [];
  children.push(new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }));
  if (report.authorLine) children.push(new Paragraph({ children: [new TextRun({ text: report.authorLine, italics: false })] }));
  if (report.dateLine) children.push(new Paragraph(report.dateLine));
  let last = null;
  let listCount = 0;
  for (const table of report.tables) {
    if (table.section !== last) { children.push(new Paragraph({ text: table.section, heading: HeadingLevel.HEADING_1 })); last = table.section; }
    if (table.subject) children.push(new Paragraph({ text: table.subject, heading: HeadingLevel.HEADING_2 }));
    const header = [table.yearHeader ?? 'Year', ...table.columns, table.totalHeader ?? 'Total'];
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { fill: '1F4E79', color: 'FFFFFF', bold: true, size: o.tableFontSize })) }),
        ...table.rows.map((r, i) => new TableRow({ children: [r.year, ...r.cells, r.total ?? ''].map((c) => cell(c, { fill: i % 2 === 1 ? 'DDEBF7' : undefined, size: o.tableFontSize })) })),
      ],
    }));
    children.push(new Paragraph(''));
    for (const c of table.commentary) children.push(new Paragraph(c));
  }
  for (const list of report.lists) {
    if (list.section !== last) { children.push(new Paragraph({ text: list.section, heading: HeadingLevel.HEADING_1 })); last = list.section; }
    if (list.subject) children.push(new Paragraph({ text: list.subject, heading: HeadingLevel.HEADING_2 }));
    listCount += 1;
    list.items.forEach((item, i) => {
      const runs = itemRuns(item).map((r) => (typeof r === 'string' ? new TextRun(r) : new TextRun({ text: r.b ?? r.i ?? r.bi, bold: Boolean(r.b || r.bi), italics: Boolean(r.i || r.bi) })));
      if (o.wordNumbering) children.push(new Paragraph({ numbering: { reference: 'devs', level: 0, instance: listCount }, spacing: { after: o.itemSpacing ?? 0, line: o.lineSpacing ?? 240 }, children: runs }));
      else {
        children.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(`${itemNumber(item, i)}.`), new TextRun({ children: [new Tab()] }), ...runs] }));
        children.push(new Paragraph(''));
      }
    });
  }
  const numbering = { config: [{ reference: 'devs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] };
  const headers = o.runningHeader
    ? {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: o.runningHeader, size: 16, color: '666666' })] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      }
    : {};
  const doc = new Document({ creator: report.author ?? '', numbering, sections: [{ ...headers, children }] });
  return Packer.toBuffer(doc);
}
