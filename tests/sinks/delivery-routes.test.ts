import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/service/delivery/deliver.js';
import { deliveryRoutes } from '../../src/service/http/delivery-routes.js';
import {
  freePort,
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

describe('dead-letter routes', () => {
  it('list dead letters and retry one by job id', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const config = testDeliveryConfig({
      webhook: { ...testDeliveryConfig().sinks.webhook, urls: [url], attempts: 2, backoffMs: 10 },
    });
    const delivery = createDelivery(config, { redisUrl: REDIS_URL });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    cleanups.push(() => delivery.close());
    const app = Fastify();
    cleanups.push(() => app.close());
    await app.register(deliveryRoutes, { delivery });

    await delivery.deliver(sampleRecord());
    const listed = await waitFor(async () => {
      const body = (await app.inject({ method: 'GET', url: '/deliveries/dead' })).json() as {
        deadLetters: Array<{ jobId: string }>;
      };
      return body.deadLetters.length > 0 && body.deadLetters;
    }, 'a dead letter in GET /deliveries/dead');
    expect(listed[0]).toMatchObject({ sink: 'webhook', url, attemptsMade: 2 });

    const missing = await app.inject({ method: 'POST', url: '/deliveries/dead/nothing-here/retry' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'NOT_FOUND' });

    const hook = await startReceiver(() => 200, port);
    cleanups.push(hook.close);
    const retried = await app.inject({
      method: 'POST',
      url: `/deliveries/dead/${encodeURIComponent(listed[0]!.jobId)}/retry`,
    });
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toEqual({ retried: [listed[0]!.jobId] });
    await waitFor(() => hook.requests.length === 1, 'the retried delivery');

    const after = (await app.inject({ method: 'GET', url: '/deliveries/dead' })).json() as { deadLetters: unknown[] };
    expect(after.deadLetters).toEqual([]);
    const none = await app.inject({ method: 'POST', url: '/deliveries/dead/retry' });
    expect(none.json()).toEqual({ retried: [] });
  });
});
