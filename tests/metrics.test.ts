import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsRoute } from '../src/service/http/metrics-route.js';
import { createMetrics } from '../src/service/metrics.js';
import { sampleRecord } from './sinks/sink-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function recordWith(status: 'ok' | 'needs_review', codes: string[], format: 'markdown' | 'pdf' = 'markdown') {
  const record = sampleRecord();
  record.status = status;
  record.source.format = format;
  record.anomalies = codes.map((code) => ({ code, severity: 'warning' as const, message: code, path: null }));
  return record;
}

describe('metrics', () => {
  it('counts files, records, anomalies, parse times and delivery failures', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.fileReceived('inbox');
    metrics.fileReceived('inbox');
    metrics.fileReceived('upload');
    metrics.recordProduced(recordWith('ok', []), 40);
    metrics.recordProduced(recordWith('needs_review', ['TOTAL_MISMATCH', 'TOTAL_MISMATCH', 'NUMBERING_GAP'], 'pdf'), 3200);
    metrics.deliveryFailed('webhook');
    metrics.parseJobCompleted({ status: 'ok', anomalyCodes: ['NUMBERING_GAP'], durationMs: 70 });

    const text = await metrics.registry.metrics();

    expect(text).toContain('reportflow_files_received_total{source="inbox"} 2');
    expect(text).toContain('reportflow_files_received_total{source="upload"} 1');
    expect(text).toContain('reportflow_records_total{status="ok"} 2');
    expect(text).toContain('reportflow_records_total{status="needs_review"} 1');
    expect(text).toContain('reportflow_anomalies_total{code="TOTAL_MISMATCH"} 2');
    expect(text).toContain('reportflow_anomalies_total{code="NUMBERING_GAP"} 2');
    expect(text).toContain('reportflow_parse_duration_seconds_count{format="unknown"} 1');
    expect(text).toContain('reportflow_parse_duration_seconds_bucket{le="0.05",format="markdown"} 1');
    expect(text).toContain('reportflow_parse_duration_seconds_bucket{le="2.5",format="pdf"} 0');
    expect(text).toContain('reportflow_parse_duration_seconds_bucket{le="5",format="pdf"} 1');
    expect(text).toContain('reportflow_parse_duration_seconds_sum{format="pdf"} 3.2');
    expect(text).toContain('reportflow_delivery_failures_total{sink="webhook"} 1');
  });

  it('reads queue depth from Redis at scrape time', async () => {
    const prefix = `test-${randomUUID()}`;
    const queue = new Queue('parse', { connection: { url: 'redis://127.0.0.1:6379' }, prefix });
    cleanups.push(async () => {
      await queue.obliterate({ force: true });
      await queue.close();
    });
    const metrics = createMetrics({ processMetrics: false });
    metrics.watchQueue(queue);

    await queue.add('parse', { n: 1 });
    await queue.add('parse', { n: 2 });
    await queue.add('parse', { n: 3 }, { delay: 60_000 });
    const first = await metrics.registry.metrics();
    expect(first).toContain('reportflow_queue_depth{queue="parse",state="waiting"} 2');
    expect(first).toContain('reportflow_queue_depth{queue="parse",state="delayed"} 1');

    await queue.drain(true);
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
