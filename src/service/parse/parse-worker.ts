import { join } from 'node:path';
import type { Logger } from 'pino';
import { SANDBOX_SETTINGS_ENV, type ServiceConfig } from '../config.js';
import { moveToFailed } from '../intake/file-moves.js';
import { startParseWorker, type ParseJobBody, type QueueConnection } from '../queue/bullmq-adapter.js';
import type { ParseJobResult } from '../queue/jobs.js';
import type { RecordsStore } from '../store/records-store.js';
import { compiledFile } from './compiled-path.js';
import { ParserSlots } from './parser-slots.js';
import { processParseJob } from './process-parse-job.js';
import { sandboxSettingsFromConfig } from './sandbox-settings.js';
import { ParserClosedError } from './timed-parser.js';

export interface ParseWorkersDeps {
  connection: QueueConnection;
  logger: Logger;
  /** The service's store; jobs run in child processes (`sandbox: 'process'`) build their own from the same settings. */
  store: Pick<RecordsStore, 'save' | 'get'>;
  /**
   * Called in this process after each job completed (record saved, file moved),
   * e.g. to count it and deliver outbox records to sinks. Its failure is logged, not retried here.
   */
  onParsed?: (result: ParseJobResult) => Promise<void>;
}

export interface ParseWorkers {
  /** Resolves once the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /**
   * Stops taking jobs and lets in-flight ones finish for up to `worker.shutdownMs`;
   * after that, in-flight parses are stopped and their jobs handed back to the
   * queue (moved to waiting, no attempt used) for any worker.
   */
  close(): Promise<void>;
}

/** Jobs in flight per parse thread: one parsing, one reading, saving or talking to Redis. */
const JOBS_PER_PARSE_THREAD = 2;

type WorkerConfig = Pick<ServiceConfig, 'dirs' | 'extract' | 'limits' | 'libreOffice' | 'worker'> &
  Partial<Pick<ServiceConfig, 'ocr'>>;

/**
 * Runs up to `worker.concurrency` parse jobs at once against the parse queue.
 * Parsing never runs on this process's event loop, so an HTTP server and the
 * lock renewals sharing this process stay responsive:
 * - `sandbox: 'thread'` (default): the job runs here and hands the bytes to one
 *   of `concurrency` long-lived parse threads, which is terminated (and replaced)
 *   when it passes the job's time limit;
 * - `sandbox: 'process'`: each job runs in a child process
 *   (workers/parse-processor.js), which holds its own timed parse thread.
 * This side logs job events and handles jobs that failed for good.
 */
export function startParseWorkers(config: WorkerConfig, deps: ParseWorkersDeps): ParseWorkers {
  const log = deps.logger.child({ component: 'parse-worker' });
  const slots =
    config.worker.sandbox === 'thread'
      ? new ParserSlots(config.worker.concurrency, config.worker.jobTimeoutMs, {
          extract: config.extract,
          limits: config.limits,
          libreOffice: config.libreOffice,
          ...(config.ocr ? { ocr: config.ocr } : {}),
        })
      : null;
  slots?.warm();
  const worker = startParseWorker(
    deps.connection,
    slots
      ? { body: jobBodyWithSlots(config, deps.store, slots) }
      : {
          sandboxFile: compiledFile('workers/parse-processor.js'),
          env: { ...process.env, [SANDBOX_SETTINGS_ENV]: JSON.stringify(sandboxSettingsFromConfig(config)) },
        },
    {
      // With parse threads, twice as many jobs as threads: a job's I/O and queue round trips overlap another's parse.
      concurrency: slots ? slots.size * JOBS_PER_PARSE_THREAD : config.worker.concurrency,
      parseThreads: slots ? slots.size : config.worker.concurrency,
      lockMs: config.worker.lockMs,
    },
    {
      active(job) {
        log.debug(
          { jobId: job.id, file: job.data.fileName, source: job.data.source, attempt: job.attemptsMade + 1 },
          'job started',
        );
      },
      completed(job, result) {
        log.info(
          {
            jobId: job.id,
            file: job.data.fileName,
            format: result.format,
            durationMs: result.durationMs,
            status: result.status,
            place: result.place,
            anomalies: result.anomalyCodes,
            movedTo: result.movedTo,
          },
          'job completed',
        );
        deps
          .onParsed?.(result)
          .catch((error: Error) =>
            log.error({ jobId: job.id, file: job.data.fileName, reason: error.message }, 'after-parse hook failed'),
          );
      },
      failed(failure) {
        const fields = {
          jobId: failure.id,
          file: failure.data.fileName,
          attempt: failure.attemptsMade,
          final: failure.final,
          reason: failure.reason,
        };
        if (!failure.final) {
          log.warn(fields, 'job failed, will retry');
          return;
        }
        log.error(fields, 'job failed for good');
        // Nothing is lost: the file leaves the intake with the reason beside it.
        const { data } = failure;
        const reason = `file: ${data.fileName}\nno record: the job failed after ${failure.attemptsMade} attempt(s)\n${failure.reason}`;
        moveToFailed(data.path, join(config.dirs.data, 'failed'), data.fileName, data.sha256, reason).catch(
          (moveError: Error) =>
            log.error(
              { jobId: failure.id, file: data.fileName, reason: moveError.message },
              'could not move the file to failed/',
            ),
        );
      },
      stalled: (jobId) => log.warn({ jobId }, 'job stalled (its worker stopped), handed back to the queue'),
      error: (error) => log.error({ reason: error.message }, 'worker error'),
    },
  );

  return {
    ready: () => worker.ready(),
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), config.worker.shutdownMs)),
      );
      // The worker's close() waits for the jobs under way; a second close only returns that same wait.
      const closing = worker.close();
      const outcome = await Promise.race([closing.then(() => 'closed' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        log.warn({ waitedMs: config.worker.shutdownMs }, 'in-flight jobs did not finish in time, handing them back');
        // Ending the parse threads makes each job under way go back to waiting (see jobBodyWithSlots).
        await slots?.close();
      }
      await closing;
      await slots?.close();
    },
  };
}

/** The job body in this process; only the parse itself goes to a thread. */
function jobBodyWithSlots(config: WorkerConfig, store: ParseWorkersDeps['store'], slots: ParserSlots): ParseJobBody {
  const deps = {
    store,
    parse: (bytes: Uint8Array, fileName: string) => slots.parse(bytes, fileName),
    dataDir: config.dirs.data,
  };
  return async (data, job) => {
    try {
      return await processParseJob(data, deps);
    } catch (error) {
      // Stopped by shutdown, not by the file: back to waiting for any worker, no attempt used.
      if (error instanceof ParserClosedError) return job.handBack(error);
      throw error;
    }
  };
}
