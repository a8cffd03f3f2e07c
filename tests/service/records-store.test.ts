import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractErrors } from '../../src/record/validate-record.js';
import type { ReportRecord } from '../../src/record/types.js';
import {
  CorrectionError,
  NotUnderReviewError,
  RecordNotFoundError,
  RecordsStore,
} from '../../src/service/store/records-store.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const flagged = async () =>
  JSON.parse(await readFile(join(FIXTURES, 'kazakhstan-2023', 'expected.json'), 'utf8')) as ReportRecord;
const clean = async () =>
  JSON.parse(await readFile(join(FIXTURES, 'vietnam-2023', 'expected.json'), 'utf8')) as ReportRecord;

let root: string;
let store: RecordsStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportflow-store-'));
  store = new RecordsStore({ outbox: join(root, 'outbox'), data: join(root, 'data') });
  await store.init();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('RecordsStore', () => {
  it('writes ok records to the outbox and others to review, with no temp files left', async () => {
    const ok = await clean();
    const held = await flagged();
    expect((await store.save(ok)).place).toBe('outbox');
    expect((await store.save(held)).place).toBe('review');
    expect(await readdir(join(root, 'outbox'))).toEqual([`${ok.id}.json`]);
    expect(await readdir(join(root, 'data', 'review'))).toEqual([`${held.id}.json`]);
    expect(await store.get(ok.id)).toEqual({ record: ok, place: 'outbox' });
    expect((await store.list({ status: 'needs_review' })).map((s) => s.id)).toEqual([held.id]);
    expect((await store.list({ place: 'outbox' })).map((s) => [s.id, s.anomalyCodes])).toEqual([[ok.id, []]]);
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
  });

  it('keeps one copy per id when a record is parsed again with another status', async () => {
    const held = await flagged();
    await store.save(held);
    await store.save({ ...held, status: 'ok' });
    expect(await readdir(join(root, 'data', 'review'))).toEqual([]);
    expect((await store.get(held.id))?.place).toBe('outbox');
  });

  it('approve applies corrections, records them and releases the record valid under the contract', async () => {
    const held = await flagged();
    await store.save(held);
    const approved = await store.approve(held.id, {
      corrections: [
        { path: '/scoreTables/0/rows/1/reportedTotal', value: 4.5 },
        { path: '/report/author', value: 'Corrected Author' },
      ],
      reviewer: 'ana',
    });
    expect(approved.status).toBe('ok');
    expect(approved.scoreTables[0]!.rows[1]!.reportedTotal).toBe(4.5);
    expect(approved.review).toMatchObject({
      state: 'approved',
      reviewer: 'ana',
      note: null,
      corrections: [
        { path: '/scoreTables/0/rows/1/reportedTotal', from: 4.33, to: 4.5 },
        { path: '/report/author', from: held.report.author, to: 'Corrected Author' },
      ],
    });
    expect(contractErrors(approved)).toEqual([]);
    expect(await store.get(held.id)).toEqual({ record: approved, place: 'outbox' });
    expect(await store.listReviews()).toEqual([]);
    await expect(store.approve(held.id)).rejects.toBeInstanceOf(NotUnderReviewError);
  });

  it('approve recomputes the computed total and the changes from corrected answers', async () => {
    const held = await flagged();
    await store.save(held);
    const approved = await store.approve(held.id, {
      corrections: [{ path: '/scoreTables/0/rows/1/answers/Q1', value: 'Y' }],
    });
    const table = approved.scoreTables[0]!;
    expect(table.rows[1]!.computedTotal).toBe(held.scoreTables[0]!.rows[1]!.computedTotal + 1);
    expect(table.changes).toContainEqual({ column: 'Q1', fromYear: 2021, toYear: 2022, from: 'N', to: 'Y' });
    expect(approved.review?.corrections).toEqual([{ path: '/scoreTables/0/rows/1/answers/Q1', from: 'N', to: 'Y' }]);
  });

  it('refuses corrections that break the contract or touch protected paths, and changes nothing', async () => {
    const held = await flagged();
    await store.save(held);
    for (const corrections of [
      [{ path: '/scoreTables/0/rows/1/reportedTotal', value: 'four' }],
      [{ path: '/id', value: 'a'.repeat(64) }],
      [{ path: '/status', value: 'ok' }],
      [{ path: '/scoreTables/9/rows/0/reportedTotal', value: 1 }],
      [{ path: 'report/author', value: 'x' }],
      [{ path: '/report/author' }],
    ]) {
      await expect(store.approve(held.id, { corrections: corrections as never })).rejects.toBeInstanceOf(
        CorrectionError,
      );
    }
    expect(await store.get(held.id)).toEqual({ record: held, place: 'review' });
  });

  it('reject moves a held record aside; unknown ids are reported as such', async () => {
    const held = await flagged();
    await store.save(held);
    const rejected = await store.reject(held.id, { reason: 'duplicate report', reviewer: 'ana' });
    expect(rejected.review).toMatchObject({ state: 'rejected', note: 'duplicate report', reviewer: 'ana' });
    expect(rejected.status).toBe('needs_review');
    expect(contractErrors(rejected)).toEqual([]);
    expect((await store.get(held.id))?.place).toBe('rejected');
    await expect(store.reject('f'.repeat(64))).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});
