import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { reviewDesk } from '../../src/service/http/review-desk/review-desk-plugin.js';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { slowPdf } from '../service/pipeline-fixture.js';
import { sampleRecord } from '../sinks/sink-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A desk over a held record whose source in archive/ is `source`; `/ping` stands for every other route. */
async function deskWithSource(source: Buffer, sourceThread: { timeoutMs?: number; heapMb?: number }): Promise<{ app: FastifyInstance; id: string }> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-desk-loop-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const data = join(root, 'data');
  const store = new RecordsStore({ outbox: join(root, 'outbox'), data });
  await store.init();
  const id = createHash('sha256').update(source).digest('hex');
  const record = { ...sampleRecord(), id, status: 'needs_review' as const };
  record.source = { ...record.source, fileName: 'huge.pdf', sha256: id, bytes: source.length };
  await store.save(record);
  await mkdir(join(data, 'archive'), { recursive: true });
  await writeFile(join(data, 'archive', 'huge.pdf'), source);
  const app = Fastify();
  await app.register(reviewDesk, { store, dataDir: data, limits: DEFAULT_PARSE_LIMITS, sourceThread });
  app.get('/ping', async () => 'pong');
  cleanups.push(() => app.close());
  await app.ready();
  return { app, id };
}

/** A long PDF (a clean report's pages 400 times over): seconds of pdf.js work and a large heap to read again. */
async function longPdf(): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'reportflow-long-pdf-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  slowPdf(join(dir, 'long.pdf'), 400);
  return readFile(join(dir, 'long.pdf'));
}

it('answers other requests while a record page waits for its source, and gives the page up to its deadline', async () => {
  const { app, id } = await deskWithSource(await longPdf(), { timeoutMs: 1_000 });
  const order: string[] = [];
  const page = app.inject({ url: `/review/${id}` }).then((response) => {
    order.push('page');
    return response;
  });
  // Requests made after the page started must not wait for its source.
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 3; i++) {
    const ping = await app.inject({ url: '/ping' });
    expect(ping.body).toBe('pong');
    order.push('ping');
  }
  const response = await page;
  expect(order).toEqual(['ping', 'ping', 'ping', 'page']);
  // The record is still shown, with why its source is not.
  expect(response.statusCode).toBe(200);
  expect(response.body).toMatch(/took longer than 1 s/);
}, 30_000);

it('shows a record whose source needs more memory than the reader may take, without the service growing', async () => {
  const { app, id } = await deskWithSource(await longPdf(), { timeoutMs: 25_000, heapMb: 32 });
  const rssBefore = process.memoryUsage().rss;
  const response = await app.inject({ url: `/review/${id}` });
  expect(response.statusCode).toBe(200);
  expect(response.body).toMatch(/needs more than 32 MB|took longer than/);
  // Nothing of the source stays behind in this process (generous: other tests' garbage shares the heap).
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
}, 40_000);
