import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSandbox, waitFor, type Sandbox } from '../service/pipeline-fixture.js';
import { sampleRecord } from '../sinks/sink-fixtures.js';

let box: Sandbox;
beforeEach(async () => {
  box = await createSandbox();
});
afterEach(async () => {
  await box.cleanup();
});

const RECORDS_PER_ROUND = 40;
const ROUNDS = 4;

/**
 * Approve and reject fired together at many held records, round after round,
 * through the service as it is wired (HTTP API, store, release to records.jsonl):
 * each record gets exactly one decision (one 200, one 409), ends in exactly one
 * folder, and only approved records reach the sinks.
 */
it('gives each held record one decision when approve and reject race, and delivers only the approved', async () => {
  const service = await box.start(
    { workers: false, intake: false, http: 'inject' },
    { REPORTFLOW_AUTH: 'none', REPORTFLOW_RECORDS_JSONL: 'records.jsonl' },
  );
  const { store, app } = service.deps;
  const dirs = box.config().dirs;
  const jsonl = join(box.root, 'records.jsonl');

  const approvedIds = new Set<string>();
  const until = Date.now() + 60_000;
  for (let round = 0; round < ROUNDS && Date.now() < until; round++) {
    const ids: string[] = [];
    for (let i = 0; i < RECORDS_PER_ROUND; i++) {
      const record = { ...sampleRecord(), id: randomBytes(32).toString('hex'), status: 'needs_review' as const };
      await store.save(record);
      ids.push(record.id);
    }
    const answers = await Promise.all(
      ids.flatMap((id) =>
        (['approve', 'reject'] as const).map(async (action) => {
          const response = await app!.inject({
            method: 'POST',
            url: `/reviews/${id}/${action}`,
            headers: { 'content-type': 'application/json' },
            payload: '{}',
          });
          return { id, action, status: response.statusCode };
        }),
      ),
    );
    for (const id of ids) {
      const mine = answers.filter((a) => a.id === id);
      expect(
        mine.map((a) => a.status).sort((a, b) => a - b),
        id,
      ).toEqual([200, 409]);
      const winner = mine.find((a) => a.status === 200)!.action;
      const found = await store.get(id);
      expect(found?.place).toBe(winner === 'approve' ? 'outbox' : 'rejected');
      expect(found?.record.review?.state).toBe(winner === 'approve' ? 'approved' : 'rejected');
      // In exactly one folder.
      const copies = await Promise.all(
        [dirs.outbox, join(dirs.data, 'review'), join(dirs.data, 'rejected')].map(async (dir) =>
          (await readdir(dir)).includes(`${id}.json`),
        ),
      );
      expect(copies.filter(Boolean)).toHaveLength(1);
      if (winner === 'approve') approvedIds.add(id);
    }
  }
  expect(approvedIds.size).toBeGreaterThan(0);

  const readLines = async () =>
    (await readFile(jsonl, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; review: { state: string } });
  await waitFor(
    'the approved records in records.jsonl',
    async () => (await readLines()).length >= approvedIds.size,
    30_000,
  );
  await new Promise((r) => setTimeout(r, 500));
  const lines = await readLines();
  expect(new Set(lines.map((l) => l.id))).toEqual(approvedIds);
  expect(lines.every((l) => l.review.state === 'approved')).toBe(true);
  // Every release finished: nothing left in the ledger.
  expect(await store.pendingReleases.list()).toEqual([]);
}, 120_000);
