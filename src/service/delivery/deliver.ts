import pg from 'pg';
import type { ReportRecord } from '../../record/types.js';
import { contractErrors } from '../../record/validate-record.js';
import { messageOf } from '../error-details.js';
import type { ServiceConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { DeliveryQueue, startDeliveryWorker, type JobView, type RetryPolicy } from '../queue/bullmq-adapter.js';
import { PermanentJobError, type DeliveryJob, type SinkName } from '../queue/jobs.js';
import { idempotencyKeyFromDelivery, jobIdFromDelivery } from './delivery-jobs.js';
import { applyMigrations } from './migrate.js';
import { upsertRecord } from './postgres-records.js';
import { appendRecordLine } from './records-jsonl.js';
import { revisionFromRecord } from './release-revision.js';
import { postRecordToWebhook } from './webhook-request.js';

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
  /**
   * How long a delivery's lock lasts (default 30 s): the delivery of a process that
   * died is handed to another after about this long. The service passes its
   * REPORTFLOW_LOCK_MS, the same as for parse jobs.
   */
  lockMs?: number;
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
  /** Whether any sink is enabled; without one, releasing is a no-op. */
  readonly hasSinks: boolean;
  listDeadLetters(): Promise<DeadLetter[]>;
  /** Puts one dead letter (by job id) or all of them back in line with fresh attempts; returns the job ids retried. */
  retryDeadLetters(jobId?: string): Promise<string[]>;
  /** The deliver queue: its depth for the metric, its jobs on the dashboard (dead letters are its failed jobs). */
  readonly queue: DeliveryQueue;
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
  const connection = { redisUrl: deps.redisUrl, prefix: config.queuePrefix };
  const queue = new DeliveryQueue(connection);
  const runsWorker = deps.worker !== false;
  // Only a process that performs deliveries talks to the database.
  const pool = sinks.databaseUrl && runsWorker ? poolFromUrl(sinks.databaseUrl, deps.log) : null;
  const migrated = pool ? memoRetryingOnFailure(() => applyMigrations(pool)) : null;
  // Migrate at start when the database is there; if it is not, the first delivery tries again.
  migrated?.().catch((error: Error) => deps.log?.warn({ err: error.message }, 'database migrations not applied yet'));

  const worker = runsWorker
    ? startDeliveryWorker(
        connection,
        async (job, context) => {
          // The payload is dropped only after a delivery succeeded: a job without one was
          // delivered, and is here again only because its completion was cut short.
          if (job.record === null) return;
          // A record that breaks the contract would be refused on every attempt: dead-lettered at once, with the reason.
          const problems = contractErrors(job.record);
          if (problems.length > 0) {
            throw new PermanentJobError(
              `the record breaks the contract and is not delivered: ${problems.slice(0, 5).join('; ')}`,
            );
          }
          await performDelivery(job, job.record);
          await context.updateData({ ...job, record: null });
        },
        {
          concurrency: deps.concurrency ?? 8,
          maxBackoffMs: sinks.store.maxBackoffMs,
          ...(deps.lockMs ? { lockMs: deps.lockMs } : {}),
        },
        {
          failed(failure) {
            deps.metrics?.deliveryFailed(failure.data.sink);
            deps.log?.[failure.final ? 'error' : 'warn'](
              {
                jobId: failure.id,
                sink: failure.data.sink,
                recordId: failure.data.recordId,
                attemptsMade: failure.attemptsMade,
                err: failure.reason,
              },
              failure.final ? 'delivery dead-lettered' : 'delivery attempt failed, will retry',
            );
          },
          error: (error) => deps.log?.error({ err: error.message }, 'delivery worker error'),
        },
      )
    : null;

  async function performDelivery(job: DeliveryJob, record: ReportRecord): Promise<void> {
    switch (job.sink) {
      case 'webhook': {
        if (!sinks.webhook.secret || job.url === null) throw new PermanentJobError('webhooks are not configured');
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
        if (!pool || !migrated) throw new PermanentJobError('DATABASE_URL is not configured');
        await migrated();
        await upsertRecord(pool, record, new Date(job.releasedAt)).catch((error: unknown) => {
          throw permanentDatabaseError(error) ?? error;
        });
        return;
      }
      case 'jsonl': {
        if (!sinks.recordsJsonl) throw new PermanentJobError('records.jsonl is turned off');
        await appendRecordLine(sinks.recordsJsonl, record);
        return;
      }
    }
  }

  function retryPolicy(sink: SinkName): RetryPolicy {
    return sink === 'webhook'
      ? {
          attempts: sinks.webhook.attempts,
          backoff: { type: 'exponential', delayMs: sinks.webhook.backoffMs },
          keepCompletedSeconds: KEEP_COMPLETED_SECONDS,
        }
      : {
          attempts: sinks.store.attempts,
          backoff: { type: 'capped-exponential', delayMs: sinks.store.backoffMs },
          keepCompletedSeconds: KEEP_COMPLETED_SECONDS,
        };
  }

  const hasSinks = Boolean(sinks.recordsJsonl || sinks.databaseUrl || sinks.webhook.urls.length > 0);

  return {
    hasSinks,

    async deliver(record, options = {}) {
      // No sink: nothing to hash or queue (the revision digest walks the whole record).
      if (!hasSinks) return;
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
      await queue.addAll(jobs.map((data) => ({ jobId: jobIdFromDelivery(data), data, retry: retryPolicy(data.sink) })));
    },

    async listDeadLetters() {
      return (await queue.failedJobs()).map(deadLetterFromJob);
    },

    retryDeadLetters(jobId) {
      return queue.retryFailed(jobId);
    },

    queue,

    async close() {
      await worker?.close();
      await queue.close();
      await pool?.end();
    },
  };
}

function deadLetterFromJob(job: JobView<DeliveryJob>): DeadLetter {
  return {
    jobId: job.id,
    sink: job.data.sink,
    url: job.data.url,
    recordId: job.data.recordId,
    revision: job.data.revision,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? '',
    failedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
  };
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a number out of range, a bad
 * date) and constraint violations (23) come back the same on every attempt;
 * anything else (connection lost, server starting, a lock) may pass.
 */
function permanentDatabaseError(error: unknown): PermanentJobError | null {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return null;
  return new PermanentJobError(`PostgreSQL refused the record for good (SQLSTATE ${code}): ${messageOf(error)}`);
}

function poolFromUrl(url: string, log: Logger | undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  // An idle connection dropped by the server emits here; unhandled, it would end the process.
  pool.on('error', (error) => log?.warn({ err: error.message }, 'idle PostgreSQL connection lost'));
  return pool;
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
