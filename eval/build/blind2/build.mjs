// Builds blind set 2 into eval/blind2-<name>/: report files rendered from the hand-written
// content in reports.mjs, and expected.json written from the same content (never from the
// parser). Needs LibreOffice and Chromium; run after `npx tsc -p .` (the Chromium print
// uses the fixtures' print-pdf script).
//   node eval/build/blind2/build.mjs [name…]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectedRecord } from '../expected-record.mjs';
import { REPORTS } from './reports.mjs';
import { markdownFromReport } from './render-markdown.mjs';
import { htmlFromReport } from './render-html.mjs';
import { docxFromReport } from './render-word.mjs';
import { fodtFromReport } from './render-fodt.mjs';

// How each report is made. md: Markdown options; docx: 'html' (HTML -> LibreOffice),
// 'word' (docx package) or 'fodt' (Writer document -> LibreOffice); pdf: 'docx' (the DOCX
// printed by LibreOffice) or 'chrome' (HTML printed by Chromium).
const PLAN = {
  'blind2-brazil-2023': {
    md: { wrap: 60 },
    docx: { via: 'html', html: { boldHeadings: true, typedNumbers: true, font: 'Liberation Serif' } },
    pdf: { via: 'docx' },
  },
  'blind2-netherlands-2024': {
    md: { headings: 'setext', looseList: true },
    docx: { via: 'word' },
    pdf: { via: 'docx' },
  },
  'blind2-cote-divoire-2023': {
    md: { headings: 'bold', numbering: '1)' },
    docx: { via: 'html', html: { typedNumbers: true, headerShade: '#c6e0b4', band: '#f2f2f2' } },
    pdf: { via: 'docx' },
  },
  'blind2-korea-2024': { md: { table: 'tabs' } },
  'blind2-chile-2023': { docx: { via: 'fodt' } },
  'blind2-ghana-2024': {
    md: { table: 'html', wrap: 60 },
    docx: { via: 'word' },
    pdf: { via: 'chrome', html: { twoColumnLists: true, spanHeadings: true, font: 'Liberation Serif' }, header: 'Ghana' },
  },
  'blind2-poland-2023': {
    md: {},
    docx: { via: 'html', html: { headerShade: '#ffe699' } },
    pdf: { via: 'docx' },
  },
  'blind2-japan-2024': {
    md: { headings: 'setext' },
    docx: { via: 'word', word: { wordNumbering: true, runningHeader: 'Japan — AI policy country report 2024', tableFontSize: 16, itemSpacing: 200, lineSpacing: 360 } },
    pdf: { via: 'docx' },
  },
  'blind2-india-2024': {
    pdf: { via: 'chrome', html: { thead: true, twoColumnLists: true, fontSize: '12pt', headerShade: '#dddddd', cellPadding: '11px 10px' }, header: 'India — AI policy 2024' },
  },
};

// The calculator takes totals and years as numbers; where the printed cell carries more
// (`4/12`, `3.5 points`, `2023 (est.)`) the content gives the value beside it. A link in an
// item is its text: plain, not emphasis.
// (typeof first: strings have a legacy `link` method.)
const linkText = (r) => (typeof r === 'string' ? r : r.link ?? r);

function calculable(report) {
  return {
    ...report,
    lists: report.lists.map((l) => ({
      ...l,
      items: l.items.map((item) => (Array.isArray(item) ? item.map(linkText) : { ...item, runs: item.runs.map(linkText) })),
    })),
    tables: report.tables.map((t) => ({
      ...t,
      rows: t.rows.map((r) => ({ ...r, year: r.yearValue ?? r.year, ...('total' in r ? { total: r.totalValue ?? r.total } : {}) })),
    })),
  };
}

const root = resolve('eval');
const work = mkdtempSync(join(tmpdir(), 'eval-blind2-'));
const profile = `-env:UserInstallation=file://${work}/lo-profile`;
const soffice = (args) => execFileSync('soffice', [profile, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
const wanted = process.argv.slice(2);

for (const report of REPORTS) {
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

  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expectedRecord(calculable(report)), null, 2)}\n`);
  console.log(`built ${report.name}`);
}
