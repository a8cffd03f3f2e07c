import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from '../metrics.js';

export interface MetricsRouteOptions {
  metrics: Metrics;
}

/** `GET /metrics` in the Prometheus text format. Register with `app.register(metricsRoute, { metrics })`. */
export const metricsRoute: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics }) => {
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
};
