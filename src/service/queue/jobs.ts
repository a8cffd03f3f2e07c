import type { ReportRecord } from '../../record/types.js';
import type { Place } from '../store/records-store.js';

/**
 * The pipeline's jobs: queue names, what each job carries and returns. Plain types,
 * free of the queue library, so every stage can name its jobs; only
 * `bullmq-adapter.ts` turns them into queue calls.
 */

/** Files to parse, one job per distinct content. */
export const PARSE_QUEUE_NAME = 'parse';
/** Released records to hand to the sinks, one job per (record revision, sink). */
export const DELIVER_QUEUE_NAME = 'deliver';

/** Where an intake file came from. */
export type IntakeSource = 'inbox' | 'upload';

/**
 * What a parse job carries: where to read the file, never its bytes or text.
 * `id` is the file's sha256, which is also the job id and the record id.
 */
export interface ParseJobData {
  id: string;
  path: string;
  fileName: string;
  sha256: string;
  source: IntakeSource;
}

/** What a finished parse job returns (stored by the queue, shown on the dashboard). */
export interface ParseJobResult {
  id: string;
  place: Place;
  status: 'ok' | 'needs_review';
  /** The detected format of the file, as the record's `source.format` says. */
  format: ReportRecord['source']['format'];
  anomalyCodes: string[];
  /** Where the intake file went: archive/ or failed/; null when it was already gone. */
  movedTo: string | null;
  durationMs: number;
}

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

/** A job's state in its queue. */
export type JobState = 'waiting' | 'active' | 'delayed' | 'prioritized' | 'completed' | 'failed' | 'waiting-children';

/** Every state, for counting a queue's jobs (the depth metric). */
export const JOB_STATES: readonly JobState[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'failed',
  'completed',
];

/**
 * Thrown by a job body for a job that can never succeed (a malformed job, a sink that
 * is not configured): the job fails at once, without its remaining attempts.
 */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
