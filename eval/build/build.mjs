// Builds the evaluation set: for each report, its files in the formats and authoring
// paths chosen below, and expected.json from the hand-written content.
// Usage (from the repository root, after `npx tsc -p .`): node eval/build/build.mjs [name…]
// Needs LibreOffice (soffice) and Chromium; the binaries are committed, so a rebuild only
// changes their bytes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPORTS } from './reports.mjs';
import { expectedRecord } from './expected-record.mjs';
import { markdownFromReport } from './render-markdown.mjs';
import { htmlFromReport } from './render-html.mjs';
import { docxFromReport } from './render-word.mjs';

// Per report: markdown style, how the DOCX is made (html -> LibreOffice, or word = docx
// package by hand), how the PDF is made (from that DOCX by LibreOffice, or chrome = the
// HTML printed by Chromium), and which fields are left uncounted where the contract is ambiguous.
const PLAN = {
  'kenya-2024': {
    md: { bom: true, crlf: true, heading: 'atx', table: 'pipe-bare', numbering: '1)', wrap: 72, hyphenate: true, trailingSpaces: true },
    docx: { via: 'html', html: {} },
    pdf: { via: 'docx' },
  },
  'vietnam-2024': {
    md: { heading: 'setext', subject: 'bold', table: 'tsv-trailing', numbering: '(1)', wrap: 72, hyphenate: true, lazy: true },
    docx: { via: 'word', word: { headings: 'direct', tableTitleRow: 'Scores by year', blankYearHeader: true, numberFormat: '(%1)', pageBreakBeforeLists: true, runningHeader: 'AI policy monitor – Vietnam', pageNumbers: true, emptyParagraphs: true, font: 'DejaVu Sans', size: 20 } },
    pdf: { via: 'docx' },
  },
  'mexico-2023': {
    md: { yaml: true, heading: 'atx', table: 'html', numbering: '1.', wrap: 72, emph: 'underscore', looseLists: true },
    docx: { via: 'html', html: { boldHeadings: true } },
    pdf: { via: 'chrome', html: { justify: true, softHyphens: true, width: '115mm', font: 'DejaVu Serif', fontSize: '10pt' }, header: 'Mexico – AI policy 2023' },
  },
  'south-korea-2024': {
    md: { heading: 'atx-closed', table: 'pipe-align', numbering: '1.', wrap: 0 },
    docx: { via: 'word', word: { headings: 'styles', numberFormat: '%1)', lineBreaks: true, nbsp: true, softHyphens: true, footnote: 'Source: Ministry of Science and ICT, annual report 2023.', runningHeader: 'South Korea 2024', pageNumbers: true, font: 'Liberation Serif', size: 22 } },
    pdf: { via: 'docx' },
    uncounted: { docx: ['/scoreTables/0/commentary/0'], pdf: ['/scoreTables/0/commentary/0'] },
  },
  'argentina-2023': {
    md: { heading: 'atx', table: 'pipe', numbering: '1.', wrap: 0 },
    docx: { via: 'word', word: { headings: 'direct', numbering: 'typed', font: 'Liberation Sans' } },
    pdf: { via: 'docx' },
  },
  'egypt-2023': {
    md: { heading: 'atx', table: 'tsv', numbering: '1.', wrap: 80, indent: 'tab' },
    // LibreOffice pads a short HTML row with an empty cell, so the short row is written in Word directly.
    docx: { via: 'word', word: { headings: 'styles', font: 'Liberation Sans' } },
  },
  'france-2023': {
    md: { heading: 'setext', numbering: '1)', wrap: 72, hyphenate: true },
    docx: { via: 'html', html: { font: 'DejaVu Sans' } },
    pdf: { via: 'docx' },
  },
  'nigeria-2023': {
    md: { heading: 'atx', table: 'pipe', wrap: 0 },
    docx: { via: 'word', word: { headings: 'direct', emptyParagraphs: true } },
    pdf: { via: 'chrome', html: { font: 'Liberation Sans' }, header: 'Nigeria' },
  },
  'canada-2024': {
    md: { heading: 'atx', table: 'pipe-align', numbering: '1.', wrap: 72, emph: 'star', indent: 'tab' },
    docx: { via: 'html', html: { tableTitleRow: 'Canada: answers by year' } },
    pdf: { via: 'chrome', html: { font: 'Liberation Serif', fontSize: '15pt', justify: true }, header: 'Canada – January 2024' },
  },
  'east-africa-2023': {
    md: { heading: 'atx', subject: 'underbold', table: 'pipe', numbering: '1.', wrap: 0, authorAsHeading: true, markerTab: true },
    docx: { via: 'word', word: { headings: 'direct', numberFormat: '%1.', justify: true, pageNumbers: true } },
    pdf: { via: 'docx' },
  },
  'italy-2023': {
    md: { heading: 'atx', table: 'pipe', numbering: '1.', wrap: 0, emph: 'underscore' },
    docx: { via: 'html', html: { titleAsParagraph: true } },
    pdf: { via: 'docx' },
  },
  'turkey-2023': {
    md: { crlf: true, heading: 'atx', table: 'tsv-trailing', numbering: '1.', wrap: 72, hyphenate: true, indent: 'tab' },
    docx: { via: 'word', word: { headings: 'styles', numberFormat: '%1.', runningHeader: 'Turkey – country report', pageNumbers: true } },
    pdf: { via: 'chrome', html: { font: 'DejaVu Sans', fontSize: '10pt' }, header: 'Turkey' },
  },
  'philippines-2024': {
    md: { hand: 'philippines-2024.md' },
    docx: { via: 'word', word: { localStyles: true, numbering: 'typed', typedMarker: '%1)', landscape: true, cellExtraParagraph: true, font: 'Liberation Sans', runningHeader: 'Philippines', pageNumbers: true } },
    pdf: { via: 'docx' },
  },
  'colombia-2023': {
    md: { heading: 'atx', table: 'pipe', numbering: '1.', wrap: 72, hyphenate: true },
    docx: { via: 'html', html: {} },
    pdf: { via: 'chrome', html: { font: 'Liberation Sans', fontSize: '12pt' }, header: 'Colombia – AI policy' },
  },
  'peru-2023': {
    md: { hand: 'peru-2023.md' },
    docx: { via: 'word', word: { headings: 'direct', dateField: true, sectionBreakBeforeLists: true, numberFormat: '%1.', font: 'Liberation Sans' } },
    pdf: { via: 'docx' },
    // LibreOffice updates the DATE field when it prints, so the PDF shows the build date; the
    // footnote text printed at the foot of page 1 sits between the table and the next heading.
    uncounted: { pdf: ['/report/date', '/report/dateText', '/scoreTables/0/commentary'] },
  },
  'uruguay-2023': {
    md: { hand: 'uruguay-2023.md' },
    docx: { via: 'word', word: { headings: 'styles', wingdings: true, lineBreaks: true, font: 'Liberation Sans' } },
    pdf: { via: 'chrome', html: { font: 'DejaVu Sans', fontSize: '10pt' }, header: 'Uruguay' },
  },
  'portugal-2023': {
    md: { heading: 'atx', table: 'pipe', numbering: '1.', wrap: 0 },
    docx: { via: 'html', html: { cellAlign: 'left', tableWidth: '100%' } },
    pdf: { via: 'chrome', html: { font: 'Liberation Serif', fontSize: '13pt', cellAlign: 'left', thead: true, cellPadding: '4px 10px', tableWidth: '100%' }, header: 'Portugal 2023' },
  },
};

const root = resolve('eval');
const work = mkdtempSync(join(tmpdir(), 'eval-build-'));
const profile = `-env:UserInstallation=file://${work}/lo-profile`;
const wanted = process.argv.slice(2);

for (const report of REPORTS) {
  if (wanted.length > 0 && !wanted.includes(report.name)) continue;
  const plan = PLAN[report.name];
  const dir = join(root, report.name);
  mkdirSync(dir, { recursive: true });
  if (plan.md.hand) copyFileSync(join(import.meta.dirname, 'hand', plan.md.hand), join(dir, 'report.md'));
  else writeFileSync(join(dir, 'report.md'), markdownFromReport(report, plan.md));

  let docxPath = join(work, `${report.name}.docx`);
  if (plan.docx.via === 'html') {
    const html = join(work, `${report.name}.html`);
    writeFileSync(html, htmlFromReport(report, plan.docx.html));
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html]);
  } else {
    writeFileSync(docxPath, await docxFromReport(report, plan.docx.word));
  }
  copyFileSync(docxPath, join(dir, 'report.docx'));

  if (plan.pdf?.via === 'docx') {
    soffice(['--convert-to', 'pdf', '--outdir', work, docxPath]);
    copyFileSync(join(work, `${report.name}.pdf`), join(dir, 'report.pdf'));
  } else if (plan.pdf?.via === 'chrome') {
    const html = join(work, `${report.name}-print.html`);
    writeFileSync(html, htmlFromReport(report, plan.pdf.html));
    execFileSync('node', ['dist/scripts/fixtures/print-pdf.js', html, join(dir, 'report.pdf'), plan.pdf.header ?? '']);
  }

  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expectedRecord(report), null, 2)}\n`);
  if (plan.uncounted) writeFileSync(join(dir, 'uncounted.json'), `${JSON.stringify(plan.uncounted, null, 2)}\n`);
  console.log(`built ${report.name}`);
}

function soffice(args) {
  execFileSync('soffice', [profile, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
}
