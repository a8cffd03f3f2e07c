// Builds the office-format blind set into eval/office-<name>/: HTML pages written here, flat
// OpenDocument texts and WordPad RTF written here, and LibreOffice's .odt, .doc and .rtf saved
// from them. expected.json comes from the same hand-written content (never from the parser).
// Needs LibreOffice.  node eval/build/office/build.mjs [name…]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectedRecord } from '../expected-record.mjs';
import { REPORTS } from './reports.mjs';
import { htmlFromReport } from './render-html.mjs';
import { fodtFromReport } from './render-odf.mjs';
import { rtfFromReport } from './render-rtf.mjs';

// html: authoring style (and encoding); odf: the Writer document's style and what LibreOffice
// saves it as; rtf: 'wordpad' writes RTF by hand; doc: what Writer saves as .doc ('rtf' the
// hand-written RTF, 'html' a plain page; rtf likewise). Writer's own lists do not go to .doc or
// .rtf: its DOC export numbers a restarted list 1, 1, 2 … and its RTF export numbers a second
// list on from the first, and LibreOffice prints those files so.
const PLAN = {
  'office-ecuador-2023': { html: { style: 'gdocs' }, odf: { style: 'lists', as: ['odt'] }, doc: 'html', rtf: 'html' },
  'office-morocco-2024': { html: { style: 'word', encoding: 'windows-1252' }, odf: { style: 'direct', as: ['odt', 'rtf'] } },
  'office-sweden-2023': { html: { style: 'cms', encoding: 'utf-16le' }, odf: { style: 'columns', as: ['odt'] }, rtf: 'wordpad', doc: 'rtf' },
  'office-thailand-2024': { html: { style: 'cms' }, odf: { style: 'columns', as: ['odt'] }, doc: 'html' },
};

function encoded(text, encoding) {
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('charset="utf-8"', 'charset="utf-16"'), 'utf16le')]);
  if (encoding === 'windows-1252') {
    const map = { '\u2019': 0x92, '\u2018': 0x91, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u2014': 0x97 };
    return Buffer.from([...text].map((ch) => map[ch] ?? (ch.codePointAt(0) <= 0xff ? ch.codePointAt(0) : 0x3f)));
  }
  return Buffer.from(text, 'utf8');
}

const root = resolve('eval');
const work = mkdtempSync(join(tmpdir(), 'eval-office-'));
const soffice = (args) => execFileSync('soffice', [`-env:UserInstallation=file://${work}/lo-profile`, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
const wanted = process.argv.slice(2);
const FILTERS = { odt: 'odt', doc: 'doc:MS Word 97', rtf: 'rtf:Rich Text Format' };

try {
  for (const report of REPORTS) {
    if (wanted.length > 0 && !wanted.includes(report.name)) continue;
    const plan = PLAN[report.name];
    const dir = join(root, report.name);
    mkdirSync(dir, { recursive: true });
    if (plan.html) writeFileSync(join(dir, 'report.html'), encoded(htmlFromReport(report, plan.html.style), plan.html.encoding));
    if (plan.odf) {
      const fodt = join(work, `${report.name}.fodt`);
      writeFileSync(fodt, fodtFromReport(report, plan.odf.style));
      for (const format of plan.odf.as) {
        soffice(['--convert-to', FILTERS[format], '--outdir', join(work, format), fodt]);
        copyFileSync(join(work, format, `${report.name}.${format}`), join(dir, `report.${format}`));
      }
    }
    if (plan.rtf === 'wordpad') {
      const rtf = join(work, `${report.name}.rtf`);
      writeFileSync(rtf, rtfFromReport(report), 'latin1');
      copyFileSync(rtf, join(dir, 'report.rtf'));
      if (plan.doc === 'rtf') {
        soffice(['--convert-to', FILTERS.doc, '--outdir', join(work, 'doc-from-rtf'), rtf]);
        copyFileSync(join(work, 'doc-from-rtf', `${report.name}.doc`), join(dir, 'report.doc'));
      }
    }
    for (const format of ['doc', 'rtf']) {
      if (plan[format] !== 'html') continue;
      const page = join(work, `${report.name}.html`);
      writeFileSync(page, htmlFromReport(report, 'plain'));
      soffice(['--infilter=HTML (StarWriter)', '--convert-to', FILTERS[format], '--outdir', join(work, `${format}-from-html`), page]);
      copyFileSync(join(work, `${format}-from-html`, `${report.name}.${format}`), join(dir, `report.${format}`));
    }
    const expected = expectedRecord(report);
    const record = { ...expected, schemaVersion: '1.1', source: { ...expected.source, ocr: null }, provenance: {} };
    writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`built ${report.name}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
