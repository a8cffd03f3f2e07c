import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request, when it completes, through the request's child logger.
 * Reads that succeed (ingest polling, health probes, dashboard assets) go to debug
 * so they do not bury uploads and review decisions; everything else is info, and
 * failures keep Fastify's error line.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    const quiet = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode < 400;
    reply.log[quiet ? 'debug' : 'info'](
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request done',
    );
  }
}
