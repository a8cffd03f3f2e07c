import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordFromBytes } from '../../src/parse-report.js';
import { httpFixture, multipartBody, type HttpFixture } from './http-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';
const TOKEN = 'cross-site-test-token-0123456789';
const AUTH = { mode: 'required' as const, token: TOKEN, basic: null };
const bearer = { authorization: `Bearer ${TOKEN}` };

let fx: HttpFixture;
let heldId: string;
afterEach(async () => {
  await fx?.close();
});

/** An app with credentials and one record held for review (the sample's total does not add up). */
async function appWithHeldRecord(): Promise<void> {
  fx = await httpFixture({ auth: AUTH });
  const record = await recordFromBytes(await readFile(SAMPLE), 'kazakhstan-2023.md');
  expect(record.status).toBe('needs_review');
  await fx.store.save(record);
  heldId = record.id;
}

describe('state-changing requests from another origin', () => {
  it('refuses a decision whose Origin is another host or port, or whose Sec-Fetch-Site is not same-origin', async () => {
    await appWithHeldRecord();
    const url = `/reviews/${heldId}/approve`;
    for (const headers of [
      { origin: 'http://127.0.0.1:9999', host: '127.0.0.1:3000' },
      { origin: 'http://evil.example', host: '127.0.0.1:3000' },
      { origin: 'null', host: '127.0.0.1:3000' },
      { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await fx.app.inject({
        method: 'POST',
        url,
        headers: { ...bearer, ...headers, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toMatchObject({ error: 'CROSS_SITE' });
    }
    expect((await fx.store.get(heldId))?.place).toBe('review');

    // The desk's own fetch (same origin), and clients that are not browsers, still decide.
    const own = await fx.app.inject({
      method: 'POST',
      url,
      headers: {
        ...bearer,
        origin: 'http://127.0.0.1:3000',
        host: '127.0.0.1:3000',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      // The reviewer is the signed-in user; the body does not name one.
      payload: {},
    });
    expect(own.statusCode).toBe(200);
    // Signed in with the shared token: recorded under its name.
    expect(own.json().review.reviewer).toBe('reportflow');
    expect((await fx.store.get(heldId))?.place).toBe('outbox');
  });

  it('takes decisions as JSON only: a form body is refused before it is read', async () => {
    await appWithHeldRecord();
    const form = multipartBody(null, { reviewer: 'x' });
    for (const action of ['approve', 'reject']) {
      const multipart = await fx.app.inject({
        method: 'POST',
        url: `/reviews/${heldId}/${action}`,
        headers: { ...bearer, ...form.headers },
        payload: form.payload,
      });
      expect(multipart.statusCode).toBe(415);
      expect(multipart.json()).toMatchObject({ error: 'NOT_JSON' });
      const urlencoded = await fx.app.inject({
        method: 'POST',
        url: `/reviews/${heldId}/${action}`,
        headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'reviewer=x',
      });
      expect(urlencoded.statusCode).toBe(415);
    }
    expect((await fx.store.get(heldId))?.place).toBe('review');
    // No body at all is still a plain decision.
    const bare = await fx.app.inject({ method: 'POST', url: `/reviews/${heldId}/reject`, headers: bearer });
    expect(bare.statusCode).toBe(200);
  });
});

const hasChromium = existsSync(CHROMIUM);
describe.skipIf(!hasChromium)('a page on another origin, in a browser logged in to the desk', () => {
  let browser: Browser;
  let attacker: Server;
  let attackerPage = '';
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // Another localhost port: same site, other origin. It serves whatever page the test sets.
    attacker = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage),
    );
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('cannot approve, reject or force an upload with an auto-submitted multipart form', async () => {
    await appWithHeldRecord();
    await fx.app.listen({ host: '127.0.0.1', port: 0 });
    const api = `http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`;
    const evil = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    // The browser holds the desk's Basic credentials, as after a reviewer logged in.
    const context = await browser.newContext({
      httpCredentials: { username: 'reportflow', password: TOKEN, origin: api },
    });
    try {
      const page = await context.newPage();
      // Logged in: the desk itself opens.
      expect((await page.goto(`${api}/review`))?.status()).toBe(200);

      const targets = [
        { action: `${api}/reviews/${heldId}/approve`, file: false },
        { action: `${api}/reviews/${heldId}/reject`, file: false },
        { action: `${api}/reports?force=true`, file: true },
      ];
      for (const target of targets) {
        attackerPage =
          `<!doctype html><form id="f" method="POST" enctype="multipart/form-data" action="${target.action}">` +
          '<input name="reviewer" value="mallory"><input type="file" name="file"></form>' +
          '<script>document.getElementById("f").submit()</script>';
        const answer = page.waitForResponse(
          (response) => response.url() === target.action && response.request().method() === 'POST',
        );
        await page.goto(`${evil}/`);
        const response = await answer;
        expect(response.status(), target.action).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'CROSS_SITE' });
      }
      const found = await fx.store.get(heldId);
      expect(found?.place).toBe('review');
      expect(found?.record.review).toBeUndefined();
      expect(await fx.queue.jobState(heldId)).toBeNull();
    } finally {
      await context.close();
    }
  }, 60_000);
});
