import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordFromBytes } from '../../src/parse-report.js';
import type { ReportRecord } from '../../src/record/types.js';
import { createDelivery } from '../../src/service/delivery/deliver.js';
import { httpFixture, type HttpFixture } from '../http/http-fixture.js';
import {
  DATABASE_URL,
  obliterateDeliverQueue,
  REDIS_URL,
  sampleRecord,
  testDeliveryConfig,
  waitFor,
} from '../sinks/sink-fixtures.js';

const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';

describe('corrections are checked against the contract before anything is written', () => {
  let fx: HttpFixture;
  let held: ReportRecord;
  beforeAll(async () => {
    fx = await httpFixture();
    held = await recordFromBytes(await readFile(SAMPLE), 'kazakhstan-2023.md');
    await fx.store.save(held);
  });
  afterAll(async () => {
    await fx.close();
  });

  // Raw JSON text: 1e400 is a valid JSON number that no double holds (it parses to Infinity, and is written back as null).
  const refused: Array<[string, string]> = [
    ['a year out of any number range', '{"path":"/scoreTables/0/rows/0/year","value":1e400}'],
    ['an item number out of any number range', '{"path":"/developmentLists/0/items/0/number","value":1e400}'],
    [
      'a total out of any number range (would quietly become null)',
      '{"path":"/scoreTables/0/rows/0/reportedTotal","value":1e400}',
    ],
    ['a date that is not on the calendar', '{"path":"/report/date","value":"2023-02-31"}'],
    ['the anomalies', '{"path":"/anomalies","value":[]}'],
    ['one anomaly', '{"path":"/anomalies/0/severity","value":"info"}'],
    ['the whole record', '{"path":"/","value":{}}'],
    ['a member the record does not have', '{"path":"/report/evil","value":"x"}'],
    ['an answer to a question the table does not have', '{"path":"/scoreTables/0/rows/0/answers/Q99","value":"Y"}'],
    ['a computed total', '{"path":"/scoreTables/0/rows/0/computedTotal","value":9}'],
    ['the provenance', '{"path":"/provenance","value":{}}'],
    ['a year as text', '{"path":"/scoreTables/0/rows/0/year","value":"2022"}'],
    ['an answer outside Y/P/N', '{"path":"/scoreTables/0/rows/0/answers/Q1","value":"maybe"}'],
    ['an item text as a list', '{"path":"/developmentLists/0/items/0/text","value":["a"]}'],
  ];
  it.each(refused)('refuses %s, and leaves the record as it was', async (_what, correction) => {
    // Held afresh for each case, so one case's outcome cannot decide the next one's.
    await fx.store.save(held);
    const before = await readFile(`${fx.store.folderOf('review')}/${held.id}.json`, 'utf8');
    const response = await fx.app.inject({
      method: 'POST',
      url: `/reviews/${held.id}/approve`,
      headers: { 'content-type': 'application/json' },
      payload: `{"corrections":[${correction}]}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toBe('INVALID_CORRECTION');
    expect(await readFile(`${fx.store.folderOf('review')}/${held.id}.json`, 'utf8')).toBe(before);
    expect((await fx.store.get(held.id))?.place).toBe('review');
  });

  it('still takes a correction of a value read from the report', async () => {
    await fx.store.save(held);
    const response = await fx.app.inject({
      method: 'POST',
      url: `/reviews/${held.id}/approve`,
      headers: { 'content-type': 'application/json' },
      payload: {
        corrections: [
          { path: '/report/date', value: '2023-03-24' },
          { path: '/scoreTables/0/rows/1/reportedTotal', value: 4.5 },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().report.date).toBe('2023-03-24');
  });
});

describe('a delivery that can never succeed goes to the dead letters at once, with the reason', () => {
  const dbName = `reportflow_dead_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  admin.on('error', () => undefined);
  const databaseUrl = Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString();
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${dbName}`);
  });
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  function delivery() {
    // Many attempts with short waits: a dead letter after one attempt is the fix, not the retry budget running out.
    const config = testDeliveryConfig({ databaseUrl });
    const d = createDelivery(config, { redisUrl: REDIS_URL });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    cleanups.push(() => d.close());
    return d;
  }

  it('when PostgreSQL refuses the data itself (a year past its integer range)', async () => {
    const d = delivery();
    const record = { ...sampleRecord(), id: randomBytes(32).toString('hex') };
    record.scoreTables[0]!.rows[0]!.year = 3_000_000_000;
    await d.deliver(record);
    const [dead] = await waitFor(
      async () => {
        const letters = await d.listDeadLetters();
        return letters.length > 0 && letters;
      },
      'the dead letter',
      20_000,
    );
    expect(dead).toMatchObject({ sink: 'postgres', recordId: record.id, attemptsMade: 1 });
    expect(dead!.failedReason).toMatch(/SQLSTATE 22003/);
  });

  it('when the record breaks the contract', async () => {
    const d = delivery();
    const record = { ...sampleRecord(), id: randomBytes(32).toString('hex') } as ReportRecord;
    (record.scoreTables[0]!.rows[0] as { year: unknown }).year = null;
    await d.deliver(record);
    const [dead] = await waitFor(
      async () => {
        const letters = await d.listDeadLetters();
        return letters.length > 0 && letters;
      },
      'the dead letter',
      20_000,
    );
    expect(dead).toMatchObject({ sink: 'postgres', attemptsMade: 1 });
    expect(dead!.failedReason).toMatch(/breaks the contract.*\/scoreTables\/0\/rows\/0\/year/);
  });
});
