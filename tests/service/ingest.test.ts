import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeKeysWithPrefix } from '../http/http-fixture.js';

const REPO = join(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'dist', 'src', 'cli', 'main.js');
const FIXTURES = join(REPO, 'fixtures');

let root: string;
let backlog: string;
let serve: ChildProcess;
let url: string;
const prefix = `test-${randomUUID()}`;
/** The service asks for credentials; ingest sends the token it finds in REPORTFLOW_API_TOKEN. */
const TOKEN = `token-${randomUUID()}`;

/** Runs the compiled CLI, as a person would. */
function cli(
  args: string[],
  timeout = 60_000,
  env: NodeJS.ProcessEnv = { ...process.env, REPORTFLOW_API_TOKEN: TOKEN },
) {
  const run = spawnSync('node', [CLI, ...args], { cwd: root, encoding: 'utf8', timeout, env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportflow-ingest-'));
  backlog = join(root, 'backlog');
  mkdirSync(join(backlog, 'again'), { recursive: true });
  copyFileSync(join(FIXTURES, 'kazakhstan-2023', 'report.pdf'), join(backlog, 'kazakhstan.pdf'));
  copyFileSync(join(FIXTURES, 'kazakhstan-2023', 'report.pdf'), join(backlog, 'again', 'kazakhstan copy.pdf'));
  copyFileSync(join(FIXTURES, 'vietnam-2023', 'report.pdf'), join(backlog, 'vietnam.pdf'));
  writeFileSync(join(backlog, 'notes.bin'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
  writeFileSync(join(backlog, '.DS_Store'), 'litter');
  writeFileSync(join(backlog, '~$draft.docx'), 'office lock file');
  writeFileSync(join(root, 'big.pdf'), Buffer.alloc(200 * 1024, 1));

  serve = spawn('node', [CLI, 'serve', '--port', '0', '--no-inbox', '--concurrency', '2', '--max-upload-mb', '0.1'], {
    cwd: root,
    env: {
      ...process.env,
      REPORTFLOW_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REPORTFLOW_API_TOKEN: TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    serve.stderr!.on('data', (c) => (err += c));
    serve.stdout!.on('data', (c) => {
      out += c;
      const match = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    serve.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}\n${err}`)));
  });
}, 60_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
  }
  await removeKeysWithPrefix(prefix);
  await rm(root, { recursive: true, force: true });
});

describe('reportflow ingest', () => {
  it('uploads a folder recursively, waits for the records and counts ok / needs review / failed', () => {
    const run = cli(['ingest', 'backlog', 'big.pdf', '--url', url, '--json']);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      files: 5, // hidden and temporary files skipped
      uploaded: 4,
      records: 3, // the copy has the same content
      ok: 1,
      needsReview: 1,
      pending: [],
    });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]).toMatchObject({
      files: [join(root, 'backlog', 'notes.bin')],
      reason: expect.stringMatching(/^UNSUPPORTED_FORMAT/),
    });
    expect(summary.failed[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.notUploaded).toEqual([
      { file: join(root, 'big.pdf'), reason: `upload is larger than ${Math.round(0.1 * 1024 * 1024)} bytes` },
    ]);
    // Some files could not be uploaded.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/waiting for 3 records/);
  });

  it('prints a readable summary and exits 0 when every file was accepted', () => {
    const run = cli(['ingest', 'backlog', '--url', url]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('uploaded 4 of 4 files (3 distinct records)');
    expect(run.stdout).toContain('summary: 1 ok, 1 needs review, 1 failed');
    expect(run.stdout).toMatch(/failed:\n {2}[0-9a-f]{64} {2}notes\.bin {2}UNSUPPORTED_FORMAT/);
  });

  it('returns at once with --no-wait', () => {
    const run = cli(['ingest', join('backlog', 'vietnam.pdf'), '--url', url, '--no-wait', '--force']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/uploaded 1 of 1 files/);
    expect(run.stdout).not.toContain('summary:');
  });

  it('exits 2 for a path that does not exist or a bad URL, 1 when no service answers', () => {
    const missing = cli(['ingest', 'no-such-folder', '--url', url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder: no-such-folder');
    expect(cli(['ingest', 'backlog', '--url', 'not a url']).code).toBe(2);
    const down = cli(['ingest', 'backlog', '--url', 'http://127.0.0.1:9']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/no service answers at http:\/\/127\.0\.0\.1:9/);
  });

  it('says which setting is missing when the service asks for credentials', () => {
    const { REPORTFLOW_API_TOKEN: _, ...withoutToken } = process.env;
    const anonymous = cli(['ingest', join('backlog', 'vietnam.pdf'), '--url', url, '--no-wait'], 60_000, withoutToken);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/runs, and asks for credentials: set REPORTFLOW_API_TOKEN/);
    // It runs: no advice to start one.
    expect(anonymous.stderr).not.toMatch(/npm start/);
    const wrong = cli(['ingest', join('backlog', 'vietnam.pdf'), '--url', url, '--no-wait'], 60_000, {
      ...withoutToken,
      REPORTFLOW_API_TOKEN: `${TOKEN}x`,
    });
    expect(wrong.stderr).toMatch(/the token sent was refused/);
    expect(wrong.stderr).not.toMatch(/npm start/);
    // The help names the setting.
    expect(cli(['ingest', '--help'], 60_000, withoutToken).stdout).toMatch(/REPORTFLOW_API_TOKEN/);
  });

  it('uses the token a service started in this folder keeps in data/api-token when none is set', async () => {
    const { REPORTFLOW_API_TOKEN: _, ...withoutToken } = process.env;
    const tokenDir = join(root, 'token-here');
    await mkdir(join(tokenDir, 'data'), { recursive: true });
    await writeFile(join(tokenDir, 'data', 'api-token'), `${TOKEN}\n`, { mode: 0o600 });
    const run = spawnSync('node', [CLI, 'ingest', join(backlog, 'vietnam.pdf'), '--url', url, '--no-wait'], {
      cwd: tokenDir,
      encoding: 'utf8',
      env: withoutToken,
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/credentials/);
    expect(run.status).toBe(0);
  });
});
