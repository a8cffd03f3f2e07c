import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import { removeKeysWithPrefix } from '../http/http-fixture.js';
import { DATABASE_URL, obliterateDeliverQueue, waitFor } from '../sinks/sink-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`review desk browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error: Error) => console.error('cleanup:', error.message));
});

/** `reportflow serve` as a user starts it (no credentials configured), with its own folders, queue prefix and database. */
async function startServe(): Promise<{ root: string; api: string; token: string; dbUrl: string }> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-desk-'));
  const prefix = `test-${randomUUID()}`;
  const dbName = `reportflow_desk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  admin.on('error', () => undefined);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString();
  cleanups.push(async () => {
    await rm(root, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REPORTFLOW_QUEUE_PREFIX: prefix,
    DATABASE_URL: dbUrl,
    REPORTFLOW_INBOX_STABLE_MS: '200',
    REPORTFLOW_INBOX_POLL_MS: '50',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  for (const key of ['REPORTFLOW_API_TOKEN', 'REPORTFLOW_BASIC_USER', 'REPORTFLOW_BASIC_PASSWORD', 'REPORTFLOW_AUTH', 'REPORTFLOW_RECORDS_JSONL']) delete env[key];
  const serve = spawn('node', [CLI, 'serve', '--port', '0', '--concurrency', '1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    await stop(serve, exited);
    await obliterateDeliverQueue(prefix);
    await removeKeysWithPrefix(prefix);
  });
  let out = '';
  serve.stdout!.on('data', (c) => (out += c));
  serve.stderr!.on('data', (c) => (out += c));
  let gone = false;
  void exited.then(() => (gone = true));
  const banner = await waitFor(() => {
    if (gone) throw new Error(`serve exited:\n${out}`);
    return /curl -H 'Authorization: Bearer \S+' \S+/.test(out) && /workers /.test(out) && out;
  }, 'the start-up banner', 25_000);
  const api = /listening on (http:\/\/[\d.:]+)/.exec(banner)![1]!;
  const token = /Authorization: Bearer (\S+)'/.exec(banner)![1]!;
  expect(banner).toContain(`${api}/review  (user reportflow`);
  return { root, api, token, dbUrl };
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killed);
}

describe.skipIf(!hasChromium)('review desk in a browser', () => {
  it('corrects a flagged total from the inbox, approves it, and the corrected record reaches outbox, records.jsonl and PostgreSQL', async () => {
    const { root, api, token, dbUrl } = await startServe();
    const id = sha256Hex(await readFile(SAMPLE));
    await copyFile(SAMPLE, join(root, 'inbox', 'kazakhstan-2023.md'));
    const bearer = { authorization: `Bearer ${token}` };
    await waitFor(async () => {
      const list = (await (await fetch(`${api}/reviews`, { headers: bearer })).json()) as { reviews: Array<{ id: string }> };
      return list.reviews.some((r) => r.id === id);
    }, 'the record held for review', 30_000);

    // Without credentials the desk asks the browser for them.
    const refused = await fetch(`${api}/review`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="reportflow"/);

    const context = await browser.newContext({ httpCredentials: { username: 'reportflow', password: token }, viewport: { width: 1200, height: 900 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api}/review`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Held records');
    const row = page.locator(`tr[data-id="${id}"]`);
    expect(await row.textContent()).toContain('TOTAL_MISMATCH');
    expect(await row.textContent()).toContain('Kazakhstan');
    expect(await row.textContent()).toContain('2023-03-23');
    // Keyboard: the first record has focus, j/k move, Enter opens.
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id'))).toBe(id);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${api}/review/${id}`);

    const anomaly = page.locator('li.anomaly[data-code="TOTAL_MISMATCH"]');
    expect(await anomaly.textContent()).toContain('2022: Total says 4.33, answers add up to 4.5');
    expect(await anomaly.locator('dd.value').textContent()).toContain('4.33');
    // The source beside it: the table's header and its 2022 row, with the Markdown line it starts on.
    expect(await anomaly.locator('figcaption').textContent()).toBe('Source: table (line 13)');
    expect(await anomaly.locator('tr.focus').textContent()).toBe('2022NNYPPPPNPNYN4.33');

    const total = page.getByLabel('2022 total');
    expect(await total.inputValue()).toBe('4.33');
    await total.fill('4.5');
    await page.getByLabel('Reviewer').fill('ana');
    await page.getByLabel('Note or reason (optional)').fill('total re-added by hand');
    expect(await page.locator('#changes').textContent()).toBe('1 field changed.');
    // Kept when DESK_SCREENSHOT_DIR is set, to look at the page.
    await page.screenshot({ path: join(process.env.DESK_SCREENSHOT_DIR ?? root, 'record-page.png'), fullPage: true });

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/review\?done=approved/);
    expect(await page.getByRole('status').first().textContent()).toBe('kazakhstan-2023.md was approved.');
    expect(await page.locator(`tr[data-id="${id}"]`).count()).toBe(0);
    expect(pageErrors).toEqual([]);

    const released = JSON.parse(await readFile(join(root, 'outbox', `${id}.json`), 'utf8'));
    expect(released.status).toBe('ok');
    expect(released.scoreTables[0].rows[1].reportedTotal).toBe(4.5);
    expect(released.review).toMatchObject({
      state: 'approved',
      reviewer: 'ana',
      note: 'total re-added by hand',
      corrections: [{ path: '/scoreTables/0/rows/1/reportedTotal', from: 4.33, to: 4.5 }],
    });
    // Only the changed field was sent.
    expect(released.review.corrections).toHaveLength(1);

    const jsonlLine = await waitFor(async () => {
      const text = await readFile(join(root, 'outbox', 'records.jsonl'), 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .find((r) => r.id === id);
    }, 'the approved record in records.jsonl', 20_000);
    expect(jsonlLine.scoreTables[0].rows[1].reportedTotal).toBe(4.5);
    expect(jsonlLine.review.corrections).toEqual([{ path: '/scoreTables/0/rows/1/reportedTotal', from: 4.33, to: 4.5 }]);

    const db = new pg.Pool({ connectionString: dbUrl, max: 1 });
    db.on('error', () => undefined);
    cleanups.push(() => db.end());
    const stored = await waitFor(async () => {
      const result = await db.query('SELECT status, record FROM report_records WHERE id = $1', [id]).catch(() => null);
      return result?.rows[0];
    }, 'the approved record in PostgreSQL', 20_000);
    expect(stored.status).toBe('ok');
    expect(stored.record.scoreTables[0].rows[1].reportedTotal).toBe(4.5);
    expect(stored.record.review.corrections[0]).toEqual({ path: '/scoreTables/0/rows/1/reportedTotal', from: 4.33, to: 4.5 });
  }, 90_000);
  it('moves through the list with the keyboard and rejects a record with a reason', async () => {
    const { root, api, token } = await startServe();
    const files = [
      { path: SAMPLE, name: 'kazakhstan-2023.md' },
      { path: join(import.meta.dirname, '..', '..', 'fixtures', 'kazakhstan-2023', 'report.pdf'), name: 'kazakhstan-2023.pdf' },
    ];
    const ids: string[] = [];
    for (const file of files) {
      ids.push(sha256Hex(await readFile(file.path)));
      await copyFile(file.path, join(root, 'inbox', file.name));
    }
    await waitFor(async () => {
      const list = (await (await fetch(`${api}/reviews`, { headers: { authorization: `Bearer ${token}` } })).json()) as { reviews: Array<{ id: string }> };
      return ids.every((id) => list.reviews.some((r) => r.id === id));
    }, 'both records held for review', 30_000);

    const context = await browser.newContext({ httpCredentials: { username: 'reportflow', password: token } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(`${api}/review`);
    const focusedId = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id'));
    const rowIds = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    const byText = (a: string | null, b: string | null) => String(a).localeCompare(String(b));
    expect([...rowIds].sort(byText)).toEqual([...ids].sort(byText));
    expect(await focusedId()).toBe(rowIds[0]);
    await page.keyboard.press('j');
    expect(await focusedId()).toBe(rowIds[1]);
    await page.keyboard.press('j');
    expect(await focusedId()).toBe(rowIds[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedId()).toBe(rowIds[0]);
    await page.keyboard.press('ArrowDown');
    // The focused row is visibly marked.
    expect(await page.locator('tbody tr:focus-within').getAttribute('data-id')).toBe(rowIds[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${api}/review/${rowIds[1]}`);

    await page.getByLabel('Reviewer').fill('ana');
    await page.getByLabel('Note or reason (optional)').fill('duplicate of the Markdown copy');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.waitForURL(/\/review\?done=rejected/);
    expect(await page.locator(`tr[data-id="${rowIds[1]}"]`).count()).toBe(0);
    expect(await page.locator(`tr[data-id="${rowIds[0]}"]`).count()).toBe(1);
    const rejected = JSON.parse(await readFile(join(root, 'data', 'rejected', `${rowIds[1]}.json`), 'utf8'));
    expect(rejected.review).toMatchObject({ state: 'rejected', reviewer: 'ana', note: 'duplicate of the Markdown copy', corrections: [] });
  }, 90_000);
});
