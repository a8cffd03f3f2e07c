import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sha256Hex } from '../../src/record/record-id.js';
import type { ReportRecord } from '../../src/record/types.js';
import { loadConfig } from '../../src/service/config.js';
import type { ParseQueue } from '../../src/service/queue/bullmq-adapter.js';
import { startService } from '../../src/service/start-service.js';

/**
 * Runs the real service (queue, sandboxed workers, inbox watcher, records store)
 * in this process against Redis, drops a burst of files into its inbox and waits
 * until every file has a record. Shared by the load script and the benchmark.
 */
export interface BurstFile {
  name: string;
  bytes: Buffer;
}

export interface BurstResult {
  files: number;
  records: number;
  /** Records whose id matches no dropped file (should be 0). */
  unexpected: number;
  /** Dropped files with no record when the wait ended (should be 0). */
  missing: string[];
  /** Files moved to data/failed/ (an error record was written for each). */
  failedFiles: number;
  /** Jobs that failed for good (no record). */
  failedJobs: number;
  /** From the first drop to the last record. */
  wallMs: number;
  latenciesMs: number[];
  timedOut: boolean;
  /** Where the latency went, per file, from BullMQ's job timestamps (ms). */
  stages: { intake: number[]; waiting: number[]; processing: number[]; parse: number[] };
  /** With keepRecords: each dropped file's record, keyed by the dropped file's name. */
  recordsByName: Map<string, ReportRecord>;
}

export interface BurstOptions {
  redisUrl: string;
  concurrency: number;
  timeoutMs: number;
  /** Extra environment for loadConfig (limits, sandbox kind, …). */
  env?: Record<string, string>;
  /** Pause between drops; 0 drops the whole burst at once. */
  spacingMs?: number;
  /** Dropped and awaited before the measured files, so every sandbox has started and parsed once. */
  warmup?: BurstFile[];
  /** Read every record back (by file name) before the temporary folders go. */
  keepRecords?: boolean;
}

export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export async function runBurst(files: BurstFile[], options: BurstOptions): Promise<BurstResult> {
  const root = mkdtempSync(join(tmpdir(), 'reportflow-burst-'));
  const staging = join(root, 'staging');
  mkdirSync(staging);
  const prefix = `burst-${randomUUID().slice(0, 8)}`;
  const config = loadConfig(
    {
      REPORTFLOW_INBOX: join(root, 'inbox'),
      REPORTFLOW_OUTBOX: join(root, 'outbox'),
      REPORTFLOW_DATA_DIR: join(root, 'data'),
      REPORTFLOW_QUEUE_PREFIX: prefix,
      REPORTFLOW_CONCURRENCY: String(options.concurrency),
      REPORTFLOW_INBOX_STABLE_MS: '100',
      REPORTFLOW_INBOX_POLL_MS: '50',
      // The figures are of intake and parsing through the queue; delivery to sinks is not part of them.
      REPORTFLOW_RECORDS_JSONL: 'false',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    {},
    root,
  );
  mkdirSync(config.dirs.inbox, { recursive: true });
  const service = await startService(config, { redisUrl: options.redisUrl, workers: true, intake: true });
  const context: PhaseContext = { config, staging, queue: service.deps.queue };
  try {
    // Sandboxes start lazily and their first parse loads the PDF/DOCX libraries: warm them outside the figures.
    if (options.warmup?.length) await dropAndWait(options.warmup, { ...options, spacingMs: 0 }, context);
    return await dropAndWait(files, options, context);
  } finally {
    await service.deps.queue.obliterate().catch(() => {});
    await service.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

interface PhaseContext {
  config: ReturnType<typeof loadConfig>;
  staging: string;
  queue: ParseQueue;
}

async function dropAndWait(
  files: BurstFile[],
  options: BurstOptions,
  { config, staging, queue }: PhaseContext,
): Promise<BurstResult> {
  // Written aside first, then renamed in: the watcher sees whole files only.
  const expected = new Map<string, string>();
  const nameById = new Map<string, string>();
  files.forEach((file, i) => {
    const staged = join(staging, `${String(i).padStart(6, '0')}-${file.name}`);
    writeFileSync(staged, file.bytes);
    expected.set(sha256Hex(file.bytes), staged);
    nameById.set(sha256Hex(file.bytes), file.name);
  });
  const dropped = new Map<string, number>();
  const droppedAt = new Map<string, number>();
  const seen = new Map<string, number>();
  const places = [config.dirs.outbox, join(config.dirs.data, 'review'), join(config.dirs.data, 'rejected')];
  const failedDir = join(config.dirs.data, 'failed');
  const failedBefore = countFiles(failedDir);
  const failedJobsBefore = (await queue.counts()).failed;
  const known = new Set(recordIdsIn(places));
  const unexpected = new Set<string>();
  const started = performance.now();
  // Listing thousands of records shares the service's event loop: poll less often for big bursts.
  const pollMs = Math.max(10, Math.round(files.length / 20));
  // Records are watched while files are still being dropped, so spaced drops get true latencies.
  let dropping = true;
  const watching = (async () => {
    for (;;) {
      for (const id of recordIdsIn(places)) {
        if (known.has(id)) continue;
        if (!expected.has(id)) unexpected.add(id);
        else if (!seen.has(id)) seen.set(id, performance.now());
      }
      if (seen.size >= expected.size) return false;
      // A file whose job failed for good has no record: stop waiting for it.
      if (!dropping && seen.size + (await queue.counts()).failed - failedJobsBefore >= expected.size) return false;
      if (performance.now() - started > options.timeoutMs) return true;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  })();
  for (const [id, staged] of expected) {
    renameSync(staged, join(config.dirs.inbox, staged.split('/').pop()!));
    dropped.set(id, performance.now());
    droppedAt.set(id, Date.now());
    if (options.spacingMs) await new Promise((r) => setTimeout(r, options.spacingMs));
  }
  dropping = false;
  const timedOut = await watching;
  const wallMs = Math.max(0, ...seen.values()) - started;
  return {
    files: files.length,
    records: seen.size,
    unexpected: unexpected.size,
    missing: [...expected.keys()].filter((id) => !seen.has(id)),
    failedFiles: countFiles(failedDir) - failedBefore,
    failedJobs: (await queue.counts()).failed - failedJobsBefore,
    wallMs,
    latenciesMs: [...seen].map(([id, at]) => at - dropped.get(id)!),
    timedOut,
    stages: await stagesFromJobs(queue, droppedAt),
    recordsByName: options.keepRecords ? readRecords(places, seen.keys(), nameById) : new Map(),
  };
}

function readRecords(
  places: string[],
  ids: Iterable<string>,
  nameById: Map<string, string>,
): Map<string, ReportRecord> {
  const records = new Map<string, ReportRecord>();
  for (const id of ids) {
    for (const dir of places) {
      const path = join(dir, `${id}.json`);
      if (!existsSync(path)) continue;
      records.set(nameById.get(id)!, JSON.parse(readFileSync(path, 'utf8')) as ReportRecord);
      break;
    }
  }
  return records;
}

async function stagesFromJobs(queue: ParseQueue, droppedAt: Map<string, number>): Promise<BurstResult['stages']> {
  const stages: BurstResult['stages'] = { intake: [], waiting: [], processing: [], parse: [] };
  for (const job of await queue.completedJobs()) {
    const dropped = droppedAt.get(job.id);
    if (dropped === undefined || !job.startedAt || !job.finishedAt) continue;
    stages.intake.push(job.addedAt - dropped);
    stages.waiting.push(job.startedAt - job.addedAt);
    stages.processing.push(job.finishedAt - job.startedAt);
    const parseMs = job.result?.durationMs;
    if (typeof parseMs === 'number') stages.parse.push(parseMs);
  }
  return stages;
}

function recordIdsIn(dirs: string[]): string[] {
  const ids: string[] = [];
  for (const dir of dirs) {
    for (const name of safeReaddir(dir))
      if (name.endsWith('.json') && !name.startsWith('.')) ids.push(name.slice(0, -5));
  }
  return ids;
}

/** Files in failed/, not counting the reason files written beside them. */
function countFiles(dir: string): number {
  return safeReaddir(dir).filter((name) => !name.endsWith('.reason.txt')).length;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
