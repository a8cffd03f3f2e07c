import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFixture, multipartBody, type HttpFixture } from './http-fixture.js';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'kazakhstan-2023', 'report.md'));
const SAMPLE_SHA = createHash('sha256').update(SAMPLE).digest('hex');

let fx: HttpFixture;
afterEach(async () => fx?.close());

const upload = (name: string, content: Buffer | string, fields: Record<string, string> = {}) => {
  const { payload, headers } = multipartBody({ name, content }, fields);
  return fx.app.inject({ method: 'POST', url: '/reports', payload, headers });
};
const uploadsIn = () => (existsSync(join(fx.dirs.data, 'uploads')) ? readdirSync(join(fx.dirs.data, 'uploads')) : []);

describe('POST /reports', () => {
  it('answers 202 at once with the sha256 as id, stores the file under its hash and queues it', async () => {
    fx = await httpFixture();
    const res = await upload('kazakhstan-2023.md', SAMPLE);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ id: SAMPLE_SHA, state: 'waiting' });
    expect(uploadsIn()).toEqual([`${SAMPLE_SHA}.md`]);
    const job = await fx.queue.job(SAMPLE_SHA);
    expect(job?.data).toMatchObject({
      id: SAMPLE_SHA,
      sha256: SAMPLE_SHA,
      fileName: 'kazakhstan-2023.md',
      source: 'upload',
    });
    expect(readFileSync(job!.data.path)).toEqual(SAMPLE);
    // Each request logs through its own child logger.
    const queued = fx.logLines.find((l) => l.msg === 'upload accepted');
    expect(queued).toMatchObject({ jobId: SAMPLE_SHA, file: 'kazakhstan-2023.md', reqId: expect.anything() });
    const done = fx.logLines.find((l) => l.msg === 'request done' && l.reqId === queued!.reqId);
    expect(done).toMatchObject({ level: 30, method: 'POST', url: '/reports', statusCode: 202 });
  });

  it('gives the same id, and one job, for the same content uploaded twice', async () => {
    fx = await httpFixture();
    const first = await upload('a.md', SAMPLE);
    const second = await upload('renamed copy.md', SAMPLE);
    expect(second.statusCode).toBe(202);
    expect(second.json().id).toBe(first.json().id);
    expect(await fx.queue.counts()).toMatchObject({ waiting: 1 });
  });

  it('accepts force=true as a form field', async () => {
    fx = await httpFixture();
    const res = await upload('a.md', SAMPLE, { force: 'true' });
    expect(res.statusCode).toBe(202);
  });

  it('refuses an upload whose Content-Length is over the limit with 413, before reading it', async () => {
    fx = await httpFixture({ maxUploadBytes: 1000 });
    const res = await upload('big.md', Buffer.alloc(200_000, 'x'));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'FILE_TOO_LARGE', message: 'upload is larger than 1000 bytes' });
    expect(uploadsIn()).toEqual([]);
    expect(await fx.queue.counts()).toMatchObject({ waiting: 0 });
  });

  it('refuses a file over the limit while streaming it (no Content-Length trick) and removes the part file', async () => {
    fx = await httpFixture({ maxUploadBytes: 1000 });
    // Small enough overall to pass the header check, one byte too many in the file itself.
    const res = await upload('big.md', Buffer.alloc(1001, 'x'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('FILE_TOO_LARGE');
    expect(uploadsIn()).toEqual([]);
    const exact = await upload('fits.md', Buffer.alloc(1000, 'x'));
    expect(exact.statusCode).toBe(202);
  });

  it('answers 413 to a 200 MB announcement over a real socket without waiting for the body', async () => {
    fx = await httpFixture({ maxUploadBytes: 1000 });
    await fx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = fx.app.server.address() as { port: number };
    const started = Date.now();
    const answer = await new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/reports',
          headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
        },
      );
      req.on('error', reject);
      // A few bytes of a body that would take 200 MB: the answer must not wait for the rest.
      req.write('--x\r\n');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'FILE_TOO_LARGE', message: 'upload is larger than 1000 bytes' });
    expect(answer.connection).toBe('close');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(uploadsIn()).toEqual([]);
  });

  it('stores hostile file names safely: no directories, no control characters, at most 200 characters', async () => {
    fx = await httpFixture();
    const cases = [
      { sent: '../../etc/passwd', kept: 'passwd', content: 'one' },
      { sent: '..\\..\\windows\\evil.md', kept: 'evil.md', content: 'two' },
      { sent: 'report\u0000.pdf\u0007.md', kept: 'report.pdf.md', content: 'three' },
      { sent: `${'a'.repeat(300)}.docx`, kept: `${'a'.repeat(195)}.docx`, content: 'four' },
      { sent: '..', kept: 'upload', content: 'five' },
    ];
    for (const c of cases) {
      const res = await upload(c.sent, c.content);
      expect(res.statusCode, c.sent).toBe(202);
      const job = await fx.queue.job(res.json().id);
      expect(job?.data.fileName, c.sent).toBe(c.kept);
      expect(job?.data.path.startsWith(join(fx.dirs.data, 'uploads') + '/'), c.sent).toBe(true);
    }
    const stored = uploadsIn().sort();
    expect(stored).toHaveLength(cases.length);
    for (const name of stored) expect(name).toMatch(/^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/);
    expect(existsSync(join(fx.dirs.data, 'etc'))).toBe(false);
  });

  it('answers 400 when the form has no file and 415 when the body is not multipart', async () => {
    fx = await httpFixture();
    const { payload, headers } = multipartBody(null, { force: 'true' });
    const noFile = await fx.app.inject({ method: 'POST', url: '/reports', payload, headers });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toBe('NO_FILE');
    const json = await fx.app.inject({ method: 'POST', url: '/reports', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error).toBe('NOT_MULTIPART');
  });

  it('refuses a second file in one request', async () => {
    fx = await httpFixture();
    const one = multipartBody({ name: 'a.md', content: 'a' });
    const boundary = one.headers['content-type']!.split('boundary=')[1]!;
    const second = `--${boundary}\r\nContent-Disposition: form-data; name="file2"; filename="b.md"\r\n\r\nb\r\n`;
    const payload = Buffer.concat([
      one.payload.subarray(0, one.payload.length - boundary.length - 6),
      Buffer.from(second),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await fx.app.inject({ method: 'POST', url: '/reports', payload, headers: one.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('TOO_MANY_FILES');
  });
});
