// Builds the scan2, scan3, scan4, scan5 … scan9 sets: eval/scan<n>-<kind>-<report>/report.* made by
// scripts/scans/make-scans.mjs from English born-digital eval reports that had never been scanned
// (each later set from reports no earlier scan set used). Only the scanned files are made here; each
// folder's expected.json was copied from the source report's and corrected by hand where the scan
// shows less (see README.md), so it is never rewritten.
// Run from anywhere: node eval/build/scans/build.mjs [scan2|…|scan9|folder…]  (no argument: every set;
// needs qpdf for mixed-pdf; LibreOffice only if a PDF in sources/ is missing).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// The scan maker seeds its random choices with the PDF path it is given, so paths are given
// relative to the repository root and must stay as written here to remake the same bytes.
export const SCAN2 = [
  { folder: 'scan2-flat-png-blind2-cote-divoire-2023', pdf: 'eval/blind2-cote-divoire-2023/report.pdf', kind: 'flat-png' },
  { folder: 'scan2-skew-png-kenya-2024', pdf: 'eval/kenya-2024/report.pdf', kind: 'skew-png' },
  { folder: 'scan2-skew-tiff-blind2-india-2024', pdf: 'eval/blind2-india-2024/report.pdf', kind: 'skew-tiff' },
  { folder: 'scan2-fax-tiff-vietnam-2024', pdf: 'eval/vietnam-2024/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan2-fax-tiff-probe3-pdf-landscape', pdf: 'eval/probe3-pdf-landscape/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan2-photo-jpeg-blind2-netherlands-2024', pdf: 'eval/blind2-netherlands-2024/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan2-photo-jpeg-probe3-pdf-footnote-break', pdf: 'eval/probe3-pdf-footnote-break/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan2-rotate-pdf-office-sweden-2023', pdf: 'eval/build/scans/sources/office-sweden-2023.pdf', kind: 'rotate-pdf' },
  { folder: 'scan2-stamp-pdf-portugal-2023', pdf: 'eval/portugal-2023/report.pdf', kind: 'stamp-pdf' },
  { folder: 'scan2-stamp-pdf-office-thailand-2024', pdf: 'eval/build/scans/sources/office-thailand-2024.pdf', kind: 'stamp-pdf' },
  { folder: 'scan2-mixed-pdf-blind2-japan-2024', pdf: 'eval/blind2-japan-2024/report.pdf', kind: 'mixed-pdf' },
  { folder: 'scan2-mixed-pdf-probe3-pdf-word-footnotes', pdf: 'eval/probe3-pdf-word-footnotes/report.pdf', kind: 'mixed-pdf' },
];

export const SCAN3 = [
  { folder: 'scan3-flat-png-probe3-pdf-fifteen-years', pdf: 'eval/probe3-pdf-fifteen-years/report.pdf', kind: 'flat-png' },
  { folder: 'scan3-skew-png-probe3-pdf-symbols-bold-numbers', pdf: 'eval/probe3-pdf-symbols-bold-numbers/report.pdf', kind: 'skew-png' },
  { folder: 'scan3-sideways-png-probe3-pdf-grid-list', pdf: 'eval/probe3-pdf-grid-list/report.pdf', kind: 'sideways-png' },
  { folder: 'scan3-skew-tiff-philippines-2024', pdf: 'eval/philippines-2024/report.pdf', kind: 'skew-tiff' },
  { folder: 'scan3-fax-tiff-nigeria-2023', pdf: 'eval/nigeria-2023/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan3-fax-tiff-probe3-pdf-repeated-header', pdf: 'eval/probe3-pdf-repeated-header/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan3-photo-jpeg-argentina-2023', pdf: 'eval/argentina-2023/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan3-photo-jpeg-italy-2023', pdf: 'eval/italy-2023/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan3-rotate-pdf-office-morocco-2024', pdf: 'eval/build/scans/sources/office-morocco-2024.pdf', kind: 'rotate-pdf' },
  { folder: 'scan3-upside-down-pdf-mexico-2023', pdf: 'eval/mexico-2023/report.pdf', kind: 'upside-down-pdf' },
  { folder: 'scan3-stamp-pdf-office-ecuador-2023', pdf: 'eval/build/scans/sources/office-ecuador-2023.pdf', kind: 'stamp-pdf' },
  { folder: 'scan3-stamp-pdf-probe3-pdf-right-tab-numbers', pdf: 'eval/probe3-pdf-right-tab-numbers/report.pdf', kind: 'stamp-pdf' },
  { folder: 'scan3-mixed-pdf-colombia-2023', pdf: 'eval/colombia-2023/report.pdf', kind: 'mixed-pdf' },
];

// A row whose PDF is an office print names the eval folder LibreOffice prints (`office`) when that
// folder is not the PDF's own name (scan2's and scan3's prints are of `eval/office-<report>`).
export const SCAN4 = [
  { folder: 'scan4-flat-png-probe3-pdf-serif10', pdf: 'eval/probe3-pdf-serif10/report.pdf', kind: 'flat-png' },
  { folder: 'scan4-skew-png-turkey-2023', pdf: 'eval/turkey-2023/report.pdf', kind: 'skew-png' },
  { folder: 'scan4-sideways-png-france-2023', pdf: 'eval/france-2023/report.pdf', kind: 'sideways-png' },
  { folder: 'scan4-skew-tiff-east-africa-2023', pdf: 'eval/east-africa-2023/report.pdf', kind: 'skew-tiff' },
  { folder: 'scan4-fax-tiff-probe3-pdf-thick-rules', pdf: 'eval/probe3-pdf-thick-rules/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan4-fax-tiff-uruguay-2023', pdf: 'eval/uruguay-2023/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan4-photo-jpeg-blind2-brazil-2023', pdf: 'eval/blind2-brazil-2023/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan4-photo-jpeg-probe3-pdf-small-table-group-header', pdf: 'eval/probe3-pdf-small-table-group-header/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan4-rotate-pdf-probe3-pdf-hanging-tabs', pdf: 'eval/probe3-pdf-hanging-tabs/report.pdf', kind: 'rotate-pdf' },
  { folder: 'scan4-upside-down-pdf-office-egypt-2023', pdf: 'eval/build/scans/sources/office-egypt-2023.pdf', kind: 'upside-down-pdf', office: 'egypt-2023' },
  { folder: 'scan4-stamp-pdf-office-chile-2023', pdf: 'eval/build/scans/sources/office-chile-2023.pdf', kind: 'stamp-pdf', office: 'blind2-chile-2023' },
  { folder: 'scan4-mixed-pdf-probe3-pdf-word-cell-footnote', pdf: 'eval/probe3-pdf-word-cell-footnote/report.pdf', kind: 'mixed-pdf' },
];

// Ten of scan5's eleven office prints are one page long, so the one two-page print is the mixed PDF.
export const SCAN5 = [
  { folder: 'scan5-flat-png-probe3-docx-word-special-chars', pdf: 'eval/build/scans/sources/probe3-docx-word-special-chars.pdf', kind: 'flat-png', office: 'probe3-docx-word-special-chars' },
  { folder: 'scan5-skew-png-probe3-docx-gdocs-html', pdf: 'eval/build/scans/sources/probe3-docx-gdocs-html.pdf', kind: 'skew-png', office: 'probe3-docx-gdocs-html' },
  { folder: 'scan5-sideways-png-probe3-docx-two-column-typed-lists', pdf: 'eval/build/scans/sources/probe3-docx-two-column-typed-lists.pdf', kind: 'sideways-png', office: 'probe3-docx-two-column-typed-lists' },
  { folder: 'scan5-skew-tiff-south-korea-2024', pdf: 'eval/south-korea-2024/report.pdf', kind: 'skew-tiff' },
  { folder: 'scan5-fax-tiff-probe3-docx-custom-heading-styles', pdf: 'eval/build/scans/sources/probe3-docx-custom-heading-styles.pdf', kind: 'fax-tiff', office: 'probe3-docx-custom-heading-styles' },
  { folder: 'scan5-fax-tiff-probe3-docx-h3-repeat-header', pdf: 'eval/build/scans/sources/probe3-docx-h3-repeat-header.pdf', kind: 'fax-tiff', office: 'probe3-docx-h3-repeat-header' },
  { folder: 'scan5-photo-jpeg-probe3-docx-boxed-lists', pdf: 'eval/build/scans/sources/probe3-docx-boxed-lists.pdf', kind: 'photo-jpeg', office: 'probe3-docx-boxed-lists' },
  { folder: 'scan5-photo-jpeg-probe3-docx-content-controls', pdf: 'eval/build/scans/sources/probe3-docx-content-controls.pdf', kind: 'photo-jpeg', office: 'probe3-docx-content-controls' },
  { folder: 'scan5-rotate-pdf-probe3-docx-layout-table-lists', pdf: 'eval/build/scans/sources/probe3-docx-layout-table-lists.pdf', kind: 'rotate-pdf', office: 'probe3-docx-layout-table-lists' },
  { folder: 'scan5-upside-down-pdf-probe3-docx-tracked-fields', pdf: 'eval/build/scans/sources/probe3-docx-tracked-fields.pdf', kind: 'upside-down-pdf', office: 'probe3-docx-tracked-fields' },
  { folder: 'scan5-stamp-pdf-probe3-docx-ticks-nbsp', pdf: 'eval/build/scans/sources/probe3-docx-ticks-nbsp.pdf', kind: 'stamp-pdf', office: 'probe3-docx-ticks-nbsp' },
  { folder: 'scan5-mixed-pdf-probe3-docx-textbox-cover', pdf: 'eval/build/scans/sources/probe3-docx-textbox-cover.pdf', kind: 'mixed-pdf', office: 'probe3-docx-textbox-cover' },
];

// scan6's sources are printed Markdown reports (pandoc's HTML printed by Chromium, four of them with the
// browser's date, title, address and page-number lines) and a plain-text print of a Markdown file; see
// README.md for how. They are kept in sources/ and never remade here (`browser: true`).
export const SCAN6 = [
  { folder: 'scan6-flat-png-probe3-md-bold-title-marked-answers', pdf: 'eval/build/scans/sources/probe3-md-bold-title-marked-answers.pdf', kind: 'flat-png', browser: true },
  { folder: 'scan6-skew-png-probe3-md-pandoc-simple-table', pdf: 'eval/build/scans/sources/probe3-md-pandoc-simple-table.pdf', kind: 'skew-png', browser: true },
  { folder: 'scan6-sideways-png-probe3-md-fenced-table', pdf: 'eval/build/scans/sources/probe3-md-fenced-table.pdf', kind: 'sideways-png', browser: true },
  { folder: 'scan6-skew-tiff-probe3-md-atx-closing-hardbreaks', pdf: 'eval/build/scans/sources/probe3-md-atx-closing-hardbreaks.pdf', kind: 'skew-tiff', browser: true },
  { folder: 'scan6-fax-tiff-blind2-korea-2024', pdf: 'eval/build/scans/sources/blind2-korea-2024.pdf', kind: 'fax-tiff', browser: true },
  { folder: 'scan6-photo-jpeg-probe3-md-bold-subheads-ticks', pdf: 'eval/build/scans/sources/probe3-md-bold-subheads-ticks.pdf', kind: 'photo-jpeg', browser: true },
  { folder: 'scan6-rotate-pdf-probe3-md-html-table-crlf', pdf: 'eval/build/scans/sources/probe3-md-html-table-crlf.pdf', kind: 'rotate-pdf', browser: true },
  { folder: 'scan6-upside-down-pdf-probe3-md-setext-lazy', pdf: 'eval/build/scans/sources/probe3-md-setext-lazy.pdf', kind: 'upside-down-pdf', browser: true },
  { folder: 'scan6-stamp-pdf-probe3-md-grid-table-setext', pdf: 'eval/build/scans/sources/probe3-md-grid-table-setext.pdf', kind: 'stamp-pdf', browser: true },
  { folder: 'scan6-mixed-pdf-probe3-md-loose-caption', pdf: 'eval/build/scans/sources/probe3-md-loose-caption.pdf', kind: 'mixed-pdf', browser: true },
];

// scan7: the Spanish, French and Portuguese reports (every source is one page, so no mixed PDF; a second photo).
export const SCAN7 = [
  { folder: 'scan7-flat-png-blind3-es-ecuador-2023', pdf: 'eval/blind3-es-ecuador-2023/report.pdf', kind: 'flat-png' },
  { folder: 'scan7-skew-png-blind3-fr-belgique-2023', pdf: 'eval/blind3-fr-belgique-2023/report.pdf', kind: 'skew-png' },
  { folder: 'scan7-sideways-png-blind3-pt-cabo-verde-2024', pdf: 'eval/blind3-pt-cabo-verde-2024/report.pdf', kind: 'sideways-png' },
  { folder: 'scan7-skew-tiff-blind3-es-paraguay-2024', pdf: 'eval/blind3-es-paraguay-2024/report.pdf', kind: 'skew-tiff' },
  { folder: 'scan7-fax-tiff-blind3-fr-maroc-2023', pdf: 'eval/blind3-fr-maroc-2023/report.pdf', kind: 'fax-tiff' },
  { folder: 'scan7-photo-jpeg-blind3-pt-angola-2023', pdf: 'eval/blind3-pt-angola-2023/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan7-photo-jpeg-blind3-es-guatemala-2024', pdf: 'eval/blind3-es-guatemala-2024/report.pdf', kind: 'photo-jpeg' },
  { folder: 'scan7-rotate-pdf-blind3-fr-senegal-2024', pdf: 'eval/blind3-fr-senegal-2024/report.pdf', kind: 'rotate-pdf' },
  { folder: 'scan7-upside-down-pdf-blind3-pt-mocambique-2024', pdf: 'eval/blind3-pt-mocambique-2024/report.pdf', kind: 'upside-down-pdf' },
  { folder: 'scan7-stamp-pdf-blind3-es-honduras-2023', pdf: 'eval/build/scans/sources/blind3-es-honduras-2023.pdf', kind: 'stamp-pdf', office: 'blind3-es-honduras-2023' },
];

// scan8: browser prints (pandoc's page, or a GitHub-like style) of the fixtures' Markdown reports; kept prints as scan6's.
export const SCAN8 = [
  { folder: 'scan8-flat-png-fixture-kenya-2023', pdf: 'eval/build/scans/sources/fixture-kenya-2023.pdf', kind: 'flat-png', browser: true },
  { folder: 'scan8-sideways-png-fixture-mongolia-2023', pdf: 'eval/build/scans/sources/fixture-mongolia-2023.pdf', kind: 'sideways-png', browser: true },
  { folder: 'scan8-skew-tiff-fixture-estonia-2023', pdf: 'eval/build/scans/sources/fixture-estonia-2023.pdf', kind: 'skew-tiff', browser: true },
  { folder: 'scan8-fax-tiff-fixture-south-africa-2023', pdf: 'eval/build/scans/sources/fixture-south-africa-2023.pdf', kind: 'fax-tiff', browser: true },
  { folder: 'scan8-fax-tiff-fixture-vietnam-2023', pdf: 'eval/build/scans/sources/fixture-vietnam-2023.pdf', kind: 'fax-tiff', browser: true },
  { folder: 'scan8-photo-jpeg-fixture-kazakhstan-2024', pdf: 'eval/build/scans/sources/fixture-kazakhstan-2024.pdf', kind: 'photo-jpeg', browser: true },
  { folder: 'scan8-rotate-pdf-fixture-japan-2023', pdf: 'eval/build/scans/sources/fixture-japan-2023.pdf', kind: 'rotate-pdf', browser: true },
  { folder: 'scan8-upside-down-pdf-fixture-norway-2023', pdf: 'eval/build/scans/sources/fixture-norway-2023.pdf', kind: 'upside-down-pdf', browser: true },
  { folder: 'scan8-stamp-pdf-fixture-singapore-2023', pdf: 'eval/build/scans/sources/fixture-singapore-2023.pdf', kind: 'stamp-pdf', browser: true },
  { folder: 'scan8-mixed-pdf-fixture-philippines-2023', pdf: 'eval/build/scans/sources/fixture-philippines-2023.pdf', kind: 'mixed-pdf', browser: true },
];

// scan9: office-style browser prints of ten more fixtures (five in a Word-like look from the .docx or
// .md, five as serif memos with rule-only tables); kept prints as scan6's and scan8's, see README.md.
export const SCAN9 = [
  { folder: 'scan9-flat-png-fixture-central-asia-2023', pdf: 'eval/build/scans/sources/fixture-central-asia-2023.pdf', kind: 'flat-png', browser: true },
  { folder: 'scan9-sideways-png-fixture-india-2024', pdf: 'eval/build/scans/sources/fixture-india-2024.pdf', kind: 'sideways-png', browser: true },
  { folder: 'scan9-skew-png-fixture-austria-2023', pdf: 'eval/build/scans/sources/fixture-austria-2023.pdf', kind: 'skew-png', browser: true },
  { folder: 'scan9-skew-tiff-fixture-turkiye-2023', pdf: 'eval/build/scans/sources/fixture-turkiye-2023.pdf', kind: 'skew-tiff', browser: true },
  { folder: 'scan9-fax-tiff-fixture-germany-2023', pdf: 'eval/build/scans/sources/fixture-germany-2023.pdf', kind: 'fax-tiff', browser: true },
  { folder: 'scan9-photo-jpeg-fixture-united-states-2023', pdf: 'eval/build/scans/sources/fixture-united-states-2023.pdf', kind: 'photo-jpeg', browser: true },
  { folder: 'scan9-rotate-pdf-fixture-indonesia-2023', pdf: 'eval/build/scans/sources/fixture-indonesia-2023.pdf', kind: 'rotate-pdf', browser: true },
  { folder: 'scan9-upside-down-pdf-fixture-moldova-2023', pdf: 'eval/build/scans/sources/fixture-moldova-2023.pdf', kind: 'upside-down-pdf', browser: true },
  { folder: 'scan9-stamp-pdf-fixture-poland-2023', pdf: 'eval/build/scans/sources/fixture-poland-2023.pdf', kind: 'stamp-pdf', browser: true },
  { folder: 'scan9-mixed-pdf-fixture-ukraine-2023', pdf: 'eval/build/scans/sources/fixture-ukraine-2023.pdf', kind: 'mixed-pdf', browser: true },
];

export const SCANS = [...SCAN2, ...SCAN3, ...SCAN4, ...SCAN5, ...SCAN6, ...SCAN7, ...SCAN8, ...SCAN9];
const SETS = { scan2: SCAN2, scan3: SCAN3, scan4: SCAN4, scan5: SCAN5, scan6: SCAN6, scan7: SCAN7, scan8: SCAN8, scan9: SCAN9 };

/** The office reports have no PDF of their own: LibreOffice prints the eval report's .odt, or its .docx when it
 * has no .odt (kept in sources/, since a later LibreOffice may lay it out differently). */
function ensureOfficePdf(pdf, office) {
  const target = join(root, pdf);
  if (existsSync(target)) return;
  const name = pdf.split('/').pop().replace(/\.pdf$/, '');
  const report = join(root, 'eval', office ?? name);
  const ext = existsSync(join(report, 'report.odt')) ? 'odt' : 'docx';
  const work = mkdtempSync(join(tmpdir(), 'scan-office-'));
  try {
    copyFileSync(join(report, `report.${ext}`), join(work, `${name}.${ext}`));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, join(work, `${name}.${ext}`)], { stdio: 'ignore' });
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, `${name}.pdf`), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Arguments name whole sets (scan2 … scan9) or single folders; none means every folder.
const wanted = process.argv.slice(2);
const chosen = wanted.length === 0 ? SCANS : SCANS.filter((s) => wanted.includes(s.folder) || wanted.some((w) => SETS[w]?.includes(s)));
const unknown = wanted.filter((w) => !SETS[w] && !SCANS.some((s) => s.folder === w));
if (unknown.length > 0) throw new Error(`no such set or folder: ${unknown.join(', ')}`);
for (const scan of chosen) {
  if (scan.browser && !existsSync(join(root, scan.pdf))) throw new Error(`${scan.pdf} is missing: it is a kept print, see README.md`);
  if (scan.pdf.startsWith('eval/build/scans/sources/') && !scan.browser) ensureOfficePdf(scan.pdf, scan.office);
  const out = join(root, 'eval', scan.folder);
  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out).filter((f) => f.startsWith('report.'))) rmSync(join(out, old));
  execFileSync('node', ['scripts/scans/make-scans.mjs', scan.pdf, join('eval', scan.folder), scan.kind], { cwd: root, stdio: 'inherit' });
}
