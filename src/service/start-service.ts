import type { Logger } from 'pino';
import type { ServiceConfig } from './config.js';
import { startInboxWatcher, type InboxWatcher } from './intake/inbox-watcher.js';
import { Intake } from './intake/intake.js';
import { createLogger } from './logger.js';
import { ParseQueue, type ParseJobResult } from './queue/parse-queue.js';
import { startParseWorkers, type ParseWorkers } from './parse/parse-worker.js';
import { RecordsStore } from './store/records-store.js';

/** What the service hands to the HTTP layer (and to anything else plugged in). */
export interface ServiceDeps {
  config: ServiceConfig;
  redisUrl: string;
  logger: Logger;
  store: RecordsStore;
  /** The raw queue: counts, job states, the dashboard. */
  queue: ParseQueue;
  /**
   * The way in for files (uploads too): dedupes by content and archives copies.
   * It also has `enqueueFile`, `jobState` and `queueForDashboard`, so it can stand
   * wherever a queue for intake is expected.
   */
  intake: Intake;
}

export interface StartServiceOptions {
  /** Resolved Redis URL (the caller turns config.redisUrl = null into one). */
  redisUrl: string;
  /** Run parse workers in this process. */
  workers: boolean;
  /** Watch the inbox folder (also needs config.inbox.enabled). */
  intake: boolean;
  /** Starts the HTTP API; called last, closed first. */
  http?: (deps: ServiceDeps) => Promise<{ close(): Promise<void> }>;
  logger?: Logger;
  /** Runs after each parse job this process completed (e.g. release hooks of the sinks). */
  onParsed?: (result: ParseJobResult) => Promise<void>;
}

export interface RunningService {
  deps: ServiceDeps;
  /** Stops intake (inbox, HTTP), lets workers finish or hand back jobs, closes Redis connections. Idempotent. */
  stop(): Promise<void>;
}

/** Wires store, queue, workers, inbox watcher and HTTP together in one process. */
export async function startService(config: ServiceConfig, options: StartServiceOptions): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.log);
  const store = new RecordsStore(config.dirs, { extract: config.extract });
  await store.init();
  const queue = new ParseQueue({ redisUrl: options.redisUrl, queuePrefix: config.queuePrefix, attempts: config.worker.attempts });
  // Redis may be starting too: wait for it, but say what is being waited for.
  const slow = setTimeout(() => logger.warn({ redis: redactedUrl(options.redisUrl) }, 'waiting for Redis to answer'), 3000);
  try {
    await queue.ready();
  } finally {
    clearTimeout(slow);
  }
  queue.onConnectionChange((change) => {
    const redis = redactedUrl(options.redisUrl);
    if (change.state === 'lost') logger.warn({ redis, reason: change.reason }, 'Redis connection lost; intake and workers wait and reconnect by themselves');
    else logger.info({ redis, downMs: change.downMs }, 'Redis connection back');
  });
  const intake = new Intake({ queue, store, dataDir: config.dirs.data, logger });
  const deps: ServiceDeps = { config, redisUrl: options.redisUrl, logger, store, queue, intake };

  const stoppers: Array<() => Promise<void>> = [() => queue.close()];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) {
      await stop().catch((error: Error) => logger.error({ reason: error.message }, 'error while stopping'));
    }
  };
  try {
    let workers: ParseWorkers | null = null;
    if (options.workers) {
      workers = startParseWorkers(config, { redisUrl: options.redisUrl, logger, onParsed: options.onParsed });
      await workers.ready();
      stoppers.push(() => workers!.close());
    }
    let watcher: InboxWatcher | null = null;
    if (options.intake && config.inbox.enabled) {
      watcher = await startInboxWatcher({ dir: config.dirs.inbox, ...config.inbox }, { intake, logger });
      stoppers.push(() => watcher!.close());
    }
    if (options.http) {
      const http = await options.http(deps);
      stoppers.push(() => http.close());
    }
    logger.info(
      { workers: options.workers ? config.worker.concurrency : 0, inbox: watcher ? config.dirs.inbox : null, outbox: config.dirs.outbox, queuePrefix: config.queuePrefix },
      'service started',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    deps,
    stop: () =>
      (stopping ??= (async () => {
        logger.info('stopping: intake closed, waiting for in-flight jobs');
        await stopAll();
        logger.info('stopped');
      })()),
  };
}

/**
 * Stops the service on SIGINT/SIGTERM; a second signal exits at once.
 * `onStopped` runs after a clean stop (e.g. to stop a private Redis).
 */
export function stopOnSignals(service: RunningService, logger: Logger, onStopped: () => Promise<void> = async () => {}): void {
  let signalled = false;
  const handle = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(130);
    }
    signalled = true;
    logger.info({ signal }, 'shutting down');
    service
      .stop()
      .then(onStopped)
      .then(
        () => {
          // Everything is closed, so the process ends by itself once the logger has flushed.
          process.exitCode = 0;
          setTimeout(() => process.exit(0), 2000).unref();
        },
        (error: Error) => {
          logger.error({ reason: error.message }, 'shutdown failed');
          process.exitCode = 1;
          setTimeout(() => process.exit(1), 2000).unref();
        },
      );
  };
  process.once('SIGINT', handle);
  process.once('SIGTERM', handle);
}

function redactedUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
