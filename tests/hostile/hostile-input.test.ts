import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases } from '../../scripts/hostile/hostile-cases.js';
import { writeHostileCorpus, type ManifestEntry } from '../../scripts/hostile/generate.js';
import { compileOnce, ROOT } from './compiled.js';

/**
 * Every hostile file goes through recordFromBytes in its own child process with a
 * capped heap, so a blow-up fails one test instead of taking the runner down. The
 * child then parses a normal file of the same family to show it is still usable.
 */
const PARSE_ONE = 'dist/scripts/hostile/parse-one.js';
const HEAP_CAP_MB = 512;

interface ChildReport {
  outcome: string;
  messages: string[];
  ms: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  maxRssMb: number;
  pwned: boolean;
  recordJson: string;
  normal: { outcome: string; title: string | null; ms: number };
  pdfjsVersion: string | null;
}

let folder: string;
let manifest: Map<string, ManifestEntry>;

beforeAll(() => {
  compileOnce([PARSE_ONE]);
  folder = mkdtempSync(join(tmpdir(), 'hostile-'));
  manifest = new Map(writeHostileCorpus(folder).map((m) => [m.id, m]));
}, 180_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function parseInChild(entry: ManifestEntry): ChildReport {
  const run = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_CAP_MB}`,
      `${ROOT}/${PARSE_ONE}`,
      entry.file,
      entry.fileName,
      entry.normalFile,
      JSON.stringify(entry.limits ?? {}),
    ],
    { encoding: 'utf8', timeout: entry.maxMs + 30_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error)
    throw new Error(`${entry.id}: child did not finish (${run.error.message}); stderr: ${run.stderr?.slice(-2000)}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) {
    throw new Error(
      `${entry.id}: child died (status ${run.status}, signal ${run.signal}); stderr: ${run.stderr.slice(-2000)}`,
    );
  }
  return JSON.parse(line) as ChildReport;
}

describe('hostile and broken input through recordFromBytes', () => {
  for (const c of hostileCases()) {
    it(
      `${c.id}: ${c.why} -> ${c.accept.join(' | ')}`,
      () => {
        const entry = manifest.get(c.id)!;
        const report = parseInChild(entry);
        const where = `${c.id} gave ${report.outcome} in ${report.ms} ms, peak RSS ${report.maxRssMb} MB: ${report.messages.join(' / ')}`;
        expect(c.accept, where).toContain(report.outcome);
        expect(report.ms, where).toBeLessThanOrEqual(c.maxMs);
        expect(report.maxRssMb, where).toBeLessThanOrEqual(c.maxRssMb);
        expect(report.pwned, `${c.id}: a script payload in the file ran`).toBe(false);
        for (const text of c.forbidden ?? []) expect(report.recordJson, `${c.id} leaked "${text}"`).not.toContain(text);
        expect(report.normal.outcome, `${c.id}: the next normal ${c.then} file did not parse afterwards`).toBe(
          'parsed',
        );
      },
      c.maxMs + 60_000,
    );
  }
});

describe('pdf.js is a version and configuration that cannot run font code', () => {
  it('pdfjs-dist is at least 4.2.67 (the CVE-2024-4367 fix)', () => {
    const version = (
      JSON.parse(readFileSync(`${ROOT}/node_modules/pdfjs-dist/package.json`, 'utf8')) as { version: string }
    ).version;
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    expect(major * 1e6 + minor * 1e3 + patch, `pdfjs-dist ${version}`).toBeGreaterThanOrEqual(4 * 1e6 + 2 * 1e3 + 67);
  });

  it('the PDF adapter opens documents with isEvalSupported: false', () => {
    const dir = `${ROOT}/src/formats`;
    const sources = [...listTs(`${dir}/pdf`)].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(sources).toMatch(/isEvalSupported\s*:\s*false/);
  });
});

function listTs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
}
