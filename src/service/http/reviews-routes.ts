import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApproveDecision, RejectDecision } from '../review/review-service.js';
import type { AppDeps } from './app-deps.js';
import { HttpError } from './errors.js';
import { ID_SCHEMA, listItemFromSummary } from './reports-routes.js';
import { jsonBodyOnly } from './same-origin-guard.js';

const ID_PARAMS = { type: 'object', properties: { id: ID_SCHEMA }, required: ['id'] } as const;
const PERSON = { type: 'string', minLength: 1, maxLength: 200 } as const;

const APPROVE_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    corrections: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'value'],
        properties: { path: { type: 'string', pattern: '^/' }, value: {} },
      },
    },
    reviewer: PERSON,
    note: { type: 'string', maxLength: 5000 },
  },
} as const;

const REJECT_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 5000 }, reviewer: PERSON },
} as const;

/** The review desk: list held records, release them (optionally corrected) or set them aside. */
export function registerReviewsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store, review } = deps;
  // A decision without details may come with no body at all: treat it as `{}`.
  const emptyBodyIsObject = async (request: FastifyRequest) => {
    request.body ??= {};
  };

  app.get('/reviews', async () => {
    const reviews = (await store.listReviews()).map(listItemFromSummary);
    return { count: reviews.length, reviews };
  });

  app.post<{ Params: { id: string }; Body: ApproveDecision }>(
    '/reviews/:id/approve',
    { schema: { params: ID_PARAMS, body: APPROVE_BODY }, onRequest: jsonBodyOnly, preValidation: emptyBodyIsObject },
    async (request) => {
      const body = { ...request.body, reviewer: reviewerOf(request) };
      const record = await review.approve(request.params.id, body);
      request.log.info(
        { recordId: record.id, reviewer: body.reviewer ?? null, corrections: body.corrections?.length ?? 0 },
        'record approved',
      );
      return record;
    },
  );

  app.post<{ Params: { id: string }; Body: RejectDecision }>(
    '/reviews/:id/reject',
    { schema: { params: ID_PARAMS, body: REJECT_BODY }, onRequest: jsonBodyOnly, preValidation: emptyBodyIsObject },
    async (request) => {
      const body = { ...request.body, reviewer: reviewerOf(request) };
      const record = await review.reject(request.params.id, body);
      request.log.info({ recordId: record.id, reviewer: body.reviewer ?? null }, 'record rejected');
      return record;
    },
  );
}

/**
 * Who decides: the signed-in user whenever access is guarded, so a decision is
 * never anonymous and nobody signs for someone else; the `reviewer` the body
 * names only when the service is open (REPORTFLOW_AUTH=none).
 */
function reviewerOf(request: FastifyRequest<{ Body: { reviewer?: string } }>): string | undefined {
  const named = request.body.reviewer;
  if (request.user === null) return named;
  if (named !== undefined && named !== request.user) {
    throw new HttpError(
      'INVALID_REQUEST',
      `the reviewer is the signed-in user (${request.user}); leave "reviewer" out or send that name`,
    );
  }
  return request.user;
}
