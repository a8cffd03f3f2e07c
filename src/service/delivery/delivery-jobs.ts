import { createHash } from 'node:crypto';
import type { DeliveryJob } from '../queue/jobs.js';

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
