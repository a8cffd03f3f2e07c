import type { ReportRecord } from '../../record/types.js';
import type { Logger } from '../logger.js';
import type { Place } from '../store/records-store.js';
import type { Delivery } from './deliver.js';

export interface ReleaseHooks {
  /**
   * After a parse job finished (the worker's completion event in the process that
   * owns the worker): delivers the record if it went to the outbox.
   */
  afterParse(result: { id: string; place: Place }): Promise<void>;
  /** After a reviewer's approval stored the record in the outbox: the approved record is released. */
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
