import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import { freePort, redisAnswers } from '../../src/service/embedded-redis.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createSandbox, filesIn, waitFor, type Sandbox } from './pipeline-fixture.js';

// A real redis-server is killed and started again under a running service; a busy machine needs headroom.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const SAMPLE = new URL('../../../shared/samples/kazakhstan-2023.md', import.meta.url);
const FILES = 40;
const DROPPED_WHILE_DOWN = 5;
const KILL_AFTER_RECORDS = 3;

/** A private redis-server that persists every write to its append-only file before answering. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  await waitFor(
    'redis-server to answer',
    async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      return redisAnswers('127.0.0.1', port, 200);
    },
    15_000,
  );
  return child;
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

let box: Sandbox;
let redis: ChildProcess | null = null;
let service: RunningService | null = null;
beforeEach(async () => {
  box = await createSandbox();
});
afterEach(async () => {
  await service?.stop();
  if (redis) await killHard(redis);
  await box.cleanup();
});

describe('Redis restarted under a running service', () => {
  it('loses no file and makes no duplicate when Redis is killed mid-burst and comes back, and logs both', async () => {
    const redisDir = join(box.root, 'redis');
    await mkdir(redisDir);
    const port = await freePort();
    redis = await startRedis(port, redisDir);

    // The kill happens inside the log write of the third completed job: mid-burst on
    // any machine, however fast the parses are.
    const lines: string[] = [];
    let completed = 0;
    const firstRedis = redis;
    const logger = pino(
      { level: 'info' },
      {
        write: (line: string) => {
          lines.push(line);
          if (line.includes('"msg":"job completed"') && ++completed === KILL_AFTER_RECORDS) firstRedis.kill('SIGKILL');
        },
      },
    );
    const config = box.config({ REPORTFLOW_CONCURRENCY: '1' });
    service = await startService(config, {
      redisUrl: `redis://127.0.0.1:${port}`,
      workers: true,
      intake: true,
      logger,
    });

    const base = await readFile(SAMPLE, 'utf8');
    const ids = new Set<string>();
    // Distinct content per file, so each one is a job and a record of its own.
    const drop = async (i: number) => {
      const text = `${base}\nBurst copy number ${i}.\n`;
      ids.add(sha256Hex(Buffer.from(text)));
      await writeFile(join(config.dirs.inbox, `burst-${String(i).padStart(2, '0')}.md`), text);
    };
    for (let i = 0; i < FILES - DROPPED_WHILE_DOWN; i++) await drop(i);

    const review = join(config.dirs.data, 'review');
    const failed = join(config.dirs.data, 'failed');
    const recordIds = async () =>
      [...(await filesIn(config.dirs.outbox)), ...(await filesIn(review))]
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.slice(0, -5));

    await waitFor('redis-server killed', async () => firstRedis.signalCode === 'SIGKILL');
    redis = null;
    // These reach intake while nothing answers on the port.
    for (let i = FILES - DROPPED_WHILE_DOWN; i < FILES; i++) await drop(i);
    await new Promise((r) => setTimeout(r, 1500));
    redis = await startRedis(port, redisDir);

    await waitFor('a record for every file', async () => (await recordIds()).length >= FILES, 60_000);
    await waitFor('the inbox empty', async () => (await filesIn(config.dirs.inbox)).length === 0);

    // Every job is accounted for by the queue too: what Redis held before the kill survived it.
    await waitFor('every job completed', async () => (await service!.deps.queue.counts()).completed === FILES);
    await waitFor(
      'every file archived',
      async () => (await filesIn(join(config.dirs.data, 'archive'))).length === FILES,
    );

    const found = await recordIds();
    expect(ids.size).toBe(FILES);
    expect(found.length).toBe(FILES);
    expect(new Set(found)).toEqual(ids);
    expect(await filesIn(failed)).toEqual([]);
    expect(await service.deps.queue.counts()).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });

    const events = lines.map((l) => JSON.parse(l) as { msg: string; level: number });
    const lost = events.findIndex((e) => /redis connection lost/i.test(e.msg));
    const back = events.findIndex((e, i) => i > lost && /redis connection back/i.test(e.msg));
    expect(lost, 'a log line saying Redis was lost').toBeGreaterThanOrEqual(0);
    expect(events[lost]!.level).toBe(40); // warn
    expect(back, 'a later log line saying Redis is back').toBeGreaterThan(lost);
    // Most of the burst was parsed after the restart, by the same service.
    const completedBeforeLoss = events.slice(0, lost).filter((e) => e.msg === 'job completed').length;
    expect(completedBeforeLoss).toBeLessThan(FILES / 2);
    expect(events.filter((e) => e.msg === 'service started')).toHaveLength(1);
  });
});
