/** Typed failures of the record store, so the HTTP layer can map each to a status code. */

/** No record with this id in the outbox, review or rejected area (HTTP 404). */
export class RecordNotFoundError extends Error {
  readonly code = 'RECORD_NOT_FOUND';
  constructor(readonly id: string) {
    super(`no record with id ${id}`);
    this.name = 'RecordNotFoundError';
  }
}

/** The record exists but is not waiting for review, e.g. approved already (HTTP 409). */
export class NotUnderReviewError extends Error {
  readonly code = 'NOT_UNDER_REVIEW';
  constructor(
    readonly id: string,
    readonly place: 'outbox' | 'rejected',
  ) {
    super(`record ${id} is not waiting for review (it is in ${place})`);
    this.name = 'NotUnderReviewError';
  }
}

/** Another decision on the same record holds it right now; the one that arrives second loses (HTTP 409). */
export class DecisionUnderWayError extends Error {
  readonly code = 'NOT_UNDER_REVIEW';
  constructor(readonly id: string) {
    super(`record ${id} is being approved or rejected by another request`);
    this.name = 'DecisionUnderWayError';
  }
}

/** A correction is malformed, targets a protected or missing path, or breaks the contract (HTTP 400/422). */
export class CorrectionError extends Error {
  readonly code = 'INVALID_CORRECTION';
  constructor(readonly problems: string[]) {
    super(`corrections refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CorrectionError';
  }
}
