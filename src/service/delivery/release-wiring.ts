import type { ServiceConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { ParseJobResult } from '../queue/parse-queue.js';
import { RecordsStore } from '../store/records-store.js';
import { createDelivery, type Delivery } from './deliver.js';
import { createReleaseHooks, type ReleaseHooks } from './release-hooks.js';

export interface Releasing {
  delivery: Delivery;
  release: ReleaseHooks;
  /** For startService: counts the parse and hands an outbox record to the sinks. */
  onParsed(result: ParseJobResult): Promise<void>;
}

/**
 * Connects parsing to delivery. Every process that parses (`serve` with workers,
 * `reportflow worker`) must release what it parsed, or records parsed on a
 * worker machine would never reach the sinks; so both commands build it here.
 */
export function createReleasing(config: ServiceConfig, deps: { redisUrl: string; logger: Logger; metrics: Metrics }): Releasing {
  const delivery = createDelivery(config, { redisUrl: deps.redisUrl, log: deps.logger, metrics: deps.metrics });
  const release = createReleaseHooks(delivery, new RecordsStore(config.dirs, { extract: config.extract }), deps.logger);
  return {
    delivery,
    release,
    async onParsed(result) {
      deps.metrics.parseJobCompleted(result);
      await release.afterParse(result);
    },
  };
}
