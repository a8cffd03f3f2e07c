import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFromBytes } from '../../src/parse-report.js';
import { applyMigrations } from '../../src/service/delivery/migrate.js';
import { upsertRecord } from '../../src/service/delivery/postgres-records.js';
import { catalogFromPostgres } from '../../src/service/review/records-catalog-postgres.js';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { DATABASE_URL } from '../sinks/sink-fixtures.js';
import { FIXTURES, keptRecord, SAMPLE } from './desk-fixtures.js';

const dbName = `reportflow_catalog_${randomBytes(6).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
let db: pg.Pool;
let root: string;
let store: RecordsStore;
const ids: Record<string, string> = {};

beforeAll(async () => {
  admin.on('error', () => undefined);
  await admin.query(`CREATE DATABASE ${dbName}`);
  db = new pg.Pool({
    connectionString: Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString(),
    max: 2,
  });
  db.on('error', () => undefined);
  await applyMigrations(db);
  root = await mkdtemp(join(tmpdir(), 'reportflow-catalog-'));
  store = new RecordsStore({ outbox: join(root, 'outbox'), data: join(root, 'data') });
  await store.init();
  const data = join(root, 'data');

  // Released: in the database, as the PostgreSQL sink leaves them. Estonia as parsed (ok), Kazakhstan's DOCX approved.
  const estonia = await recordFromBytes(
    await import('node:fs/promises').then((fs) => fs.readFile(join(FIXTURES, 'estonia-2023', 'report.md'))),
    'estonia-2023.md',
  );
  estonia.anomalies = [];
  estonia.status = 'ok';
  await upsertRecord(db, estonia, new Date('2026-01-01T10:00:00Z'));
  const approved = await keptRecord(
    store,
    data,
    join(FIXTURES, 'kazakhstan-2023', 'report.docx'),
    'kazakhstan-2023.docx',
  );
  const released = await store.approve(approved.id, { reviewer: 'ana' });
  await upsertRecord(db, released, new Date('2026-01-02T10:00:00Z'));
  // In the service's hands: files only.
  const held = await keptRecord(store, data, SAMPLE, 'kazakhstan-2023.md');
  const failed = await keptRecord(store, data, join(FIXTURES, 'encrypted-pdf', 'report.pdf'), 'locked_100%.pdf');
  Object.assign(ids, { estonia: estonia.id, approved: approved.id, held: held.id, failed: failed.id });
});

afterAll(async () => {
  await db?.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await rm(root, { recursive: true, force: true });
});

describe('records browser on PostgreSQL', () => {
  it('takes released records from the database and held or failed ones from the files, filtered alike', async () => {
    const catalog = catalogFromPostgres(db, store);
    const find = async (filter: Parameters<typeof catalog.find>[0]) =>
      (await catalog.find(filter, 1, 25)).rows.map(
        (r) =>
          `${r.state}:${r.id === ids.estonia ? 'estonia' : r.id === ids.approved ? 'approved' : r.id === ids.held ? 'held' : r.id === ids.failed ? 'failed' : r.id}`,
      );
    const all = await catalog.find({}, 1, 25);
    expect(catalog.source).toBe('postgresql');
    expect(all.total).toBe(4);
    expect((await find({})).sort()).toEqual(['approved:approved', 'failed:failed', 'held:held', 'ok:estonia']);
    // The approved DOCX is in the outbox too; it is listed once, from the database.
    expect(all.rows.filter((r) => r.id === ids.approved)).toHaveLength(1);
    expect(await find({ state: 'ok' })).toEqual(['ok:estonia']);
    expect(await find({ state: 'approved' })).toEqual(['approved:approved']);
    expect(await find({ state: 'failed' })).toEqual(['failed:failed']);
    expect((await find({ country: 'kaz' })).sort()).toEqual(['approved:approved', 'held:held']);
    expect(await find({ country: 'EST' })).toEqual(['ok:estonia']);
    expect(await find({ country: 'ee' })).toEqual(['ok:estonia']);
    expect((await find({ code: 'TOTAL_MISMATCH' })).sort()).toEqual(['approved:approved', 'held:held']);
    expect(await find({ code: 'TOTAL_MISMATCH', state: 'approved' })).toEqual(['approved:approved']);
    expect(await find({ year: 2023 })).toEqual(['ok:estonia']);
    expect((await find({ year: 2021 })).sort()).toEqual(['approved:approved', 'held:held']);
    expect(await find({ file: '.DOCX' })).toEqual(['approved:approved']);
    // LIKE's own characters in a filter are taken as they are.
    expect(await find({ file: '100%' })).toEqual(['failed:failed']);
    // "_" would match any one character in LIKE; only the file that has one matches.
    expect(await find({ file: '_' })).toEqual(['failed:failed']);
    expect(await find({ id: ids.estonia!.slice(0, 12) })).toEqual(['ok:estonia']);
  });

  it('pages through both sources newest first', async () => {
    const catalog = catalogFromPostgres(db, store);
    const pages = [await catalog.find({}, 1, 3), await catalog.find({}, 2, 3)];
    expect(pages.map((p) => p.rows.length)).toEqual([3, 1]);
    const order = pages.flatMap((p) => p.rows.map((r) => r.updatedAt));
    expect([...order].sort().reverse()).toEqual(order);
    // The two released ones were released in January, before the files were written.
    expect(pages[1]!.rows[0]!.id).toBe(ids.estonia);
  });

  it('lists the record files when the database does not answer', async () => {
    const away = new pg.Pool({
      connectionString: Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}_missing` }).toString(),
      max: 1,
    });
    away.on('error', () => undefined);
    const catalog = catalogFromPostgres(away, store);
    const found = await catalog.find({ country: 'KZ' }, 1, 25);
    expect(catalog.source).toBe('files');
    expect(found.rows.map((r) => r.state).sort()).toEqual(['approved', 'held']);
    await away.end();
  });
});
