import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import { createSandbox, REDIS_URL, slowPdf, waitFor, type Sandbox } from './pipeline-fixture.js';

const REPO = join(import.meta.dirname, '..', '..');
const WORKER_COMMAND = [join(REPO, 'dist', 'src', 'cli', 'main.js'), 'worker'];

interface WorkerProcess {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

let box: Sandbox;
const workers: WorkerProcess[] = [];

beforeEach(async () => {
  box = await createSandbox();
});
afterEach(async () => {
  for (const w of workers.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) process.kill(-w.child.pid!, 'SIGKILL');
    await w.exited;
  }
  await box.cleanup();
});

/** `reportflow worker` in its own process group, so SIGKILL can take its sandboxes down with it. */
function startWorker(): WorkerProcess {
  const config = box.config();
  const child = spawn(process.execPath, WORKER_COMMAND, {
    cwd: box.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      REDIS_URL,
      REPORTFLOW_QUEUE_PREFIX: box.prefix,
      REPORTFLOW_OUTBOX: config.dirs.outbox,
      REPORTFLOW_DATA_DIR: config.dirs.data,
      REPORTFLOW_CONCURRENCY: '1',
      REPORTFLOW_LOCK_MS: '2000',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: 'false',
    },
  });
  const lines: WorkerProcess['lines'] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const w = { child, lines, exited };
  workers.push(w);
  return w;
}

it('hands the job of a worker killed mid-parse to another worker, which finishes it', async () => {
  const service = await box.start({ workers: false, intake: false });
  const uploads = join(box.root, 'data', 'uploads');
  await mkdir(uploads, { recursive: true });
  const big = join(uploads, 'big.pdf');
  slowPdf(big, 500); // several seconds of real parsing
  const id = sha256Hex(await readFile(big));
  await service.deps.intake.submit({ path: big, fileName: 'big.pdf', source: 'upload' });

  const first = startWorker();
  await waitFor('the first worker to take the job', async () =>
    first.lines.some((l) => l.msg === 'job started' && l.jobId === id),
  );
  await new Promise((r) => setTimeout(r, 500));
  process.kill(-first.child.pid!, 'SIGKILL');
  await first.exited;
  expect(await service.deps.store.get(id)).toBeNull();
  expect(await service.deps.queue.jobState(id)).toBe('active');

  const second = startWorker();
  const found = await waitFor('the record from the second worker', () => service.deps.store.get(id), 45_000);
  expect(found.record.source.fileName).toBe('big.pdf');
  expect(found.record.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
  await waitFor('the completion logged by the second worker', async () =>
    second.lines.some((l) => l.msg === 'job completed' && l.jobId === id),
  );
  expect(second.lines.some((l) => l.msg === 'job started' && l.jobId === id)).toBe(true);
  // One structured line per job event, with no document content in it.
  const completed = second.lines.find((l) => l.msg === 'job completed')!;
  expect(completed).toMatchObject({ jobId: id, file: 'big.pdf', status: found.record.status, place: found.place });
  expect(completed.durationMs).toBeGreaterThan(0);
  expect(completed.anomalies).toEqual(found.record.anomalies.map((a) => a.code));
  expect(JSON.stringify(second.lines)).not.toContain(found.record.developmentLists[0]?.items[0]?.text ?? '\u0000');
  expect(first.lines.some((l) => l.msg === 'job completed')).toBe(false);
  expect(await service.deps.queue.jobState(id)).toBe('completed');

  // SIGTERM is a clean shutdown: exit code 0.
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
}, 90_000);
