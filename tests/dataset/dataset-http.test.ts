import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFromBytes } from '../../src/parse-report.js';
import type { ReportRecord } from '../../src/record/types.js';
import { applyMigrations } from '../../src/service/delivery/migrate.js';
import { upsertRecord } from '../../src/service/delivery/postgres-records.js';
import { buildApp, type AppDeps } from '../../src/service/http/build-app.js';
import { Intake } from '../../src/service/intake/intake.js';
import { createMetrics } from '../../src/service/metrics.js';
import { ParseQueue } from '../../src/service/queue/bullmq-adapter.js';
import { ReviewService } from '../../src/service/review/review-service.js';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { DATABASE_URL } from '../sinks/sink-fixtures.js';
import { FIXTURES } from './released-records.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const WEIGHTS = { Y: 1, P: 0.5, N: 0 };

/** The two Kazakhstan fixtures and two more, parsed by the real parser under names a person would give them. */
async function parsedFixtures(): Promise<ReportRecord[]> {
  const files: Array<[string, string]> = [
    ['kazakhstan-2023', 'report.md'],
    ['kazakhstan-2024', 'report.md'],
    ['central-asia-2023', 'report.md'],
    ['vietnam-2023', 'report.md'],
  ];
  return Promise.all(
    files.map(async ([folder, file]) => recordFromBytes(readFileSync(join(FIXTURES, folder, file)), `${folder}.md`)),
  );
}

interface IndexApp {
  app: FastifyInstance;
  logLines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The real app over a real store and queue; `dataset` chooses where the index reads released records. */
async function indexApp(
  dirs: { outbox: string; data: string; inbox: string },
  dataset?: AppDeps['dataset'],
): Promise<IndexApp> {
  const prefix = `test-${randomUUID()}`;
  const queue = new ParseQueue({ redisUrl: REDIS_URL, prefix: prefix, attempts: 1 });
  const store = new RecordsStore(dirs);
  const logLines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    }),
  );
  const app = buildApp({
    config: {
      http: { host: '127.0.0.1', port: 0, maxUploadBytes: 1024 * 1024 },
      dirs,
      auth: { mode: 'none', token: null, basic: null },
    },
    store,
    review: new ReviewService({ store, release: async () => {} }),
    queue,
    intake: new Intake({ queue, store, dataDir: dirs.data, logger }),
    logger,
    metrics: createMetrics({ processMetrics: false }),
    ...(dataset ? { dataset } : {}),
  });
  await app.ready();
  return {
    app,
    logLines,
    async close() {
      await app.close();
      await queue.obliterate().catch(() => {});
      await queue.close();
    },
  };
}

describe('the index over the outbox', () => {
  let root: string;
  let fixture: IndexApp;
  let records: ReportRecord[];
  const idOf = (name: string) => records.find((r) => r.source.fileName === name)!.id;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'reportflow-index-'));
    const dirs = { inbox: join(root, 'inbox'), outbox: join(root, 'outbox'), data: join(root, 'data') };
    const store = new RecordsStore(dirs);
    await store.init();
    records = await parsedFixtures();
    // Released the way the service releases: clean records straight to the outbox, flagged ones once a person approves them.
    for (const record of records) {
      const { place } = await store.save(record);
      if (place === 'review') await store.approve(record.id, { reviewer: 'ana' });
    }
    fixture = await indexApp(dirs);
  });
  afterAll(async () => {
    await fixture?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('GET /consistency: the two Kazakhstan reports disagree on 2022, and the later one counts', async () => {
    const response = await fixture.app.inject({ url: '/consistency' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { findings: Array<Record<string, any>>; records: number; countryYears: number };
    expect(body.records).toBe(4);
    expect(
      body.findings.map((f) => [
        f.code,
        f.country.iso3,
        f.year,
        f.question,
        f.speaking.value,
        f.speaking.fileName,
        f.other.value,
        f.other.fileName,
      ]),
    ).toEqual([
      ['ANSWER_DIFFERS', 'KAZ', 2022, 'Q7', 'Y', 'kazakhstan-2024.md', 'P', 'kazakhstan-2023.md'],
      ['TOTAL_DIFFERS', 'KAZ', 2022, null, 5, 'kazakhstan-2024.md', 4.33, 'kazakhstan-2023.md'],
    ]);
    // Each value with the line of its file it was read from (the 2022 rows: line 15 of the 2023 report, line 13 of the 2024 one).
    expect(body.findings[0]!.other).toMatchObject({
      recordId: idOf('kazakhstan-2023.md'),
      reportDate: '2023-03-23',
      path: '/scoreTables/0/rows/1/answers/Q7',
      provenance: { line: 15 },
    });
    expect(body.findings[0]!.speaking).toMatchObject({
      recordId: idOf('kazakhstan-2024.md'),
      reportDate: '2024-02-14',
      path: '/scoreTables/0/rows/0/answers/Q7',
      provenance: { line: 13 },
    });
    expect(body.findings[1]!.other).toMatchObject({
      value: 4.33,
      path: '/scoreTables/0/rows/1/reportedTotal',
      provenance: { line: 15 },
    });
    const filtered = (await fixture.app.inject({ url: '/consistency?country=VNM' })).json() as { findings: unknown[] };
    expect(filtered.findings).toEqual([]);
  });

  it('GET /dataset.csv?shape=wide: one row per country-year from the record that speaks, the others listed', async () => {
    const response = await fixture.app.inject({ url: '/dataset.csv?shape=wide&country=KAZ' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="reportflow-wide.csv"');
    expect(response.headers['x-reportflow-rows']).toBe('3');
    const [header, ...lines] = response.body.trimEnd().split('\r\n');
    expect(header).toBe(
      'country_iso3,country_name,year,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10,Q11,Q12,computed_total,reported_total,report_id,report_date,file_name,report_count,other_report_ids',
    );
    const k23 = idOf('kazakhstan-2023.md');
    const k24 = idOf('kazakhstan-2024.md');
    expect(lines).toEqual([
      `KAZ,Kazakhstan,2021,N,N,Y,N,N,N,P,N,P,N,Y,N,3,3,${k23},2023-03-23,kazakhstan-2023.md,1,`,
      `KAZ,Kazakhstan,2022,N,N,Y,P,P,P,Y,N,P,N,Y,N,5,5,${k24},2024-02-14,kazakhstan-2024.md,2,${k23}`,
      `KAZ,Kazakhstan,2023,N,P,Y,P,Y,P,Y,N,P,N,Y,P,6.5,6.5,${k24},2024-02-14,kazakhstan-2024.md,1,`,
    ]);
  });

  it('GET /dataset.jsonl?shape=long and /dataset.parquet: rows for every question, scored; a log line and metrics per export', async () => {
    const jsonl = await fixture.app.inject({ url: '/dataset.jsonl?shape=long&country=Uzbekistan&year=2023' });
    expect(jsonl.statusCode).toBe(200);
    const rows = jsonl.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The central Asia report's second table, under its own sub-heading "Uzbekistan", Q1–Q8.
    expect(rows.map((r) => r.question)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8']);
    expect(
      rows.every((r) => r.country_iso3 === 'UZB' && r.year === 2023 && r.file_name === 'central-asia-2023.md'),
    ).toBe(true);
    for (const r of rows) expect(r.score).toBe(r.answer === null ? null : WEIGHTS[r.answer as 'Y' | 'P' | 'N']);

    const parquet = await fixture.app.inject({ url: '/dataset.parquet?shape=long' });
    expect(parquet.statusCode).toBe(200);
    expect(parquet.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(parquet.rawPayload.subarray(0, 4).toString()).toBe('PAR1');
    expect(parquet.rawPayload.subarray(-4).toString()).toBe('PAR1');

    const logged = fixture.logLines.filter((l) => l.msg === 'dataset exported');
    expect(logged.at(-1)).toMatchObject({
      shape: 'long',
      format: 'parquet',
      rows: Number(parquet.headers['x-reportflow-rows']),
      records: 4,
    });
    expect(typeof logged.at(-1)!.durationMs).toBe('number');
    const metrics = await fixture.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('reportflow_dataset_exports_total{shape="long",format="parquet"} 1');
    expect(metrics.body).toContain(`reportflow_dataset_export_rows_total{shape="long",format="jsonl"} 8`);
    expect(metrics.body).toMatch(/reportflow_dataset_export_duration_seconds_count\{shape="long",format="parquet"\} 1/);
  });

  it('serves downloads asked for at once, each whole (two export threads, the rest wait their turn)', async () => {
    const urls = ['long', 'wide'].flatMap((shape) =>
      ['csv', 'jsonl', 'parquet'].map((format) => `/dataset.${format}?shape=${shape}`),
    );
    const answers = await Promise.all([...urls, ...urls].map((url) => fixture.app.inject({ url })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200));
    for (const [i, answer] of answers.entries())
      expect(answer.rawPayload.equals(answers[(i + 6) % 12]!.rawPayload), urls[i % 6]).toBe(true);
    expect(answers.slice(0, 6).map((a) => a.headers['x-reportflow-rows'])).toEqual([
      ...Array(3).fill(answers[0]!.headers['x-reportflow-rows']),
      ...Array(3).fill('10'),
    ]);
  });

  it('refuses an unknown shape, parameter, country or year with a 400 that says what is wrong', async () => {
    expect((await fixture.app.inject({ url: '/dataset.csv?shape=tall' })).statusCode).toBe(400);
    expect((await fixture.app.inject({ url: '/dataset.csv?shap=wide' })).statusCode).toBe(400);
    const bad = await fixture.app.inject({ url: '/dataset.csv?country=Atlantis&year=2023-2021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: 'INVALID_REQUEST',
      details: [
        'country: "Atlantis" is not a country code or name',
        'year: "2023-2021" is not a year or a range of years such as 2021-2023',
      ],
    });
  });

  it('serves the overview, a country page and the disagreements page as HTML with no script', async () => {
    const overview = await fixture.app.inject({ url: '/index' });
    expect(overview.statusCode).toBe(200);
    expect(overview.headers['content-security-policy']).toContain("default-src 'none'");
    expect(overview.body).not.toContain('<script');
    // Ranked by the latest total: Uzbekistan and Kyrgyzstan (2023) and Vietnam (2023) beside Kazakhstan 2023 = 6.5.
    const order = [...overview.body.matchAll(/data-country="(\w+)"/g)].map((m) => m[1]);
    expect(order).toHaveLength(4);
    expect(order).toContain('KAZ');
    const country = await fixture.app.inject({ url: '/index/countries/kz' });
    expect(country.statusCode).toBe(200);
    expect(country.body).toContain('<svg class="chart grid"');
    expect(country.body).toContain('kazakhstan-2023.md');
    expect((await fixture.app.inject({ url: '/index/countries/CHL' })).statusCode).toBe(404);
    const findings = await fixture.app.inject({ url: '/index/consistency?country=KAZ' });
    expect(findings.statusCode).toBe(200);
    expect(findings.body.match(/data-code="/g)).toHaveLength(2);
    expect((await fixture.app.inject({ url: INDEX_STYLE })).headers['content-type']).toBe('text/css; charset=utf-8');
  });
});

const INDEX_STYLE = '/index/assets/index.css';

describe('the index before anything is released', () => {
  it('says so on the overview, finds nothing to compare, and exports a header with no rows', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reportflow-index-empty-'));
    const empty = await indexApp({
      inbox: join(root, 'inbox'),
      outbox: join(root, 'outbox'),
      data: join(root, 'data'),
    });
    try {
      const overview = await empty.app.inject({ url: '/index' });
      expect(overview.statusCode).toBe(200);
      expect(overview.body).toContain('No released record has a score table yet.');
      expect((await empty.app.inject({ url: '/consistency' })).json()).toMatchObject({
        findings: [],
        records: 0,
        countryYears: 0,
      });
      const csv = await empty.app.inject({ url: '/dataset.csv?shape=long' });
      expect(csv.headers['x-reportflow-rows']).toBe('0');
      expect(csv.body).toBe(
        'country_iso3,country_name,year,question,answer,score,reported_total,report_id,report_date,file_name,report_count,other_report_ids\r\n',
      );
    } finally {
      await empty.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('the index over PostgreSQL', () => {
  const dbName = `reportflow_index_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  const dbUrl = Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString();
  let root: string;
  let overFiles: IndexApp;
  let overDatabase: IndexApp;

  beforeAll(async () => {
    admin.on('error', () => undefined);
    await admin.query(`CREATE DATABASE ${dbName}`);
    root = await mkdtemp(join(tmpdir(), 'reportflow-index-pg-'));
    const dirs = { inbox: join(root, 'inbox'), outbox: join(root, 'outbox'), data: join(root, 'data') };
    const store = new RecordsStore(dirs);
    await store.init();
    const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
    await applyMigrations(pool);
    // Each released record goes to the outbox and, through the database sink's own writer, to PostgreSQL.
    for (const record of await parsedFixtures()) {
      const { place } = await store.save(record);
      const released = place === 'review' ? await store.approve(record.id, { reviewer: 'ana' }) : record;
      await upsertRecord(pool, released, new Date());
    }
    await pool.end();
    overFiles = await indexApp(dirs);
    // The database app gets an empty outbox: whatever it shows came from PostgreSQL.
    const empty = { inbox: join(root, 'inbox2'), outbox: join(root, 'outbox2'), data: join(root, 'data2') };
    overDatabase = await indexApp(empty, {
      source: { kind: 'postgres', databaseUrl: dbUrl },
      extract: { profiles: [], weights: WEIGHTS, totalTolerance: 0.01 },
    });
  });
  afterAll(async () => {
    await overFiles?.close();
    await overDatabase?.close();
    await rm(root, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it.each(['csv', 'jsonl'])(
    'exports the same %s from PostgreSQL as from the outbox, in both shapes',
    async (format) => {
      for (const shape of ['long', 'wide']) {
        const fromDb = await overDatabase.app.inject({ url: `/dataset.${format}?shape=${shape}` });
        const fromFiles = await overFiles.app.inject({ url: `/dataset.${format}?shape=${shape}` });
        expect(fromDb.statusCode).toBe(200);
        expect(Number(fromDb.headers['x-reportflow-rows'])).toBeGreaterThanOrEqual(10);
        expect(fromDb.body).toBe(fromFiles.body);
      }
    },
  );

  it('finds the same disagreement there, and says where it read', async () => {
    const body = (await overDatabase.app.inject({ url: '/consistency' })).json() as {
      findings: Array<{ code: string }>;
      source: string;
    };
    expect(body.findings.map((f) => f.code)).toEqual(['ANSWER_DIFFERS', 'TOTAL_DIFFERS']);
    expect(body.source).toBe(`PostgreSQL 127.0.0.1:5432/${dbName}`);
  });

  it('answers 503 when the database has no tables yet, naming the fix', async () => {
    const bare = `${dbName}_bare`;
    await admin.query(`CREATE DATABASE ${bare}`);
    const url = Object.assign(new URL(DATABASE_URL), { pathname: `/${bare}` }).toString();
    const dirs = { inbox: join(root, 'i3'), outbox: join(root, 'o3'), data: join(root, 'd3') };
    const app = await indexApp(dirs, {
      source: { kind: 'postgres', databaseUrl: url },
      extract: { profiles: [], weights: WEIGHTS, totalTolerance: 0.01 },
    });
    try {
      const response = await app.app.inject({ url: '/dataset.csv' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        error: 'UNAVAILABLE',
        message: 'the database has no report_records table yet: run `reportflow migrate`',
      });
      expect((await app.app.inject({ url: '/index' })).statusCode).toBe(503);
    } finally {
      await app.close();
      await admin.query(`DROP DATABASE IF EXISTS ${bare} WITH (FORCE)`);
    }
  });
});
