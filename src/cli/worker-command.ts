import type { Command } from 'commander';
import { configOrUsageError } from './config-or-usage-error.js';
import { redisAnswers } from '../service/embedded-redis.js';

interface WorkerFlags {
  concurrency?: string;
}

/**
 * `reportflow worker`: parse workers only, no HTTP and no inbox, against the shared
 * Redis of a running service. Run it on as many machines as parsing needs.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run parse workers only (no HTTP API, no inbox), against REDIS_URL')
    .option('-c, --concurrency <n>', 'parallel parse jobs (REPORTFLOW_CONCURRENCY)')
    .action(async (flags: WorkerFlags) => {
      const config = configOrUsageError({ REPORTFLOW_CONCURRENCY: flags.concurrency });
      // Loaded here so that other commands start without BullMQ and the logger.
      const [{ createLogger }, { startService, stopOnSignals }] = await Promise.all([
        import('../service/logger.js'),
        import('../service/start-service.js'),
      ]);
      const logger = createLogger(config.log);
      const redisUrl = config.redisUrl ?? (await localRedisUrl());
      const service = await startService(config, { redisUrl, workers: true, intake: false, logger });
      stopOnSignals(service, logger);
    });
}

/** A worker never starts its own Redis: it must share the service's queue. */
async function localRedisUrl(): Promise<string> {
  if (await redisAnswers('127.0.0.1', 6379)) return 'redis://127.0.0.1:6379';
  throw new Error('no Redis: set REDIS_URL to the Redis of the running service (nothing answers on 127.0.0.1:6379)');
}
