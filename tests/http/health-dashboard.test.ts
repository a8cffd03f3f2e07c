import { afterEach, describe, expect, it } from 'vitest';
import { healthFromQueue } from '../../src/service/http/health-route.js';
import { ParseQueue, startParseWorker } from '../../src/service/queue/bullmq-adapter.js';
import { httpFixture, REDIS_URL, type HttpFixture } from './http-fixture.js';

let fx: HttpFixture;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await fx?.close();
});

describe('GET /health', () => {
  it('is 503 while no worker is connected, 200 once one is', async () => {
    fx = await httpFixture();
    const before = await fx.app.inject('/health');
    expect(before.statusCode).toBe(503);
    expect(before.json()).toEqual({
      status: 'unavailable',
      redis: 'ok',
      workers: 0,
      parseThreads: 0,
      problems: ['no worker is connected to the parse queue'],
    });

    const worker = startParseWorker(
      { redisUrl: REDIS_URL, prefix: fx.prefix },
      { body: () => Promise.reject(new Error('no job is expected')) },
      { concurrency: 2, parseThreads: 3, lockMs: 30_000 },
      {},
    );
    cleanups.push(() => worker.close());
    await worker.ready();
    const after = await fx.app.inject('/health');
    expect(after.statusCode).toBe(200);
    // One worker process, with the parse threads it says it holds.
    expect(after.json()).toEqual({ status: 'ok', redis: 'ok', workers: 1, parseThreads: 3 });
  });

  it('is 503 with the reason when Redis does not answer, within its timeout', async () => {
    // Port 1 on loopback refuses connections; BullMQ keeps retrying, the check must not hang.
    const deadQueue = new ParseQueue({ redisUrl: 'redis://127.0.0.1:1', prefix: 'dead', attempts: 1 });
    deadQueue.ignoreConnectionErrors();
    cleanups.push(() => deadQueue.close());
    fx = await httpFixture({ health: healthFromQueue(deadQueue, 300) });
    const started = Date.now();
    const res = await fx.app.inject('/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'unavailable',
      workers: null,
      redis: expect.stringMatching(/^unreachable/),
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('/admin/queues', () => {
  it('serves the Bull Board page and its API lists the parse queue', async () => {
    fx = await httpFixture();
    const page = await fx.app.inject('/admin/queues');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/<div id="root">/);
    expect(page.body).toContain('<base href="/admin/queues/"');
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await fx.app.inject(`/admin/queues/${script}`);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);

    const api = await fx.app.inject('/admin/queues/api/queues');
    expect(api.statusCode).toBe(200);
    expect(api.json().queues.map((q: { name: string }) => q.name)).toContain('parse');
  });

  it('GET / says what the service is and the upload limit clients should check first', async () => {
    fx = await httpFixture({ maxUploadBytes: 12345 });
    const res = await fx.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      service: 'reportflow',
      maxUploadBytes: 12345,
      endpoints: { dashboard: '/admin/queues' },
    });
  });

  it('leaves unknown routes to the API: a JSON 404', async () => {
    fx = await httpFixture();
    const res = await fx.app.inject('/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'NOT_FOUND', message: 'no route GET /nope' });
  });
});
