// DOCX written the way authors lay reports out by hand in Word, with the `docx` package:
// direct formatting instead of styles, merged title rows, shading, Word numbering in
// several formats or typed numbers with a tab, manual line breaks, non-breaking spaces,
// soft hyphens, empty paragraphs, page breaks, running headers/footers and footnotes.
import {
  AlignmentType, DeletedTextRun, SimpleField, SymbolRun, Document, InsertedTextRun, Footer, FootnoteReferenceRun, Header, HeadingLevel, LevelFormat, Packer, PageBreak,
  PageNumber, PageOrientation, Paragraph, ShadingType, Tab, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { itemNumber, itemRuns } from './content.mjs';

const LIST = 'items';

export async function docxFromReport(report, o) {
  const children = [];
  const empty = () => { if (o.emptyParagraphs) children.push(new Paragraph('')); };
  const heading = (text, level) => {
    if (o.localStyles) children.push(new Paragraph({ text, style: style(level) }));
    else if (o.headings === 'styles') children.push(new Paragraph({ text, heading: level === 0 ? HeadingLevel.TITLE : level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }));
    else children.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, size: level === 0 ? 36 : level === 1 ? 28 : 24 })] }));
    empty();
  };
  const polish = (text) => {
    let s = text;
    if (o.nbsp) s = s.replace(/ (\d{4})\b/, '\u00A0$1').replace(/ (AI)\b/, '\u00A0$1');
    if (o.softHyphens) s = s.replace(/\b([a-z]{6,})([a-z]{5,})\b/, '$1\u00AD$2');
    return s;
  };
  const runs = (item, paragraphs) => {
    let out = [];
    const parts = itemRuns(item);
    let brDone = !o.lineBreaks;
    for (const r of parts) {
      if (typeof r !== 'string' && r.p) { paragraphs?.push(out); out = []; continue; }
      if (typeof r !== 'string' && ('ins' in r || 'del' in r)) {
        const change = { id: out.length + 1, author: 'Reviewer', date: '2023-07-01T10:00:00Z' };
        out.push('ins' in r ? new InsertedTextRun({ text: r.ins, ...change }) : new DeletedTextRun({ text: r.del, ...change }));
        continue;
      }
      const text = typeof r === 'string' ? r : r.b ?? r.i ?? r.bi;
      const fmt = typeof r === 'string' ? {} : { bold: Boolean(r.b || r.bi), italics: Boolean(r.i || r.bi) };
      const cut = brDone || typeof r !== 'string' ? -1 : text.indexOf(', ', Math.floor(text.length / 3));
      if (cut > 0) {
        // Shift+Enter after a comma: the space after the comma goes to the next line.
        out.push(new TextRun({ text: polish(text.slice(0, cut + 1)), ...fmt }), new TextRun({ break: 1 }), new TextRun({ text: polish(text.slice(cut + 2)), ...fmt }));
        brDone = true;
      } else out.push(new TextRun({ text: polish(text), ...fmt }));
    }
    return out;
  };
  const style = (level) => (o.localStyles ? ['Titre', 'Titre1', 'Titre2'][level] : undefined);

  heading(report.title, 0);
  if (report.authorLine) children.push(new Paragraph(report.authorLine));
  if (report.dateLine && o.dateField) {
    // The date typed by a DATE field: the document holds the field and its last result.
    const [label, value] = report.dateLine.split(/(?<=: )/);
    children.push(new Paragraph({ children: [new TextRun(label), new SimpleField('DATE \\@ "dd MMM yyyy"', value)] }));
  } else if (report.dateLine) children.push(new Paragraph(report.dateLine));
  empty();
  if (report.summary) {
    heading(report.summary.heading, 1);
    for (const p of report.summary.paragraphs) children.push(new Paragraph({ alignment: o.justify ? AlignmentType.JUSTIFIED : undefined, children: [new TextRun(polish(p))] }));
  }
  let last = null;
  report.tables.forEach((table, t) => {
    if (table.section !== last) { heading(table.section, 1); last = table.section; }
    if (table.subject) heading(table.subject, 2);
    if (table.caption) children.push(new Paragraph({ children: [new TextRun({ text: table.caption, italics: true, size: 18 })] }));
    children.push(wordTable(table, o));
    empty();
    table.commentary.forEach((c, k) => {
      const parts = [new TextRun(polish(c))];
      if (o.footnote && t === 0 && k === 0) parts.push(new FootnoteReferenceRun(1));
      children.push(new Paragraph({ children: parts }));
      empty();
    });
  });
  if (o.pageBreakBeforeLists) children.push(new Paragraph({ children: [new PageBreak()] }));
  const firstSection = o.sectionBreakBeforeLists ? children.splice(0, children.length) : null;
  let instance = 0;
  for (const list of report.lists) {
    if (list.section !== last) { heading(list.section, 1); last = list.section; }
    if (list.subject) heading(list.subject, 2);
    instance += 1;
    list.items.forEach((item, i) => {
      const n = itemNumber(item, i);
      const before = [];
      const tail = runs(item, before);
      const [first, ...rest] = [...before, tail];
      if (o.numbering === 'typed') {
        const marker = (o.typedMarker ?? '%1.').replace('%1', String(n));
        children.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(marker), new TextRun({ children: [new Tab()] }), ...first] }));
      } else {
        children.push(new Paragraph({ numbering: { reference: LIST, level: 0, instance }, alignment: o.justify ? AlignmentType.JUSTIFIED : undefined, children: first }));
      }
      // A second paragraph of the same item: Enter pressed inside it, indented like the item text.
      for (const more of rest) children.push(new Paragraph({ indent: { left: 720 }, children: more }));
      empty();
    });
  }
  if (report.bullets) {
    if (report.bullets.section !== last) heading(report.bullets.section, 1);
    if (report.bullets.subject) heading(report.bullets.subject, 2);
    for (const b of report.bullets.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(b)] }));
  }

  const doc = new Document({
    creator: report.author ?? 'Author',
    styles: {
      default: { document: { run: { font: o.font ?? 'Liberation Serif', size: o.size ?? 22 } } },
      // Word in another language stores its own style ids; the names stay "heading 1" etc.
      paragraphStyles: o.localStyles ? [
        { id: 'Titre', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { size: 48, bold: true } },
        { id: 'Titre1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', run: { size: 32, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 240, after: 120 } } },
        { id: 'Titre2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', run: { size: 26, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 160, after: 80 } } },
      ] : undefined,
    },
    numbering: { config: [{ reference: LIST, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: o.numberFormat ?? '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 432 } } } }] }] },
    footnotes: report.footnotes
      ? Object.fromEntries(Object.entries(report.footnotes).map(([id, text]) => [id, { children: [new Paragraph(text)] }]))
      : o.footnote ? { 1: { children: [new Paragraph(o.footnote)] } } : undefined,
    sections: [...(firstSection ? [{ children: firstSection }] : []), {
      properties: o.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : undefined,
      headers: o.runningHeader ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: o.runningHeader, size: 16 })] })] }) } : undefined,
      footers: o.pageNumbers ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, children: [PageNumber.CURRENT] })] })] }) } : undefined,
      children,
    }],
  });
  return Packer.toBuffer(doc);
}

function wordTable(table, o) {
  const header = ['Year', ...table.columns, 'Total'];
  const width = header.length;
  const cellRuns = (text, bold) => {
    // Ticks and crosses inserted from the Wingdings font: Word stores a symbol, not the character.
    const wingdings = { '✓': 'F0FC', '✗': 'F0FB' };
    if (o.wingdings && wingdings[text]) return [new SymbolRun({ char: wingdings[text], symbolfont: 'Wingdings', size: 18 })];
    const note = /^(.*)\[\^(\d+)\]$/.exec(text);
    return note ? [new TextRun({ text: note[1], bold, size: 18 }), new FootnoteReferenceRun(Number(note[2]))] : [new TextRun({ text, bold, size: 18 })];
  };
  const cell = (text, { bold = false, shade = false, span } = {}) =>
    new TableCell({
      columnSpan: span,
      shading: shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } : undefined,
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: cellRuns(text, bold) }),
        // A stray empty paragraph left in the cell, as Enter pressed in a cell leaves it.
        ...(o.cellExtraParagraph ? [new Paragraph('')] : []),
      ],
    });
  const rows = [];
  if (o.tableTitleRow) rows.push(new TableRow({ children: [cell(o.tableTitleRow, { bold: true, span: width })] }));
  rows.push(new TableRow({ tableHeader: true, children: header.map((h, i) => cell(i === 0 && o.blankYearHeader ? '' : h, { bold: true, shade: true })) }));
  for (const r of table.rows) rows.push(new TableRow({ children: [r.year, ...r.cells, ...('total' in r ? [r.total] : [])].map((c) => cell(c)) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}
