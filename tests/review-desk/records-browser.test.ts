import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpFixture, type HttpFixture } from '../http/http-fixture.js';
import { FIXTURES, keptRecord, SAMPLE } from './desk-fixtures.js';

let fx: HttpFixture;
beforeEach(async () => {
  fx = await httpFixture();
});
afterEach(async () => fx.close());

const get = (url: string) => fx.app.inject({ method: 'GET', url });
const rowIds = (html: string) =>
  [...html.matchAll(/<tr data-id="([0-9a-f]{64})" data-state="(\w+)">/g)].map((m) => `${m[2]}:${m[1]!.slice(0, 8)}`);

/** Records in every state: one held, one approved, one rejected, one ok from the start, one unreadable. */
async function everyState() {
  const held = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
  const approved = await keptRecord(
    fx.store,
    fx.dirs.data,
    join(FIXTURES, 'kazakhstan-2023', 'report.docx'),
    'kazakhstan-2023.docx',
  );
  await fx.store.approve(approved.id, { reviewer: 'ana' });
  const rejected = await keptRecord(
    fx.store,
    fx.dirs.data,
    join(FIXTURES, 'vietnam-2023', 'report.md'),
    'vietnam-2023.md',
    (r) => (r.status = 'needs_review'),
  );
  await fx.store.reject(rejected.id, { reviewer: 'ana', reason: 'duplicate' });
  const ok = await keptRecord(
    fx.store,
    fx.dirs.data,
    join(FIXTURES, 'estonia-2023', 'report.md'),
    'estonia-2023.md',
    (r) => {
      r.anomalies = [];
      r.status = 'ok';
    },
  );
  const failed = await keptRecord(fx.store, fx.dirs.data, join(FIXTURES, 'encrypted-pdf', 'report.pdf'), 'locked.pdf');
  return { held, approved, rejected, ok, failed };
}

describe('records browser', () => {
  it('lists every record with its state, and narrows by state, country, year, anomaly code, file name and id', async () => {
    const r = await everyState();
    const all = (await get('/review/records')).body;
    expect(rowIds(all).sort()).toEqual(
      [
        `held:${r.held.id.slice(0, 8)}`,
        `approved:${r.approved.id.slice(0, 8)}`,
        `rejected:${r.rejected.id.slice(0, 8)}`,
        `ok:${r.ok.id.slice(0, 8)}`,
        `failed:${r.failed.id.slice(0, 8)}`,
      ].sort(),
    );
    expect(all).toContain('<caption>Records 1–5 of 5</caption>');
    expect(all).toContain('From the record files.');

    const ids = async (query: string) =>
      rowIds((await get(`/review/records?${query}`)).body).map((s) => s.split(':')[1]);
    const short = (rec: { id: string }) => rec.id.slice(0, 8);
    expect(await ids('state=failed')).toEqual([short(r.failed)]);
    expect(await ids('state=approved')).toEqual([short(r.approved)]);
    expect(await ids('state=rejected')).toEqual([short(r.rejected)]);
    // By name (any part, any case) and by ISO code.
    expect((await ids('country=kazakh')).sort()).toEqual([short(r.held), short(r.approved)].sort());
    expect(await ids('country=VNM')).toEqual([short(r.rejected)]);
    expect(await ids('country=ee')).toEqual([short(r.ok)]);
    expect(await ids('code=UNREADABLE_FILE')).toEqual([short(r.failed)]);
    expect((await ids('code=TOTAL_MISMATCH&country=KZ')).sort()).toEqual([short(r.held), short(r.approved)].sort());
    expect(await ids('code=TOTAL_MISMATCH&state=held')).toEqual([short(r.held)]);
    expect(await ids('file=LOCKED')).toEqual([short(r.failed)]);
    expect(await ids(`id=${r.ok.id.slice(0, 10)}`)).toEqual([short(r.ok)]);
    // Kazakhstan's tables hold 2021 and 2022, Viet Nam's 2021 to 2023, Estonia's 2022 and 2023.
    expect((await ids('year=2021')).sort()).toEqual([short(r.held), short(r.approved), short(r.rejected)].sort());
    expect((await ids('year=2023')).sort()).toEqual([short(r.rejected), short(r.ok)].sort());
    expect(await ids('year=1999')).toEqual([]);
    expect((await get('/review/records?country=Atlantis')).body).toContain('<p class="empty">No record matches.</p>');
    // A filter the browser does not know is left out, not an error.
    expect((await get('/review/records?state=lost&year=abc')).statusCode).toBe(200);
  });

  it('pages through many records, keeping the filter in the page links', async () => {
    const base = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
    for (let i = 0; i < 29; i++) {
      const id = (BigInt(`0x${base.id}`) + BigInt(i + 1)).toString(16).padStart(64, '0');
      await fx.store.save({ ...base, id, source: { ...base.source, sha256: id, fileName: `copy-${i}.md` } });
    }
    const first = (await get('/review/records?country=KZ')).body;
    expect(first).toContain('<caption>Records 1–25 of 30</caption>');
    expect(first).toContain('<span>Page 1 of 2</span>');
    expect(first).toContain('<a rel="next" href="/review/records?country=KZ&amp;page=2">Next →</a>');
    const second = (await get('/review/records?country=KZ&page=2')).body;
    expect(second).toContain('<caption>Records 26–30 of 30</caption>');
    expect(second).toContain('<a rel="prev" href="/review/records?country=KZ">← Previous</a>');
    expect(rowIds(second)).toHaveLength(5);
    // Past the end: the last page.
    expect((await get('/review/records?country=KZ&page=7')).body).toContain('<caption>Records 26–30 of 30</caption>');
  });

  it('answers the same filters on the API, with paging and each record’s state', async () => {
    const r = await everyState();
    const answer = (await get('/reports?code=TOTAL_MISMATCH&country=KZ&perPage=1')).json();
    expect(answer).toMatchObject({ count: 1, total: 2, page: 1, perPage: 1 });
    const failed = (await get('/reports?state=failed')).json();
    expect(failed.reports).toEqual([
      expect.objectContaining({ id: r.failed.id, state: 'failed', place: 'review', status: 'needs_review' }),
    ]);
    const held = (await get(`/reports?id=${r.held.id}`)).json();
    expect(held.reports[0]).toMatchObject({ state: 'held', years: [2021, 2022], country: 'Kazakhstan' });
    expect((await get('/reports?year=twenty')).statusCode).toBe(400);
    expect((await get('/reports?state=lost')).statusCode).toBe(400);
  });
});
