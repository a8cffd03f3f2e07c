import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { buildApp, type AppDeps } from '../../src/service/http/build-app.js';
import { Intake } from '../../src/service/intake/intake.js';
import { ParseQueue } from '../../src/service/queue/bullmq-adapter.js';
import { ReviewService } from '../../src/service/review/review-service.js';
import { RecordsStore } from '../../src/service/store/records-store.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface HttpFixture {
  app: FastifyInstance;
  queue: ParseQueue;
  store: RecordsStore;
  dirs: { inbox: string; outbox: string; data: string };
  prefix: string;
  /** Every JSON line the app logged. */
  logLines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A real app over a real store (temp dirs) and a real queue (own prefix on the local Redis). */
export async function httpFixture(
  options: { maxUploadBytes?: number; health?: AppDeps['health']; auth?: AppDeps['config']['auth'] } = {},
): Promise<HttpFixture> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-http-'));
  const dirs = { inbox: join(root, 'inbox'), outbox: join(root, 'outbox'), data: join(root, 'data') };
  const prefix = `test-${randomUUID()}`;
  const queue = new ParseQueue({ redisUrl: REDIS_URL, prefix, attempts: 1 });
  const store = new RecordsStore(dirs);
  await store.init();
  const logLines: Array<Record<string, unknown>> = [];
  const logger: Logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    }),
  );
  const app = buildApp({
    config: {
      http: { host: '127.0.0.1', port: 0, maxUploadBytes: options.maxUploadBytes ?? 1024 * 1024 },
      dirs,
      auth: options.auth ?? { mode: 'none', token: null, basic: null },
    },
    store,
    // No sinks here: an approved record stays in the outbox (tests/sinks covers its release).
    review: new ReviewService({ store, release: async () => {} }),
    queue,
    intake: new Intake({ queue, store, dataDir: dirs.data, logger }),
    logger,
    ...(options.health ? { health: options.health } : {}),
  });
  await app.ready();
  return {
    app,
    queue,
    store,
    dirs,
    prefix,
    logLines,
    async close() {
      await app.close();
      await queue.obliterate().catch(() => {});
      await queue.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file part and optional plain fields. */
export function multipartBody(
  file: { name: string; content: Buffer | string; field?: string } | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----reportflow${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    // The name goes out byte for byte, hostile characters included: the server must cope.
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.from(file.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Removes every Redis key under a test's prefix (parse and deliver queues alike). */
export async function removeKeysWithPrefix(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
