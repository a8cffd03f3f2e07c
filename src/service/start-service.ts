import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config.js';
import { releasedSpecFromConfig } from './dataset/released-records.js';
import { createDelivery, type Delivery } from './delivery/deliver.js';
import { createReleaseHooks, startReleaseSweeps } from './delivery/release-hooks.js';
import { startInboxWatcher } from './intake/inbox-watcher.js';
import { Intake } from './intake/intake.js';
import { createLogger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { startParseWorkers } from './parse/parse-worker.js';
import { ParseQueue } from './queue/bullmq-adapter.js';
import { catalogOnDatabase } from './review/records-catalog-postgres.js';
import { ReviewService } from './review/review-service.js';
import { recordsStoreFromConfig, type RecordsStore } from './store/records-store.js';
import { errnoCode } from './error-details.js';

/** The parts of a running service, each built once from the configuration. */
export interface ServiceDeps {
  config: ServiceConfig;
  redisUrl: string;
  logger: Logger;
  store: RecordsStore;
  /** The parse queue: counts, job states, the dashboard. */
  queue: ParseQueue;
  /** The way in for files (inbox and uploads): dedupes by content, archives copies, queues the rest. */
  intake: Intake;
  /** Releases records to the sinks; every process runs deliveries (they wait on the network, not the CPU). */
  delivery: Delivery;
  /** A reviewer's approve (store, then release) and reject. */
  review: ReviewService;
  metrics: Metrics;
  /** The HTTP API when this process serves it. */
  app: FastifyInstance | null;
}

export interface StartServiceOptions {
  /** Resolved Redis URL (the caller turns config.redisUrl = null into one). */
  redisUrl: string;
  /** Run parse workers in this process. */
  workers: boolean;
  /** Watch the inbox folder (also needs config.inbox.enabled). */
  intake: boolean;
  /**
   * Serve the HTTP API: 'listen' on `config.http` host and port, 'inject' builds it
   * without a port (tests call `inject`). Without it, no HTTP.
   */
  http?: 'listen' | 'inject';
  logger?: Logger;
}

export interface RunningService {
  deps: ServiceDeps;
  /** Where the API listens (`http://host:port`), or null when it does not. */
  url: string | null;
  /** Stops intake (inbox, HTTP), lets workers finish or hand back jobs, closes Redis connections. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Builds the service from its configuration and starts the parts this process
 * runs. Every command (`serve`, `serve --no-workers`, `worker`) goes through here:
 * store, queues, intake, delivery, review and metrics exist once per process, and a
 * parse finished in this process is counted and released here.
 */
export async function startService(config: ServiceConfig, options: StartServiceOptions): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.log);
  const connection = { redisUrl: options.redisUrl, prefix: config.queuePrefix };
  const metrics = createMetrics();
  const store = recordsStoreFromConfig(config);
  await store.init();
  const queue = new ParseQueue({ ...connection, attempts: config.worker.attempts });
  // Redis may be starting too: wait for it, but say what is being waited for.
  const slow = setTimeout(
    () => logger.warn({ redis: redactedUrl(options.redisUrl) }, 'waiting for Redis to answer'),
    3000,
  );
  try {
    await queue.ready();
  } finally {
    clearTimeout(slow);
  }
  queue.onConnectionChange((change) => {
    const redis = redactedUrl(options.redisUrl);
    if (change.state === 'lost') {
      logger.warn(
        { redis, reason: change.reason },
        'Redis connection lost; intake and workers wait and reconnect by themselves',
      );
    } else logger.info({ redis, downMs: change.downMs }, 'Redis connection back');
  });
  const delivery = createDelivery(config, {
    redisUrl: options.redisUrl,
    log: logger,
    metrics,
    lockMs: config.worker.lockMs,
  });
  const release = createReleaseHooks(delivery, store, logger);
  const sweeps = startReleaseSweeps(release, logger);
  const review = new ReviewService({ store, release: (record) => release.afterApprove(record) });
  const intake = new Intake({ queue, store, dataDir: config.dirs.data, logger, metrics });
  metrics.watchQueue(queue);
  metrics.watchQueue(delivery.queue);
  const deps: ServiceDeps = {
    config,
    redisUrl: options.redisUrl,
    logger,
    store,
    queue,
    intake,
    delivery,
    review,
    metrics,
    app: null,
  };

  // Stopped in reverse: HTTP and inbox first, then workers, then deliveries their last jobs queued, then the queue.
  const stoppers: Array<() => Promise<void>> = [() => queue.close(), () => delivery.close(), () => sweeps.stop()];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) {
      await stop().catch((error: Error) => logger.error({ reason: error.message }, 'error while stopping'));
    }
  };
  let url: string | null = null;
  try {
    if (options.workers) {
      const workers = startParseWorkers(config, {
        connection,
        logger,
        store,
        onParsed: async (result) => {
          metrics.recordProduced(result);
          await release.afterParse(result);
        },
      });
      stoppers.push(() => workers.close());
      await workers.ready();
    }
    const watchesInbox = options.intake && config.inbox.enabled;
    if (watchesInbox) {
      const watcher = await startInboxWatcher({ dir: config.dirs.inbox, ...config.inbox }, { intake, logger });
      stoppers.push(() => watcher.close());
    }
    if (options.http) {
      // Loaded on use: a worker process needs no Fastify.
      const { buildApp } = await import('./http/build-app.js');
      const browsing = config.sinks.databaseUrl
        ? await catalogOnDatabase(config.sinks.databaseUrl, store, logger)
        : null;
      if (browsing) stoppers.push(() => browsing.close());
      const app = buildApp({
        config,
        store,
        review,
        queue,
        intake,
        logger,
        metrics,
        delivery,
        dashboardQueues: [delivery.queue.dashboardQueue()],
        ...(browsing ? { catalog: browsing.catalog } : {}),
        dataset: { source: releasedSpecFromConfig(config), extract: config.extract },
      });
      stoppers.push(() => app.close());
      deps.app = app;
      if (options.http === 'listen') url = await listen(app, config.http);
      else await app.ready();
    }
    logger.info(
      {
        workers: options.workers ? config.worker.concurrency : 0,
        inbox: watchesInbox ? config.dirs.inbox : null,
        outbox: config.dirs.outbox,
        queuePrefix: config.queuePrefix,
      },
      'service started',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    deps,
    url,
    stop: () =>
      (stopping ??= (async () => {
        logger.info('stopping: intake closed, waiting for in-flight jobs');
        await stopAll();
        logger.info('stopped');
      })()),
  };
}

async function listen(app: FastifyInstance, http: ServiceConfig['http']): Promise<string> {
  try {
    await app.listen({ host: http.host, port: http.port });
  } catch (error) {
    if (errnoCode(error) === 'EADDRINUSE') {
      throw new Error(`port ${http.port} on ${http.host} is in use; choose another with --port or PORT`, {
        cause: error,
      });
    }
    throw error;
  }
  const address: string | AddressInfo | null = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://${http.host.includes(':') ? `[${http.host}]` : http.host}:${port}`;
}

/**
 * Stops the service on SIGINT/SIGTERM; a second signal exits at once.
 * `onStopped` runs after a clean stop (e.g. to stop a private Redis).
 */
export function stopOnSignals(
  service: RunningService,
  logger: Logger,
  onStopped: () => Promise<void> = async () => {},
): void {
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
