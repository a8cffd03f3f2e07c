import type { ReportRecord } from '../../record/types.js';
import type { Logger } from '../logger.js';
import type { PendingReleases } from '../store/pending-releases.js';
import type { Place } from '../store/records-store.js';
import type { Delivery } from './deliver.js';
import { revisionFromRecord } from './release-revision.js';

/** A mark with no outbox record behind it is dropped only after this long: its record may still be on its way. */
const ORPHAN_MARK_MS = 10 * 60_000;

export interface ReleaseHooks {
  /**
   * After a parse job finished (the worker's completion event in the process that
   * owns the worker): delivers the record if it went to the outbox.
   */
  afterParse(result: { id: string; place: Place }): Promise<void>;
  /** After a reviewer's approval stored the record in the outbox: the approved record is released. */
  afterApprove(record: ReportRecord): Promise<void>;
  /**
   * Delivers every release the store marked and nobody finished (the process died
   * between writing the outbox and queuing the delivery, or Redis was away then).
   * Safe to run at any time and in several processes: a delivery already queued
   * is not queued twice. Returns the ids delivered.
   */
  sweep(): Promise<string[]>;
}

export interface ReleaseStore {
  get(id: string): Promise<{ record: ReportRecord; place: Place } | null>;
  /** The store's release ledger; without it nothing is marked, cleared or swept. */
  pendingReleases?: Pick<PendingReleases, 'clear' | 'drop' | 'list'>;
}

/**
 * The two moments a record is released, in one place. Only outbox records are
 * delivered; the record is read back from the store, so what is delivered is
 * exactly what the outbox holds.
 */
export function createReleaseHooks(
  delivery: Pick<Delivery, 'deliver'>,
  store: ReleaseStore,
  log?: Logger,
): ReleaseHooks {
  // Queued first, cleared after: a crash between the two only makes the sweep queue it again, which adds nothing.
  // The revision digest walks the whole record on the event loop: taken once per release.
  const release = async (record: ReportRecord) => {
    const revision = revisionFromRecord(record);
    await delivery.deliver(record, { revision });
    await store.pendingReleases?.clear(record.id, revision);
  };
  return {
    async afterParse(result) {
      if (result.place !== 'outbox') return;
      const found = await store.get(result.id);
      if (found?.place !== 'outbox') return;
      await release(found.record);
      log?.debug({ recordId: result.id }, 'record released to sinks');
    },
    async afterApprove(record) {
      await release(record);
      log?.debug({ recordId: record.id }, 'approved record released to sinks');
    },
    async sweep() {
      const ledger = store.pendingReleases;
      if (!ledger) return [];
      const delivered: string[] = [];
      for (const mark of await ledger.list()) {
        const found = await store.get(mark.id);
        if (found?.place === 'outbox') {
          await release(found.record);
          delivered.push(mark.id);
        } else if (mark.ageMs > ORPHAN_MARK_MS) {
          await ledger.drop(mark.id);
        }
      }
      if (delivered.length > 0)
        log?.warn(
          { records: delivered.length, recordIds: delivered.slice(0, 20) },
          'released records whose delivery had not been queued',
        );
      return delivered;
    },
  };
}

/** How often unfinished releases are looked for, after the sweep at start. */
export const RELEASE_SWEEP_MS = 60_000;

/**
 * Sweeps at start, then every `everyMs`: a release cut short by a crash (or by
 * Redis being away when the hook ran) is delivered without anyone asking.
 */
export function startReleaseSweeps(
  hooks: Pick<ReleaseHooks, 'sweep'>,
  log?: Logger,
  everyMs = RELEASE_SWEEP_MS,
): { stop(): Promise<void> } {
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = hooks
      .sweep()
      .catch((error: Error) => log?.warn({ reason: error.message }, 'release sweep failed, will try again'));
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}
