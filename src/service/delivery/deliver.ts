import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type MinimalJob } from 'bullmq';
import pg from 'pg';
import type { ReportRecord } from '../../record/types.js';
import { contractErrors } from '../../record/validate-record.js';
import type { ServiceConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics, QueueDepthSource } from '../metrics.js';
import { idempotencyKeyFromDelivery, jobIdFromDelivery, type DeliveryJob, type SinkName } from './delivery-jobs.js';
import { applyMigrations } from './migrate.js';
import { upsertRecord } from './postgres-records.js';
import { appendRecordLine } from './records-jsonl.js';
import { revisionFromRecord } from './release-revision.js';
import { postRecordToWebhook } from './webhook-request.js';

export const DELIVER_QUEUE = 'deliver';
/** Backoff of the local sinks: exponential like webhooks, but capped so a long outage is polled steadily. */
const CAPPED_EXPONENTIAL = 'capped-exponential';
/** Completed deliveries are kept this long, so re-releasing a delivered revision stays a no-op. */
const KEEP_COMPLETED_SECONDS = 30 * 24 * 3600;

export type DeliveryConfig = Pick<ServiceConfig, 'queuePrefix' | 'sinks'>;

export interface DeliveryDeps {
  redisUrl: string;
  log?: Logger;
  metrics?: Metrics;
  /** Run a worker that performs deliveries in this process (default true); false only enqueues. */
  worker?: boolean;
  /** Deliveries in flight at once (default 8): they wait on the network, not the CPU. */
  concurrency?: number;
}

/** A delivery that ran out of attempts (or was refused for good), kept until retried or removed. */
export interface DeadLetter {
  jobId: string;
  sink: SinkName;
  url: string | null;
  recordId: string;
  revision: string;
  attemptsMade: number;
  failedReason: string;
  /** ISO 8601, null if unknown. */
  failedAt: string | null;
}

export interface Delivery {
  /**
   * Call once per released record (auto-approved, or approved by a reviewer): adds
   * one job per enabled sink and webhook URL. Resolves once the jobs are in Redis,
   * not when they are delivered.
   */
  deliver(record: ReportRecord, options?: { revision?: string }): Promise<void>;
  listDeadLetters(): Promise<DeadLetter[]>;
  /** Puts one dead letter (by job id) or all of them back in line with fresh attempts; returns the job ids retried. */
  retryDeadLetters(jobId?: string): Promise<string[]>;
  /** The deliver queue's counts, for the queue-depth metric. */
  readonly queue: QueueDepthSource;
  /** The BullMQ queue itself, only for Bull Board (dead letters are its failed jobs). */
  queueForDashboard(): Queue;
  close(): Promise<void>;
}

/**
 * Delivery of released records to every enabled sink through the BullMQ queue
 * `deliver`: each (record, revision, sink[, url]) is one job with a deterministic
 * id, retried with backoff, and left in the failed set (the dead letters, visible
 * and retryable in Bull Board) when it runs out of attempts.
 */
export function createDelivery(config: DeliveryConfig, deps: DeliveryDeps): Delivery {
  const { sinks } = config;
  const connection = { url: deps.redisUrl };
  const queue = new Queue<DeliveryJob>(DELIVER_QUEUE, { connection, prefix: config.queuePrefix });
  const runsWorker = deps.worker !== false;
  // Only a process that performs deliveries talks to the database.
  const pool = sinks.databaseUrl && runsWorker ? poolFromUrl(sinks.databaseUrl, deps.log) : null;
  const migrated = pool ? memoRetryingOnFailure(() => applyMigrations(pool)) : null;
  // Migrate at start when the database is there; if it is not, the first delivery tries again.
  migrated?.().catch((error: Error) => deps.log?.warn({ err: error.message }, 'database migrations not applied yet'));

  const worker = runsWorker
    ? new Worker<DeliveryJob>(DELIVER_QUEUE, (job) => runDeliveryJob(job), {
        // A worker waits out a Redis outage instead of failing its commands.
        connection: { ...connection, maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
        concurrency: deps.concurrency ?? 8,
        settings: { backoffStrategy: cappedBackoff(sinks.store.maxBackoffMs) },
      })
    : null;
  worker?.on('failed', (job, error) => onAttemptFailed(job, error));
  worker?.on('error', (error) => deps.log?.error({ err: error.message }, 'delivery worker error'));

  async function runDeliveryJob(job: Job<DeliveryJob>): Promise<void> {
    const { record } = job.data;
    // The payload is dropped only after a delivery succeeded: a job without one was
    // delivered, and is here again only because its completion was cut short.
    if (record === null) return;
    // A record that breaks the contract would be refused on every attempt: dead-lettered at once, with the reason.
    const problems = contractErrors(record);
    if (problems.length > 0) {
      throw new UnrecoverableError(`the record breaks the contract and is not delivered: ${problems.slice(0, 5).join('; ')}`);
    }
    await performDelivery(job.data, record);
    await job.updateData({ ...job.data, record: null });
  }

  async function performDelivery(job: DeliveryJob, record: ReportRecord): Promise<void> {
    switch (job.sink) {
      case 'webhook': {
        if (!sinks.webhook.secret || job.url === null) throw new UnrecoverableError('webhooks are not configured');
        await postRecordToWebhook({
          url: job.url,
          body: JSON.stringify(record),
          secret: sinks.webhook.secret,
          idempotencyKey: idempotencyKeyFromDelivery(job),
          timeoutMs: sinks.webhook.timeoutMs,
        });
        return;
      }
      case 'postgres': {
        if (!pool || !migrated) throw new UnrecoverableError('DATABASE_URL is not configured');
        await migrated();
        await upsertRecord(pool, record, new Date(job.releasedAt)).catch((error: unknown) => {
          throw permanentDatabaseError(error) ?? error;
        });
        return;
      }
      case 'jsonl': {
        if (!sinks.recordsJsonl) throw new UnrecoverableError('records.jsonl is turned off');
        await appendRecordLine(sinks.recordsJsonl, record);
        return;
      }
    }
  }

  function onAttemptFailed(job: Job<DeliveryJob> | undefined, error: Error): void {
    if (!job) return;
    deps.metrics?.deliveryFailed(job.data.sink);
    const dead = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.log?.[dead ? 'error' : 'warn'](
      { jobId: job.id, sink: job.data.sink, recordId: job.data.recordId, attemptsMade: job.attemptsMade, err: error.message },
      dead ? 'delivery dead-lettered' : 'delivery attempt failed, will retry',
    );
  }

  function jobOptions(sink: SinkName): JobsOptions {
    const retry =
      sink === 'webhook'
        ? { attempts: sinks.webhook.attempts, backoff: { type: 'exponential', delay: sinks.webhook.backoffMs } }
        : { attempts: sinks.store.attempts, backoff: { type: CAPPED_EXPONENTIAL, delay: sinks.store.backoffMs } };
    return { ...retry, removeOnComplete: { age: KEEP_COMPLETED_SECONDS }, removeOnFail: false };
  }

  return {
    async deliver(record, options = {}) {
      const release = {
        recordId: record.id,
        revision: options.revision ?? revisionFromRecord(record),
        releasedAt: new Date().toISOString(),
        record,
      };
      const jobs: DeliveryJob[] = [
        ...(sinks.recordsJsonl ? [{ sink: 'jsonl' as const, url: null, ...release }] : []),
        ...(sinks.databaseUrl ? [{ sink: 'postgres' as const, url: null, ...release }] : []),
        ...sinks.webhook.urls.map((url) => ({ sink: 'webhook' as const, url, ...release })),
      ];
      if (jobs.length === 0) return;
      await queue.addBulk(jobs.map((data) => ({ name: data.sink, data, opts: { ...jobOptions(data.sink), jobId: jobIdFromDelivery(data) } })));
    },

    async listDeadLetters() {
      const failed = await queue.getFailed();
      return failed.map(deadLetterFromJob);
    },

    async retryDeadLetters(jobId) {
      const candidates = jobId === undefined ? await queue.getFailed() : [await queue.getJob(jobId)];
      const retried: string[] = [];
      for (const job of candidates) {
        if (!job?.id || (await job.getState()) !== 'failed') continue;
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried.push(job.id);
      }
      return retried;
    },

    queue,

    queueForDashboard() {
      return queue as unknown as Queue;
    },

    async close() {
      await worker?.close();
      await queue.close();
      await pool?.end();
    },
  };
}

function deadLetterFromJob(job: Job<DeliveryJob>): DeadLetter {
  return {
    jobId: job.id ?? '',
    sink: job.data.sink,
    url: job.data.url,
    recordId: job.data.recordId,
    revision: job.data.revision,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a number out of range, a bad
 * date) and constraint violations (23) come back the same on every attempt;
 * anything else (connection lost, server starting, a lock) may pass.
 */
function permanentDatabaseError(error: unknown): UnrecoverableError | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return null;
  return new UnrecoverableError(`PostgreSQL refused the record for good (SQLSTATE ${code}): ${(error as Error).message}`);
}

function poolFromUrl(url: string, log: Logger | undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  // An idle connection dropped by the server emits here; unhandled, it would end the process.
  pool.on('error', (error) => log?.warn({ err: error.message }, 'idle PostgreSQL connection lost'));
  return pool;
}

function cappedBackoff(maxDelayMs: number) {
  return (attemptsMade: number, type?: string, _error?: Error, job?: MinimalJob): number => {
    const delay = Number((job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000);
    if (type !== CAPPED_EXPONENTIAL) return delay;
    return Math.min(maxDelayMs, Math.round(delay * 2 ** Math.max(0, attemptsMade - 1)));
  };
}

/** Runs `task` once and shares its promise; after a failure the next call runs it again. */
function memoRetryingOnFailure<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= task().catch((error: unknown) => {
      running = null;
      throw error;
    });
    return running;
  };
}
