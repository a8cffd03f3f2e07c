import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
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
if (!hasChromium)
  console.warn(`review desk browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

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

/** The reviewers' named tokens the service is started with (REPORTFLOW_API_TOKENS). */
const ANA_TOKEN = 'ana-desk-token-0123456789';
const BEN_TOKEN = 'ben-desk-token-0123456789';

/**
 * `reportflow serve` as a user starts it, with its own folders, queue prefix and
 * database; with `namedTokens` the reviewers have tokens of their own, else the
 * service generates one and prints it.
 */
async function startServe(
  options: { namedTokens?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ root: string; api: string; token: string; dbUrl: string }> {
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
  for (const key of [
    'REPORTFLOW_API_TOKEN',
    'REPORTFLOW_API_TOKENS',
    'REPORTFLOW_BASIC_USER',
    'REPORTFLOW_BASIC_PASSWORD',
    'REPORTFLOW_AUTH',
    'REPORTFLOW_RECORDS_JSONL',
  ])
    delete env[key];
  if (options.namedTokens) env.REPORTFLOW_API_TOKENS = `ana:${ANA_TOKEN},ben:${BEN_TOKEN}`;
  Object.assign(env, options.env);
  const serve = spawn('node', [CLI, 'serve', '--port', '0', '--concurrency', '1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const banner = await waitFor(
    () => {
      if (gone) throw new Error(`serve exited:\n${out}`);
      const access = options.namedTokens
        ? /named tokens of ana, ben/.test(out)
        : /curl -H 'Authorization: Bearer \S+' \S+/.test(out);
      return access && /workers /.test(out) && out;
    },
    'the start-up banner',
    25_000,
  );
  const api = /listening on (http:\/\/[\d.:]+)/.exec(banner)![1]!;
  if (options.namedTokens) return { root, api, token: ANA_TOKEN, dbUrl };
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

const DOCS_IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');
const KAZAKHSTAN_PDF = join(import.meta.dirname, '..', '..', 'fixtures', 'kazakhstan-2023', 'report.pdf');
const SCANNED_PNG = join(import.meta.dirname, '..', 'data', 'scans', 'kazakhstan-page1-flat.png');
const ENCRYPTED_PDF = join(import.meta.dirname, '..', '..', 'fixtures', 'encrypted-pdf', 'report.pdf');
const TOTAL_2022 = '/scoreTables/0/rows/1/reportedTotal';

/** Each desk page as the test leaves it, for the docs (docs/review-desk.md shows them). */
async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_IMAGES, { recursive: true });
  await page.screenshot({ path: join(DOCS_IMAGES, `desk-${name}.png`), fullPage: true });
}

async function heldIds(api: string, token: string): Promise<string[]> {
  const list = (await (await fetch(`${api}/reviews`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    reviews: Array<{ id: string }>;
  };
  return list.reviews.map((r) => r.id);
}

async function dropIntoInbox(root: string, files: Array<{ path: string; name: string }>): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    ids.push(sha256Hex(await readFile(file.path)));
    await copyFile(file.path, join(root, 'inbox', file.name));
  }
  return ids;
}

async function deskPage(api: string, username: string, password: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    httpCredentials: { username, password },
    viewport: { width: 1280, height: 900 },
  });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

describe.skipIf(!hasChromium)('review desk in a browser', () => {
  it('shows a PDF value on its page with its box and a Markdown value on its line; corrects and approves by keyboard, recording the signed-in reviewer', async () => {
    const { root, api, dbUrl } = await startServe({ namedTokens: true });
    const [mdId, pdfId] = await dropIntoInbox(root, [
      { path: SAMPLE, name: 'kazakhstan-2023.md' },
      { path: KAZAKHSTAN_PDF, name: 'kazakhstan-2023.pdf' },
    ]);
    await waitFor(
      async () => {
        const held = await heldIds(api, ANA_TOKEN);
        return held.includes(mdId!) && held.includes(pdfId!);
      },
      'both records held for review',
      30_000,
    );

    // Without credentials the desk asks the browser for them.
    const refused = await fetch(`${api}/review`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="reportflow"/);

    const { page, errors } = await deskPage(api, 'ana', ANA_TOKEN);
    await page.goto(`${api}/review`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Waiting for review');
    const row = page.locator(`tr[data-id="${mdId}"]`);
    expect(await row.textContent()).toContain('TOTAL_MISMATCH');
    expect(await row.textContent()).toContain('Kazakhstan');
    expect(await row.textContent()).toContain('2023-03-23');
    await screenshot(page, 'waiting');

    // The PDF: the page drawn, the 2022 total outlined where the document prints it, and enlarged beside it.
    await page.goto(`${api}/review/${pdfId}`);
    const pdfAnomaly = page.locator('li.anomaly[data-code="TOTAL_MISMATCH"]');
    const figure = pdfAnomaly.locator('figure.page-source');
    await expect.poll(() => figure.getAttribute('class'), { timeout: 20_000 }).toBe('page-source drawn');
    expect(await figure.locator('figcaption').textContent()).toMatch(/^Source: page 1/);
    const shown = await figure.evaluate((f) => {
      const img = f.querySelector('.page img') as HTMLImageElement;
      const at = img.getBoundingClientRect();
      const box = f.querySelector('.page .box')!.getBoundingClientRect();
      const crop = f.querySelector('.crop') as HTMLElement;
      return {
        natural: img.naturalWidth,
        box: [
          (box.left - at.left) / at.width,
          (box.top - at.top) / at.height,
          (box.right - at.left) / at.width,
          (box.bottom - at.top) / at.height,
        ],
        crop: { background: crop.style.backgroundImage, height: crop.getBoundingClientRect().height },
      };
    });
    expect(shown.natural).toBeGreaterThan(1000);
    // The outline is the record's box for the value, drawn where the record says …
    const record = (await (
      await fetch(`${api}/reports/${pdfId}`, { headers: { authorization: `Bearer ${ANA_TOKEN}` } })
    ).json()) as { provenance: Record<string, { page: number; box: number[] }> };
    const recorded = record.provenance[TOTAL_2022]!;
    expect(recorded.page).toBe(1);
    shown.box.forEach((edge, i) => expect(edge).toBeCloseTo(recorded.box[i]!, 2));
    // … and it covers "4.33" as printed: 9 pt digits at x 501–521 pt on the baseline 520 pt of a 612 × 792 pt
    // page, so from about 265.5 pt (the digits' tops) to 272 pt from the top: x 0.819–0.851, y 0.335–0.343.
    const [x0, y0, x1, y1] = shown.box as [number, number, number, number];
    expect(x0).toBeLessThanOrEqual(0.82);
    expect(x1).toBeGreaterThanOrEqual(0.85);
    expect(y0).toBeLessThanOrEqual(0.335);
    expect(y1).toBeGreaterThanOrEqual(0.343);
    expect(y1 - y0).toBeLessThan(0.1);
    expect(shown.crop.background).toContain(`/review/${pdfId}/pages/1.webp`);
    expect(shown.crop.height).toBeGreaterThan(24);
    await screenshot(page, 'record-pdf');

    // The Markdown file: the lines around the value, its line marked and the value in it.
    await page.goto(`${api}/review/${mdId}`);
    const anomaly = page.locator('li.anomaly[data-code="TOTAL_MISMATCH"]');
    expect(await anomaly.textContent()).toContain('2022: Total says 4.33, answers add up to 4.5');
    expect(await anomaly.locator('figcaption').textContent()).toBe('Source: line 15');
    expect(await anomaly.locator('tr.focus th').textContent()).toBe('15');
    expect(await anomaly.locator('tr.focus mark').textContent()).toBe('4.33');
    // The grid: Q4–Q6 changed from N in 2021 to P in 2022, the 2022 total does not add up.
    expect(await page.locator('tr[data-year="2022"] td.changed-year').count()).toBe(3);
    expect(await page.locator('tr[data-year="2022"] td.computed.mismatch').textContent()).toBe('4.5');
    expect(await page.getByText('Reviewer: ana').count()).toBe(1);

    // Keys: j to the anomaly, e to its value, Shift+A to approve.
    const codes = await page
      .locator('li.anomaly')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    for (let i = 0; i <= codes.indexOf('TOTAL_MISMATCH'); i++) await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('TOTAL_MISMATCH');
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('2022 total');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4.5');
    await page.getByLabel('Note or reason (optional)').fill('total re-added by hand');
    expect(await page.locator('#changes').textContent()).toBe('1 field changed.');
    await screenshot(page, 'record-markdown');
    await page.getByLabel('2022 total').focus();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('TOTAL_MISMATCH');
    await page.keyboard.press('Shift+A');
    await page.waitForURL(/\/review\?done=approved/);
    expect(await page.getByRole('status').first().textContent()).toBe('kazakhstan-2023.md was approved.');
    expect(await page.locator(`tr[data-id="${mdId}"]`).count()).toBe(0);

    const released = JSON.parse(await readFile(join(root, 'outbox', `${mdId}.json`), 'utf8'));
    expect(released.status).toBe('ok');
    expect(released.scoreTables[0].rows[1].reportedTotal).toBe(4.5);
    expect(released.review).toMatchObject({
      state: 'approved',
      reviewer: 'ana',
      note: 'total re-added by hand',
      corrections: [{ path: TOTAL_2022, from: 4.33, to: 4.5 }],
    });
    // The record page says who approved it.
    await page.goto(`${api}/review/${mdId}`);
    expect(await page.locator('.notice.trail').textContent()).toMatch(
      /^Approved by ana at .* with 1 correction: “total re-added by hand”\.$/,
    );
    expect(errors).toEqual([]);

    const jsonlLine = await waitFor(
      async () => {
        const text = await readFile(join(root, 'outbox', 'records.jsonl'), 'utf8').catch(() => '');
        return text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
          .find((r) => r.id === mdId);
      },
      'the approved record in records.jsonl',
      20_000,
    );
    expect(jsonlLine.review.reviewer).toBe('ana');

    const db = new pg.Pool({ connectionString: dbUrl, max: 1 });
    db.on('error', () => undefined);
    cleanups.push(() => db.end());
    const stored = await waitFor(
      async () => {
        const result = await db
          .query('SELECT status, record FROM report_records WHERE id = $1', [mdId])
          .catch(() => null);
        return result?.rows[0];
      },
      'the approved record in PostgreSQL',
      20_000,
    );
    expect(stored.status).toBe('ok');
    expect(stored.record.review).toMatchObject({
      reviewer: 'ana',
      corrections: [{ path: TOTAL_2022, from: 4.33, to: 4.5 }],
    });
  }, 120_000);

  it('finds records by country and by anomaly code, keeps unreadable files apart, and shows a low-confidence value with its crop', async () => {
    const { root, api, token } = await startServe();
    // A scanned page of the Kazakhstan report (PNG): OCR reads its answers, some below the 0.8 confidence threshold.
    const [mdId, failedId, lowId] = await dropIntoInbox(root, [
      { path: SAMPLE, name: 'kazakhstan-2023.md' },
      { path: ENCRYPTED_PDF, name: 'locked.pdf' },
      { path: SCANNED_PNG, name: 'kazakhstan-2023-scan.png' },
    ]);
    await waitFor(
      async () => {
        const held = await heldIds(api, token);
        return held.includes(mdId!) && held.includes(failedId!) && held.includes(lowId!);
      },
      'the three records held for review',
      120_000,
    );
    // Held for review is stored; the job that stored it may still be finishing (202 until it has).
    const scan = (await waitFor(
      async () => {
        const answer = await fetch(`${api}/reports/${lowId}`, { headers: { authorization: `Bearer ${token}` } });
        return answer.status === 200 ? answer.json() : null;
      },
      "the scan's record",
      30_000,
    )) as {
      source: { format: string; ocr: unknown };
      anomalies: Array<{ code: string; path: string | null }>;
      provenance: Record<string, { page?: number; box?: number[]; confidence?: number }>;
    };
    expect(scan.source.format).toBe('image');
    expect(scan.source.ocr).not.toBeNull();
    const lowPath = scan.anomalies.find((a) => a.code === 'LOW_CONFIDENCE')?.path;
    expect(lowPath, JSON.stringify(scan.anomalies)).toBeTruthy();
    const lowSource = scan.provenance[lowPath!]!;
    expect(lowSource.page).toBe(1);
    expect(lowSource.confidence).toBeLessThan(0.8);

    const { page, errors } = await deskPage(api, 'reportflow', token);
    await page.goto(`${api}/review`);
    expect(
      await page
        .locator('table.held:not(.failed) tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? '').sort((a, b) => a.localeCompare(b))),
    ).toEqual([mdId!, lowId].sort((a, b) => a.localeCompare(b)));
    expect(await page.locator('#failed-h').textContent()).toBe('Files that could not be read (1)');
    expect(await page.locator(`table.failed tr[data-id="${failedId}"]`).textContent()).toContain('UNREADABLE_FILE');
    await screenshot(page, 'waiting-and-failed');

    await page.goto(`${api}/review/records`);
    expect(await page.locator('caption').textContent()).toBe('Records 1–3 of 3');
    await page.getByLabel('Country', { exact: true }).fill('Kazakhstan');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/country=Kazakhstan/);
    expect(
      (await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''))).sort(
        (a, b) => a.localeCompare(b),
      ),
    ).toEqual([mdId!, lowId].sort((a, b) => a.localeCompare(b)));
    await page.getByLabel('Country', { exact: true }).fill('');
    await page.getByLabel('Anomaly', { exact: true }).selectOption('LOW_CONFIDENCE');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/code=LOW_CONFIDENCE/);
    expect(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([
      lowId,
    ]);
    await page.getByLabel('Anomaly', { exact: true }).selectOption('UNREADABLE_FILE');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/code=UNREADABLE_FILE/);
    expect(await page.locator('tbody tr').getAttribute('data-state')).toBe('failed');
    await page.goto(`${api}/review/records?country=KZ`);
    await screenshot(page, 'records');

    await page.goto(`${api}/review/${lowId}`);
    const anomaly = page.locator(`li.anomaly[data-code="LOW_CONFIDENCE"]:has(code:text-is("${lowPath}"))`);
    expect(await anomaly.locator('.confidence.low').textContent()).toBe(`${Math.round(lowSource.confidence! * 100)} %`);
    const figure = anomaly.locator('figure.page-source');
    await expect.poll(() => figure.getAttribute('class'), { timeout: 20_000 }).toBe('page-source drawn');
    const crop = await figure.locator('.crop').evaluate((c) => ({
      background: (c as HTMLElement).style.backgroundImage,
      width: c.getBoundingClientRect().width,
    }));
    expect(crop.background).toContain(`/review/${lowId}/pages/1.webp`);
    expect(crop.width).toBeGreaterThan(300);
    expect(await page.locator(`[data-path="${lowPath}"]`).evaluate((c) => c.closest('.low-confidence') !== null)).toBe(
      true,
    );
    await figure.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-low-confidence');
    expect(errors).toEqual([]);
  }, 240_000);

  it('moves through the list with the keyboard and rejects a record with a reason, recording the reviewer', async () => {
    const { root, api } = await startServe({ namedTokens: true });
    const ids = await dropIntoInbox(root, [
      { path: SAMPLE, name: 'kazakhstan-2023.md' },
      { path: KAZAKHSTAN_PDF, name: 'kazakhstan-2023.pdf' },
    ]);
    await waitFor(
      async () => {
        const held = await heldIds(api, BEN_TOKEN);
        return ids.every((id) => held.includes(id));
      },
      'both records held for review',
      30_000,
    );

    const { page } = await deskPage(api, 'ben', BEN_TOKEN);
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

    await page.getByLabel('Note or reason (optional)').fill('duplicate of the Markdown copy');
    await page.locator('li.anomaly').first().focus();
    await page.keyboard.press('Shift+R');
    await page.waitForURL(/\/review\?done=rejected/);
    expect(await page.locator(`tr[data-id="${rowIds[1]}"]`).count()).toBe(0);
    expect(await page.locator(`tr[data-id="${rowIds[0]}"]`).count()).toBe(1);
    const rejected = JSON.parse(await readFile(join(root, 'data', 'rejected', `${rowIds[1]}.json`), 'utf8'));
    expect(rejected.review).toMatchObject({
      state: 'rejected',
      reviewer: 'ben',
      note: 'duplicate of the Markdown copy',
      corrections: [],
    });
  }, 90_000);
});
