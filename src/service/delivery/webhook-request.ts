import { PermanentJobError } from '../queue/jobs.js';
import { signatureFromPayload } from './webhook-signature.js';

export interface WebhookPost {
  url: string;
  /** The record as JSON, exactly the bytes that are signed and sent. */
  body: string;
  secret: string;
  /** Same on every attempt, so the receiver can drop a delivery it already took. */
  idempotencyKey: string;
  timeoutMs: number;
}

/** A delivery the receiver refused for good (a 4xx other than 408/429): retrying would not help. */
export class WebhookRejectedError extends PermanentJobError {
  constructor(
    readonly status: number,
    url: string,
  ) {
    super(`webhook ${url} refused the record with HTTP ${status}`);
    this.name = 'WebhookRejectedError';
  }
}

/** Resolves on a 2xx; throws a retryable Error otherwise, or WebhookRejectedError when retrying is pointless. */
export async function postRecordToWebhook(post: WebhookPost): Promise<number> {
  // Signed per attempt: a retry hours later still carries a fresh timestamp.
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(post.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Reportflow-Timestamp': String(timestamp),
      'X-Reportflow-Signature': signatureFromPayload(post.secret, timestamp, post.body),
      'Idempotency-Key': post.idempotencyKey,
    },
    body: post.body,
    signal: AbortSignal.timeout(post.timeoutMs),
    redirect: 'error',
  });
  // Drain the body so the connection can be reused; its content is not needed.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return response.status;
  if (isFinalStatus(response.status)) throw new WebhookRejectedError(response.status, post.url);
  throw new Error(`webhook ${post.url} answered HTTP ${response.status}`);
}

function isFinalStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
