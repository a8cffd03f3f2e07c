import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { createDelivery } from '../../src/service/delivery/deliver.js';
import { createReleaseHooks, releasingOnApprove } from '../../src/service/delivery/release-hooks.js';
import { buildApp } from '../../src/service/http/build-app.js';
import { Intake } from '../../src/service/intake/intake.js';
import { ParseQueue } from '../../src/service/queue/parse-queue.js';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { obliterateDeliverQueue, REDIS_URL, sampleRecord, testDeliveryConfig, waitFor } from '../sinks/sink-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const RECORDS_PER_ROUND = 40;
const ROUNDS = 4;

/**
 * Approve and reject fired together at many held records, round after round:
 * each record gets exactly one decision (one 200, one 409), ends in exactly one
 * folder, and only approved records reach the sinks.
 */
it('gives each held record one decision when approve and reject race, and delivers only the approved', async () => {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-race-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dirs = { inbox: join(root, 'inbox'), outbox: join(root, 'outbox'), data: join(root, 'data') };
  const store = new RecordsStore(dirs);
  await store.init();
  const jsonl = join(root, 'records.jsonl');
  const config = testDeliveryConfig({ recordsJsonl: jsonl });
  const delivery = createDelivery(config, { redisUrl: REDIS_URL });
  cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
  cleanups.push(() => delivery.close());
  const queue = new ParseQueue({ redisUrl: REDIS_URL, queuePrefix: config.queuePrefix, attempts: 1 });
  cleanups.push(async () => {
    await queue.obliterate();
    await queue.close();
  });
  const logger = pino({ level: 'silent' });
  const app = buildApp({
    config: { http: { host: '127.0.0.1', port: 0, maxUploadBytes: 1024 }, dirs, auth: { mode: 'none', token: null, basic: null } },
    store: releasingOnApprove(store, createReleaseHooks(delivery, store)),
    queue,
    intake: new Intake({ queue, store, dataDir: dirs.data, logger }),
    logger,
  });
  cleanups.push(() => app.close());
  await app.ready();

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
          const response = await app.inject({ method: 'POST', url: `/reviews/${id}/${action}`, headers: { 'content-type': 'application/json' }, payload: '{}' });
          return { id, action, status: response.statusCode };
        }),
      ),
    );
    for (const id of ids) {
      const mine = answers.filter((a) => a.id === id);
      expect(mine.map((a) => a.status).sort(), id).toEqual([200, 409]);
      const winner = mine.find((a) => a.status === 200)!.action;
      const found = await store.get(id);
      expect(found?.place).toBe(winner === 'approve' ? 'outbox' : 'rejected');
      expect(found?.record.review?.state).toBe(winner === 'approve' ? 'approved' : 'rejected');
      // In exactly one folder.
      const copies = await Promise.all(
        [dirs.outbox, join(dirs.data, 'review'), join(dirs.data, 'rejected')].map(async (dir) => (await readdir(dir)).includes(`${id}.json`)),
      );
      expect(copies.filter(Boolean)).toHaveLength(1);
      if (winner === 'approve') approvedIds.add(id);
    }
  }
  expect(approvedIds.size).toBeGreaterThan(0);

  const delivered = await waitFor(async () => {
    const lines = (await readFile(jsonl, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    return lines.length >= approvedIds.size && lines.map((line) => (JSON.parse(line) as { id: string; review: { state: string } }));
  }, 'the approved records in records.jsonl', 30_000);
  await new Promise((r) => setTimeout(r, 500));
  const finalLines = (await readFile(jsonl, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; review: { state: string } });
  expect(delivered.length).toBeGreaterThan(0);
  expect(new Set(finalLines.map((l) => l.id))).toEqual(approvedIds);
  expect(finalLines.every((l) => l.review.state === 'approved')).toBe(true);
  // Every release finished: nothing left in the ledger.
  expect(await store.pendingReleases.list()).toEqual([]);
}, 120_000);
