import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleMarkdown } from '../scripts/hostile/report-text.js';

/**
 * The files the benchmark reads: the fixtures that exist, plus large generated
 * reports cached under bench/.cache/ (delete the folder to regenerate them; the
 * DOCX needs pandoc, the PDF LibreOffice).
 */
export interface BenchFile {
  label: string;
  format: 'markdown' | 'docx' | 'pdf';
  path: string;
  bytes: number;
  /** Large generated files get a peak-RSS child run and a peer comparison. */
  large: boolean;
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
  .replace(/\/dist\/?$/, '')
  .replace(/\/$/, '');
export const CACHE = join(ROOT, 'bench/.cache');

const EXT_FORMAT: Record<string, BenchFile['format']> = { md: 'markdown', docx: 'docx', pdf: 'pdf' };

export function fixtureFiles(): BenchFile[] {
  const dir = join(ROOT, 'fixtures');
  const files: BenchFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    for (const ext of Object.keys(EXT_FORMAT)) {
      const path = join(dir, name, `report.${ext}`);
      if (existsSync(path))
        files.push({
          label: `fixtures/${name}`,
          format: EXT_FORMAT[ext]!,
          path,
          bytes: statSync(path).size,
          large: false,
        });
    }
  }
  return files;
}

/**
 * A long report in the sample's shape: the same header and score table, then
 * numbered developments made of the sample's sentences until `targetBytes`.
 * `tableStyle` 'tabs' is the fixtures' Markdown; 'pipes' gives pandoc a real table.
 */
export function longReportMarkdown(targetBytes: number, tableStyle: 'tabs' | 'pipes'): string {
  const sample = sampleMarkdown();
  const sentences = sample
    .split('\n')
    .filter((l) => /^\d+\.\s/.test(l))
    .flatMap((l) =>
      l
        .replace(/^\d+\.\s*/, '')
        .replace(/\*\*/g, '')
        .split(/(?<=\.)\s+/),
    )
    .filter((s) => s.length > 40);
  const header = ['Year', ...Array.from({ length: 12 }, (_, i) => `Q${i + 1}`), 'Total'];
  const rows = [
    ['2021', 'N', 'N', 'Y', 'N', 'N', 'N', 'P', 'N', 'P', 'N', 'Y', 'N', '3.0'],
    ['2022', 'N', 'N', 'Y', 'P', 'P', 'P', 'P', 'N', 'P', 'N', 'Y', 'N', '4.33'],
  ];
  const table =
    tableStyle === 'tabs'
      ? [header, ...rows].map((r) => r.join('\t')).join('\n')
      : [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const parts = [
    '# Kazakhstan\n\n## Aziz Soltobaev\n\n23.03.23\n\n# Changes in key metrics\n\n## Kazakhstan\n',
    table,
    '\nKazakhstan started implementing measures to observe UDHR after the power transition held at the beginning of 2022\n',
    '# Most important developments\n\n## Country\n',
  ];
  let size = parts.join('\n').length;
  const items: string[] = [];
  for (let n = 1; size < targetBytes; n++) {
    const picked = [0, 1, 2, 3].map((k) => sentences[(n * 7 + k * 3) % sentences.length]!);
    const item = `${n}. In development ${n}, ${picked.join(' ')}`;
    items.push(item);
    size += item.length + 1;
  }
  return `${parts.join('\n')}\n${items.join('\n')}\n`;
}

/** Makes (once) and lists the large generated files. Returns the ones that could be made. */
export function largeFiles(log: (line: string) => void): BenchFile[] {
  mkdirSync(CACHE, { recursive: true });
  const out: BenchFile[] = [];
  const md1mb = join(CACHE, 'report-1mb.md');
  if (!existsSync(md1mb)) writeFileSync(md1mb, longReportMarkdown(1024 * 1024, 'tabs'));
  out.push(large('Markdown 1 MB', 'markdown', md1mb));

  const longMd = join(CACHE, 'report-long.md');
  if (!existsSync(longMd)) writeFileSync(longMd, longReportMarkdown(285 * 1024, 'pipes'));
  const docx = join(CACHE, 'report-100p.docx');
  if (!existsSync(docx)) tryRun(log, 'pandoc', [longMd, '-o', docx]);
  if (existsSync(docx)) out.push(large('DOCX ~100 pages', 'docx', docx));
  const pdf = join(CACHE, 'report-100p.pdf');
  if (existsSync(docx) && !existsSync(pdf))
    tryRun(log, 'soffice', ['--headless', '--convert-to', 'pdf', '--outdir', CACHE, docx]);
  if (existsSync(pdf)) {
    const pages = pdfPages(pdf);
    out.push(large(`PDF ${pages ?? '?'} pages`, 'pdf', pdf));
  }
  return out;
}

function large(label: string, format: BenchFile['format'], path: string): BenchFile {
  return { label, format, path, bytes: statSync(path).size, large: true };
}

function tryRun(log: (line: string) => void, command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'pipe', timeout: 300_000 });
  } catch (error) {
    log(`could not run ${command} (${(error as Error).message.split('\n')[0]}); its files are skipped`);
  }
}

export function pdfPages(path: string): number | null {
  try {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}
