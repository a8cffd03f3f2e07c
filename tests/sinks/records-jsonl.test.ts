import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/service/delivery/deliver.js';
import { DeliveryQueue } from '../../src/service/queue/bullmq-adapter.js';
import { appendRecordLine } from '../../src/service/delivery/records-jsonl.js';
import { obliterateDeliverQueue, REDIS_URL, sampleRecord, testDeliveryConfig, waitFor } from './sink-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reportflow-jsonl-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function linesOf(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('records.jsonl', () => {
  it('starts a new line after a line torn by a killed writer, so no record is glued to the piece', async () => {
    const path = join(await tempDir(), 'records.jsonl');
    const record = sampleRecord();
    const whole = JSON.stringify(record);
    await writeFile(path, `${whole}\n${whole.slice(0, 300)}`);
    await appendRecordLine(path, record);
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines).toEqual([whole, whole.slice(0, 300), whole, '']);
  });

  it('concurrent appends give whole lines, one per record', async () => {
    const path = join(await tempDir(), 'nested', 'records.jsonl');
    const big = sampleRecord();
    // Large enough that an interleaved write would show as broken JSON.
    big.developmentLists[0]!.items[0]!.text = 'x'.repeat(200_000);

    await Promise.all(Array.from({ length: 40 }, (_, i) => appendRecordLine(path, { ...big, id: String(i) })));

    const lines = await linesOf(path);
    expect(lines).toHaveLength(40);
    expect(new Set(lines.map((l) => (l as { id: string }).id)).size).toBe(40);
  });

  it('gets one line per released revision through the deliver queue', async () => {
    const path = join(await tempDir(), 'records.jsonl');
    const config = testDeliveryConfig({ recordsJsonl: path });
    const delivery = createDelivery(config, { redisUrl: REDIS_URL });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    cleanups.push(() => delivery.close());
    const record = sampleRecord();
    const approved = { ...sampleRecord(), status: 'ok' as const };

    await delivery.deliver(record);
    await delivery.deliver(record);
    await delivery.deliver(approved);
    await waitFor(async () => (await linesOf(path)).length === 2, 'two lines');
    await new Promise((r) => setTimeout(r, 200));

    const lines = await linesOf(path);
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([record, approved]));
    // Kept completed jobs no longer carry the record.
    const queue = new DeliveryQueue({ redisUrl: REDIS_URL, prefix: config.queuePrefix });
    cleanups.push(() => queue.close());
    const completed = await queue.completedJobs();
    expect(completed).toHaveLength(2);
    expect(completed.map((j) => j.data.record)).toEqual([null, null]);
  });

  it('an enqueue-only delivery leaves the work to a worker elsewhere', async () => {
    const path = join(await tempDir(), 'records.jsonl');
    const config = testDeliveryConfig({ recordsJsonl: path, databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const enqueuer = createDelivery(config, { redisUrl: REDIS_URL, worker: false });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    cleanups.push(() => enqueuer.close());

    await enqueuer.deliver(sampleRecord());
    await new Promise((r) => setTimeout(r, 300));
    expect(await linesOf(path)).toEqual([]);
    expect(await enqueuer.queue.jobCounts(['waiting'])).toEqual({ waiting: 2 });

    const worker = createDelivery(
      { ...config, sinks: { ...config.sinks, databaseUrl: null } },
      { redisUrl: REDIS_URL },
    );
    cleanups.push(() => worker.close());
    await waitFor(async () => (await linesOf(path)).length === 1, 'the line written by the worker');
    // The PostgreSQL job finds no database configured in the worker: refused for good, kept as a dead letter.
    const dead = await waitFor(async () => {
      const list = await worker.listDeadLetters();
      return list.length > 0 && list;
    }, 'the postgres dead letter');
    expect(dead.map((d) => d.sink)).toEqual(['postgres']);
  });
});
