import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/record/types.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../../shared/samples/kazakhstan-2023.md', import.meta.url));
const EXPECTED = JSON.parse(
  readFileSync(new URL('../../../shared/samples/kazakhstan-2023.expected.json', import.meta.url), 'utf8'),
) as ReportRecord;
const PDF = fileURLToPath(new URL('../../fixtures/kazakhstan-2023/report.pdf', import.meta.url));

function parse(...args: string[]) {
  const run = spawnSync('node', [CLI, 'parse', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const withoutSource = ({ source: _source, provenance: _provenance, ...rest }: ReportRecord) => rest;

describe('reportflow parse', () => {
  it('prints the sample as its expected record, pretty, and exits 0', () => {
    const run = parse(SAMPLE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\n  "schemaVersion": "1.1"');
    const record = JSON.parse(run.stdout) as ReportRecord;
    expect(withoutSource(record)).toEqual(withoutSource(EXPECTED));
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

  it('gives a file that cannot be opened an error record, says so on stderr, and still exits 0', () => {
    const run = parse('/nonexistent/report.pdf');
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout) as ReportRecord;
    expect(record.anomalies.map((a) => [a.code, a.severity])).toEqual([['UNREADABLE_FILE', 'error']]);
    expect(record.status).toBe('needs_review');
    expect(run.stderr).toMatch(/\/nonexistent\/report\.pdf: UNREADABLE_FILE/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
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
});
