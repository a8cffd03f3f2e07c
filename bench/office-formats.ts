import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordFromBytes } from '../src/parse-report.js';
import { CACHE, ROOT } from './bench-corpus.js';
import { meanMs } from './timing.js';

/**
 * Web pages and ODT are read in-process (warm figures, like the other formats);
 * .doc and RTF go through LibreOffice, so their figure is the conversion plus the
 * Word reader, shown beside `soffice --convert-to docx` alone, with a fresh
 * profile as the parser uses and with a profile kept from the run before.
 */

export interface OfficeFigure {
  label: string;
  format: string;
  kb: number;
  /** Warm in-process parse (HTML, ODT) or one conversion and read (DOC, RTF), mean ms. */
  oursMs: number;
  outcome: string;
  /** DOC/RTF only: soffice alone, fresh profile each run / profile reused. */
  sofficeFreshMs: number | null;
  sofficeWarmMs: number | null;
}

const RUNS = 3;

export async function officeFigures(log: (line: string) => void): Promise<OfficeFigure[]> {
  const inputs = officeInputs(log);
  const figures: OfficeFigure[] = [];
  for (const input of inputs) {
    const bytes = new Uint8Array(readFileSync(input.path));
    const name = input.path.split('/').pop()!;
    const record = await recordFromBytes(bytes, name);
    const outcome = record.anomalies.find((a) => a.severity === 'error')?.code ?? 'parsed';
    const converted = input.format === 'doc' || input.format === 'rtf';
    // A conversion costs seconds: a few runs, no warm-up beyond the one above.
    const oursMs = converted
      ? await meanMs(() => recordFromBytes(bytes, name), { warmups: 0, minRuns: RUNS, minMs: 0, maxRuns: RUNS })
      : await meanMs(() => recordFromBytes(bytes, name));
    figures.push({
      label: input.label,
      format: input.format,
      kb: bytes.length / 1024,
      oursMs,
      outcome,
      sofficeFreshMs: converted ? sofficeMs(input.path, 'fresh') : null,
      sofficeWarmMs: converted ? sofficeMs(input.path, 'reused') : null,
    });
  }
  return figures;
}

interface OfficeInput {
  label: string;
  format: 'html' | 'odt' | 'doc' | 'rtf';
  path: string;
}

/** The Kazakhstan fixture in each office format, and the ~100-page report saved by LibreOffice as each (made once, cached). */
function officeInputs(log: (line: string) => void): OfficeInput[] {
  const inputs: OfficeInput[] = [];
  for (const format of ['html', 'odt', 'doc', 'rtf'] as const) {
    const path = join(ROOT, 'fixtures/kazakhstan-2023', `report.${format}`);
    if (existsSync(path)) inputs.push({ label: `fixtures/kazakhstan-2023 (${format})`, format, path });
  }
  const docx = join(CACHE, 'report-100p.docx');
  if (!existsSync(docx)) return inputs;
  for (const format of ['html', 'odt', 'doc', 'rtf'] as const) {
    const path = join(CACHE, `report-100p.${format}`);
    if (!existsSync(path)) {
      const profile = mkdtempSync(join(tmpdir(), 'bench-lo-'));
      const run = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--convert-to',
          format === 'html' ? 'html:XHTML Writer File:UTF8' : format,
          '--outdir',
          CACHE,
          docx,
        ],
        { stdio: 'ignore', timeout: 300_000 },
      );
      rmSync(profile, { recursive: true, force: true });
      if (run.error || !existsSync(path)) {
        log(`could not make ${path} with soffice; skipped`);
        continue;
      }
    }
    inputs.push({ label: `~100 pages (${format}, saved by LibreOffice)`, format, path });
  }
  return inputs;
}

/** soffice converting the file to DOCX on its own, as spawned (start-up included), mean of a few runs. */
function sofficeMs(path: string, profile: 'fresh' | 'reused'): number | null {
  const kept = mkdtempSync(join(tmpdir(), 'bench-lo-'));
  try {
    let total = 0;
    for (let i = 0; i <= RUNS; i++) {
      const dir = profile === 'fresh' ? mkdtempSync(join(tmpdir(), 'bench-lo-')) : kept;
      const started = performance.now();
      const run = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          join(dir, 'out'),
          path,
        ],
        { stdio: 'ignore', timeout: 300_000 },
      );
      const ms = performance.now() - started;
      if (profile === 'fresh') rmSync(dir, { recursive: true, force: true });
      if (run.error || run.status !== 0) return null;
      // The first run of the reused profile creates it; it is not counted.
      if (i > 0 || profile === 'fresh') total += ms;
    }
    return total / (profile === 'fresh' ? RUNS + 1 : RUNS);
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
}
