import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig, type ServiceConfig } from '../../src/service/config.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { removeKeysWithPrefix } from '../http/http-fixture.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
/** A clean report: status ok, no anomalies. */
export const CLEAN_REPORT = join(FIXTURES, 'vietnam-2023', 'report.pdf');
/** The contract's sample: one TOTAL_MISMATCH, so it is held for review. */
export const FLAGGED_REPORT = join(FIXTURES, 'kazakhstan-2023', 'report.pdf');

/** A test's own folders and queue prefix, and everything it started, undone by `cleanup`. */
export interface Sandbox {
  root: string;
  prefix: string;
  config(overrides?: Record<string, string>): ServiceConfig;
  start(
    options: { workers: boolean; intake: boolean; http?: 'inject' },
    overrides?: Record<string, string>,
  ): Promise<RunningService>;
  cleanup(): Promise<void>;
}

export async function createSandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'reportflow-pipeline-'));
  const prefix = `test-${randomUUID()}`;
  const running: RunningService[] = [];
  const config = (overrides: Record<string, string> = {}) =>
    loadConfig(
      {},
      {
        REPORTFLOW_QUEUE_PREFIX: prefix,
        REPORTFLOW_INBOX: 'inbox',
        REPORTFLOW_OUTBOX: 'outbox',
        REPORTFLOW_DATA_DIR: 'data',
        REPORTFLOW_CONCURRENCY: '2',
        REPORTFLOW_INBOX_STABLE_MS: '300',
        REPORTFLOW_INBOX_POLL_MS: '50',
        REPORTFLOW_ATTEMPTS: '3',
        REPORTFLOW_SHUTDOWN_MS: '5000',
        // These suites watch the pipeline's folders; tests/sinks covers delivery.
        REPORTFLOW_RECORDS_JSONL: 'false',
        LOG_LEVEL: 'silent',
        LOG_PRETTY: 'false',
        ...overrides,
      },
      root,
    );
  return {
    root,
    prefix,
    config,
    async start(options, overrides = {}) {
      const c = config(overrides);
      const service = await startService(c, { ...options, redisUrl: REDIS_URL, logger: pino({ level: 'silent' }) });
      running.push(service);
      return service;
    },
    async cleanup() {
      for (const service of running) await service.stop();
      await removeKeysWithPrefix(prefix);
      await rm(root, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** A genuinely slow but valid report: the clean PDF's pages repeated `copies` times. */
export function slowPdf(target: string, copies: number): void {
  const pages = Array.from({ length: copies }, () => [CLEAN_REPORT, '1-z']).flat();
  execFileSync('qpdf', ['--empty', '--pages', ...pages, '--', target]);
}
