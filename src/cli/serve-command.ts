import { join } from 'node:path';
import type { Command } from 'commander';
import type { ServiceConfig } from '../service/config.js';
import { accessBannerLines, authForServe, type TokenOrigin } from '../service/http/auth.js';
import { configOrUsageError } from './config-or-usage-error.js';
import type { ResolvedRedis } from '../service/embedded-redis.js';

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

/** `reportflow serve`: the whole service in one process, or intake and API only with --no-workers. */
export function registerServeCommand(program: Command): void {
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
}

async function serve(flags: ServeFlags): Promise<void> {
  const fromEnv = configFromFlags(flags);
  // No credentials configured: the token kept in the data folder keeps the quick start working without opening the API.
  const access = await authForServe(fromEnv.auth, fromEnv.dirs.data);
  const config: ServiceConfig = { ...fromEnv, auth: access.auth };
  // Loaded here, not at the top: other commands (parse, ingest) start without Fastify and BullMQ.
  const [{ resolveRedis }, { DASHBOARD_PATH }, { createLogger }, { startService, stopOnSignals }] = await Promise.all([
    import('../service/embedded-redis.js'),
    import('../service/http/dashboard.js'),
    import('../service/logger.js'),
    import('../service/start-service.js'),
  ]);
  const logger = createLogger(config.log);
  const redis = await resolveRedis(config, { preferEmbedded: flags.embeddedRedis ?? false });
  let service;
  try {
    service = await startService(config, {
      redisUrl: redis.url,
      workers: flags.workers,
      intake: true,
      http: 'listen',
      logger,
    });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  const url = service.url ?? '';
  process.stdout.write(
    startupBanner(config, flags, { api: url, dashboard: `${url}${DASHBOARD_PATH}` }, redis, access.token),
  );
  stopOnSignals(service, logger, () => redis.stop());
}

/** Whether this service started its Redis or uses one that was there, and who else may share its queue. */
function redisBannerLines(config: ServiceConfig, redis: ResolvedRedis): string[] {
  const prefix = `queue prefix "${config.queuePrefix}"`;
  switch (redis.origin) {
    case 'embedded':
      return [
        `  redis      ${redis.url} (started: a private redis-server for this service, data in ${join(config.dirs.data, 'redis')}; ${prefix})`,
      ];
    case 'local':
      return [
        `  redis      ${redis.url} (reused: the Redis already running there; ${prefix})`,
        `             another reportflow on this Redis with the same prefix shares the queue; REPORTFLOW_QUEUE_PREFIX keeps them apart, --embedded-redis starts a private one`,
      ];
    case 'configured':
      return [`  redis      ${redis.url.replace(/\/\/[^@/]*@/, '//***@')} (REDIS_URL; ${prefix})`];
  }
}

/** Where released records go, and which sinks are off and why. */
function sinksSummary(config: ServiceConfig): string {
  const { sinks } = config;
  return [
    sinks.recordsJsonl ? `records.jsonl ${sinks.recordsJsonl}` : 'records.jsonl off (REPORTFLOW_RECORDS_JSONL=false)',
    sinks.databaseUrl ? 'PostgreSQL on (DATABASE_URL)' : 'PostgreSQL off (set DATABASE_URL)',
    sinks.webhook.urls.length > 0
      ? `webhooks to ${sinks.webhook.urls.length} URL(s)`
      : 'webhooks off (set WEBHOOK_URLS)',
  ].join('; ');
}

/** Flags are overrides of the environment; both go through one validation that lists every problem. */
function configFromFlags(flags: ServeFlags): ServiceConfig {
  return configOrUsageError({
    PORT: flags.port,
    HOST: flags.host,
    REPORTFLOW_INBOX: typeof flags.inbox === 'string' ? flags.inbox : undefined,
    REPORTFLOW_INBOX_ENABLED: flags.inbox === false ? 'false' : undefined,
    REPORTFLOW_OUTBOX: flags.outbox,
    REPORTFLOW_DATA_DIR: flags.data,
    REDIS_URL: flags.redisUrl,
    REPORTFLOW_CONCURRENCY: flags.concurrency,
    REPORTFLOW_MAX_UPLOAD_MB: flags.maxUploadMb,
  });
}

function startupBanner(
  config: ServiceConfig,
  flags: ServeFlags,
  urls: { api: string; dashboard: string },
  redis: ResolvedRedis,
  token: TokenOrigin,
): string {
  const lines = [
    `reportflow listening on ${urls.api}`,
    `  dashboard  ${urls.dashboard}`,
    `  health     ${urls.api}/health`,
    `  inbox      ${config.inbox.enabled ? config.dirs.inbox : 'not watched'}`,
    `  outbox     ${config.dirs.outbox}`,
    `  review     ${join(config.dirs.data, 'review')}`,
    ...redisBannerLines(config, redis),
    `  sinks      ${sinksSummary(config)}`,
    `  workers    ${flags.workers ? `${config.worker.concurrency} parse threads in this process (/health adds up those of every worker)` : 'none in this process (run `reportflow worker`)'}`,
    ...accessBannerLines(config.auth, token, urls.api),
  ];
  return lines.join('\n') + '\n';
}
