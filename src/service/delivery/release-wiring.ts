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
  /** Stops the release sweep and closes the delivery queue. */
  close(): Promise<void>;
}

/** How often unfinished releases are looked for after the sweep at start. */
export const RELEASE_SWEEP_MS = 60_000;

/**
 * Connects parsing to delivery. Every process that parses (`serve` with workers,
 * `reportflow worker`) must release what it parsed, or records parsed on a
 * worker machine would never reach the sinks; so both commands build it here.
 */
export function createReleasing(
  config: ServiceConfig,
  deps: { redisUrl: string; logger: Logger; metrics: Metrics; sweepMs?: number },
): Releasing {
  const delivery = createDelivery(config, { redisUrl: deps.redisUrl, log: deps.logger, metrics: deps.metrics });
  const release = createReleaseHooks(delivery, new RecordsStore(config.dirs, { weights: config.extract.weights }), deps.logger);
  // At start, then now and again: a release cut short by a crash (or by Redis being
  // away when the after-parse hook ran) is delivered without anyone asking.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = release.sweep().catch((error: Error) => deps.logger.warn({ reason: error.message }, 'release sweep failed, will try again'));
  };
  sweep();
  const timer = setInterval(sweep, deps.sweepMs ?? RELEASE_SWEEP_MS);
  timer.unref();
  return {
    delivery,
    release,
    async onParsed(result) {
      deps.metrics.parseJobCompleted(result);
      await release.afterParse(result);
    },
    async close() {
      clearInterval(timer);
      await sweeping;
      await delivery.close();
    },
  };
}
