import multipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { DEFAULT_PARSE_LIMITS } from '../../formats/shared/limits.js';
import { deliveryRoutes } from './delivery-routes.js';
import type { AppDeps } from './app-deps.js';
import { registerAuth } from './auth.js';
import { registerDashboard } from './dashboard.js';
import { datasetRoutes, datasetRoutesOptions } from './dataset/dataset-routes.js';
import { handleError, HttpError } from './errors.js';
import { healthFromQueue, registerHealthRoute } from './health-route.js';
import { registerInfoRoute } from './info-route.js';
import { metricsRoute } from './metrics-route.js';
import { registerReportsRoutes } from './reports-routes.js';
import { RequestLog } from './request-log.js';
import { registerSameOriginGuard } from './same-origin-guard.js';
import { registerReviewsRoutes } from './reviews-routes.js';
import { reviewDesk } from './review-desk/review-desk-plugin.js';

export type { AppDeps } from './app-deps.js';

/**
 * The HTTP API as a Fastify instance that has not been started: the entry point
 * calls listen(), tests call inject(). Requests log through their own child of
 * `deps.logger`.
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  // Typed as Fastify's own logger interface, so the app is a plain FastifyInstance every route module takes.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    requestIdHeader: 'x-request-id',
    logController: new RequestLog(),
    // Unknown members are refused with a 400 rather than silently dropped: a typo in
    // "reviewer" should not go unnoticed on an audit trail.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });

  // First, so that every route registered after it, plugins included, is behind it.
  registerAuth(app, deps.config.auth);
  registerSameOriginGuard(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const error = new HttpError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(error.statusCode).send(error.body());
  });

  app.register(multipart, { limits: { fileSize: deps.config.http.maxUploadBytes } });
  registerInfoRoute(app, deps.config.http.maxUploadBytes);
  registerReportsRoutes(app, deps);
  registerReviewsRoutes(app, deps);
  app.register(reviewDesk, {
    store: deps.store,
    dataDir: deps.config.dirs.data,
    maxFileBytes: (deps.config.limits ?? DEFAULT_PARSE_LIMITS).maxFileBytes,
    catalog: deps.catalog,
  });
  registerHealthRoute(app, deps.health ?? healthFromQueue(deps.queue));
  if (deps.metrics) app.register(metricsRoute, { metrics: deps.metrics });
  app.register(datasetRoutes, datasetRoutesOptions(deps.config, deps.dataset, deps.metrics?.registry));
  if (deps.delivery) app.register(deliveryRoutes, { delivery: deps.delivery, store: deps.store });
  app.register((scope) => registerDashboard(scope, [deps.queue.dashboardQueue(), ...(deps.dashboardQueues ?? [])]));
  return app;
}
