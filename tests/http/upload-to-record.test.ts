import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createSandbox, FIXTURES, REDIS_URL, waitFor, type Sandbox } from '../service/pipeline-fixture.js';
import { multipartBody } from './http-fixture.js';

const FLAGGED = readFileSync(join(FIXTURES, 'kazakhstan-2023', 'report.md'));
const CLEAN = readFileSync(join(FIXTURES, 'vietnam-2023', 'report.md'));

let sandbox: Sandbox;
const services: RunningService[] = [];
beforeEach(async () => {
  sandbox = await createSandbox();
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  await sandbox.cleanup();
});

/** The service with its HTTP app, as `serve` wires it (minus listen): returns the app. */
async function startWithApi(options: { workers: boolean; intake: boolean }): Promise<FastifyInstance> {
  const service = await startService(sandbox.config({ REPORTFLOW_AUTH: 'none' }), {
    ...options,
    http: 'inject',
    redisUrl: REDIS_URL,
    logger: pino({ level: 'silent' }),
  });
  services.push(service);
  if (!service.deps.app) throw new Error('the service was started without its HTTP app');
  return service.deps.app;
}

describe('upload -> record', () => {
  it('answers 202 while the job waits, then the record once a worker has parsed it', async () => {
    // Intake and API only: the job stays queued.
    const api = await startWithApi({ workers: false, intake: true });
    const { payload, headers } = multipartBody({ name: 'kazakhstan-2023.md', content: FLAGGED });
    const accepted = await api.inject({ method: 'POST', url: '/reports', payload, headers });
    expect(accepted.statusCode).toBe(202);
    const { id } = accepted.json();

    const queued = await api.inject(`/reports/${id}`);
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toEqual({ id, state: 'waiting' });

    // Workers join (as `reportflow worker` would, from another process).
    await sandbox.start({ workers: true, intake: false });
    const done = await waitFor('the record', async () => {
      const res = await api.inject(`/reports/${id}`);
      return res.statusCode === 200 ? res : null;
    });
    expect(done.headers['x-record-place']).toBe('review');
    const record = done.json();
    expect(record).toMatchObject({
      id,
      status: 'needs_review',
      source: { fileName: 'kazakhstan-2023.md', sha256: id },
    });
    expect(record.anomalies.map((a: { code: string; message: string }) => `${a.code}: ${a.message}`)).toEqual([
      expect.stringMatching(/^TOTAL_MISMATCH/),
    ]);

    const reviews = (await api.inject('/reviews')).json();
    expect(reviews.reviews.map((r: { id: string }) => r.id)).toEqual([id]);

    const approved = await api.inject({
      method: 'POST',
      url: `/reviews/${id}/approve`,
      payload: { corrections: [{ path: '/scoreTables/0/rows/1/reportedTotal', value: 4.5 }], reviewer: 'ana' },
    });
    expect(approved.statusCode).toBe(200);
    const released = JSON.parse(readFileSync(join(sandbox.root, 'outbox', `${id}.json`), 'utf8'));
    expect(released).toMatchObject({ id, status: 'ok', review: { reviewer: 'ana' } });
  });

  it('sends a clean report straight to the outbox', async () => {
    const api = await startWithApi({ workers: true, intake: true });
    const { payload, headers } = multipartBody({ name: 'vietnam-2023.md', content: CLEAN });
    const { id } = (await api.inject({ method: 'POST', url: '/reports', payload, headers })).json();
    const done = await waitFor('the record', async () => {
      const res = await api.inject(`/reports/${id}`);
      return res.statusCode === 200 ? res : null;
    });
    expect(done.json().status).toBe('ok');
    expect(done.headers['x-record-place']).toBe('outbox');
    expect((await api.inject('/reports?status=ok')).json().reports.map((r: { id: string }) => r.id)).toEqual([id]);
  });
});
