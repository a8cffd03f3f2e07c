import type { FastifyReply } from 'fastify';

/**
 * Sends a desk page: HTML under the page's own content security policy, never
 * sniffed, cached or given away in a referrer.
 */
export function sendHtml(reply: FastifyReply, status: number, html: string, csp: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', csp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
    .send(html);
}
