import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { httpFixture, multipartBody, type HttpFixture } from '../http/http-fixture.js';

let fx: HttpFixture;
afterEach(async () => {
  await fx?.close();
});

const uploadsLeft = async () => (await readdir(join(fx.dirs.data, 'uploads')).catch(() => [] as string[])).sort();

function twoFiles(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----reportflow-two-files';
  const part = (name: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/markdown\r\n\r\n${content}\r\n`;
  return {
    payload: Buffer.from(`${part('a.md', '# A\n')}${part('b.md', '# B\n')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

it('leaves nothing in uploads/ when an upload with two files is refused', async () => {
  fx = await httpFixture();
  const response = await fx.app.inject({ method: 'POST', url: '/reports', ...twoFiles() });
  expect(response.statusCode).toBe(400);
  expect(response.json().error).toBe('TOO_MANY_FILES');
  expect(await uploadsLeft()).toEqual([]);
});

it('answers a multipart body cut off before its end with 400, and keeps nothing of it', async () => {
  fx = await httpFixture();
  const whole = multipartBody({ name: 'report.md', content: '# Report\n'.repeat(200) });
  for (const cut of [whole.payload.length - 10, Math.floor(whole.payload.length / 2), 60]) {
    const response = await fx.app.inject({
      method: 'POST',
      url: '/reports',
      headers: whole.headers,
      payload: whole.payload.subarray(0, cut),
    });
    expect(response.statusCode, `cut at ${cut}`).toBe(400);
    expect(response.json().error).toBe('INVALID_REQUEST');
  }
  expect(await uploadsLeft()).toEqual([]);
  // A whole body still goes through.
  const ok = await fx.app.inject({ method: 'POST', url: '/reports', headers: whole.headers, payload: whole.payload });
  expect(ok.statusCode).toBe(202);
  expect((await uploadsLeft()).filter((n) => n.endsWith('.part'))).toEqual([]);
});
