import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/record/types.js';
import { ReviewService } from '../../src/service/review/review-service.js';
import { RecordsStore } from '../../src/service/store/records-store.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const flagged = async () =>
  JSON.parse(await readFile(join(FIXTURES, 'kazakhstan-2023', 'expected.json'), 'utf8')) as ReportRecord;

let root: string;
let store: RecordsStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportflow-review-'));
  store = new RecordsStore({ outbox: join(root, 'outbox'), data: join(root, 'data') });
  await store.init();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ReviewService', () => {
  it('releases an approved record only once it is stored in the outbox, and releases what was stored', async () => {
    const held = await flagged();
    await store.save(held);
    const seen: Array<{ place: string | undefined; released: ReportRecord }> = [];
    const review = new ReviewService({
      store,
      release: async (record) => {
        seen.push({ place: (await store.get(record.id))?.place, released: record });
      },
    });
    const approved = await review.approve(held.id, { reviewer: 'ana' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.place).toBe('outbox');
    expect(seen[0]!.released).toEqual(approved);
    expect((await store.get(held.id))?.record).toEqual(approved);
  });

  it('reports a failed release to the caller and keeps the approved record in the outbox', async () => {
    const held = await flagged();
    await store.save(held);
    const review = new ReviewService({ store, release: () => Promise.reject(new Error('Redis is away')) });
    await expect(review.approve(held.id)).rejects.toThrow('Redis is away');
    expect(await store.get(held.id)).toMatchObject({
      place: 'outbox',
      record: { status: 'ok', review: { state: 'approved' } },
    });
  });

  it('rejects without releasing anything', async () => {
    const held = await flagged();
    await store.save(held);
    const released: ReportRecord[] = [];
    const review = new ReviewService({ store, release: async (record) => void released.push(record) });
    await review.reject(held.id, { reason: 'not a country report' });
    expect(released).toEqual([]);
    expect(await store.get(held.id)).toMatchObject({ place: 'rejected' });
  });
});
