import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasedCorpus } from '../../scripts/dataset/released-corpus.js';
import { removeKeysWithPrefix } from '../http/http-fixture.js';
import { waitFor } from '../sinks/sink-fixtures.js';
import { FIXTURES } from './released-records.js';

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
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`index browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

// About four editions of every fixture country: several reports per country-year, some of which disagree.
const corpus = releasedCorpus(104, FIXTURES);

describe.skipIf(!hasChromium)('the index pages in a browser', () => {
  let browser: Browser;
  let root: string;
  let serve: ChildProcess;
  let exited: Promise<unknown>;
  let api: string;
  let token: string;
  const prefix = `test-${randomUUID()}`;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    root = await mkdtemp(join(tmpdir(), 'reportflow-index-browser-'));
    await mkdir(join(root, 'outbox'), { recursive: true });
    for (const { record, releasedAt } of corpus) {
      const path = join(root, 'outbox', `${record.id}.json`);
      await writeFile(path, JSON.stringify(record));
      await utimes(path, new Date(releasedAt!), new Date(releasedAt!));
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REPORTFLOW_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
    };
    for (const key of [
      'REPORTFLOW_API_TOKEN',
      'REPORTFLOW_BASIC_USER',
      'REPORTFLOW_BASIC_PASSWORD',
      'REPORTFLOW_AUTH',
      'REPORTFLOW_RECORDS_JSONL',
      'DATABASE_URL',
    ])
      delete env[key];
    serve = spawn('node', [CLI, 'serve', '--port', '0', '--concurrency', '1', '--no-inbox'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => serve.once('exit', resolve));
    let out = '';
    serve.stdout!.on('data', (c) => (out += c));
    serve.stderr!.on('data', (c) => (out += c));
    const banner = await waitFor(
      () => /Authorization: Bearer \S+'/.test(out) && /workers /.test(out) && out,
      'the start-up banner',
      25_000,
    );
    api = /listening on (http:\/\/[\d.:]+)/.exec(banner)![1]!;
    token = /Authorization: Bearer (\S+)'/.exec(banner)![1]!;
  }, 40_000);

  afterAll(async () => {
    await browser?.close();
    if (serve && serve.exitCode === null) {
      serve.kill('SIGTERM');
      await exited;
    }
    await removeKeysWithPrefix(prefix);
    await rm(root, { recursive: true, force: true });
  }, 30_000);

  const shots = () => process.env.INDEX_SCREENSHOT_DIR ?? root;

  it('ranks the countries, opens one with its heat map and line, and lists the disagreements, all from the service alone', async () => {
    const context = await browser.newContext({
      httpCredentials: { username: 'reportflow', password: token },
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const requested: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requested.push(r.url()));

    await page.goto(`${api}/index`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Countries');
    const rows = page.locator('table.ranking tbody tr');
    const countries = new Set(corpus.flatMap(({ record }) => record.scoreTables.map((t) => t.subject)));
    expect(await rows.count()).toBeGreaterThanOrEqual(20);
    expect(countries.size).toBeGreaterThan(0);
    const totals = (await page.locator('table.ranking tbody td .bar-cell strong').allTextContents()).map(Number);
    expect(totals.length).toBe(await rows.count());
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(await page.locator('table.ranking svg.chart.spark').count()).toBe(totals.length);
    await page.screenshot({ path: join(shots(), 'index-overview.png'), fullPage: false });

    // Kazakhstan: the answers of each year come from the latest report that gives the year.
    await page.locator('tr[data-country="KAZ"] a').first().click();
    await page.waitForURL(`${api}/index/countries/KAZ`);
    const kaz = corpus.filter(({ record }) => record.report.country?.iso3 === 'KAZ');
    const years = [...new Set(kaz.flatMap(({ record }) => record.scoreTables[0]!.rows.map((r) => r.year)))].sort(
      (a, b) => a - b,
    );
    const latestFor = (year: number) =>
      kaz
        .filter(({ record }) => record.scoreTables[0]!.rows.some((r) => r.year === year))
        .sort((a, b) => b.record.report.date!.localeCompare(a.record.report.date!))[0]!.record;
    const cells = page.locator('svg.chart.grid g.cell');
    expect(await cells.count()).toBe(12 * years.length);
    for (const [i, year] of years.entries()) {
      const expected = latestFor(year).scoreTables[0]!.rows.find((r) => r.year === year)!.answers.Q7 ?? '';
      // Cells run question by question, each across the years.
      const cell = cells.nth(6 * years.length + i);
      expect(await cell.getAttribute('data-answer')).toBe(expected);
      expect(await cell.locator('title').textContent()).toContain(`Q7 ${year}`);
      expect(await cell.locator('title').textContent()).toContain(latestFor(year).source.fileName);
    }
    expect(await page.locator('svg.chart.grid g.cell[data-answer="Y"] rect').first().getAttribute('fill')).toBe(
      '#2e7d32',
    );
    expect(await page.locator('svg.chart.line circle.total-point').count()).toBe(years.length);
    await page.screenshot({ path: join(shots(), 'index-country.png'), fullPage: true });

    await page.getByRole('link', { name: 'Disagreements', exact: true }).click();
    await page.waitForURL(`${api}/index/consistency`);
    const findings = page.locator('table.findings tbody tr');
    expect(await findings.count()).toBeGreaterThan(0);
    const apiFindings = (await (
      await fetch(`${api}/consistency`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { findings: unknown[] };
    expect(await findings.count()).toBe(apiFindings.findings.length);
    await page.screenshot({ path: join(shots(), 'index-consistency.png'), fullPage: false });

    expect(errors).toEqual([]);
    // Nothing from another origin: the pages work offline.
    expect(requested.filter((url) => !url.startsWith(api))).toEqual([]);
    await context.close();
  }, 60_000);
});
