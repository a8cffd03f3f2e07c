// Builds blind set 3 into eval/blind3-<name>/: reports in Spanish, French and Portuguese
// rendered from the hand-written content in reports.mjs, and expected.json written from
// the same content (never from the parser). Needs LibreOffice and Chromium; run after
// `npx tsc -p .` (the Chromium print uses the fixtures' print-pdf script).
//   node eval/build/blind3/build.mjs [name…]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectedRecord } from '../expected-record.mjs';
import { markdownFromReport } from '../blind2/render-markdown.mjs';
import { htmlFromReport } from '../blind2/render-html.mjs';
import { docxFromReport } from '../blind2/render-word.mjs';
import { fodtFromReport } from '../blind2/render-fodt.mjs';
import { REPORTS, ROUND_2 } from './reports.mjs';

// How each report is made, as in blind set 2 (see its build.mjs).
const PLAN = {
  'blind3-es-paraguay-2024': { md: { table: 'tabs' }, docx: { via: 'word' }, pdf: { via: 'docx' } },
  'blind3-es-ecuador-2023': {
    md: { headings: 'bold', numbering: '1)' },
    docx: { via: 'html', html: { boldHeadings: true, typedNumbers: true, font: 'Liberation Serif' } },
    pdf: { via: 'chrome', html: { thead: true, headerShade: '#dddddd' }, header: 'Ecuador — informe 2023' },
  },
  'blind3-fr-senegal-2024': {
    md: { headings: 'setext', looseList: true },
    docx: { via: 'word', word: { wordNumbering: true, runningHeader: 'Sénégal — rapport pays 2024' } },
    pdf: { via: 'docx' },
  },
  'blind3-fr-belgique-2023': {
    md: { table: 'html', wrap: 60 },
    docx: { via: 'fodt' },
    pdf: { via: 'chrome', html: { twoColumnLists: true, spanHeadings: true, font: 'Liberation Serif' }, header: 'Belgique' },
  },
  'blind3-pt-mocambique-2024': { md: { wrap: 72 }, docx: { via: 'html', html: { headerShade: '#dddddd' } }, pdf: { via: 'docx' } },
  'blind3-pt-angola-2023': { md: {}, docx: { via: 'html', html: { boldHeadings: true, typedNumbers: true } }, pdf: { via: 'docx' } },
  'blind3-es-guatemala-2024': {
    md: {},
    docx: { via: 'word' },
    pdf: { via: 'chrome', html: { headerShade: '#e2efda', fontSize: '10.5pt' }, header: 'Guatemala' },
  },
  'blind3-fr-maroc-2023': { md: { headings: 'bold' }, docx: { via: 'html', html: { headerShade: '#fce4d6' } }, pdf: { via: 'docx' } },
  'blind3-pt-cabo-verde-2024': {
    md: { headings: 'setext' },
    docx: { via: 'fodt' },
    pdf: { via: 'chrome', html: { typedNumbers: true, font: 'DejaVu Sans' }, header: 'Cabo Verde — relatório 2024' },
  },
  // No PDF: its last row's empty Total cell makes the PDF table reader join the two rows
  // (with English labels too); see docs/evaluation.md.
  'blind3-es-honduras-2023': { md: { table: 'tabs' }, docx: { via: 'word', word: { wordNumbering: true } } },
};

// A footnote mark after an answer stays on the answer it follows.
const MARK = /(?:[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\])$/u;

/** The content with each answer word replaced by the letter it stands for, and Q ids for the printed labels. */
function canonical(report) {
  return {
    ...report,
    tables: report.tables.map((t) => ({
      ...t,
      columns: t.columns.map((_c, i) => `Q${i + 1}`),
      rows: t.rows.map((r) => ({
        ...r,
        // A total printed with a unit (`5,5 points`) stands for the number beside it.
        ...('total' in r ? { total: r.totalValue ?? r.total } : {}),
        cells: r.cells.map((raw) => {
          const mark = raw.trim().match(MARK)?.[0] ?? '';
          const word = raw.trim().slice(0, raw.trim().length - mark.length).toLowerCase();
          const answer = report.answerWords[word];
          return answer ? answer + mark : raw;
        }),
      })),
    })),
  };
}

function expectedFor(report) {
  const record = expectedRecord(canonical(report));
  return {
    ...record,
    schemaVersion: '1.1',
    source: { ...record.source, ocr: null },
    report: { ...record.report, language: report.language, profile: 'caidp-aidv' },
    provenance: {},
  };
}

const root = resolve('eval');
const work = mkdtempSync(join(tmpdir(), 'eval-blind3-'));
const profile = `-env:UserInstallation=file://${work}/lo-profile`;
const soffice = (args) => execFileSync('soffice', [profile, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
const wanted = process.argv.slice(2);

for (const report of [...REPORTS, ...ROUND_2]) {
  if (wanted.length > 0 && !wanted.includes(report.name)) continue;
  const plan = PLAN[report.name];
  const dir = join(root, report.name);
  mkdirSync(dir, { recursive: true });
  if (plan.md) writeFileSync(join(dir, 'report.md'), markdownFromReport(report, plan.md));
  if (plan.docx) {
    const docxPath = join(work, `${report.name}.docx`);
    if (plan.docx.via === 'html') {
      const html = join(work, `${report.name}.html`);
      writeFileSync(html, htmlFromReport(report, plan.docx.html));
      soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html]);
    } else if (plan.docx.via === 'fodt') {
      const fodt = join(work, `${report.name}.fodt`);
      writeFileSync(fodt, fodtFromReport(report));
      soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, fodt]);
    } else {
      writeFileSync(docxPath, await docxFromReport(report, plan.docx.word));
    }
    copyFileSync(docxPath, join(dir, 'report.docx'));
    if (plan.pdf?.via === 'docx') {
      soffice(['--convert-to', 'pdf', '--outdir', work, docxPath]);
      copyFileSync(join(work, `${report.name}.pdf`), join(dir, 'report.pdf'));
    }
  }
  if (plan.pdf?.via === 'chrome') {
    const html = join(work, `${report.name}-print.html`);
    writeFileSync(html, htmlFromReport(report, plan.pdf.html));
    execFileSync('node', ['dist/scripts/fixtures/print-pdf.js', html, join(dir, 'report.pdf'), plan.pdf.header ?? '']);
  }
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expectedFor(report), null, 2)}\n`);
  console.log(`built ${report.name}`);
}
