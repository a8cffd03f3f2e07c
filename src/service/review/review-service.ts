import type { ReportRecord } from '../../record/types.js';
import type { Correction, RecordsStore, StoredRecord } from '../store/records-store.js';

export interface ApproveDecision {
  corrections?: Correction[];
  reviewer?: string;
  note?: string;
}

export interface RejectDecision {
  reason?: string;
  reviewer?: string;
}

/**
 * A person's decision on a held record. Approving stores the record in the outbox
 * first and then releases it to the sinks: a record is delivered only once it is
 * stored. If the release fails (Redis away), the error reaches the caller; the record
 * is in the outbox already and `POST /deliveries/records/:id` releases it again.
 * Rejecting only sets the record aside; nothing is released.
 */
export class ReviewService {
  constructor(
    private readonly deps: {
      store: Pick<RecordsStore, 'approve' | 'reject'>;
      /** Hands an approved record to the sinks. */
      release: (record: ReportRecord) => Promise<void>;
    },
  ) {}

  async approve(id: string, decision: ApproveDecision = {}): Promise<StoredRecord> {
    const approved = await this.deps.store.approve(id, decision);
    await this.deps.release(approved);
    return approved;
  }

  reject(id: string, decision: RejectDecision = {}): Promise<StoredRecord> {
    return this.deps.store.reject(id, decision);
  }
}
