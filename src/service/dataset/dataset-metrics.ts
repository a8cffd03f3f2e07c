import { Counter, Histogram, type Registry } from 'prom-client';

export interface DatasetMetrics {
  exported(e: { shape: string; format: string; rows: number; durationMs: number }): void;
}

const EXPORT_SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];
const LABELS = ['shape', 'format'];

/**
 * Export counts, rows and durations on the service's registry (GET /metrics). An app
 * built twice on one registry (tests) shares the metrics instead of registering them again.
 */
export function datasetMetrics(registry: Registry | null): DatasetMetrics {
  if (!registry) return { exported() {} };
  const counter = (name: string, help: string) => {
    const known = registry.getSingleMetric(name);
    return known instanceof Counter ? known : new Counter({ name, help, labelNames: LABELS, registers: [registry] });
  };
  const exports = counter('reportflow_dataset_exports_total', 'Dataset exports served, by shape and format.');
  const rows = counter('reportflow_dataset_export_rows_total', 'Rows written by dataset exports, by shape and format.');
  const name = 'reportflow_dataset_export_duration_seconds';
  const known = registry.getSingleMetric(name);
  const duration =
    known instanceof Histogram
      ? known
      : new Histogram({
          name,
          help: 'Time to read the released records and write one export, by shape and format.',
          labelNames: LABELS,
          buckets: EXPORT_SECONDS_BUCKETS,
          registers: [registry],
        });
  return {
    exported({ shape, format, rows: count, durationMs }) {
      exports.inc({ shape, format });
      rows.inc({ shape, format }, count);
      duration.observe({ shape, format }, durationMs / 1000);
    },
  };
}
