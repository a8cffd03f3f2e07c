import { createHash } from 'node:crypto';
import type { ReportRecord } from '../../record/types.js';

/** The sinks a released record goes to. */
export type SinkName = 'webhook' | 'postgres' | 'jsonl';

/** One delivery of one revision of a record to one sink (and, for webhooks, one URL). */
export interface DeliveryJob {
  sink: SinkName;
  /** Webhook URL; null for the other sinks. */
  url: string | null;
  recordId: string;
  revision: string;
  /** ISO 8601 time of the release; orders revisions in PostgreSQL. */
  releasedAt: string;
  /**
   * The record itself rides in the job: the delivery is of this exact revision and
   * must survive the outbox file being replaced by a later one. Set to null once
   * delivered, so kept completed jobs stay small.
   */
  record: ReportRecord | null;
}

/**
 * Deterministic, so releasing the same revision again adds nothing. BullMQ refuses
 * ':' in custom ids, and URLs are long, so a webhook's URL enters as a short digest;
 * the whole id stays under 100 characters, the longest path parameter Fastify takes
 * by default (for `POST /deliveries/dead/:jobId/retry`).
 */
export function jobIdFromDelivery(job: Pick<DeliveryJob, 'sink' | 'url' | 'recordId' | 'revision'>): string {
  const base = `${job.sink}-${job.recordId}-${job.revision}`;
  return job.url === null ? base : `${base}-${createHash('sha256').update(job.url).digest('hex').slice(0, 8)}`;
}

/** Same for every attempt and every URL of one revision: what a receiver dedupes on. */
export function idempotencyKeyFromDelivery(job: Pick<DeliveryJob, 'recordId' | 'revision'>): string {
  return `${job.recordId}:${job.revision}`;
}
