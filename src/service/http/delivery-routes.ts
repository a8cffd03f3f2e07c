import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from './errors.js';
import type { ReportRecord } from '../../record/types.js';
import type { Place } from '../store/records-store.js';
import type { Delivery } from '../delivery/deliver.js';
import { ID_SCHEMA } from './reports-routes.js';

export interface DeliveryRoutesOptions {
  delivery: Pick<Delivery, 'listDeadLetters' | 'retryDeadLetters'> & Partial<Pick<Delivery, 'deliver'>>;
  /** With `delivery.deliver`, enables `POST /deliveries/records/:id`. */
  store?: { get(id: string): Promise<{ record: ReportRecord; place: Place } | null> };
}

/**
 * The dead-letter list over HTTP: `GET /deliveries/dead` lists deliveries that ran
 * out of attempts, `POST /deliveries/dead/:jobId/retry` puts one back in line and
 * `POST /deliveries/dead/retry` all of them. `POST /deliveries/records/:id` releases
 * an outbox record to the sinks again: what was already delivered for its revision
 * is skipped, what never got queued is queued. Register with
 * `app.register(deliveryRoutes, { delivery, store })`.
 */
export const deliveryRoutes: FastifyPluginAsync<DeliveryRoutesOptions> = async (app, { delivery, store }) => {
  app.get('/deliveries/dead', async () => ({ deadLetters: await delivery.listDeadLetters() }));

  app.post<{ Params: { jobId: string } }>(
    '/deliveries/dead/:jobId/retry',
    {
      schema: {
        params: {
          type: 'object',
          properties: { jobId: { type: 'string', minLength: 1, maxLength: 300 } },
          required: ['jobId'],
        },
      },
    },
    async (request, reply) => {
      const retried = await delivery.retryDeadLetters(request.params.jobId);
      if (retried.length === 0) {
        return reply
          .code(404)
          .send(new HttpError('NOT_FOUND', `no dead-lettered delivery ${request.params.jobId}`).body());
      }
      return reply.code(202).send({ retried });
    },
  );

  app.post('/deliveries/dead/retry', async (_request, reply) =>
    reply.code(202).send({ retried: await delivery.retryDeadLetters() }),
  );

  const deliver = delivery.deliver?.bind(delivery);
  if (store && deliver) {
    app.post<{ Params: { id: string } }>(
      '/deliveries/records/:id',
      { schema: { params: { type: 'object', properties: { id: ID_SCHEMA }, required: ['id'] } } },
      async (request, reply) => {
        const found = await store.get(request.params.id);
        if (found?.place !== 'outbox') {
          return reply.code(404).send(new HttpError('NOT_FOUND', `no released record ${request.params.id}`).body());
        }
        await deliver(found.record);
        return reply.code(202).send({ released: request.params.id });
      },
    );
  }
};
