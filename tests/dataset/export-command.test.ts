import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/service/delivery/migrate.js';
import { upsertRecord } from '../../src/service/delivery/postgres-records.js';
import { DATABASE_URL } from '../sinks/sink-fixtures.js';
import { releasedFixture } from './released-records.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'REPORTFLOW_OUTBOX',
    'REPORTFLOW_DATA_DIR',
    'REPORTFLOW_RECORDS_JSONL',
    'REPORTFLOW_WEIGHTS',
  ])
    delete env[key];
  return new Promise((resolve) => {
    const child = spawn('node', [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

describe('reportflow export', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'reportflow-export-'));
    await mkdir(join(root, 'outbox'), { recursive: true });
    // Two released in the outbox; the 2024 report only in records.jsonl, as after the outbox was cleared of it.
    for (const name of ['kazakhstan-2023', 'vietnam-2023']) {
      const { record } = releasedFixture(name);
      await writeFile(join(root, 'outbox', `${record.id}.json`), JSON.stringify(record));
    }
    const later = releasedFixture('kazakhstan-2024').record;
    await writeFile(join(root, 'outbox', 'records.jsonl'), `${JSON.stringify(later)}\n{"torn line\n`);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints the wide CSV of the outbox and records.jsonl, and says on stderr what it read', async () => {
    const { code, stdout, stderr } = await run(['export', '--shape', 'wide', '--country', 'kz'], root);
    expect(code).toBe(0);
    const lines = stdout.toString().trimEnd().split('\r\n');
    expect(lines.map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'country_iso3,country_name,year',
      'KAZ,Kazakhstan,2021',
      'KAZ,Kazakhstan,2022',
      'KAZ,Kazakhstan,2023',
    ]);
    // 2022 comes from the later report found only in records.jsonl; the earlier one is listed beside it.
    expect(lines[2]).toContain(',report.md,2,');
    expect(lines[2]).toContain(',2024-02-14,');
    expect(stderr).toMatch(
      /^reportflow: 3 rows \(wide, csv\) from 3 released records in .*outbox and .*records\.jsonl written to standard output in \d+ ms\nreportflow: 1 unreadable entry skipped\n$/,
    );
  });

  it('writes Parquet when --out ends in .parquet, leaving no temp file behind', async () => {
    const { code, stderr } = await run(['export', '--out', 'index.parquet', '--year', '2021-2022'], root);
    expect(code, stderr).toBe(0);
    const bytes = await readFile(join(root, 'index.parquet'));
    expect([bytes.subarray(0, 4).toString(), bytes.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
    expect(stderr).toContain('(long, parquet)');
    expect((await readdir(root)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 naming every bad filter, and on an unknown format', async () => {
    const bad = await run(['export', '--country', 'Atlantis', '--year', 'soon'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('country: "Atlantis" is not a country code or name');
    expect(bad.stderr).toContain('year: "soon" is not a year');
    expect((await run(['export', '--format', 'xlsx'], root)).code).toBe(2);
  });
});

describe('reportflow export from PostgreSQL', () => {
  const dbName = `reportflow_export_${randomBytes(6).toString('hex')}`;
  const dbUrl = Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString();
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  let root: string;
  beforeAll(async () => {
    admin.on('error', () => undefined);
    await admin.query(`CREATE DATABASE ${dbName}`);
    root = await mkdtemp(join(tmpdir(), 'reportflow-export-pg-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('exits 1 saying what to do while the database has no tables, then reads the records the database sink wrote', async () => {
    const early = await run(['export', '--database-url', dbUrl], root);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('the database has no report_records table yet: run `reportflow migrate`');

    const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
    await applyMigrations(pool);
    for (const name of ['kazakhstan-2023', 'kazakhstan-2024'])
      await upsertRecord(pool, releasedFixture(name).record, new Date());
    await pool.end();
    // The outbox of the folder holds nothing: what comes out came from PostgreSQL.
    const { code, stdout, stderr } = await run(
      ['export', '--format', 'jsonl', '--shape', 'wide', '--database-url', dbUrl],
      root,
    );
    expect(code, stderr).toBe(0);
    const rows = stdout
      .toString()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((r) => [r.year, r.Q7, r.report_date, r.report_count])).toEqual([
      [2021, 'P', '2023-03-23', 1],
      [2022, 'Y', '2024-02-14', 2],
      [2023, 'Y', '2024-02-14', 1],
    ]);
    expect(stderr).toContain(`from 2 released records in PostgreSQL 127.0.0.1:5432/${dbName}`);
  });
});
