// Builds the scan2 set: eval/scan2-<kind>-<report>/report.* made by scripts/scans/make-scans.mjs
// from English born-digital eval reports that had never been scanned. Only the scanned files are
// made here; each folder's expected.json was copied from the source report's and corrected by
// hand where the scan shows less (see README.md), so it is never rewritten.
// Run from anywhere: node eval/build/scans/build.mjs [folder…]  (needs qpdf for mixed-pdf; LibreOffice
// only if a PDF in sources/ is missing).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// The scan maker seeds its random choices with the PDF path it is given, so paths are given
// relative to the repository root and must stay as written here to remake the same bytes.
export const SCANS = [
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

/** The office reports have no PDF of their own: LibreOffice prints the eval .odt (kept in sources/, since a
 * later LibreOffice may lay it out differently). */
function ensureOfficePdf(pdf) {
  const target = join(root, pdf);
  if (existsSync(target)) return;
  const name = pdf.split('/').pop().replace(/\.pdf$/, '');
  const work = mkdtempSync(join(tmpdir(), 'scan2-office-'));
  try {
    copyFileSync(join(root, 'eval', name, 'report.odt'), join(work, `${name}.odt`));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, join(work, `${name}.odt`)], { stdio: 'ignore' });
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, `${name}.pdf`), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
for (const scan of SCANS.filter((s) => wanted.length === 0 || wanted.includes(s.folder))) {
  if (scan.pdf.startsWith('eval/build/scans/sources/')) ensureOfficePdf(scan.pdf);
  const out = join(root, 'eval', scan.folder);
  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out).filter((f) => f.startsWith('report.'))) rmSync(join(out, old));
  execFileSync('node', ['scripts/scans/make-scans.mjs', scan.pdf, join('eval', scan.folder), scan.kind], { cwd: root, stdio: 'inherit' });
}
