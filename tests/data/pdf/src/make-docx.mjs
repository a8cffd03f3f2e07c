// Builds the Word documents the PDF tests are made from (LibreOffice turns them into PDFs,
// see ../make-pdfs.sh): real heading styles, auto-numbered lists, page headers and footers
// with PAGE fields, and Word tables, the way real reports are written.
import fs from 'node:fs';
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber,
  Paragraph, SectionType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

const out = process.argv[2] ?? '.';

const numbering = {
  config: [{
    reference: 'developments',
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
  }],
};

function pageHeader(text) {
  return { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(text)] })] }) };
}
function pageFooter() {
  return { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })] }) };
}
const heading = (text, level) => new Paragraph({ heading: level, children: [new TextRun(text)] });
const para = (text) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text, bold = false) => new TableCell({ children: [new Paragraph({ children: text ? [new TextRun({ text, bold })] : [] })] });
const table = (rows, header = true) => new Table({
  width: { size: 100, type: WidthType.PERCENTAGE },
  rows: rows.map((r, i) => new TableRow({ tableHeader: header && i === 0, children: r.map((t) => cell(t, header && i === 0)) })),
});
function item(instance, parts) {
  return new Paragraph({ numbering: { reference: 'developments', level: 0, instance },
    children: parts.map((p) => (typeof p === 'string' ? new TextRun(p) : new TextRun({ text: p.bold, bold: true }))) });
}

const filler = (topic) =>
  `The government of Freedonia published a detailed programme on ${topic}, setting out how ministries, regulators and public bodies will coordinate the work, ` +
  `which budgets will fund it, how progress will be measured each year, and how citizens and companies can comment on the drafts before they are adopted by parliament.`;

// Report with a page header and footer, a Yes/Partly/No table with an empty cell and a long list crossing a page.
const questions = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10', 'Q11', 'Q12'];
const freedonia = new Document({
  numbering,
  sections: [{
    headers: pageHeader('Freedonia – AI policy report 2023'),
    footers: pageFooter(),
    children: [
      heading('Freedonia', HeadingLevel.HEADING_1),
      para('Author: Rufus T. Firefly'),
      para('05.06.23'),
      heading('Changes in key metrics', HeadingLevel.HEADING_1),
      heading('Freedonia', HeadingLevel.HEADING_2),
      table([
        ['Year', ...questions, 'Total'],
        ['2021', 'No', 'No', 'Yes', 'Partly', 'No', 'No', 'Yes', '', 'Partly', 'No', 'Yes', 'No', '4.0'],
        ['2022', 'Yes', 'No', 'Yes', 'Partly', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'Yes', 'Yes', '6,5'],
      ]),
      para('Freedonia adopted a national AI strategy in 2022 and opened its draft laws to public comment.'),
      para('The data protection authority gained new powers over automated decision-making.'),
      heading('Most important developments', HeadingLevel.HEADING_1),
      heading('Country', HeadingLevel.HEADING_2),
      item(1, [filler('artificial intelligence in public services')]),
      item(1, [filler('regulatory sandboxes for start-ups') + ' ' + filler('public sector chatbots')]),
      item(1, ['The ministry of justice introduced ', { bold: 'mandatory impact assessments' }, ' for every algorithm used in courts. ' + filler('algorithmic accountability')]),
      item(1, [filler('data sharing between hospitals') + ' ' + filler('medical imaging')]),
      item(1, [filler('digital skills in secondary schools') + ' ' + filler('teacher training')]),
      item(1, [filler('open government data') + ' ' + filler('procurement of AI systems') + ' ' + filler('cloud infrastructure') + ' ' + filler('research funding')]),
      item(1, ['The national statistics office added questions on AI use by companies to its annual survey of enterprises.']),
      item(1, [filler('facial recognition in public spaces') + ' ' + filler('biometric data')]),
      item(1, ['Parliament will vote on the AI act before December 2023.']),
      heading('International', HeadingLevel.HEADING_2),
      item(2, ['Freedonia signed the Council of Europe framework convention on AI.']),
      item(2, ['Freedonia joined the Global Partnership on AI in 2023.']),
    ],
  }],
});

// A score table long enough to run over a page break, with its header row repeated on the next page.
const years = Array.from({ length: 60 }, (_, i) => 1960 + i);
const answers = ['Y', 'P', 'N'];
const longRows = years.map((y, i) => {
  const row = questions.map((_, q) => answers[(i + q) % 3]);
  const total = row.reduce((s, a) => s + (a === 'Y' ? 1 : a === 'P' ? 0.5 : 0), 0);
  return [String(y), ...row, total.toFixed(1)];
});
const longTable = new Document({
  sections: [{
    headers: pageHeader('Long table test'),
    footers: pageFooter(),
    children: [
      heading('Sylvania', HeadingLevel.HEADING_1),
      heading('Changes in key metrics', HeadingLevel.HEADING_1),
      para('The table below lists every year since 1960.'),
      table([['Year', ...questions, 'Total'], ...longRows]),
      para('The table ends here.'),
    ],
  }],
});

// A brief whose developments are set in two columns below a full-width score table.
const twoColumns = new Document({
  numbering,
  sections: [
    {
      children: [
        heading('Grand Fenwick', HeadingLevel.HEADING_1),
        para('Author: Tully Bascomb'),
        heading('Changes in key metrics', HeadingLevel.HEADING_1),
        table([['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'], ['2022', 'Y', 'N', 'P', 'N', '1.5'], ['2023', 'Y', 'P', 'P', 'N', '2']]),
        para('Scores rose because the new data law came into force.'),
      ],
    },
    {
      properties: { type: SectionType.CONTINUOUS, column: { space: 708, count: 2 } },
      children: [
        heading('Most important developments', HeadingLevel.HEADING_1),
        heading('Country', HeadingLevel.HEADING_2),
        item(3, [filler('trustworthy AI in the courts')]),
        item(3, [filler('an AI office inside the ministry of the interior')]),
        item(3, [filler('open data portals') + ' ' + filler('cloud computing in ministries')]),
        item(3, [filler('digital identity') + ' ' + filler('automated tax assessments')]),
        item(3, ['The duchy opened a public register of the algorithms its agencies use.']),
      ],
    },
  ],
});

fs.writeFileSync(`${out}/two-columns.docx`, await Packer.toBuffer(twoColumns));
fs.writeFileSync(`${out}/freedonia-2023.docx`, await Packer.toBuffer(freedonia));
fs.writeFileSync(`${out}/long-table.docx`, await Packer.toBuffer(longTable));
