import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/service/config.js';
import { startInboxWatcher, type InboxWatcher } from '../../src/service/intake/inbox-watcher.js';
import type { IntakeRequest } from '../../src/service/intake/intake.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function inboxWithLink(): Promise<{ inbox: string; secret: string }> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-links-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const inbox = join(root, 'inbox');
  await mkdir(inbox);
  // A file outside the inbox, as /etc/hostname would be.
  const secret = join(root, 'outside.txt');
  await writeFile(secret, 'not for the pipeline\n');
  await symlink(secret, join(inbox, 'x.md'));
  await writeFile(join(inbox, 'real.md'), '# Report\n');
  return { inbox, secret };
}

async function watch(inbox: string, followSymlinks: boolean) {
  const submitted: IntakeRequest[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  const intake = {
    submit: async (request: IntakeRequest) => {
      submitted.push(request);
      return { id: '0'.repeat(64), state: 'waiting' as const, duplicate: false, place: null };
    },
  };
  const watcher: InboxWatcher = await startInboxWatcher(
    { dir: inbox, stableMs: 50, pollMs: 20, followSymlinks },
    { intake, logger },
  );
  cleanups.push(() => watcher.close());
  await new Promise((r) => setTimeout(r, 600));
  return { submitted: submitted.map((s) => s.fileName).sort(), lines };
}

it('skips a symbolic link in the inbox and says why', async () => {
  const { inbox } = await inboxWithLink();
  const { submitted, lines } = await watch(inbox, false);
  expect(submitted).toEqual(['real.md']);
  expect(lines.filter((l) => l.msg === String(l.msg) && /skipped a symbolic link/.test(String(l.msg)))).toEqual([
    expect.objectContaining({ file: 'x.md', level: 40 }),
  ]);
});

it('reads what links point to when the setting allows it', async () => {
  const { inbox } = await inboxWithLink();
  const { submitted } = await watch(inbox, true);
  expect(submitted).toEqual(['real.md', 'x.md']);
  expect(loadConfig({}, { REPORTFLOW_INBOX_FOLLOW_SYMLINKS: 'true' }).inbox.followSymlinks).toBe(true);
  expect(loadConfig({}, {}).inbox.followSymlinks).toBe(false);
});
