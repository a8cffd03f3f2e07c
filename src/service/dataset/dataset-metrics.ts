import { Counter, Histogram, type Registry } from 'prom-client';

export interface DatasetMetrics {
  exported(e: { shape: string; format: string; rows: number; durationMs: number }): void;
}

const EXPORT_SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

/**
 * Export counts, rows and durations on the service's registry (GET /metrics). An app
 * built twice on one registry (tests) shares the metrics instead of registering them again.
 */
export function datasetMetrics(registry: Registry | null): DatasetMetrics {
  if (!registry) return { exported() {} };
  const exports =
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- prom-client hands registered metrics back untyped; only this module registers this name, with these labels
    (registry.getSingleMetric('reportflow_dataset_exports_total') as Counter<'shape' | 'format'> | undefined) ??
    new Counter({ name: 'reportflow_dataset_exports_total', help: 'Dataset exports served, by shape and format.', labelNames: ['shape', 'format'] as const, registers: [registry] });
  const rows =
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- prom-client hands registered metrics back untyped; only this module registers this name, with these labels
    (registry.getSingleMetric('reportflow_dataset_export_rows_total') as Counter<'shape' | 'format'> | undefined) ??
    new Counter({ name: 'reportflow_dataset_export_rows_total', help: 'Rows written by dataset exports, by shape and format.', labelNames: ['shape', 'format'] as const, registers: [registry] });
  const duration =
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- prom-client hands registered metrics back untyped; only this module registers this name, with these labels
    (registry.getSingleMetric('reportflow_dataset_export_duration_seconds') as Histogram<'shape' | 'format'> | undefined) ??
    new Histogram({
      name: 'reportflow_dataset_export_duration_seconds',
      help: 'Time to read the released records and write one export, by shape and format.',
      labelNames: ['shape', 'format'] as const,
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
