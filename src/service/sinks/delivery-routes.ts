import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../http/errors.js';
import type { Delivery } from './deliver.js';

export interface DeliveryRoutesOptions {
  delivery: Pick<Delivery, 'listDeadLetters' | 'retryDeadLetters'>;
}

/**
 * The dead-letter list over HTTP: `GET /deliveries/dead` lists deliveries that ran
 * out of attempts, `POST /deliveries/dead/:jobId/retry` puts one back in line and
 * `POST /deliveries/dead/retry` all of them. Register with
 * `app.register(deliveryRoutes, { delivery })`.
 */
export const deliveryRoutes: FastifyPluginAsync<DeliveryRoutesOptions> = async (app, { delivery }) => {
  app.get('/deliveries/dead', async () => ({ deadLetters: await delivery.listDeadLetters() }));

  app.post<{ Params: { jobId: string } }>(
    '/deliveries/dead/:jobId/retry',
    { schema: { params: { type: 'object', properties: { jobId: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['jobId'] } } },
    async (request, reply) => {
      const retried = await delivery.retryDeadLetters(request.params.jobId);
      if (retried.length === 0) {
        return reply.code(404).send(new HttpError('NOT_FOUND', `no dead-lettered delivery ${request.params.jobId}`).body());
      }
      return reply.code(202).send({ retried });
    },
  );

  app.post('/deliveries/dead/retry', async (_request, reply) => reply.code(202).send({ retried: await delivery.retryDeadLetters() }));
};
