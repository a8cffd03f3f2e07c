import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/record/types.js';
import { httpFixture, type HttpFixture } from './http-fixture.js';

const HELD: ReportRecord = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'kazakhstan-2023', 'expected.json'), 'utf8'),
);
const CLEAN: ReportRecord = { ...structuredClone(HELD), id: 'c'.repeat(64), anomalies: [], status: 'ok' };
CLEAN.source.sha256 = CLEAN.id;
const UNKNOWN = 'f'.repeat(64);

let fx: HttpFixture;
beforeEach(async () => {
  fx = await httpFixture();
  await fx.store.save(HELD);
  await fx.store.save(CLEAN);
});
afterEach(async () => fx.close());

const post = (url: string, payload?: object) => fx.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) });

describe('GET /reports and /reviews', () => {
  it('lists records with id, country, date, status, file name and anomaly codes; filters by status and place', async () => {
    const all = (await fx.app.inject('/reports')).json();
    expect(all.count).toBe(2);
    const held = all.reports.find((r: { id: string }) => r.id === HELD.id);
    expect(held).toMatchObject({
      id: HELD.id,
      place: 'review',
      status: 'needs_review',
      fileName: 'kazakhstan-2023.md',
      country: 'Kazakhstan',
      anomalyCodes: ['TOTAL_MISMATCH'],
    });
    const ok = (await fx.app.inject('/reports?status=ok')).json();
    expect(ok.reports.map((r: { id: string }) => r.id)).toEqual([CLEAN.id]);
    const inReview = (await fx.app.inject('/reports?place=review')).json();
    expect(inReview.reports.map((r: { id: string }) => r.id)).toEqual([HELD.id]);
  });

  it('refuses an unknown status with a structured 400', async () => {
    const res = await fx.app.inject('/reports?status=great');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'INVALID_REQUEST',
      details: [expect.objectContaining({ path: '/status' })],
    });
  });

  it('GET /reports/:id answers the stored record, 404 for an unknown id, 400 for a malformed one', async () => {
    const found = await fx.app.inject(`/reports/${HELD.id}`);
    expect(found.statusCode).toBe(200);
    expect(found.headers['x-record-place']).toBe('review');
    expect(found.json()).toEqual(HELD);
    expect((await fx.app.inject(`/reports/${UNKNOWN}`)).statusCode).toBe(404);
    const malformed = await fx.app.inject('/reports/..%2F..%2Fetc%2Fpasswd');
    expect(malformed.statusCode).toBe(400);
  });

  it('GET /reviews lists held records only', async () => {
    const res = (await fx.app.inject('/reviews')).json();
    expect(res).toMatchObject({ count: 1, reviews: [{ id: HELD.id, anomalyCodes: ['TOTAL_MISMATCH'] }] });
  });
});

describe('POST /reviews/:id/approve', () => {
  it('applies a correction, keeps the audit trail and releases the record to the outbox', async () => {
    const res = await post(`/reviews/${HELD.id}/approve`, {
      corrections: [{ path: '/scoreTables/0/rows/1/reportedTotal', value: 4.5 }],
      reviewer: 'ana',
      note: 'typo in the printed total',
    });
    expect(res.statusCode).toBe(200);
    const record = res.json();
    expect(record.status).toBe('ok');
    expect(record.scoreTables[0].rows[1].reportedTotal).toBe(4.5);
    expect(record.review).toMatchObject({
      state: 'approved',
      reviewer: 'ana',
      note: 'typo in the printed total',
      corrections: [{ path: '/scoreTables/0/rows/1/reportedTotal', from: 4.33, to: 4.5 }],
    });
    const onDisk = JSON.parse(readFileSync(join(fx.dirs.outbox, `${HELD.id}.json`), 'utf8'));
    expect(onDisk).toEqual(record);
    expect(existsSync(join(fx.dirs.data, 'review', `${HELD.id}.json`))).toBe(false);
    expect((await fx.app.inject('/reviews')).json().count).toBe(0);
    // Already released: a second approval is a conflict, not a silent no-op.
    const again = await post(`/reviews/${HELD.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('NOT_UNDER_REVIEW');
  });

  it('approves without a body', async () => {
    const res = await post(`/reviews/${HELD.id}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json().review).toMatchObject({ state: 'approved', reviewer: null, corrections: [] });
  });

  it('answers 400 for a correction the store refuses and leaves the record in review', async () => {
    const res = await post(`/reviews/${HELD.id}/approve`, { corrections: [{ path: '/id', value: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'INVALID_CORRECTION', details: [expect.stringContaining('/id')] });
    const breaksContract = await post(`/reviews/${HELD.id}/approve`, {
      corrections: [{ path: '/report/date', value: 42 }],
    });
    expect(breaksContract.statusCode).toBe(400);
    expect(existsSync(join(fx.dirs.data, 'review', `${HELD.id}.json`))).toBe(true);
  });

  it('answers a structured 400 for a body that does not match the schema', async () => {
    const notPointer = await post(`/reviews/${HELD.id}/approve`, {
      corrections: [{ path: 'report.date', value: '2023-01-01' }],
    });
    expect(notPointer.statusCode).toBe(400);
    expect(notPointer.json()).toMatchObject({
      error: 'INVALID_REQUEST',
      details: [expect.objectContaining({ path: '/corrections/0/path' })],
    });
    const typo = await post(`/reviews/${HELD.id}/approve`, { reviwer: 'ana' });
    expect(typo.statusCode).toBe(400);
    const noValue = await post(`/reviews/${HELD.id}/approve`, { corrections: [{ path: '/report/date' }] });
    expect(noValue.statusCode).toBe(400);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await post(`/reviews/${UNKNOWN}/approve`, {});
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('NOT_FOUND');
  });
});

describe('POST /reviews/:id/reject', () => {
  it('sets the record aside with the reason and reviewer', async () => {
    const res = await post(`/reviews/${HELD.id}/reject`, { reason: 'not a country report', reviewer: 'ana' });
    expect(res.statusCode).toBe(200);
    expect(res.json().review).toMatchObject({ state: 'rejected', reviewer: 'ana', note: 'not a country report' });
    expect(existsSync(join(fx.dirs.data, 'rejected', `${HELD.id}.json`))).toBe(true);
    expect(existsSync(join(fx.dirs.outbox, `${HELD.id}.json`))).toBe(false);
    expect((await fx.app.inject('/reports?place=rejected')).json().count).toBe(1);
    expect((await post(`/reviews/${UNKNOWN}/reject`, {})).statusCode).toBe(404);
  });
});
