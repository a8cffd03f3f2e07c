import type { ReportRecord } from '../../record/types.js';
import type { Logger } from '../logger.js';
import type { Place } from '../store/records-store.js';
import type { Delivery } from './deliver.js';

export interface ReleaseHooks {
  /**
   * After a parse job finished (the parent's Worker 'completed' event, or the end
   * of the job itself): delivers the record if it went to the outbox.
   */
  afterParse(result: { id: string; place: Place }): Promise<void>;
  /** After RecordsStore.approve(): the approved record is released. */
  afterApprove(record: ReportRecord): Promise<void>;
}

/**
 * The two moments a record is released, in one place. Only outbox records are
 * delivered; the record is read back from the store, so what is delivered is
 * exactly what the outbox holds.
 */
export function createReleaseHooks(
  delivery: Pick<Delivery, 'deliver'>,
  store: { get(id: string): Promise<{ record: ReportRecord; place: Place } | null> },
  log?: Logger,
): ReleaseHooks {
  return {
    async afterParse(result) {
      if (result.place !== 'outbox') return;
      const found = await store.get(result.id);
      if (found?.place !== 'outbox') return;
      await delivery.deliver(found.record);
      log?.debug({ recordId: result.id }, 'record released to sinks');
    },
    async afterApprove(record) {
      await delivery.deliver(record);
      log?.debug({ recordId: record.id }, 'approved record released to sinks');
    },
  };
}

/**
 * The store as the review API uses it, with approval releasing the record: after
 * `approve()` writes the record to the outbox, it is handed to the sinks. If that
 * hand-over fails (Redis away), the error reaches the caller; the record is in the
 * outbox already and `POST /deliveries/records/:id` releases it again.
 */
export function releasingOnApprove<S extends { approve(...args: never[]): Promise<ReportRecord> }>(
  store: S,
  hooks: Pick<ReleaseHooks, 'afterApprove'>,
): S {
  const approve = async (...args: Parameters<S['approve']>) => {
    const approved = await store.approve(...args);
    await hooks.afterApprove(approved);
    return approved;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'approve') return approve;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
