import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  CorrectionError,
  DecisionUnderWayError,
  NotUnderReviewError,
  RecordNotFoundError,
} from '../store/store-errors.js';

/** Every error the API answers with, and its status code. Bodies are `{ error, message }`. */
export const HTTP_ERRORS = {
  INVALID_REQUEST: 400,
  NO_FILE: 400,
  TOO_MANY_FILES: 400,
  INVALID_CORRECTION: 400,
  UNAUTHORIZED: 401,
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  NOT_UNDER_REVIEW: 409,
  FILE_TOO_LARGE: 413,
  NOT_MULTIPART: 415,
  NOT_JSON: 415,
  JOB_FAILED: 500,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export interface ErrorBody {
  error: HttpErrorCode;
  message: string;
  details?: unknown;
}

export class HttpError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = HTTP_ERRORS[code];
  }

  body(): ErrorBody {
    return this.details === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, details: this.details };
  }
}

/** Fastify's and the store's own errors, translated into the API's codes. */
export function httpErrorFrom(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof RecordNotFoundError) return new HttpError('NOT_FOUND', error.message);
  if (error instanceof NotUnderReviewError || error instanceof DecisionUnderWayError)
    return new HttpError('NOT_UNDER_REVIEW', error.message);
  if (error instanceof CorrectionError)
    return new HttpError('INVALID_CORRECTION', 'corrections refused', error.problems);
  const e: Partial<FastifyError> = error instanceof Error ? error : {};
  if (e.validation) {
    return new HttpError(
      'INVALID_REQUEST',
      e.message ?? 'invalid request',
      e.validation.map((v) => ({ path: v.instancePath, message: v.message })),
    );
  }
  switch (e.code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new HttpError('NOT_MULTIPART', 'send the report as multipart/form-data with one file field');
    case 'FST_FILES_LIMIT':
      return new HttpError('TOO_MANY_FILES', 'send one file per request');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpError('INVALID_REQUEST', 'too many form fields; send one file and, optionally, force=true');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new HttpError('INVALID_REQUEST', e.message ?? 'invalid request');
  }
  return new HttpError('INTERNAL', 'internal error');
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const httpError = httpErrorFrom(error);
  if (httpError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: httpError.code }, httpError.message);
  // The client may still be sending a body we refused to read: close the connection
  // instead of draining it.
  if (httpError.code === 'FILE_TOO_LARGE') reply.header('connection', 'close');
  return reply.code(httpError.statusCode).send(httpError.body());
}
