import { Queue } from 'bullmq';
import type { ServiceConfig } from '../config.js';

/** The one queue of the pipeline. */
export const PARSE_QUEUE_NAME = 'parse';

/** Where an intake file came from. */
export type IntakeSource = 'inbox' | 'upload';

/**
 * What a parse job carries: where to read the file, never its bytes or text.
 * `id` is the file's sha256, which is also the job id and the record id.
 */
export interface ParseJobData {
  id: string;
  path: string;
  fileName: string;
  sha256: string;
  source: IntakeSource;
}

/** What a finished parse job returns (stored by BullMQ, shown on the dashboard). */
export interface ParseJobResult {
  id: string;
  place: 'outbox' | 'review' | 'rejected';
  status: 'ok' | 'needs_review';
  anomalyCodes: string[];
  /** Where the intake file went: archive/ or failed/; null when it was already gone. */
  movedTo: string | null;
  durationMs: number;
}

/** BullMQ's job states. */
export type JobState = 'waiting' | 'active' | 'delayed' | 'prioritized' | 'completed' | 'failed' | 'waiting-children';

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

export interface ParseQueueOptions {
  redisUrl: string;
  queuePrefix: string;
  attempts: ServiceConfig['worker']['attempts'];
}

export type ConnectionChange = { state: 'lost'; reason?: string } | { state: 'back'; downMs: number };

const FINISHED: ReadonlySet<JobState | null> = new Set(['completed', 'failed']);

/**
 * The producer side of the parse queue; the only module (with parse-worker.ts)
 * that touches BullMQ, and no job object leaves it.
 *
 * Job id = content sha256: adding the same content twice while a job with that
 * id exists returns the existing job (`existed: true`) instead of a second one.
 * `force` replaces a finished (completed or failed) job so the file is parsed
 * again; a job still waiting or active is left alone, it will parse anyway.
 */
export class ParseQueue {
  private readonly queue: Queue<ParseJobData, ParseJobResult>;

  constructor(options: ParseQueueOptions) {
    this.queue = new Queue<ParseJobData, ParseJobResult>(PARSE_QUEUE_NAME, {
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      prefix: options.queuePrefix,
      defaultJobOptions: {
        attempts: options.attempts,
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
    return { id: data.id, state: await this.jobState(data.id), existed: Boolean(before) || jobPath !== data.path, jobPath };
  }

  /** The job's state, or null when the queue does not know the id (never queued, or removed since). */
  async jobState(id: string): Promise<JobState | null> {
    const state = await this.queue.getJobState(id);
    return state === 'unknown' ? null : (state as JobState);
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

  /** The BullMQ queue itself, for Bull Board only. */
  queueForDashboard(): Queue {
    return this.queue as unknown as Queue;
  }

  /** Removes every key of this queue; for tests and `reset` tooling. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
