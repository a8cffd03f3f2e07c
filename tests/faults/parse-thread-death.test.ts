import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TimedParser } from '../../src/service/parse/timed-parser.js';

// A parse thread that runs out of memory races its own deadline: the time limit
// fires, the parse's listeners go, and the thread's ERR_WORKER_OUT_OF_MEMORY
// arrives while it is being terminated. That 'error' must not end the process
// (vitest fails the run on an unhandled error, and a dead process ends it).

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportflow-thread-death-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const THREAD_HEAP_MB = 32;

async function threadFile(name: string, onMessage: string): Promise<string> {
  const file = join(root, name);
  await writeFile(
    file,
    "import { parentPort } from 'node:worker_threads';\n" +
      'const hoard = [];\n' +
      'const eat = () => { for (;;) hoard.push(new Array(1e5).fill(Math.random())); };\n' +
      `parentPort.on('message', (m) => { ${onMessage} });\n` +
      'parentPort.postMessage({ ready: true });\n',
  );
  return file;
}

it('survives a parse thread running out of memory around its deadline, round after round', async () => {
  const file = await threadFile('oom-thread.mjs', 'eat();');
  const rounds: string[] = [];
  const until = Date.now() + 25_000;
  // Limits around the time the thread needs to fill its heap, so some rounds end by
  // the deadline, some by the out-of-memory error, and some with both at once.
  for (let round = 0; round < 40 && Date.now() < until; round++) {
    const parser = new TimedParser(20 + Math.floor(Math.random() * 400), {}, file, THREAD_HEAP_MB);
    const record = await parser.parse(Buffer.from('# Report\n'), 'big.md');
    expect(record.anomalies).toEqual([expect.objectContaining({ code: 'UNREADABLE_FILE', severity: 'error' })]);
    rounds.push(record.anomalies[0]!.message);
    await parser.close();
  }
  expect(rounds.length).toBeGreaterThanOrEqual(10);
  expect(rounds.some((m) => /ran out of memory/.test(m))).toBe(true);
  // Give a late error event from the last threads time to arrive while the test still runs.
  await new Promise((r) => setTimeout(r, 500));
}, 60_000);

it('replaces a thread that dies while it waits for the next file', async () => {
  // Answers the first file, then eats its heap with no parse under way.
  const file = await threadFile(
    'dies-idle-thread.mjs',
    "if (m.fileName === 'first.md') { parentPort.postMessage({ seq: m.seq, record: { ok: m.fileName } }); setTimeout(eat, 10); } else parentPort.postMessage({ seq: m.seq, record: { ok: m.fileName } });",
  );
  const parser = new TimedParser(5_000, {}, file, THREAD_HEAP_MB);
  expect(await parser.parse(Buffer.from('x'), 'first.md')).toEqual({ ok: 'first.md' });
  await new Promise((r) => setTimeout(r, 1500));
  const started = performance.now();
  expect(await parser.parse(Buffer.from('x'), 'second.md')).toEqual({ ok: 'second.md' });
  // A fresh thread, not the dead one waited on until the 5 s deadline.
  expect(performance.now() - started).toBeLessThan(4_000);
  await parser.close();
}, 30_000);
