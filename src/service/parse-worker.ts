import { Worker } from 'bullmq';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { SANDBOX_SETTINGS_ENV, type ServiceConfig } from './config.js';
import { compiledFile } from './compiled-path.js';
import { moveToFailed } from './file-moves.js';
import { PARSE_QUEUE_NAME, type ParseJobData, type ParseJobResult } from './parse-queue.js';
import { sandboxSettingsFromConfig } from './sandbox-settings.js';

export interface ParseWorkersDeps {
  redisUrl: string;
  logger: Logger;
  /**
   * Called in this process after each job completed (record saved, file moved),
   * e.g. to deliver outbox records to sinks. Its failure is logged, not retried here.
   */
  onParsed?: (result: ParseJobResult) => Promise<void>;
}

export interface ParseWorkers {
  /** Resolves once the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /**
   * Stops taking jobs and lets in-flight ones finish for up to `worker.shutdownMs`;
   * after that, the sandboxes are killed and their jobs are handed back (their
   * locks lapse and a stalled-job check re-queues them for any worker).
   */
  close(): Promise<void>;
}

type WorkerConfig = Pick<ServiceConfig, 'queuePrefix' | 'dirs' | 'extract' | 'limits' | 'worker'>;

/**
 * Starts `worker.concurrency` parse sandboxes against the parse queue. Parsing
 * runs in the sandbox (workers/parse-processor.js), never on this process's
 * event loop, so an HTTP server or the lock renewals sharing this process stay
 * responsive. This side only logs job events and handles jobs that failed for good.
 */
export function startParseWorkers(config: WorkerConfig, deps: ParseWorkersDeps): ParseWorkers {
  const log = deps.logger.child({ component: 'parse-worker' });
  const sandboxEnv = { ...process.env, [SANDBOX_SETTINGS_ENV]: JSON.stringify(sandboxSettingsFromConfig(config)) };
  const worker = new Worker<ParseJobData, ParseJobResult>(PARSE_QUEUE_NAME, compiledFile('workers/parse-processor.js'), {
    connection: { url: deps.redisUrl, maxRetriesPerRequest: null },
    prefix: config.queuePrefix,
    concurrency: config.worker.concurrency,
    useWorkerThreads: config.worker.sandbox === 'thread',
    workerThreadsOptions: { env: sandboxEnv },
    workerForkOptions: { env: sandboxEnv },
    // The lock is renewed from this process, which parsing never blocks; a lapsed
    // lock therefore means the process died, and the job goes to another worker.
    lockDuration: config.worker.lockMs,
    stalledInterval: config.worker.lockMs,
    // A job that stalls a third time (a file that keeps killing workers) fails for good.
    maxStalledCount: 2,
  });

  worker.on('active', (job) => {
    log.debug({ jobId: job.id, file: job.data.fileName, source: job.data.source, attempt: job.attemptsMade + 1 }, 'job started');
  });
  worker.on('completed', (job, result) => {
    log.info(
      {
        jobId: job.id,
        file: job.data.fileName,
        durationMs: result.durationMs,
        status: result.status,
        place: result.place,
        anomalies: result.anomalyCodes,
        movedTo: result.movedTo,
      },
      'job completed',
    );
    deps.onParsed?.(result).catch((error: Error) =>
      log.error({ jobId: job.id, file: job.data.fileName, reason: error.message }, 'after-parse hook failed'),
    );
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    const fields = { jobId: job.id, file: job.data.fileName, attempt: job.attemptsMade, final, reason: error.message };
    if (!final) {
      log.warn(fields, 'job failed, will retry');
      return;
    }
    log.error(fields, 'job failed for good');
    // Nothing is lost: the file leaves the intake with the reason beside it.
    const reason = `file: ${job.data.fileName}\nno record: the job failed after ${job.attemptsMade} attempt(s)\n${error.message}`;
    moveToFailed(job.data.path, join(config.dirs.data, 'failed'), job.data.fileName, job.data.sha256, reason).catch((moveError: Error) =>
      log.error({ jobId: job.id, file: job.data.fileName, reason: moveError.message }, 'could not move the file to failed/'),
    );
  });
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'job stalled (its worker stopped), handed back to the queue'));
  worker.on('error', (error) => log.error({ reason: error.message }, 'worker error'));

  return {
    ready: () => worker.waitUntilReady().then(() => undefined),
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), config.worker.shutdownMs)));
      const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        log.warn({ waitedMs: config.worker.shutdownMs }, 'in-flight jobs did not finish in time, handing them back');
        await worker.close(true);
      }
    },
  };
}
