import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  redisAnswers,
  RedisUnavailableError,
  resolveRedis,
  type ResolvedRedis,
} from '../../src/service/embedded-redis.js';

let data: string;
const started: ResolvedRedis[] = [];

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'reportflow-redis-'));
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.stop()));
  await rm(data, { recursive: true, force: true });
});

const config = () => ({ redisUrl: null, dirs: { inbox: join(data, 'in'), outbox: join(data, 'out'), data } });

async function valueAt(url: string, key: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    return await client.get(key);
  } finally {
    client.disconnect();
  }
}

describe('resolveRedis', () => {
  it('starts a private redis-server with an append-only file under <data>/redis and stops it', async () => {
    const redis = await resolveRedis(config(), { preferEmbedded: true });
    started.push(redis);
    expect(redis.origin).toBe('embedded');
    const port = Number(new URL(redis.url).port);
    expect(port).not.toBe(6379);

    const client = new Redis(redis.url);
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await client.set('kept', 'across restarts');
    client.disconnect();

    await redis.stop();
    expect(await redisAnswers('127.0.0.1', port)).toBe(false);
    expect(readdirSync(join(data, 'redis'))).toContain('appendonlydir');

    // A second start on the same directory replays the append-only file.
    const again = await resolveRedis(config(), { preferEmbedded: true });
    started.push(again);
    expect(await valueAt(again.url, 'kept')).toBe('across restarts');
  });

  it('uses REDIS_URL as given, without probing or starting anything', async () => {
    const redis = await resolveRedis({ ...config(), redisUrl: 'redis://example.invalid:6380' });
    expect(redis).toMatchObject({ url: 'redis://example.invalid:6380', origin: 'configured' });
    expect(existsSync(join(data, 'redis'))).toBe(false);
  });

  it('uses the Redis answering on 127.0.0.1:6379 when there is one', async () => {
    const redis = await resolveRedis(config());
    expect(redis).toMatchObject({ url: 'redis://127.0.0.1:6379', origin: 'local' });
  });

  it('says how to get Redis when there is no redis-server on PATH', async () => {
    const attempt = resolveRedis(config(), { preferEmbedded: true, searchPath: join(data, 'empty-bin') });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(
      /apt-get install redis-server[\s\S]*brew install redis[\s\S]*REDIS_URL[\s\S]*docker compose up/,
    );
  });

  it('reports the server output when redis-server refuses to start', async () => {
    // A program that exits at once stands in for a redis-server that cannot start (bad config, port taken).
    const attempt = resolveRedis(config(), { preferEmbedded: true, command: '/bin/false' });
    await expect(attempt).rejects.toThrow(/exited at start/);
  });
});
