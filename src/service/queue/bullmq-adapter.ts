import {
  Queue,
  UnrecoverableError,
  WaitingError,
  Worker,
  type Job,
  type JobsOptions,
  type MinimalJob,
  type Processor,
  type SandboxedJob,
} from 'bullmq';
import type { ServiceConfig } from '../config.js';
import {
  DELIVER_QUEUE_NAME,
  PARSE_QUEUE_NAME,
  PermanentJobError,
  type DeliveryJob,
  type JobState,
  type ParseJobData,
  type ParseJobResult,
} from './jobs.js';

/*
 * The one module that talks to BullMQ. Everything else speaks in the job types of
 * jobs.ts and in the small interfaces below; no BullMQ job object leaves this file.
 * Bull Board is the exception by nature: it reads queues itself, so each queue hands
 * it its BullMQ queue through `dashboardQueue()`.
 */

/** Where the queues live: one Redis, one key prefix per deployment (or test). */
export interface QueueConnection {
  redisUrl: string;
  prefix: string;
}

export interface EnqueueResult {
  id: string;
  state: JobState | null;
  /** True when a job with this id already existed (same content queued or parsed before). */
  existed: boolean;
  /** The path the existing job reads from; equals the request's path unless `existed`. */
  jobPath: string;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export type ConnectionChange = { state: 'lost'; reason?: string } | { state: 'back'; downMs: number };

/** A job as callers see it: its id and data, how often it ran, and when (epoch ms). */
export interface JobView<Data, Result = unknown> {
  id: string;
  data: Data;
  attemptsMade: number;
  failedReason: string | null;
  /** When it was added, started, finished; null when it has not. */
  addedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  result: Result | null;
}

/** A failed attempt: `final` when no attempt is left (or the error was permanent). */
export interface JobFailure<Data> {
  id: string;
  data: Data;
  attemptsMade: number;
  final: boolean;
  reason: string;
}

export interface JobWorker {
  /** Resolves once the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs and waits for the jobs under way. */
  close(): Promise<void>;
}

const FINISHED: ReadonlySet<JobState | null> = new Set(['completed', 'failed']);
/** Backoff of the local sinks: exponential like webhooks, but capped so a long outage is polled steadily. */
const CAPPED_EXPONENTIAL = 'capped-exponential';

/**
 * The parse queue. Job id = content sha256: adding the same content twice while a
 * job with that id exists returns the existing job (`existed: true`) instead of a
 * second one. `force` replaces a finished (completed or failed) job so the file is
 * parsed again; a job still waiting or active is left alone, it will parse anyway.
 */
export class ParseQueue {
  readonly name = PARSE_QUEUE_NAME;
  private readonly queue: Queue<ParseJobData, ParseJobResult>;

  constructor(connection: QueueConnection & { attempts: ServiceConfig['worker']['attempts'] }) {
    this.queue = new Queue<ParseJobData, ParseJobResult>(PARSE_QUEUE_NAME, {
      connection: { url: connection.redisUrl, maxRetriesPerRequest: null },
      prefix: connection.prefix,
      defaultJobOptions: {
        attempts: connection.attempts,
        // Only transient I/O errors reach a retry: unreadable files end as error records.
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 5000, age: 7 * 24 * 3600 },
        removeOnFail: { count: 5000 },
      },
    });
  }

  /** Resolves once Redis answers; rejects with the connection error otherwise. */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
  }

  /**
   * Calls `listener` when the queue's Redis connection drops and again when it is
   * back. The client reconnects by itself and holds commands until then (no
   * retry limit per request), so callers only wait; this is for telling people.
   */
  onConnectionChange(listener: (change: ConnectionChange) => void): void {
    let lostSince: number | null = null;
    let lastError: string | undefined;
    // Also keeps BullMQ from printing every reconnect attempt's error to stderr.
    this.queue.on('error', (error) => (lastError = error.message));
    // Not emitted when the queue itself is being closed.
    this.queue.on('ioredis:close', () => {
      if (lostSince !== null) return;
      lostSince = Date.now();
      listener({ state: 'lost', reason: lastError });
    });
    this.queue.getBackend().on('ready', () => {
      if (lostSince === null) return;
      const downMs = Date.now() - lostSince;
      lostSince = null;
      listener({ state: 'back', downMs });
    });
  }

  /** Keeps connection errors quiet (the caller reports them some other way, e.g. the health check). */
  ignoreConnectionErrors(): void {
    this.queue.on('error', () => {});
  }

  async enqueueFile(file: Omit<ParseJobData, 'id'> & { force?: boolean }): Promise<EnqueueResult> {
    const { force, path, fileName, sha256, source } = file;
    // Built field by field: nothing but these five ever goes into Redis.
    const data: ParseJobData = { id: sha256, path, fileName, sha256, source };
    let before = await this.queue.getJob(data.id);
    if (before && force && FINISHED.has(await this.jobState(data.id))) {
      await this.queue.remove(data.id);
      before = undefined;
    }
    if (!before) await this.queue.add('parse-file', data, { jobId: data.id });
    // Read back what Redis holds: with two concurrent adds of one id, only the first one's data is kept.
    const stored = before ?? (await this.queue.getJob(data.id));
    const jobPath = stored?.data.path ?? data.path;
    return {
      id: data.id,
      state: await this.jobState(data.id),
      existed: Boolean(before) || jobPath !== data.path,
      jobPath,
    };
  }

  /** The job's state, or null when the queue does not know the id (never queued, or removed since). */
  async jobState(id: string): Promise<JobState | null> {
    return stateFromBullmq(await this.queue.getJobState(id));
  }

  async job(id: string): Promise<JobView<ParseJobData, ParseJobResult> | null> {
    const job = await this.queue.getJob(id);
    return job ? viewFromJob(job) : null;
  }

  /** Jobs that finished, oldest first (as many as the queue keeps). */
  async completedJobs(): Promise<Array<JobView<ParseJobData, ParseJobResult>>> {
    return (await this.queue.getJobs(['completed'], 0, -1, true)).map(viewFromJob);
  }

  /** Why a failed job failed (its last error), or null. */
  async failureReason(id: string): Promise<string | null> {
    const job = await this.queue.getJob(id);
    return job?.failedReason ?? null;
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
    };
  }

  /** Jobs per state, for the depth metric. */
  jobCounts(states: readonly JobState[]): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...states);
  }

  /**
   * Whether Redis answers within `timeoutMs`. BullMQ keeps retrying a lost
   * connection forever and holds commands meanwhile, so the wait is bounded here.
   */
  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(this.queue.isPaused(), timeoutMs);
  }

  /**
   * Live workers and the parse threads they hold in all: each worker carries its
   * number of threads in its connection name (see startParseWorker). A worker
   * that does not say counts as one.
   */
  async workerCapacity(timeoutMs: number): Promise<{ workers: number; parseThreads: number }> {
    const workers = (await withTimeout(this.queue.getWorkers(), timeoutMs)) as Array<{ rawname?: string }>;
    const parseThreads = workers.reduce(
      (sum, worker) => sum + Number(PARSE_THREADS_NAME.exec(worker.rawname ?? '')?.[1] ?? 1),
      0,
    );
    return { workers: workers.length, parseThreads };
  }

  /** The BullMQ queue itself, for Bull Board only. */
  dashboardQueue(): Queue<ParseJobData, ParseJobResult> {
    return this.queue;
  }

  /** Removes every key of this queue; for tests and `reset` tooling. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export interface ParseWorkerOptions {
  /** Jobs in flight at once in this process. */
  concurrency: number;
  /** Parse threads (or sandboxes) behind those jobs: shown by /health as the pipeline's parsing capacity. */
  parseThreads: number;
  /**
   * How long a job's lock lasts; it is renewed from this process, which parsing
   * never blocks, so a lapsed lock means the process died and the job goes to
   * another worker.
   */
  lockMs: number;
}

/**
 * What runs a parse job: a body in this process, or a compiled sandbox file (whose
 * default export is a `sandboxedParseProcessor`) run in a child process per job.
 */
export type ParseJobRunner = { body: ParseJobBody } | { sandboxFile: string; env: NodeJS.ProcessEnv };

export interface ParseJobContext {
  /**
   * Hands the job back to the queue (waiting, no attempt used) for any worker: for
   * a job stopped by this worker's shutdown, not by its file. Throws `cause` when
   * the job cannot be handed back.
   */
  handBack(cause: unknown): Promise<never>;
}

export type ParseJobBody = (data: ParseJobData, context: ParseJobContext) => Promise<ParseJobResult>;

export interface JobEvents<Data, Result> {
  active?(job: JobView<Data>): void;
  completed?(job: JobView<Data>, result: Result): void;
  failed?(failure: JobFailure<Data>): void;
  /** A job whose worker stopped renewing its lock went back to the queue. */
  stalled?(jobId: string): void;
  error?(error: Error): void;
}

/** A worker on the parse queue. */
/** The end of a parse worker's Redis connection name, which carries its thread count. */
const PARSE_THREADS_NAME = /:w:parse-threads-(\d+)$/;

export function startParseWorker(
  connection: QueueConnection,
  runner: ParseJobRunner,
  options: ParseWorkerOptions,
  events: JobEvents<ParseJobData, ParseJobResult>,
): JobWorker {
  const worker = new Worker<ParseJobData, ParseJobResult>(
    PARSE_QUEUE_NAME,
    'body' in runner ? processorFromBody(runner.body) : runner.sandboxFile,
    {
      connection: { url: connection.redisUrl, maxRetriesPerRequest: null },
      prefix: connection.prefix,
      concurrency: options.concurrency,
      name: `parse-threads-${options.parseThreads}`,
      ...('env' in runner ? { workerForkOptions: { env: runner.env } } : {}),
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // A job that stalls a third time (a file that keeps killing workers) fails for good.
      maxStalledCount: 2,
    },
  );
  listen(worker, events);
  return workerHandle(worker);
}

function processorFromBody(body: ParseJobBody): Processor<ParseJobData, ParseJobResult> {
  return (job, token) =>
    permanentAsUnrecoverable(() =>
      body(job.data, {
        async handBack(cause) {
          if (!token) throw cause;
          await job.moveToWait(token);
          throw new WaitingError();
        },
      }),
    );
}

/** The default export of a sandbox file: runs `body` on the job, as `startParseWorker` would in process. */
export function sandboxedParseProcessor(
  body: (data: ParseJobData) => Promise<ParseJobResult>,
): (job: SandboxedJob<ParseJobData, ParseJobResult>) => Promise<ParseJobResult> {
  return (job) => permanentAsUnrecoverable(() => body(job.data));
}

/** How often, and how far apart, a delivery is tried. */
export interface RetryPolicy {
  attempts: number;
  /** 'capped-exponential' doubles like 'exponential' but never waits longer than the worker's `maxBackoffMs`. */
  backoff: { type: 'exponential' | 'capped-exponential'; delayMs: number };
  /** Completed jobs are kept this long, so adding the same job id again stays a no-op. */
  keepCompletedSeconds: number;
}

/**
 * The deliver queue: each (record, revision, sink[, url]) is one job with a
 * deterministic id; jobs that run out of attempts stay in the failed set (the dead
 * letters) until retried.
 */
export class DeliveryQueue {
  readonly name = DELIVER_QUEUE_NAME;
  private readonly queue: Queue<DeliveryJob>;

  constructor(connection: QueueConnection) {
    this.queue = new Queue<DeliveryJob>(DELIVER_QUEUE_NAME, {
      connection: { url: connection.redisUrl },
      prefix: connection.prefix,
    });
    // Connection errors surface as failed calls and through the delivery worker's own
    // error event; unlistened here, BullMQ would print every reconnect attempt.
    this.queue.on('error', () => {});
  }

  /** Adds the jobs in one round trip; a job id already present is left as it is. */
  async addAll(jobs: Array<{ jobId: string; data: DeliveryJob; retry: RetryPolicy }>): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map(({ jobId, data, retry }) => ({ name: data.sink, data, opts: { ...jobOptionsFrom(retry), jobId } })),
    );
  }

  async failedJobs(): Promise<Array<JobView<DeliveryJob>>> {
    return (await this.queue.getFailed()).map(viewFromJob);
  }

  async completedJobs(): Promise<Array<JobView<DeliveryJob>>> {
    return (await this.queue.getCompleted()).map(viewFromJob);
  }

  /** Puts one failed job (by id) or all of them back in line with fresh attempts; returns the ids retried. */
  async retryFailed(jobId?: string): Promise<string[]> {
    const candidates = jobId === undefined ? await this.queue.getFailed() : [await this.queue.getJob(jobId)];
    const retried: string[] = [];
    for (const job of candidates) {
      if (!job?.id || (await job.getState()) !== 'failed') continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push(job.id);
    }
    return retried;
  }

  jobCounts(states: readonly JobState[]): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...states);
  }

  /** The BullMQ queue itself, for Bull Board only (dead letters are its failed jobs). */
  dashboardQueue(): Queue<DeliveryJob> {
    return this.queue;
  }

  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export interface DeliveryJobContext {
  /** Replaces the job's data, e.g. to drop the payload once delivered. */
  updateData(data: DeliveryJob): Promise<void>;
}

/** A worker on the deliver queue; deliveries wait on the network, so many run at once. */
export function startDeliveryWorker(
  connection: QueueConnection,
  body: (data: DeliveryJob, context: DeliveryJobContext) => Promise<void>,
  options: { concurrency: number; maxBackoffMs: number; lockMs?: number },
  events: JobEvents<DeliveryJob, void>,
): JobWorker {
  const worker = new Worker<DeliveryJob>(
    DELIVER_QUEUE_NAME,
    (job) => permanentAsUnrecoverable(() => body(job.data, { updateData: (data) => job.updateData(data) })),
    {
      // A worker waits out a Redis outage instead of failing its commands.
      connection: { url: connection.redisUrl, maxRetriesPerRequest: null },
      prefix: connection.prefix,
      concurrency: options.concurrency,
      // A lapsed lock means the process died: its delivery goes to another worker.
      ...(options.lockMs ? { lockDuration: options.lockMs, stalledInterval: options.lockMs } : {}),
      settings: { backoffStrategy: cappedBackoff(options.maxBackoffMs) },
    },
  );
  listen(worker, events);
  return workerHandle(worker);
}

function listen<Data, Result>(worker: Worker<Data, Result>, events: JobEvents<Data, Result>): void {
  worker.on('active', (job) => events.active?.(viewFromJob(job)));
  worker.on('completed', (job, result) => events.completed?.(viewFromJob(job), result));
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    events.failed?.({ id: job.id ?? '', data: job.data, attemptsMade: job.attemptsMade, final, reason: error.message });
  });
  worker.on('stalled', (jobId) => events.stalled?.(jobId));
  worker.on('error', (error) => events.error?.(error));
}

function workerHandle(worker: Worker): JobWorker {
  return {
    ready: () => worker.waitUntilReady().then(() => undefined),
    close: () => worker.close(),
  };
}

/** Job bodies throw the queue-free PermanentJobError; BullMQ knows its own UnrecoverableError. */
async function permanentAsUnrecoverable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

function viewFromJob<Data, Result>(job: Job<Data, Result>): JobView<Data, Result> {
  return {
    id: job.id ?? '',
    data: job.data,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    addedAt: job.timestamp,
    startedAt: job.processedOn ?? null,
    finishedAt: job.finishedOn ?? null,
    result: job.returnvalue ?? null,
  };
}

function stateFromBullmq(state: string): JobState | null {
  switch (state) {
    case 'waiting':
    case 'active':
    case 'delayed':
    case 'prioritized':
    case 'completed':
    case 'failed':
    case 'waiting-children':
      return state;
    default:
      return null;
  }
}

function jobOptionsFrom(retry: RetryPolicy): JobsOptions {
  const type = retry.backoff.type === 'capped-exponential' ? CAPPED_EXPONENTIAL : 'exponential';
  return {
    attempts: retry.attempts,
    backoff: { type, delay: retry.backoff.delayMs },
    removeOnComplete: { age: retry.keepCompletedSeconds },
    removeOnFail: false,
  };
}

function cappedBackoff(maxDelayMs: number) {
  return (attemptsMade: number, type?: string, _error?: Error, job?: MinimalJob): number => {
    const backoff = job?.opts.backoff;
    const delay = typeof backoff === 'object' ? (backoff.delay ?? 1000) : 1000;
    if (type !== CAPPED_EXPONENTIAL) return delay;
    return Math.min(maxDelayMs, Math.round(delay * 2 ** Math.max(0, attemptsMade - 1)));
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
