import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFixture, type HttpFixture } from '../http/http-fixture.js';

/**
 * File names a client can smuggle past a plain `filename="..."` check: RFC 5987
 * `filename*` with percent-encoded traversal, overlong multi-byte names, bidi
 * overrides, names that are only dots or only controls. Whatever arrives, the
 * upload is stored under its hash and the kept name is one harmless segment.
 */
let fx: HttpFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

function rawUpload(disposition: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----hostile${randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: text/markdown\r\n\r\n`,
      'utf8',
    ),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const SAFE_NAME = /^[^/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]{1,200}$/u;

describe('hostile upload file names', () => {
  const cases: Array<{ label: string; disposition: string; refusable?: boolean }> = [
    { label: 'RFC 5987 percent-encoded traversal', disposition: "filename*=UTF-8''%2E%2E%2F%2E%2E%2Fetc%2Fpasswd" },
    {
      label: 'both filename and filename* (traversal in the extended one)',
      disposition: 'filename="ok.md"; filename*=UTF-8\'\'..%2F..%2F..%2Ftmp%2Fowned.md',
    },
    // busboy drops a filename* it cannot take, so the part is no file: a 400 is a safe answer too.
    { label: 'encoded NUL and newline', disposition: "filename*=UTF-8''report%00.pdf%0A.md", refusable: true },
    { label: '300 four-byte characters', disposition: `filename*=UTF-8''${encodeURIComponent('😀'.repeat(300))}.md` },
    {
      label: 'right-to-left override hiding the extension',
      disposition: `filename*=UTF-8''${encodeURIComponent('report\u202Edm.exe')}`,
    },
    { label: 'only dots and slashes', disposition: 'filename="../../.."' },
    { label: 'only control characters', disposition: "filename*=UTF-8''%01%02%03" },
    { label: 'absolute Windows path', disposition: 'filename="C:\\Windows\\System32\\evil.md"' },
  ];

  it('keeps one harmless name segment and stores every upload under its hash', async () => {
    fx = await httpFixture();
    let accepted = 0;
    for (const [i, c] of cases.entries()) {
      const { payload, headers } = rawUpload(c.disposition, `# Kazakhstan\n\ncase ${i}\n`);
      const res = await fx.app.inject({ method: 'POST', url: '/reports', payload, headers });
      if (c.refusable && res.statusCode === 400) continue;
      expect(res.statusCode, `${c.label}: ${res.body}`).toBe(202);
      accepted++;
      const job = await fx.queue.job(res.json().id);
      const kept = job?.data.fileName ?? '';
      expect(kept, c.label).toMatch(SAFE_NAME);
      expect(Array.from(kept).length, c.label).toBeLessThanOrEqual(200);
      expect(kept, c.label).not.toMatch(/^\.+$/);
      expect(job?.data.path.startsWith(join(fx.dirs.data, 'uploads') + '/'), c.label).toBe(true);
    }
    const stored = readdirSync(join(fx.dirs.data, 'uploads'));
    expect(stored).toHaveLength(accepted);
    for (const name of stored) expect(name).toMatch(/^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/);
    expect(existsSync('/tmp/owned.md')).toBe(false);
    expect(existsSync(join(fx.dirs.data, 'etc'))).toBe(false);
  });

  it('refuses an upload over a configured lower size limit without storing it', async () => {
    fx = await httpFixture({ maxUploadBytes: 2000 });
    const { payload, headers } = rawUpload('filename="big.md"', 'x'.repeat(50_000));
    const res = await fx.app.inject({ method: 'POST', url: '/reports', payload, headers });
    expect(res.statusCode).toBe(413);
    expect(existsSync(join(fx.dirs.data, 'uploads')) ? readdirSync(join(fx.dirs.data, 'uploads')) : []).toEqual([]);
  });
});
