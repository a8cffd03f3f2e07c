import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsRoute } from '../src/service/http/metrics-route.js';
import { createMetrics } from '../src/service/metrics.js';
import { ParseQueue } from '../src/service/queue/bullmq-adapter.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('metrics', () => {
  it('counts files, records, anomalies, parse times and delivery failures', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.fileReceived('inbox');
    metrics.fileReceived('inbox');
    metrics.fileReceived('upload');
    metrics.recordProduced({ status: 'ok', anomalyCodes: [], durationMs: 40, format: 'markdown' });
    metrics.recordProduced({
      status: 'needs_review',
      anomalyCodes: ['TOTAL_MISMATCH', 'TOTAL_MISMATCH', 'NUMBERING_GAP'],
      durationMs: 3200,
      format: 'pdf',
    });
    metrics.deliveryFailed('webhook');
    metrics.recordProduced({ status: 'ok', anomalyCodes: ['NUMBERING_GAP'], durationMs: 70, format: 'docx' });

    const text = await metrics.registry.metrics();

    expect(text).toContain('reportflow_files_received_total{source="inbox"} 2');
    expect(text).toContain('reportflow_files_received_total{source="upload"} 1');
    expect(text).toContain('reportflow_records_total{status="ok"} 2');
    expect(text).toContain('reportflow_records_total{status="needs_review"} 1');
    expect(text).toContain('reportflow_anomalies_total{code="TOTAL_MISMATCH"} 2');
    expect(text).toContain('reportflow_anomalies_total{code="NUMBERING_GAP"} 2');
    expect(text).toContain('reportflow_parse_duration_seconds_count{format="docx"} 1');
    expect(text).toContain('reportflow_parse_duration_seconds_bucket{le="0.05",format="markdown"} 1');
    expect(text).toContain('reportflow_parse_duration_seconds_bucket{le="2.5",format="pdf"} 0');
    expect(text).toContain('reportflow_parse_duration_seconds_bucket{le="5",format="pdf"} 1');
    expect(text).toContain('reportflow_parse_duration_seconds_sum{format="pdf"} 3.2');
    expect(text).toContain('reportflow_delivery_failures_total{sink="webhook"} 1');
  });

  it('reads queue depth from Redis at scrape time', async () => {
    const prefix = `test-${randomUUID()}`;
    const queue = new ParseQueue({ redisUrl: 'redis://127.0.0.1:6379', prefix, attempts: 1 });
    cleanups.push(async () => {
      await queue.obliterate();
      await queue.close();
    });
    const metrics = createMetrics({ processMetrics: false });
    metrics.watchQueue(queue);

    const file = (n: number) => ({
      path: `/nowhere/${n}.md`,
      fileName: `${n}.md`,
      sha256: String(n).repeat(64),
      source: 'upload' as const,
    });
    await queue.enqueueFile(file(1));
    await queue.enqueueFile(file(2));
    // A retry waiting out its backoff.
    await queue.dashboardQueue().add('parse-file', { id: '3'.repeat(64), ...file(3) }, { delay: 60_000 });
    const first = await metrics.registry.metrics();
    expect(first).toContain('reportflow_queue_depth{queue="parse",state="waiting"} 2');
    expect(first).toContain('reportflow_queue_depth{queue="parse",state="delayed"} 1');

    await queue.obliterate();
    const second = await metrics.registry.metrics();
    expect(second).toContain('reportflow_queue_depth{queue="parse",state="waiting"} 0');
    expect(second).toContain('reportflow_queue_depth{queue="parse",state="delayed"} 0');
  });

  it('serves GET /metrics in the Prometheus text format', async () => {
    const metrics = createMetrics();
    metrics.fileReceived('cli');
    const app = Fastify();
    cleanups.push(() => app.close());
    await app.register(metricsRoute, { metrics });

    const response = await app.inject({ method: 'GET', url: '/metrics' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('# TYPE reportflow_files_received_total counter');
    expect(response.body).toContain('reportflow_files_received_total{source="cli"} 1');
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });
});
