import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/record/types.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../../shared/samples/kazakhstan-2023.md', import.meta.url));
const EXPECTED = JSON.parse(
  readFileSync(new URL('../../../shared/samples/kazakhstan-2023.expected.json', import.meta.url), 'utf8'),
) as ReportRecord;
const PDF = fileURLToPath(new URL('../../fixtures/kazakhstan-2023/report.pdf', import.meta.url));

const SCAN = fileURLToPath(new URL('../data/scans/kazakhstan-page1-flat.png', import.meta.url));

function parse(...args: string[]) {
  return parseWith({}, ...args);
}

function parseWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync('node', [CLI, 'parse', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const withoutSource = ({ source: _source, provenance: _provenance, ...rest }: ReportRecord) => rest;

describe('reportflow parse', () => {
  it('is built as an executable command, so `npx reportflow` runs it', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });

  it('follows REPORTFLOW_OCR: off gives NO_TEXT_LAYER for a scan and exits, a bad value is a usage error', () => {
    const off = parseWith({ REPORTFLOW_OCR: 'off' }, SCAN);
    expect(off.status).toBe(0);
    const record = JSON.parse(off.stdout) as ReportRecord;
    expect(record.source).toMatchObject({ format: 'image', ocr: null });
    expect(record.anomalies.map((a) => a.code)).toEqual(['NO_TEXT_LAYER']);
    const bad = parseWith({ REPORTFLOW_OCR: 'maybe' }, SCAN);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('REPORTFLOW_OCR');
  });

  it('prints the sample as its expected record, pretty, and exits 0', () => {
    const run = parse(SAMPLE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\n  "schemaVersion": "1.1"');
    const record = JSON.parse(run.stdout) as ReportRecord;
    // What 1.1 adds to the sample's record: the language and profile it was read with.
    const expected = { ...EXPECTED, report: { ...EXPECTED.report, language: 'en', profile: 'caidp-aidv' } };
    expect(withoutSource(record)).toEqual(withoutSource(expected));
    // The sample lists some values' places; the record places every value.
    expect(record.provenance).toMatchObject(EXPECTED.provenance);
  });

  it('prints one record per line with --jsonl, and an array for several files without it', () => {
    const lines = parse(SAMPLE, PDF, '--jsonl').stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as ReportRecord).source.format)).toEqual(['markdown', 'pdf']);
    const array = JSON.parse(parse(SAMPLE, PDF).stdout) as ReportRecord[];
    expect(array.map((r) => r.report.title)).toEqual(['Kazakhstan', 'Kazakhstan']);
  });

  it('gives a file that cannot be opened an error record, says so on stderr, and exits 1', () => {
    const run = parse('/nonexistent/report.pdf');
    expect(run.status).toBe(1);
    const record = JSON.parse(run.stdout) as ReportRecord;
    expect(record.anomalies.map((a) => [a.code, a.severity])).toEqual([['UNREADABLE_FILE', 'error']]);
    expect(record.status).toBe('needs_review');
    expect(run.stderr).toMatch(/\/nonexistent\/report\.pdf: UNREADABLE_FILE/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 1 when one of several files is missing, after printing every record', () => {
    const run = parse(SAMPLE, '/nonexistent/report.pdf', '--jsonl');
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('prints its version, the one in package.json', () => {
    const run = spawnSync('node', [CLI, '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(run.stdout.trim()).toBe(version);
  });

  it('takes answer weights from --weights', () => {
    const record = JSON.parse(parse(SAMPLE, '--weights', 'Y=1,P=1,N=0').stdout) as ReportRecord;
    expect(record.scoreTables[0]!.rows.map((r) => r.computedTotal)).toEqual([4, 7]);
  });

  it('exits 2 on usage errors', () => {
    expect(parse().status).toBe(2);
    expect(parse(SAMPLE, '--weights', 'Y=lots').status).toBe(2);
    expect(parse(SAMPLE, '--no-such-flag').status).toBe(2);
  });

  it('reads with the profile --profile or REPORTFLOW_PROFILE forces, and names a missing one', () => {
    const SPANISH = fileURLToPath(new URL('../../fixtures/costa-rica-2024-es/report.md', import.meta.url));
    const chosen = JSON.parse(parse(SPANISH).stdout) as ReportRecord;
    expect([chosen.report.language, chosen.scoreTables.length]).toEqual(['es', 1]);
    // Read as English, "Sí" and "Parcial" are no answers and "P1" is no question: no score table.
    const forced = JSON.parse(parse(SPANISH, '--profile', 'caidp-aidv/en').stdout) as ReportRecord;
    expect([forced.report.language, forced.scoreTables.length]).toEqual(['en', 0]);
    expect(forced.anomalies.find((a) => a.code === 'NO_SCORE_TABLE')?.message).toBe(
      'no score table; profile tried: caidp-aidv [en]',
    );
    const byEnv = spawnSync('node', [CLI, 'parse', SPANISH], {
      encoding: 'utf8',
      env: { ...process.env, REPORTFLOW_PROFILE: 'caidp-aidv/fr' },
    });
    expect((JSON.parse(byEnv.stdout) as ReportRecord).report.language).toBe('fr');
    const missing = parse(SPANISH, '--profile', 'no-such-index');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('REPORTFLOW_PROFILE: no profile no-such-index (loaded: caidp-aidv)');
  });

  it('converts .doc and RTF with the soffice REPORTFLOW_SOFFICE names, and says what to install when there is none', () => {
    const rtf = fileURLToPath(new URL('../../fixtures/kazakhstan-2023/report.rtf', import.meta.url));
    const env = { ...process.env, REPORTFLOW_SOFFICE: '/no/such/soffice' };
    const run = spawnSync('node', [CLI, 'parse', rtf], { encoding: 'utf8', timeout: 60_000, env });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as ReportRecord).source.format).toBe('rtf');
    expect(run.stderr).toMatch(
      /UNSUPPORTED_FORMAT: The file is an RTF document, .*\/no\/such\/soffice.*libreoffice-writer-nogui/,
    );
  });
});
