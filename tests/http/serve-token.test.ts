import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { removeKeysWithPrefix } from './http-fixture.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** `reportflow serve` as a newcomer starts it: no credentials, no REDIS_URL (the local Redis answers on 6379). */
async function serveOnce(
  root: string,
  prefix: string,
): Promise<{ banner: string; api: string; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REPORTFLOW_QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  for (const key of [
    'REDIS_URL',
    'DATABASE_URL',
    'REPORTFLOW_API_TOKEN',
    'REPORTFLOW_BASIC_USER',
    'REPORTFLOW_BASIC_PASSWORD',
    'REPORTFLOW_AUTH',
    'WEBHOOK_URLS',
  ]) {
    delete env[key];
  }
  const serve = spawn('node', [CLI, 'serve', '--port', '0', '--concurrency', '1', '--no-inbox'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (serve.exitCode === null) serve.kill('SIGTERM');
    await exited;
  };
  cleanups.push(stop);
  let out = '';
  serve.stdout!.on('data', (c) => (out += c));
  serve.stderr!.on('data', (c) => (out += c));
  const deadline = Date.now() + 25_000;
  while (!/curl -H 'Authorization: Bearer \S+'/.test(out)) {
    if (serve.exitCode !== null || Date.now() > deadline) throw new Error(`no banner:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { banner: out, api: /listening on (http:\/\/[\d.:]+)/.exec(out)![1]!, stop };
}

it('keeps the token it made across restarts, owner-only in the data folder, and says what is wrong in a 401', async () => {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-token-'));
  const prefix = `test-${randomUUID()}`;
  cleanups.push(async () => {
    await removeKeysWithPrefix(prefix);
    await rm(root, { recursive: true, force: true });
  });
  const tokenOf = (banner: string) => /Authorization: Bearer (\S+)'/.exec(banner)![1]!;
  const tokenFile = join(root, 'data', 'api-token');

  const first = await serveOnce(root, prefix);
  const token = tokenOf(first.banner);
  expect(first.banner).toContain(`token made and kept in ${tokenFile}`);
  expect((await readFile(tokenFile, 'utf8')).trim()).toBe(token);
  expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
  // The banner says where Redis came from and that the database sink is off.
  expect(first.banner).toMatch(
    /redis {6}redis:\/\/127\.0\.0\.1:6379 \(reused: the Redis already running there; queue prefix "test-/,
  );
  expect(first.banner).toMatch(/same prefix shares the queue/);
  expect(first.banner).toMatch(/sinks {6}records\.jsonl .*; PostgreSQL off \(set DATABASE_URL\); webhooks off/);
  await first.stop();

  const second = await serveOnce(root, prefix);
  expect(tokenOf(second.banner)).toBe(token);
  expect(second.banner).toContain(`token kept from an earlier start in ${tokenFile}`);
  expect((await fetch(`${second.api}/reviews`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

  const bare = await fetch(`${second.api}/reviews`);
  expect(bare.status).toBe(401);
  expect((await bare.json()).message).toMatch(
    /^credentials required: send the API token .*api-token.* as Authorization: Bearer <token>/,
  );
  const stale = await fetch(`${second.api}/reviews`, {
    headers: { authorization: 'Bearer an-old-token-from-another-run' },
  });
  expect(stale.status).toBe(401);
  expect((await stale.json()).message).toMatch(/^the credentials sent were refused \(wrong or old token or password\)/);
  const odd = await fetch(`${second.api}/reviews`, { headers: { authorization: 'Token abc' } });
  expect((await odd.json()).message).toMatch(/^unsupported Authorization scheme "Token"/);
}, 90_000);
