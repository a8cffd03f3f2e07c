import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type AuthConfig } from '../../src/service/config.js';
import { accessBannerLines, AuthSetupError, authForServe } from '../../src/service/http/auth.js';
import { buildApp } from '../../src/service/http/build-app.js';
import { Intake } from '../../src/service/intake/intake.js';
import { createMetrics } from '../../src/service/metrics.js';
import { ParseQueue } from '../../src/service/queue/bullmq-adapter.js';
import { ReviewService } from '../../src/service/review/review-service.js';
import { RecordsStore } from '../../src/service/store/records-store.js';
import { createDelivery } from '../../src/service/delivery/deliver.js';
import { obliterateDeliverQueue, testDeliveryConfig } from '../sinks/sink-fixtures.js';
import { removeKeysWithPrefix } from './http-fixture.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const TOKEN = 'token-0123456789-abcdef';
const BASIC = { user: 'ana', password: 'correct horse battery' };
const SOME_ID = 'a'.repeat(64);

/** Every kind of route the service has, each as a request that succeeds (2xx) once authorized. */
const PROTECTED: Array<{ method: 'GET' | 'POST'; url: string; ok: number }> = [
  { method: 'GET', url: '/', ok: 200 },
  { method: 'GET', url: '/reports', ok: 200 },
  { method: 'GET', url: '/reviews', ok: 200 },
  { method: 'GET', url: '/review', ok: 200 },
  { method: 'GET', url: '/review/assets/desk.js', ok: 200 },
  { method: 'GET', url: '/admin/queues', ok: 200 },
  { method: 'GET', url: '/admin/queues/api/queues', ok: 200 },
  { method: 'GET', url: '/metrics', ok: 200 },
  { method: 'GET', url: '/deliveries/dead', ok: 200 },
  { method: 'POST', url: '/deliveries/dead/retry', ok: 202 },
];
/** Routes whose answer without a record is 404/400, not 2xx: they must still say 401 first. */
const PROTECTED_MISSES = [
  { method: 'GET' as const, url: `/reports/${SOME_ID}` },
  { method: 'GET' as const, url: `/review/${SOME_ID}` },
  { method: 'POST' as const, url: `/reviews/${SOME_ID}/approve` },
  { method: 'POST' as const, url: '/reports' },
  { method: 'GET' as const, url: '/no-such-route' },
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** The real app over a real store, queue and delivery (all sinks off), with the given access settings. */
async function appWith(auth: AuthConfig): Promise<FastifyInstance> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-auth-'));
  const dirs = { inbox: join(root, 'inbox'), outbox: join(root, 'outbox'), data: join(root, 'data') };
  const deliveryConfig = testDeliveryConfig();
  const prefix = deliveryConfig.queuePrefix;
  const queue = new ParseQueue({ redisUrl: REDIS_URL, prefix, attempts: 1 });
  const store = new RecordsStore(dirs);
  await store.init();
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics({ processMetrics: false });
  const delivery = createDelivery(deliveryConfig, { redisUrl: REDIS_URL, metrics });
  cleanups.push(async () => {
    await delivery.close();
    await obliterateDeliverQueue(prefix);
    await queue.close();
    await removeKeysWithPrefix(prefix);
    await rm(root, { recursive: true, force: true });
  });
  const app = buildApp({
    config: { http: { host: '127.0.0.1', port: 0, maxUploadBytes: 1024 * 1024 }, dirs, auth },
    store,
    review: new ReviewService({ store, release: (record) => delivery.deliver(record) }),
    queue,
    intake: new Intake({ queue, store, dataDir: dirs.data, logger, metrics }),
    logger,
    metrics,
    delivery,
    dashboardQueues: [delivery.queue.dashboardQueue()],
    health: async () => ({ status: 'ok', redis: 'ok', workers: 1 }),
  });
  cleanups.push(() => app.close());
  await app.ready();
  return app;
}

const basicHeader = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('access to the HTTP API, desk and dashboard', () => {
  it('answers 401 with a Basic challenge on every route but GET /health when no credentials come', async () => {
    const app = await appWith({ mode: 'required', token: TOKEN, basic: BASIC });
    for (const route of [...PROTECTED, ...PROTECTED_MISSES]) {
      const response = await app.inject({ method: route.method, url: route.url });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Basic realm="reportflow", charset="UTF-8"');
      expect(response.json()).toMatchObject({ error: 'UNAUTHORIZED' });
    }
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    // Only the probe is open: writing to it is not.
    expect((await app.inject({ method: 'POST', url: '/health' })).statusCode).toBe(401);
  });

  it('lets the token (Bearer, or Basic as user reportflow) and the Basic user through', async () => {
    const app = await appWith({ mode: 'required', token: TOKEN, basic: BASIC });
    const ways = {
      bearer: `Bearer ${TOKEN}`,
      basic: basicHeader(BASIC.user, BASIC.password),
      tokenAsPassword: basicHeader('reportflow', TOKEN),
    };
    for (const [way, authorization] of Object.entries(ways)) {
      for (const route of PROTECTED) {
        const response = await app.inject({ method: route.method, url: route.url, headers: { authorization } });
        expect(response.statusCode, `${way}: ${route.method} ${route.url}`).toBe(route.ok);
      }
      const miss = await app.inject({ method: 'GET', url: `/reports/${SOME_ID}`, headers: { authorization } });
      expect(miss.statusCode, way).toBe(404);
    }
  });

  it('refuses wrong or malformed credentials', async () => {
    const app = await appWith({ mode: 'required', token: TOKEN, basic: BASIC });
    const wrong = [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      'Bearer ',
      TOKEN,
      basicHeader(BASIC.user, 'wrong password'),
      basicHeader('someone', BASIC.password),
      basicHeader('someone', TOKEN),
      `Basic ${Buffer.from(BASIC.user + BASIC.password).toString('base64')}`,
      'Basic !!!',
      `Digest ${TOKEN}`,
    ];
    for (const authorization of wrong) {
      const response = await app.inject({ method: 'GET', url: '/reviews', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  it('is open only when REPORTFLOW_AUTH=none says so', async () => {
    const app = await appWith({ mode: 'none', token: null, basic: null });
    for (const route of PROTECTED) {
      expect((await app.inject({ method: route.method, url: route.url })).statusCode, route.url).toBe(route.ok);
    }
  });

  it('refuses to build the app when access is neither configured nor explicitly open', async () => {
    await expect(appWith({ mode: 'required', token: null, basic: null })).rejects.toThrow(AuthSetupError);
    await expect(appWith({ mode: 'required', token: null, basic: null })).rejects.toThrow(
      /REPORTFLOW_API_TOKEN.*REPORTFLOW_AUTH=none/s,
    );
  });
});

describe('access settings', () => {
  it('reads token, Basic user and the explicit opt-out from the environment', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'required', token: null, basic: null, namedTokens: [] });
    expect(
      loadConfig({ REPORTFLOW_API_TOKEN: TOKEN, REPORTFLOW_BASIC_USER: 'ana', REPORTFLOW_BASIC_PASSWORD: 'password1' })
        .auth,
    ).toEqual({
      mode: 'required',
      token: TOKEN,
      basic: { user: 'ana', password: 'password1' },
      namedTokens: [],
    });
    expect(loadConfig({ REPORTFLOW_AUTH: 'none' }).auth.mode).toBe('none');
  });

  it('lists half-configured or weak credentials as configuration errors', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ REPORTFLOW_BASIC_USER: 'ana' }).join('\n')).toMatch(/set both or neither/);
    expect(problems({ REPORTFLOW_API_TOKEN: 'short' }).join('\n')).toMatch(/REPORTFLOW_API_TOKEN/);
    expect(problems({ REPORTFLOW_AUTH: 'off' }).join('\n')).toMatch(/REPORTFLOW_AUTH/);
  });

  it('serve makes a token when nothing is configured, keeps it in the data folder, and prints how to use it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reportflow-auth-'));
    try {
      const { auth, token } = await authForServe({ mode: 'required', token: null, basic: null }, dataDir);
      expect(auth.token).toMatch(/^[\w-]{32}$/);
      expect(token).toEqual({ kind: 'stored', path: join(dataDir, 'api-token'), created: true });
      const lines = accessBannerLines(auth, token, 'http://127.0.0.1:3000').join('\n');
      expect(lines).toContain(`curl -H 'Authorization: Bearer ${auth.token}' http://127.0.0.1:3000/reviews`);
      expect(lines).toContain('http://127.0.0.1:3000/review  (user reportflow');
      // The same token at the next start.
      const again = await authForServe({ mode: 'required', token: null, basic: null }, dataDir);
      expect(again.auth.token).toBe(auth.token);
      expect(again.token).toMatchObject({ kind: 'stored', created: false });
      // Configured settings are kept as they are, and nothing is written for them.
      const open = { mode: 'none', token: null, basic: null } as const;
      expect(await authForServe(open, dataDir)).toEqual({ auth: open, token: { kind: 'configured' } });
      expect((await authForServe({ mode: 'required', token: TOKEN, basic: null }, dataDir)).auth.token).toBe(TOKEN);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
