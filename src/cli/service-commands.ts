import { join } from 'node:path';
import { CommanderError, type Command } from 'commander';
import { ConfigError, loadConfig, type ServiceConfig } from '../service/config.js';
import type { ResolvedRedis } from '../service/embedded-redis.js';
import { registerIngestCommand } from './ingest-command.js';
import { registerWorkerCommand } from './worker-command.js';

const USAGE_ERROR = 2;

interface ServeFlags {
  workers: boolean;
  /** A folder, or false for --no-inbox. */
  inbox?: string | false;
  port?: string;
  host?: string;
  outbox?: string;
  data?: string;
  redisUrl?: string;
  concurrency?: string;
  maxUploadMb?: string;
  embeddedRedis?: boolean;
}

/** `serve`, `worker` and `ingest`: the pipeline's commands. */
export function registerServiceCommands(program: Command): void {
  program
    .command('serve')
    .description('run the service: HTTP API, dashboard, inbox watcher and parse workers in one process')
    .option('--no-workers', 'intake and API only; run parse workers elsewhere with `reportflow worker`')
    .option('-p, --port <port>', 'HTTP port (PORT, default 3000; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (HOST, default 127.0.0.1)')
    .option('--inbox <dir>', 'folder watched for new reports (REPORTFLOW_INBOX, default ./inbox)')
    .option('--no-inbox', 'do not watch an inbox folder (REPORTFLOW_INBOX_ENABLED=false)')
    .option('--outbox <dir>', 'folder for released records (REPORTFLOW_OUTBOX, default ./outbox)')
    .option('--data <dir>', 'review, archive, uploads and private Redis files (REPORTFLOW_DATA_DIR, default ./data)')
    .option('--redis-url <url>', 'Redis to use (REDIS_URL); without it 127.0.0.1:6379 or a private redis-server')
    .option('-c, --concurrency <n>', 'parallel parse jobs in this process (REPORTFLOW_CONCURRENCY)')
    .option('--max-upload-mb <n>', 'largest accepted upload (REPORTFLOW_MAX_UPLOAD_MB, default 25)')
    .option('--embedded-redis', 'start a private redis-server even when one answers on 127.0.0.1:6379')
    .action(serve);

  registerWorkerCommand(program);
  registerIngestCommand(program);
}

async function serve(flags: ServeFlags): Promise<void> {
  const config = configOrUsageError(flags);
  // Loaded here, not at the top: other commands (parse, ingest) start without Fastify and BullMQ.
  const [{ resolveRedis }, { buildApp }, { DASHBOARD_PATH }, { createLogger }, { startService, stopOnSignals }] = await Promise.all([
    import('../service/embedded-redis.js'),
    import('../service/http/build-app.js'),
    import('../service/http/dashboard.js'),
    import('../service/logger.js'),
    import('../service/start-service.js'),
  ]);
  const logger = createLogger(config.log);
  const redis = await resolveRedis(config, { preferEmbedded: flags.embeddedRedis ?? false });
  let url = '';
  let service;
  try {
    service = await startService(config, {
      redisUrl: redis.url,
      workers: flags.workers,
      intake: true,
      logger,
      http: async (deps) => {
        const app = buildApp({ config: deps.config, store: deps.store, queue: deps.queue, intake: deps.intake, logger: deps.logger });
        await app.listen({ host: config.http.host, port: config.http.port }).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE') {
            throw new Error(`port ${config.http.port} on ${config.http.host} is in use; choose another with --port or PORT`);
          }
          throw error;
        });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : config.http.port;
        url = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`;
        return app;
      },
    });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  process.stdout.write(startupBanner(config, flags, `${url}${DASHBOARD_PATH}`, url, redis));
  stopOnSignals(service, logger, () => redis.stop());
}

/** Flags are overrides of the environment; both go through one validation that lists every problem. */
function configOrUsageError(flags: ServeFlags): ServiceConfig {
  try {
    return loadConfig(process.env, {
      PORT: flags.port,
      HOST: flags.host,
      REPORTFLOW_INBOX: typeof flags.inbox === 'string' ? flags.inbox : undefined,
      REPORTFLOW_OUTBOX: flags.outbox,
      REPORTFLOW_DATA_DIR: flags.data,
      REDIS_URL: flags.redisUrl,
      REPORTFLOW_CONCURRENCY: flags.concurrency,
      REPORTFLOW_MAX_UPLOAD_MB: flags.maxUploadMb,
      REPORTFLOW_INBOX_ENABLED: flags.inbox === false ? 'false' : undefined,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`reportflow: ${error.message}\n`);
    throw new CommanderError(USAGE_ERROR, 'reportflow.config', error.message);
  }
}

function startupBanner(config: ServiceConfig, flags: ServeFlags, dashboard: string, url: string, redis: ResolvedRedis): string {
  const redisWhere =
    redis.origin === 'embedded' ? `${redis.url} (private redis-server, data in ${join(config.dirs.data, 'redis')})` : `${redis.url} (${redis.origin})`;
  const lines = [
    `reportflow listening on ${url}`,
    `  dashboard  ${dashboard}`,
    `  health     ${url}/health`,
    `  inbox      ${config.inbox.enabled ? config.dirs.inbox : 'not watched'}`,
    `  outbox     ${config.dirs.outbox}`,
    `  review     ${join(config.dirs.data, 'review')}`,
    `  redis      ${redisWhere}`,
    `  workers    ${flags.workers ? config.worker.concurrency : 'none in this process (run `reportflow worker`)'}`,
  ];
  return lines.join('\n') + '\n';
}
