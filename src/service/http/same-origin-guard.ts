import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a browser says when the request comes from the same origin, or from the user (address bar, bookmark). */
const OWN_FETCH_SITES: ReadonlySet<string> = new Set(['same-origin', 'none']);

/**
 * Why a state-changing request must be refused as cross-site, or null when it may
 * go on. A browser sends the credentials it holds for this service (HTTP Basic
 * above all) with any form another page submits here, so every POST, PUT, PATCH
 * and DELETE must show it comes from this service's own pages:
 * - `Sec-Fetch-Site` (set by the browser, never by a page) must be `same-origin`
 *   or `none`; it is trusted over the Host header, which a proxy may rewrite;
 * - without it, an `Origin` must name this very host and port;
 * - with neither, the caller is not a browser (curl, `reportflow ingest`), and
 *   must present its credentials itself, which no other page can make it do.
 */
export function crossSiteRefusal(headers: FastifyRequest['headers']): string | null {
  const fetchSite = single(headers['sec-fetch-site']);
  if (fetchSite !== undefined) {
    return OWN_FETCH_SITES.has(fetchSite)
      ? null
      : `a request from another site or origin (Sec-Fetch-Site: ${fetchSite}) may not change anything here`;
  }
  const origin = single(headers.origin);
  if (origin === undefined) return null;
  const host = single(headers.host);
  let originHost: string | null = null;
  try {
    originHost = origin === 'null' ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== null && host !== undefined && originHost === host.toLowerCase()) return null;
  return `a request from another origin (${origin}) may not change anything here`;
}

/** Refuses cross-site state-changing requests on every route of `app`, plugins included: register before any route. */
export function registerSameOriginGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const refusal = crossSiteRefusal(request.headers);
    if (refusal === null) return;
    request.log.warn(
      {
        url: request.url.split('?')[0],
        origin: request.headers.origin ?? null,
        fetchSite: request.headers['sec-fetch-site'] ?? null,
      },
      'cross-site request refused',
    );
    const error = new HttpError('CROSS_SITE', refusal);
    return reply.code(error.statusCode).header('cache-control', 'no-store').send(error.body());
  });
}

/**
 * For routes that take JSON only: a body of any other type (a form, which any
 * page can make a browser send) is refused before it is read. A request with no
 * body at all passes.
 */
export async function jsonBodyOnly(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type'];
  if (type === undefined) return;
  if (/^application\/json\s*(;|$)/i.test(type)) return;
  throw new HttpError('NOT_JSON', `send the body as application/json, not ${type.split(';')[0]}`);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
