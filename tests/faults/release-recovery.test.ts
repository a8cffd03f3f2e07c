import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/service/queue/bullmq-adapter.js';
import { sha256Hex } from '../../src/record/record-id.js';
import { loadConfig } from '../../src/service/config.js';
import { startService } from '../../src/service/start-service.js';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { removeKeysWithPrefix } from '../http/http-fixture.js';
import { obliterateDeliverQueue, REDIS_URL, sampleRecord, waitFor } from '../sinks/sink-fixtures.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const CLEAN_MARKDOWN = join(import.meta.dirname, '..', '..', 'fixtures', 'vietnam-2023', 'report.md');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error: Error) => console.error('cleanup:', error.message));
});

async function sandbox(): Promise<{ root: string; prefix: string }> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-release-'));
  const prefix = `test-${randomUUID()}`;
  cleanups.push(async () => {
    await obliterateDeliverQueue(prefix);
    await removeKeysWithPrefix(prefix);
    await rm(root, { recursive: true, force: true });
  });
  return { root, prefix };
}

/** Ids on the readable lines; a line torn by SIGKILL mid-write is counted apart. */
async function jsonlIds(path: string, torn: { count: number } = { count: 0 }): Promise<Set<string>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const ids = new Set<string>();
  torn.count = 0;
  for (const line of text.split('\n').filter(Boolean)) {
    try {
      ids.add((JSON.parse(line) as { id: string }).id);
    } catch {
      torn.count++;
    }
  }
  return ids;
}

it('delivers, at start, a record released to the outbox whose delivery was never queued', async () => {
  const { root, prefix } = await sandbox();
  const config = loadConfig(
    {},
    { REPORTFLOW_QUEUE_PREFIX: prefix, REPORTFLOW_OUTBOX: 'outbox', REPORTFLOW_DATA_DIR: 'data', LOG_LEVEL: 'silent' },
    root,
  );
  // The state a kill -9 leaves right after the outbox write: the record is there, marked, and nothing was queued.
  const store = new RecordsStore(config.dirs);
  await store.init();
  const record = { ...sampleRecord(), status: 'ok' as const };
  await store.save(record);
  expect((await store.pendingReleases.list()).map((m) => m.id)).toEqual([record.id]);

  const service = await startService(config, {
    redisUrl: REDIS_URL,
    workers: false,
    intake: false,
    logger: pino({ level: 'silent' }),
  });
  cleanups.push(() => service.stop());
  await waitFor(async () => (await jsonlIds(config.sinks.recordsJsonl!)).has(record.id), 'the record in records.jsonl');
  await waitFor(async () => (await store.pendingReleases.list()).length === 0, 'the ledger emptied');
});

/** For a failure message: the released records missing from records.jsonl, the deliver queue's counts and failures, and unreadable lines. */
async function undeliveredStates(root: string, prefix: string, jsonl: string): Promise<string> {
  const delivered = await jsonlIds(jsonl);
  const missing = (await readdir(join(root, 'outbox')))
    .filter((name) => /^[0-9a-f]{64}\.json$/.test(name) && !delivered.has(name.slice(0, 64)))
    .map((name) => name.slice(0, 12));
  const queue = new DeliveryQueue({ redisUrl: REDIS_URL, prefix });
  try {
    const counts = await queue.jobCounts(['waiting', 'active', 'delayed', 'completed', 'failed']);
    const failed = (await queue.failedJobs()).map(
      (job) => `${job.data.recordId.slice(0, 12)}: ${job.failedReason ?? ''}`,
    );
    const unreadable = (await readFile(jsonl, 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => line !== '' && !parses(line));
    return `missing ${missing.join(', ')}; deliver jobs ${JSON.stringify(counts)}; failed ${failed.join(' | ')}; unreadable lines ${unreadable.length}`;
  } finally {
    await queue.close();
  }
}

function parses(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

interface Serve {
  child: ChildProcess;
  exited: Promise<unknown>;
}

function startServe(root: string, prefix: string): Serve {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    REDIS_URL,
    REPORTFLOW_QUEUE_PREFIX: prefix,
    REPORTFLOW_AUTH: 'none',
    REPORTFLOW_INBOX_STABLE_MS: '100',
    REPORTFLOW_INBOX_POLL_MS: '50',
    REPORTFLOW_LOCK_MS: '2000',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  // Its own process group, so SIGKILL takes nothing else with it.
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--concurrency', '2'], {
    cwd: root,
    env,
    detached: true,
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const serve = { child, exited };
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    await exited;
  });
  return serve;
}

it('loses no delivery when the service is killed with SIGKILL during a burst, run after run', async () => {
  const FILES = 20;
  const RUNS = 3;
  const text = await readFile(CLEAN_MARKDOWN, 'utf8');
  const until = Date.now() + 150_000;
  for (let run = 0; run < RUNS && Date.now() < until; run++) {
    const { root, prefix } = await sandbox();
    await mkdir(join(root, 'inbox'), { recursive: true });
    const ids = new Set<string>();
    for (let i = 0; i < FILES; i++) {
      const copy = `${text}\n<!-- run ${run} copy ${i} -->\n`;
      ids.add(sha256Hex(Buffer.from(copy)));
      await writeFile(join(root, 'inbox', `report-${i}.md`), copy);
    }
    const first = startServe(root, prefix);
    // Killed somewhere in the burst: while parsing, between the outbox write and the delivery, or while delivering.
    const outbox = join(root, 'outbox');
    await waitFor(
      async () => (await readdir(outbox).catch(() => [])).filter((n) => n.endsWith('.json')).length >= 3,
      'the first records',
      30_000,
    );
    await new Promise((r) => setTimeout(r, Math.random() * 800));
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;

    startServe(root, prefix);
    const jsonl = join(outbox, 'records.jsonl');
    let seen = '';
    await waitFor(
      async () => {
        const released = (await readdir(outbox).catch(() => [])).filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).length;
        const delivered = await jsonlIds(jsonl);
        const left = await readdir(join(root, 'inbox')).catch(() => []);
        const marks = await readdir(join(root, 'data', 'pending-release')).catch(() => []);
        seen = `released ${released}, delivered ${delivered.size}, still in the inbox ${left.length}, marked ${marks.length}`;
        return released === FILES && delivered.size === FILES;
      },
      `all ${FILES} records of run ${run} released and delivered`,
      90_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message} (${seen}); undelivered: ${await undeliveredStates(root, prefix, jsonl)}`);
    });
    const torn = { count: 0 };
    expect(await jsonlIds(jsonl, torn)).toEqual(ids);
    // At most the one line being written when the process was killed, and never two records glued together.
    expect(torn.count).toBeLessThanOrEqual(1);
  }
}, 300_000);
