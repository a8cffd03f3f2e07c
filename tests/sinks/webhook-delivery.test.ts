import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createDelivery, type Delivery } from '../../src/service/delivery/deliver.js';
import { revisionFromRecord } from '../../src/service/delivery/release-revision.js';
import { isSignatureValid } from '../../src/service/delivery/webhook-signature.js';
import {
  freePort,
  obliterateDeliverQueue,
  REDIS_URL,
  sampleRecord,
  SECRET,
  startReceiver,
  testDeliveryConfig,
  waitFor,
} from './sink-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function deliveryFor(sinks: Parameters<typeof testDeliveryConfig>[0]): Promise<Delivery> {
  const config = testDeliveryConfig(sinks);
  const delivery = createDelivery(config, { redisUrl: REDIS_URL });
  cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
  cleanups.push(() => delivery.close());
  return delivery;
}

async function receiver(statusFor: Parameters<typeof startReceiver>[0], port?: number) {
  const r = await startReceiver(statusFor, port);
  cleanups.push(r.close);
  return r;
}

describe('webhook delivery', () => {
  it('POSTs the record as JSON with a signature the receiver can verify', async () => {
    const hook = await receiver(() => 200);
    const delivery = await deliveryFor({ webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url] } });
    const record = sampleRecord();

    await delivery.deliver(record);
    const [request] = await waitFor(() => hook.requests.length > 0 && hook.requests, 'the webhook request');

    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe(`${record.id}:${revisionFromRecord(record)}`);
    expect(request!.headers['x-reportflow-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const signed = {
      body: request!.body,
      timestamp: request!.headers['x-reportflow-timestamp'] as string,
      signature: request!.headers['x-reportflow-signature'] as string,
    };
    expect(isSignatureValid(SECRET, signed)).toBe(true);
    expect(isSignatureValid('another-secret-0123456789', signed)).toBe(false);
    expect(isSignatureValid(SECRET, { ...signed, body: signed.body.replace('Kazakhstan', 'Kazakstan') })).toBe(false);
    expect(isSignatureValid(SECRET, signed, Number(signed.timestamp) + 301)).toBe(false);
    expect(JSON.parse(request!.body)).toEqual(record);
  });

  it('verifies with the Node example in docs/sinks.md', async () => {
    const docs = await readFile(new URL('../../docs/sinks.md', import.meta.url), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example, 'a js block in docs/sinks.md').toBeTruthy();
    expect(example!.trim().split('\n').length).toBeLessThanOrEqual(10);
    const dir = await mkdtemp(join(tmpdir(), 'reportflow-docs-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'verify.mjs'), example!);
    const { isFromReportflow } = (await import(pathToFileURL(join(dir, 'verify.mjs')).href)) as {
      isFromReportflow: (secret: string, body: string, headers: Record<string, unknown>, now?: number) => boolean;
    };

    const hook = await receiver(() => 200);
    const delivery = await deliveryFor({ webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url] } });
    await delivery.deliver(sampleRecord());
    const [request] = await waitFor(() => hook.requests.length > 0 && hook.requests, 'the webhook request');

    expect(isFromReportflow(SECRET, request!.body, request!.headers)).toBe(true);
    expect(isFromReportflow(SECRET, request!.body + ' ', request!.headers)).toBe(false);
    const sent = Number(request!.headers['x-reportflow-timestamp']);
    expect(isFromReportflow(SECRET, request!.body, request!.headers, sent + 301)).toBe(false);
  });

  it('releasing the same revision again sends nothing more; a new revision is sent', async () => {
    const hook = await receiver(() => 200);
    const delivery = await deliveryFor({ webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url] } });
    const record = sampleRecord();

    await delivery.deliver(record);
    await waitFor(() => hook.requests.length === 1, 'the first delivery');
    await delivery.deliver(sampleRecord());
    const approved = { ...sampleRecord(), status: 'ok' as const, review: { state: 'approved' } };
    await delivery.deliver(approved);
    await waitFor(() => hook.requests.length === 2, 'the approved revision');
    await new Promise((r) => setTimeout(r, 300));

    expect(hook.requests).toHaveLength(2);
    const keys = hook.requests.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);
  });

  it('a receiver failing three times then succeeding takes the record once per idempotency key', async () => {
    const processed = new Map<string, number>();
    const hook = await receiver((request, index) => {
      if (index < 3) return index === 1 ? 429 : 503;
      const key = request.headers['idempotency-key'] as string;
      processed.set(key, (processed.get(key) ?? 0) + 1);
      return 200;
    });
    const delivery = await deliveryFor({
      webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url], attempts: 5, backoffMs: 30 },
    });

    await delivery.deliver(sampleRecord());
    await waitFor(() => processed.size > 0, 'a successful attempt');
    await new Promise((r) => setTimeout(r, 300));

    expect(hook.requests.map((r) => r.status)).toEqual([503, 429, 503, 200]);
    expect(new Set(hook.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect([...processed.values()]).toEqual([1]);
    expect(await delivery.listDeadLetters()).toEqual([]);
  });

  it('a 4xx refusal is final: one request, then the dead-letter list', async () => {
    const hook = await receiver(() => 422);
    const delivery = await deliveryFor({
      webhook: { ...testDeliveryConfig().sinks.webhook, urls: [hook.url], attempts: 5, backoffMs: 20 },
    });

    await delivery.deliver(sampleRecord());
    const [dead] = await waitFor(async () => {
      const list = await delivery.listDeadLetters();
      return list.length > 0 && list;
    }, 'the dead letter');

    expect(hook.requests).toHaveLength(1);
    expect(dead).toMatchObject({ sink: 'webhook', url: hook.url, recordId: sampleRecord().id, attemptsMade: 1 });
    expect(dead!.failedReason).toMatch(/HTTP 422/);
  });

  it('a delivery dead-lettered while the receiver was down arrives when retried', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const delivery = await deliveryFor({
      webhook: { ...testDeliveryConfig().sinks.webhook, urls: [url], attempts: 3, backoffMs: 20 },
    });
    const record = sampleRecord();

    await delivery.deliver(record);
    const [dead] = await waitFor(async () => {
      const list = await delivery.listDeadLetters();
      return list.length > 0 && list;
    }, 'the dead letter');
    expect(dead).toMatchObject({ sink: 'webhook', url, attemptsMade: 3 });

    const hook = await receiver(() => 200, port);
    expect(await delivery.retryDeadLetters('no-such-job')).toEqual([]);
    expect(await delivery.retryDeadLetters(dead!.jobId)).toEqual([dead!.jobId]);
    const [request] = await waitFor(() => hook.requests.length > 0 && hook.requests, 'the retried delivery');

    expect(JSON.parse(request!.body)).toEqual(record);
    expect(
      await waitFor(async () => (await delivery.listDeadLetters()).length === 0, 'an empty dead-letter list'),
    ).toBe(true);
  });

  it('sends one job per URL, all with the same idempotency key', async () => {
    const a = await receiver(() => 200);
    const b = await receiver(() => 204);
    const delivery = await deliveryFor({ webhook: { ...testDeliveryConfig().sinks.webhook, urls: [a.url, b.url] } });

    await delivery.deliver(sampleRecord());
    await waitFor(() => a.requests.length === 1 && b.requests.length === 1, 'both receivers');

    expect(a.requests[0]!.headers['idempotency-key']).toBe(b.requests[0]!.headers['idempotency-key']);
  });
});
