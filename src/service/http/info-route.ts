import type { FastifyInstance } from 'fastify';
import { DASHBOARD_PATH } from './dashboard.js';

/**
 * `GET /`: what this service is and what it accepts. Clients check the upload limit
 * here before sending, because a refused upload's 413 can be lost when the
 * connection is closed under a client that is still writing the body.
 */
export function registerInfoRoute(app: FastifyInstance, maxUploadBytes: number): void {
  app.get('/', async () => ({
    service: 'reportflow',
    maxUploadBytes,
    endpoints: {
      upload: 'POST /reports',
      record: 'GET /reports/:id',
      list: 'GET /reports?status=&place=',
      reviews: 'GET /reviews',
      approve: 'POST /reviews/:id/approve',
      reject: 'POST /reviews/:id/reject',
      dataset: 'GET /dataset.{csv,jsonl,parquet}?shape=long|wide&country=&year=',
      consistency: 'GET /consistency?country=&year=',
      index: 'GET /index',
      health: 'GET /health',
      dashboard: DASHBOARD_PATH,
    },
  }));
}
