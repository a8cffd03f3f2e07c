import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JOB_STATES, type JobState } from './queue/jobs.js';

/** What the depth gauge needs from a queue (the parse and deliver queues have it). */
export interface QueueDepthSource {
  readonly name: string;
  jobCounts(states: readonly JobState[]): Promise<Record<string, number>>;
}

/** Parse times run from milliseconds (Markdown) to a minute (large scanned PDFs). */
const PARSE_SECONDS_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface Metrics {
  readonly registry: Registry;
  /** A file entered the pipeline (not a second copy of known content); `source` names the intake (inbox, upload). */
  fileReceived(source: string): void;
  /**
   * A parse job produced a record. Parsing may run in a child process, so the
   * process owning the worker calls this when the job completes, from its result.
   */
  recordProduced(outcome: ParseOutcome): void;
  /** One failed delivery attempt to a sink (retried or final). */
  deliveryFailed(sink: string): void;
  /** Reports this queue's job counts in reportflow_queue_depth at each scrape. */
  watchQueue(queue: QueueDepthSource): void;
}

export interface ParseOutcome {
  status: string;
  anomalyCodes: string[];
  durationMs: number;
  /** The detected format, the histogram's label. */
  format: string;
}

export interface MetricsOptions {
  /** Also export the process's CPU, memory, event-loop and GC metrics (default true). */
  processMetrics?: boolean;
}

/** A registry of the pipeline's metrics; one per process, passed to whoever records events. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const filesReceived = new Counter({
    name: 'reportflow_files_received_total',
    help: 'Files that entered the pipeline, by intake.',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const records = new Counter({
    name: 'reportflow_records_total',
    help: 'Records produced, by status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const anomalies = new Counter({
    name: 'reportflow_anomalies_total',
    help: 'Anomalies flagged on produced records, by code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const parseDuration = new Histogram({
    name: 'reportflow_parse_duration_seconds',
    help: 'Time to turn a file into a record, by detected format.',
    labelNames: ['format'] as const,
    buckets: PARSE_SECONDS_BUCKETS,
    registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: 'reportflow_delivery_failures_total',
    help: 'Failed delivery attempts, by sink (each retry counts).',
    labelNames: ['sink'] as const,
    registers: [registry],
  });

  const queues = new Map<string, QueueDepthSource>();
  new Gauge({
    name: 'reportflow_queue_depth',
    help: 'Jobs in each queue, by state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await Promise.all(
        [...queues.values()].map(async (queue) => {
          // A scrape while Redis is away reports no depth instead of failing the whole scrape.
          const counts = await queue.jobCounts(JOB_STATES).catch(() => null);
          if (!counts) return;
          for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }),
      );
    },
  });

  return {
    registry,
    fileReceived(source) {
      filesReceived.inc({ source });
    },
    recordProduced(outcome) {
      records.inc({ status: outcome.status });
      for (const code of outcome.anomalyCodes) anomalies.inc({ code });
      parseDuration.observe({ format: outcome.format }, Math.max(0, outcome.durationMs) / 1000);
    },
    deliveryFailed(sink) {
      deliveryFailures.inc({ sink });
    },
    watchQueue(queue) {
      queues.set(queue.name, queue);
    },
  };
}
