import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { createDelivery } from '../../src/service/delivery/deliver.js';
import { deliveryRoutes } from '../../src/service/http/delivery-routes.js';
import { createReleaseHooks } from '../../src/service/delivery/release-hooks.js';
import { ReviewService } from '../../src/service/review/review-service.js';
import {
  obliterateDeliverQueue,
  REDIS_URL,
  sampleRecord,
  startReceiver,
  testDeliveryConfig,
  waitFor,
} from './sink-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('release hooks with the records store and the review service', () => {
  it('deliver a parsed ok record and an approved one, not one held for review', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reportflow-release-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const store = new RecordsStore({ outbox: join(root, 'outbox'), data: join(root, 'data') });
    await store.init();
    const hook = await startReceiver(() => 200);
    cleanups.push(hook.close);
    const jsonl = join(root, 'outbox', 'records.jsonl');
    const config = testDeliveryConfig({
      recordsJsonl: jsonl,
      webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url] },
    });
    const delivery = createDelivery(config, { redisUrl: REDIS_URL });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    cleanups.push(() => delivery.close());
    const hooks = createReleaseHooks(delivery, store);

    const held = sampleRecord();
    held.status = 'needs_review';
    const ok = { ...sampleRecord(), id: 'a'.repeat(64), status: 'ok' as const };
    await hooks.afterParse({ id: held.id, ...(await store.save(held)) });
    await hooks.afterParse({ id: ok.id, ...(await store.save(ok)) });
    await waitFor(() => hook.requests.length === 1, 'the ok record');
    expect(JSON.parse(hook.requests[0]!.body).id).toBe(ok.id);

    const review = new ReviewService({ store, release: (record) => hooks.afterApprove(record) });
    expect((await store.listReviews()).map((r) => r.id)).toEqual([held.id]);
    await review.approve(held.id, { reviewer: 'ana' });
    await waitFor(() => hook.requests.length === 2, 'the approved record');
    expect(JSON.parse(hook.requests[1]!.body)).toMatchObject({
      id: held.id,
      status: 'ok',
      review: { reviewer: 'ana' },
    });

    const lines = await waitFor(async () => {
      const text = await readFile(jsonl, 'utf8').catch(() => '');
      const parsed = text.split('\n').filter(Boolean);
      return parsed.length === 2 && parsed.map((l) => JSON.parse(l) as { id: string });
    }, 'two records.jsonl lines');
    expect(lines.map((l) => l.id).sort()).toEqual([held.id, ok.id].sort());
    // records.jsonl sits in the outbox without becoming a record there.
    expect((await store.list({ place: 'outbox' })).map((s) => s.id).sort()).toEqual([held.id, ok.id].sort());
  });

  it('POST /deliveries/records/:id releases an outbox record again, queuing only what is missing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reportflow-release-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const store = new RecordsStore({ outbox: join(root, 'outbox'), data: join(root, 'data') });
    await store.init();
    const hook = await startReceiver(() => 200);
    cleanups.push(hook.close);
    const config = testDeliveryConfig({ webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url] } });
    const delivery = createDelivery(config, { redisUrl: REDIS_URL });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    cleanups.push(() => delivery.close());
    const app = Fastify();
    cleanups.push(() => app.close());
    await app.register(deliveryRoutes, { delivery, store });
    const ok = { ...sampleRecord(), status: 'ok' as const };
    await store.save(ok);
    const held = { ...sampleRecord(), id: 'b'.repeat(64) };
    await store.save(held);

    const first = await app.inject({ method: 'POST', url: `/deliveries/records/${ok.id}` });
    expect(first.statusCode).toBe(202);
    await waitFor(() => hook.requests.length === 1, 'the released record');
    expect((await app.inject({ method: 'POST', url: `/deliveries/records/${ok.id}` })).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.requests).toHaveLength(1);

    expect((await app.inject({ method: 'POST', url: `/deliveries/records/${held.id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/deliveries/records/not-an-id' })).statusCode).toBe(400);
  });
});
