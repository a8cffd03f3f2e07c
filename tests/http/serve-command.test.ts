import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redisAnswers } from '../../src/service/embedded-redis.js';
import { removeKeysWithPrefix } from './http-fixture.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportflow-serve-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const baseEnv = () => {
  // Access control has its own tests (tests/http/auth.test.ts, tests/review-desk/): open here.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', REPORTFLOW_AUTH: 'none' };
  delete env.REDIS_URL;
  return env;
};

describe('reportflow serve', () => {
  it('lists every bad setting and exits 2', () => {
    const run = spawnSync('node', [CLI, 'serve', '--port', 'abc'], {
      cwd: root,
      env: { ...baseEnv(), REPORTFLOW_CONCURRENCY: '0', REPORTFLOW_WEIGHTS: 'Y=one' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invalid configuration');
    expect(run.stderr).toMatch(/PORT: /);
    expect(run.stderr).toMatch(/REPORTFLOW_CONCURRENCY: /);
    expect(run.stderr).toMatch(/REPORTFLOW_WEIGHTS: /);
  });

  it('says how to get Redis when it has to start one and cannot', () => {
    // A PATH with node on it and no redis-server.
    const bin = join(root, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = spawnSync(join(bin, 'node'), [CLI, 'serve', '--embedded-redis', '--port', '0'], {
      cwd: root,
      env: { ...baseEnv(), PATH: bin },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/apt-get install redis-server/);
    expect(run.stderr).toMatch(/brew install redis/);
    expect(run.stderr).toMatch(/REDIS_URL=/);
  });

  it('runs with a private Redis under data/redis, then stops it and itself on SIGTERM', async () => {
    const prefix = `test-${randomUUID()}`;
    const serve = spawn('node', [CLI, 'serve', '--embedded-redis', '--port', '0', '--concurrency', '1'], {
      cwd: root,
      env: { ...baseEnv(), REPORTFLOW_QUEUE_PREFIX: prefix, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
    let out = '';
    serve.stdout!.on('data', (c) => (out += c));
    serve.stderr!.on('data', (c) => (out += c));
    const banner = await waitForText(() => out, /workers {4}1 parse threads/, exited);
    const api = /listening on (http:\/\/[\d.:]+)/.exec(banner)![1]!;
    const redisUrl = /redis {6}(redis:\/\/127\.0\.0\.1:\d+) \(started: a private redis-server/.exec(banner)![1]!;
    expect(banner).toContain(`inbox      ${join(root, 'inbox')}`);
    expect(banner).toContain(`outbox     ${join(root, 'outbox')}`);

    const health = await fetch(`${api}/health`);
    expect(health.status).toBe(200);
    // The banner's count and the health check's agree: parse threads.
    expect(await health.json()).toEqual({ status: 'ok', redis: 'ok', workers: 1, parseThreads: 1 });
    expect(existsSync(join(root, 'data', 'redis', 'appendonlydir'))).toBe(true);
    // The sinks are wired: metrics, dead letters, and the deliver queue beside the parse queue.
    const metrics = await fetch(`${api}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/reportflow_queue_depth\{queue="parse"/);
    expect(await (await fetch(`${api}/deliveries/dead`)).json()).toEqual({ deadLetters: [] });
    const queues = (await (await fetch(`${api}/admin/queues/api/queues`)).json()) as {
      queues: Array<{ name: string }>;
    };
    expect(queues.queues.map((q) => q.name).sort()).toEqual(['deliver', 'parse']);

    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    const port = Number(new URL(redisUrl).port);
    expect(await redisAnswers('127.0.0.1', port)).toBe(false);
  });

  it('--no-workers serves intake and API only: healthy once a worker joins from elsewhere', async () => {
    const prefix = `test-${randomUUID()}`;
    const env = { ...baseEnv(), REPORTFLOW_QUEUE_PREFIX: prefix, REDIS_URL: 'redis://127.0.0.1:6379' };
    const serve = spawn('node', [CLI, 'serve', '--no-workers', '--no-inbox', '--port', '0'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const serveExited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
    let out = '';
    serve.stdout!.on('data', (c) => (out += c));
    serve.stderr!.on('data', (c) => (out += c));
    const worker = spawn('node', [CLI, 'worker', '--concurrency', '1'], { cwd: root, env, stdio: 'ignore' });
    const workerExited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      const banner = await waitForText(() => out, /workers {4}none/, serveExited);
      expect(banner).toContain('inbox      not watched');
      const api = /listening on (http:\/\/[\d.:]+)/.exec(banner)![1]!;
      const deadline = Date.now() + 20_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await fetch(`${api}/health`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
    } finally {
      serve.kill('SIGTERM');
      worker.kill('SIGTERM');
      await Promise.all([serveExited, workerExited]);
      await removeKeysWithPrefix(prefix);
    }
  });
});

async function waitForText(
  read: () => string,
  pattern: RegExp,
  exited: Promise<unknown>,
  timeoutMs = 25_000,
): Promise<string> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pattern.test(read())) return read();
    if (gone) throw new Error(`process exited before printing ${pattern}:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${read()}`);
}
