import { pino, type Logger } from 'pino';
import type { ServiceConfig } from './config.js';

export type { Logger };

/**
 * The service's logger: JSON lines, or pretty-printed through the pino-pretty
 * transport (a worker thread) when config says so. Callers log one line per job
 * event with `jobId`, `file`, `durationMs` and anomaly codes — never document content.
 */
export function createLogger(log: ServiceConfig['log'], name = 'reportflow'): Logger {
  if (log.pretty) {
    return pino({
      name,
      level: log.level,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ name, level: log.level });
}
