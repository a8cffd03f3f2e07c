import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFixture, type HttpFixture } from './http-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let fx: HttpFixture;
afterEach(async () => {
  await fx?.close();
});

describe.skipIf(!existsSync(CHROMIUM))('the queue dashboard in a browser', () => {
  it('shows the parse queue and fetches nothing from anywhere but the service', async () => {
    fx = await httpFixture();
    await fx.app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
      });
      await page.goto(`${origin}/admin/queues`);
      // The board rendered (its React app ran and asked the API for the queues).
      await expect.poll(() => page.getByText('parse', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
