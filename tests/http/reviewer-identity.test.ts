import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type AuthConfig } from '../../src/service/config.js';
import { keptRecord, SAMPLE } from '../review-desk/desk-fixtures.js';
import { httpFixture, type HttpFixture } from './http-fixture.js';

const SHARED = 'shared-token-0123456789';
const ANA = 'ana-token-0123456789abc';
const BEN = 'ben-token-0123456789abc';
const AUTH: AuthConfig = {
  mode: 'required',
  token: SHARED,
  basic: { user: 'carla', password: 'correct horse battery' },
  namedTokens: [
    { name: 'ana', token: ANA },
    { name: 'ben', token: BEN },
  ],
};

let fx: HttpFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function heldRecord(auth: AuthConfig = AUTH) {
  await fx?.close();
  fx = await httpFixture({ auth });
  const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
  const decide = (action: 'approve' | 'reject', authorization: string | null, payload: object = {}) =>
    fx!.app.inject({
      method: 'POST',
      url: `/reviews/${record.id}/${action}`,
      headers: authorization ? { authorization } : {},
      payload,
    });
  return { record, decide };
}

describe('who reviewed a record', () => {
  it('records the named token’s name for a decision made with it, as bearer or as Basic password', async () => {
    const { record, decide } = await heldRecord();
    const approved = await decide('approve', `Bearer ${ANA}`, {
      corrections: [{ path: '/scoreTables/0/rows/1/reportedTotal', value: 4.5 }],
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().review).toMatchObject({ state: 'approved', reviewer: 'ana' });
    expect((await fx!.store.get(record.id))?.record.review?.reviewer).toBe('ana');
    expect(fx!.logLines.find((l) => l.msg === 'record approved')).toMatchObject({ reviewer: 'ana' });
  });

  it('records the Basic user name, and the named token used as a Basic password', async () => {
    const { decide } = await heldRecord();
    expect((await decide('reject', basic('ben', BEN), { reason: 'duplicate' })).json().review).toMatchObject({
      state: 'rejected',
      reviewer: 'ben',
      note: 'duplicate',
    });
    const second = await heldRecord();
    expect((await second.decide('approve', basic('carla', 'correct horse battery'))).json().review.reviewer).toBe(
      'carla',
    );
  });

  it('does not let a signed-in user sign for someone else, and refuses a name with the wrong token', async () => {
    const { decide } = await heldRecord();
    const other = await decide('approve', `Bearer ${ANA}`, { reviewer: 'ben' });
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('the reviewer is the signed-in user (ana)');
    expect((await decide('approve', basic('ana', BEN))).statusCode).toBe(401);
    expect((await decide('approve', null)).statusCode).toBe(401);
    // The same name as the signed-in user is fine.
    expect((await decide('approve', `Bearer ${ANA}`, { reviewer: 'ana' })).json().review.reviewer).toBe('ana');
  });

  it('records the shared token as "reportflow", never as nobody', async () => {
    const { decide } = await heldRecord();
    expect((await decide('approve', `Bearer ${SHARED}`)).json().review.reviewer).toBe('reportflow');
  });

  it('shows the signed-in user on the desk instead of asking for a name', async () => {
    const { record } = await heldRecord();
    const html = (
      await fx!.app.inject({
        method: 'GET',
        url: `/review/${record.id}`,
        headers: { authorization: basic('ana', ANA) },
      })
    ).body;
    expect(html).toContain('Reviewer: <strong id="signed-in" data-user="ana">ana</strong>');
    expect(html).not.toContain('id="reviewer"');
  });

  it('takes the named reviewer from the body only when access is open', async () => {
    const { decide } = await heldRecord({ mode: 'none', token: null, basic: null });
    expect((await decide('approve', null, { reviewer: 'dora' })).json().review.reviewer).toBe('dora');
  });

  it('reads named tokens from REPORTFLOW_API_TOKENS and refuses short ones', () => {
    const config = loadConfig({ REPORTFLOW_API_TOKENS: `ana:${ANA}, ben:${BEN}` });
    expect(config.auth.namedTokens).toEqual([
      { name: 'ana', token: ANA },
      { name: 'ben', token: BEN },
    ]);
    expect(() => loadConfig({ REPORTFLOW_API_TOKENS: 'ana:short' })).toThrow(
      /REPORTFLOW_API_TOKENS: expected name:token pairs/,
    );
    expect(() => loadConfig({ REPORTFLOW_API_TOKENS: `${ANA}` })).toThrow(/REPORTFLOW_API_TOKENS/);
  });
});
