import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery, type Delivery } from '../../src/service/delivery/deliver.js';
import { applyMigrations } from '../../src/service/delivery/migrate.js';
import { answerRowsFromRecord, upsertRecord } from '../../src/service/delivery/postgres-records.js';
import { createMetrics } from '../../src/service/metrics.js';
import {
  DATABASE_URL,
  obliterateDeliverQueue,
  REDIS_URL,
  sampleRecord,
  startTcpProxy,
  testDeliveryConfig,
  waitFor,
} from './sink-fixtures.js';

// A database of its own per run, dropped afterwards.
const dbName = `reportflow_test_${randomBytes(6).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
const testUrl = urlWithDatabase(DATABASE_URL, dbName);
let db: pg.Pool;

function urlWithDatabase(url: string, database: string, port?: number): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (port !== undefined) u.port = String(port);
  return u.toString();
}

beforeAll(async () => {
  await admin.query(`CREATE DATABASE ${dbName}`);
  db = new pg.Pool({ connectionString: testUrl, max: 2 });
  // DROP DATABASE … WITH (FORCE) at the end cuts connections that are still closing.
  db.on('error', () => undefined);
  admin.on('error', () => undefined);
});

afterAll(async () => {
  await db?.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await db.query('TRUNCATE report_records CASCADE').catch(() => undefined);
});

function deliveryTo(databaseUrl: string, metrics = createMetrics({ processMetrics: false })): Delivery {
  const config = testDeliveryConfig({ databaseUrl });
  const delivery = createDelivery(config, { redisUrl: REDIS_URL, metrics });
  cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
  cleanups.push(() => delivery.close());
  return delivery;
}

async function answerCount(id: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM score_answers WHERE record_id = $1', [id]);
  return Number(rows[0]!.n);
}

describe('migrations', () => {
  it('apply once, in order, recorded in schema_migrations', async () => {
    expect(await applyMigrations(db)).toEqual(['001_init.sql']);
    expect(await applyMigrations(db)).toEqual([]);
    const { rows } = await db.query('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows).toEqual([{ name: '001_init.sql' }]);
  });
});

describe('PostgreSQL delivery', () => {
  it('stores the sample record and its 24 answers', async () => {
    const record = sampleRecord();
    const delivery = deliveryTo(testUrl);

    await delivery.deliver(record);
    await waitFor(async () => (await answerCount(record.id)) === 24, '24 answers');

    const { rows } = await db.query(
      `SELECT country_iso3, to_char(report_date, 'YYYY-MM-DD') AS report_date, status, record, received_at, updated_at
         FROM report_records WHERE id = $1`,
      [record.id],
    );
    expect(rows[0]).toMatchObject({ country_iso3: 'KAZ', report_date: '2023-03-23', status: record.status, record });
    const answers = await db.query(
      'SELECT subject, year, question, answer FROM score_answers WHERE record_id = $1 ORDER BY year, question',
      [record.id],
    );
    const expected = record.scoreTables[0]!.rows.flatMap((row) =>
      Object.entries(row.answers).map(([question, answer]) => ({
        subject: 'Kazakhstan',
        year: row.year,
        question,
        answer,
      })),
    );
    expect(answers.rows).toHaveLength(24);
    expect(answers.rows).toEqual(expect.arrayContaining(expected));
  });

  it('a new revision replaces the record and its answers; an older one arriving late changes nothing', async () => {
    await applyMigrations(db);
    const record = sampleRecord();
    const corrected = structuredClone(record);
    corrected.scoreTables[0]!.rows[0]!.answers.Q1 = 'Y';
    corrected.scoreTables[0]!.columns = corrected.scoreTables[0]!.columns.slice(0, 6);

    expect(await upsertRecord(db, record, new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(await upsertRecord(db, corrected, new Date('2026-01-02T00:00:00Z'))).toBe(true);
    expect(await upsertRecord(db, record, new Date('2026-01-01T12:00:00Z'))).toBe(false);

    expect(await answerCount(record.id)).toBe(12);
    const { rows } = await db.query(
      `SELECT answer FROM score_answers WHERE record_id = $1 AND year = 2021 AND question = 'Q1'`,
      [record.id],
    );
    expect(rows).toEqual([{ answer: 'Y' }]);
    const stored = await db.query('SELECT received_at, updated_at FROM report_records WHERE id = $1', [record.id]);
    expect(stored.rows[0].received_at.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(stored.rows[0].updated_at.toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('keeps the first row of a table that repeats a year', () => {
    const record = sampleRecord();
    const table = record.scoreTables[0]!;
    table.rows.push({ ...table.rows[0]!, answers: { ...table.rows[0]!.answers, Q1: 'Y' } });
    const rows = answerRowsFromRecord(record);
    expect(rows).toHaveLength(24);
    expect(rows.find((r) => r.year === table.rows[0]!.year && r.question === 'Q1')!.answer).toBe(
      table.rows[0]!.answers.Q1,
    );
  });

  it('catches up when the database comes back', async () => {
    await applyMigrations(db);
    const proxy = await startTcpProxy(Number(new URL(DATABASE_URL).port || 5432));
    cleanups.push(proxy.down);
    const metrics = createMetrics({ processMetrics: false });
    const delivery = deliveryTo(urlWithDatabase(DATABASE_URL, dbName, proxy.port()), metrics);
    const record = sampleRecord();

    await proxy.down();
    await delivery.deliver(record);
    await waitFor(
      async () =>
        (await metrics.registry.getSingleMetricAsString('reportflow_delivery_failures_total')).includes(
          'sink="postgres"} 3',
        ),
      'three failed attempts',
    );
    expect(await answerCount(record.id)).toBe(0);

    await proxy.up();
    await waitFor(async () => (await answerCount(record.id)) === 24, 'the delivery to catch up');
    expect(await delivery.listDeadLetters()).toEqual([]);
  });
});
