import { randomBytes } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import { isSignatureValid } from '../../src/service/delivery/webhook-signature.js';
import { startService } from '../../src/service/start-service.js';
// Folders, queue prefix and fixture files as the pipeline's own tests use them.
import { CLEAN_REPORT, createSandbox, FLAGGED_REPORT, type Sandbox } from '../service/pipeline-fixture.js';
import { DATABASE_URL, obliterateDeliverQueue, REDIS_URL, SECRET, startReceiver, waitFor } from './sink-fixtures.js';

// The whole way: a file in the inbox, parsed by the real service, released, and delivered to every sink.
const dbName = `reportflow_test_${randomBytes(6).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
admin.on('error', () => undefined);
const dbUrl = Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString();

let box: Sandbox;
const cleanups: Array<() => Promise<void>> = [];
beforeEach(async () => {
  await admin.query(`CREATE DATABASE ${dbName}`);
  box = await createSandbox();
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await box.cleanup();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});
afterAll(() => admin.end());

describe('inbox to sinks', () => {
  it('delivers a clean report at once and a flagged one when approved, to webhook, PostgreSQL and records.jsonl', async () => {
    const hook = await startReceiver(() => 200);
    cleanups.push(hook.close);
    const config = box.config({
      WEBHOOK_URLS: hook.url,
      WEBHOOK_SECRET: SECRET,
      DATABASE_URL: dbUrl,
      WEBHOOK_BACKOFF_MS: '50',
      REPORTFLOW_RECORDS_JSONL: 'outbox/records.jsonl',
    });
    cleanups.push(() => obliterateDeliverQueue(config.queuePrefix));
    const db = new pg.Pool({ connectionString: dbUrl, max: 1 });
    db.on('error', () => undefined);
    cleanups.push(() => db.end());

    // The service as every command wires it: parsing releases to the sinks, approval too.
    const service = await startService(config, {
      redisUrl: REDIS_URL,
      workers: true,
      intake: true,
      logger: pino({ level: 'silent' }),
    });
    cleanups.push(() => service.stop());

    const cleanId = sha256Hex(await readFile(CLEAN_REPORT));
    await copyFile(CLEAN_REPORT, join(config.dirs.inbox, 'clean.pdf'));
    const [first] = await waitFor(
      () => hook.requests.length > 0 && hook.requests,
      'the clean record at the webhook',
      30_000,
    );
    expect(JSON.parse(first!.body)).toMatchObject({ id: cleanId, status: 'ok' });
    expect(
      isSignatureValid(SECRET, {
        body: first!.body,
        timestamp: first!.headers['x-reportflow-timestamp'] as string,
        signature: first!.headers['x-reportflow-signature'] as string,
      }),
    ).toBe(true);

    const flaggedId = sha256Hex(await readFile(FLAGGED_REPORT));
    await copyFile(FLAGGED_REPORT, join(config.dirs.inbox, 'flagged.pdf'));
    await waitFor(
      async () => (await service.deps.store.get(flaggedId))?.place === 'review',
      'the flagged record held for review',
      30_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.requests).toHaveLength(1);

    await service.deps.review.approve(flaggedId, { reviewer: 'ana' });
    await waitFor(() => hook.requests.length === 2, 'the approved record at the webhook');
    expect(JSON.parse(hook.requests[1]!.body)).toMatchObject({
      id: flaggedId,
      status: 'ok',
      review: { state: 'approved' },
    });

    const answers = await waitFor(async () => {
      const { rows } = await db.query<{ record_id: string; n: string }>(
        'SELECT record_id, count(*) AS n FROM score_answers GROUP BY record_id ORDER BY record_id',
      );
      return rows.length === 2 && rows;
    }, 'both records in PostgreSQL');
    expect(Number(answers.find((r) => r.record_id === flaggedId)!.n)).toBe(24);

    const lines = (await readFile(config.sinks.recordsJsonl!, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id).sort()).toEqual([cleanId, flaggedId].sort());

    const scrape = await service.deps.metrics.registry.metrics();
    expect(scrape).toContain('reportflow_records_total{status="ok"} 1');
    expect(scrape).toContain('reportflow_records_total{status="needs_review"} 1');
    expect(scrape).toContain('reportflow_anomalies_total{code="TOTAL_MISMATCH"} 1');
    expect(scrape).toMatch(/reportflow_queue_depth\{queue="deliver",state="completed"\} [1-9]/);
  });
});
