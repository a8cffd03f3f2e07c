import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { releasedCorpus } from '../scripts/dataset/released-corpus.js';
import { toleranceFromOptions } from '../src/core/profile-choice.js';
import { defaultExtractOptions } from '../src/profiles/load-profiles.js';
import { DATASET_FORMATS, DATASET_SHAPES } from '../src/dataset/dataset-formats.js';
import { countryYearsFromReleased } from '../src/dataset/country-years.js';
import { findingsFromCountryYears } from '../src/dataset/consistency.js';
import { exportFromSource } from '../src/service/dataset/dataset-index.js';
import { releasedRecordsSource, type ReleasedSourceSpec } from '../src/service/dataset/released-records.js';
import { applyMigrations } from '../src/service/delivery/migrate.js';
import { upsertRecord } from '../src/service/delivery/postgres-records.js';
import { buildApp } from '../src/service/http/build-app.js';
import { Intake } from '../src/service/intake/intake.js';
import { ParseQueue } from '../src/service/queue/bullmq-adapter.js';
import { ReviewService } from '../src/service/review/review-service.js';
import { RecordsStore } from '../src/service/store/records-store.js';
import { ROOT } from './bench-corpus.js';
import { meanMs } from './timing.js';

export interface ExportFigure {
  via: string;
  shape: string;
  format: string;
  rows: number;
  kb: number;
  /** The first export of its kind in this process (modules and JIT cold). */
  firstMs: number;
  ms: number;
}

export interface PageFigure {
  page: string;
  kb: number;
  firstMs: number;
  ms: number;
}

export interface DatasetFigures {
  records: number;
  countries: number;
  countryYears: number;
  maxReportsPerCountryYear: number;
  findings: number;
  exports: ExportFigure[];
  pages: PageFigure[];
  targets: Array<[string, string, boolean | null]>;
}

const RECORDS = 500;
const TIMING = { warmups: 0, minRuns: 3, minMs: 600, maxRuns: 20 };
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/**
 * The index across reports over 500 released records made from the fixtures (about
 * 19 editions per country): every shape and format exported in-process from the
 * outbox, from PostgreSQL, and over HTTP (where each export runs in its own
 * thread), and the desk pages served by the app.
 */
export async function datasetFigures(options: {
  redisUrl: string;
  databaseUrl: string;
  log: (line?: string) => void;
}): Promise<DatasetFigures> {
  const { log } = options;
  const corpus = releasedCorpus(RECORDS, join(ROOT, 'fixtures'));
  const index = countryYearsFromReleased(corpus);
  const findings = findingsFromCountryYears(index.countryYears, toleranceFromOptions(defaultExtractOptions()));
  const root = await mkdtemp(join(tmpdir(), 'reportflow-bench-index-'));
  const dirs = { inbox: join(root, 'inbox'), outbox: join(root, 'outbox'), data: join(root, 'data') };
  await mkdir(dirs.outbox, { recursive: true });
  for (const { record, releasedAt } of corpus) {
    const path = join(dirs.outbox, `${record.id}.json`);
    await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
    await utimes(path, new Date(releasedAt!), new Date(releasedAt!));
  }
  const files: ReleasedSourceSpec = { kind: 'files', outbox: dirs.outbox, data: dirs.data, recordsJsonl: null };
  const exports: ExportFigure[] = [];
  const pages: PageFigure[] = [];
  const extract = defaultExtractOptions();

  const inProcess = async (via: string, spec: ReleasedSourceSpec) => {
    const source = releasedRecordsSource(spec);
    try {
      for (const shape of DATASET_SHAPES) {
        for (const format of DATASET_FORMATS) {
          const request = { shape, format, filter: { countries: null, years: null } };
          const t = performance.now();
          const first = await exportFromSource(source, request, extract);
          const firstMs = performance.now() - t;
          const ms = await meanMs(() => exportFromSource(source, request, extract), TIMING);
          exports.push({ via, shape, format, rows: first.rows, kb: first.bytes.length / 1024, firstMs, ms });
        }
      }
    } finally {
      await source.close();
    }
  };
  await inProcess('outbox, in-process', files);

  // PostgreSQL, when one answers: the same records through the database sink's own writer.
  const dbName = `reportflow_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: options.databaseUrl, max: 1, connectionTimeoutMillis: 3000 });
  admin.on('error', () => undefined);
  const hasDatabase = await admin.query('SELECT 1').then(
    () => true,
    () => false,
  );
  if (hasDatabase) {
    await admin.query(`CREATE DATABASE ${dbName}`);
    const dbUrl = Object.assign(new URL(options.databaseUrl), { pathname: `/${dbName}` }).toString();
    const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
    try {
      await applyMigrations(pool);
      for (const { record, releasedAt } of corpus) await upsertRecord(pool, record, new Date(releasedAt!));
      await pool.end();
      await inProcess('PostgreSQL, in-process', { kind: 'postgres', databaseUrl: dbUrl });
    } finally {
      await pool.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    }
  } else {
    log(`note: PostgreSQL at ${options.databaseUrl} does not answer; the database source is not measured`);
  }
  await admin.end();

  // Over HTTP, as a person downloads it: the app reads the outbox; each export runs in a thread.
  const queue = new ParseQueue({ redisUrl: options.redisUrl, prefix: `bench-${randomUUID()}`, attempts: 1 });
  const store = new RecordsStore(dirs);
  const logger = pino({ level: 'silent' });
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
    dataset: { source: files, extract },
  });
  await app.ready();
  try {
    for (const shape of DATASET_SHAPES) {
      for (const format of DATASET_FORMATS) {
        const url = `/dataset.${format}?shape=${shape}`;
        const t = performance.now();
        const first = await app.inject({ url });
        if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
        const firstMs = performance.now() - t;
        const ms = await meanMs(() => app.inject({ url }), TIMING);
        exports.push({
          via: 'HTTP (export thread)',
          shape,
          format,
          rows: Number(first.headers['x-reportflow-rows']),
          kb: first.rawPayload.length / 1024,
          firstMs,
          ms,
        });
      }
    }
    const kaz = '/index/countries/KAZ';
    for (const [page, url] of [
      ['overview /index', '/index'],
      [`country ${kaz}`, kaz],
      ['disagreements /index/consistency', '/index/consistency'],
      ['GET /consistency (JSON)', '/consistency'],
    ] as const) {
      const t = performance.now();
      const first = await app.inject({ url });
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode}`);
      const firstMs = performance.now() - t;
      const ms = await meanMs(() => app.inject({ url }), TIMING);
      pages.push({ page, kb: first.rawPayload.length / 1024, firstMs, ms });
    }
  } finally {
    await app.close();
    await queue.obliterate().catch(() => {});
    await queue.close();
    await rm(root, { recursive: true, force: true });
  }

  const slowest = exports.reduce((a, b) => (b.ms > a.ms ? b : a));
  const slowestFirst = exports.reduce((a, b) => (b.firstMs > a.firstMs ? b : a));
  const overview = pages[0]!;
  const figures: DatasetFigures = {
    records: corpus.length,
    countries: new Set(index.countryYears.map((cy) => cy.country.key)).size,
    countryYears: index.countryYears.length,
    maxReportsPerCountryYear: Math.max(...index.countryYears.map((cy) => 1 + cy.others.length)),
    findings: findings.length,
    exports,
    pages,
    targets: [
      [
        `every export of ${RECORDS} records < 2 s (warm)`,
        `${fmt(slowest.ms, 0)} ms (${slowest.via}, ${slowest.shape} ${slowest.format})`,
        slowest.ms < 2000,
      ],
      [
        `every export of ${RECORDS} records < 2 s (first in process)`,
        `${fmt(slowestFirst.firstMs, 0)} ms (${slowestFirst.via}, ${slowestFirst.shape} ${slowestFirst.format})`,
        slowestFirst.firstMs < 2000,
      ],
      [
        `overview page of ${RECORDS} records < 500 ms`,
        `${fmt(overview.ms, 0)} ms (first ${fmt(overview.firstMs, 0)} ms)`,
        overview.ms < 500,
      ],
    ],
  };
  printFigures(figures, log);
  return figures;
}

function printFigures(f: DatasetFigures, log: (line?: string) => void): void {
  log(
    `## Index across reports: ${f.records} released records made from the fixtures (${f.countries} countries, ${f.countryYears} country-years, up to ${f.maxReportsPerCountryYear} reports per country-year, ${f.findings} disagreements)`,
  );
  log();
  log(
    'Each export reads every released record, files it by country and year, and encodes the table; "first" is the first export of its kind in this process.',
  );
  log();
  log('| read from | shape | format | rows | KB | first ms | ms |');
  log('|---|---|---|---:|---:|---:|---:|');
  for (const e of f.exports)
    log(`| ${e.via} | ${e.shape} | ${e.format} | ${e.rows} | ${fmt(e.kb)} | ${fmt(e.firstMs, 0)} | ${fmt(e.ms, 0)} |`);
  log();
  log('| page (app.inject, outbox) | KB | first ms | ms |');
  log('|---|---:|---:|---:|');
  for (const p of f.pages) log(`| ${p.page} | ${fmt(p.kb)} | ${fmt(p.firstMs, 0)} | ${fmt(p.ms, 0)} |`);
  log();
}

// `node dist/bench/dataset-figures.js`: this section alone, with its targets.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const log = (line = '') => console.log(line);
  const figures = await datasetFigures({
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log,
  });
  log('| target | measured | verdict |');
  log('|---|---|---|');
  for (const [target, figure, ok] of figures.targets)
    log(`| ${target} | ${figure} | ${ok === null ? 'n/a' : ok ? 'met' : 'NOT MET'} |`);
  process.exit(0);
}
