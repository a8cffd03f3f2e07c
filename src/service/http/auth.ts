import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../config.js';

/** The Basic user name under which the API token also works as a password (for browsers). */
export const TOKEN_BASIC_USER = 'reportflow';
const REALM = 'reportflow';

export class AuthSetupError extends Error {
  constructor() {
    super(
      'no credentials configured for the HTTP API: set REPORTFLOW_API_TOKEN (16+ characters) and/or ' +
        'REPORTFLOW_BASIC_USER + REPORTFLOW_BASIC_PASSWORD, or REPORTFLOW_AUTH=none to leave it open on purpose',
    );
    this.name = 'AuthSetupError';
  }
}

/** A fresh random API token for a service started without one. */
export function generatedToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Guards every route of `app` except GET /health (probes carry no secrets).
 * Registered on the root instance, before any route, so no plugin can escape it.
 * Throws AuthSetupError when access is neither configured nor explicitly open.
 */
export function registerAuth(app: FastifyInstance, auth: AuthConfig): void {
  if (auth.mode === 'none') return;
  if (!auth.token && !auth.basic) throw new AuthSetupError();
  const accepted = acceptedCredentials(auth);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isOpenRoute(request)) return;
    if (isAuthorized(request.headers.authorization, accepted)) return;
    request.log.info({ url: request.url.split('?')[0], presented: Boolean(request.headers.authorization) }, 'unauthorized request');
    return reply
      .code(401)
      .header('www-authenticate', `Basic realm="${REALM}", charset="UTF-8"`)
      .header('cache-control', 'no-store')
      .send({ error: 'UNAUTHORIZED', message: 'credentials required: Authorization: Bearer <token>, or HTTP Basic' });
  });
}

interface AcceptedCredentials {
  bearer: Buffer[];
  basic: Buffer[];
}

function acceptedCredentials(auth: AuthConfig): AcceptedCredentials {
  const bearer: Buffer[] = [];
  const basic: Buffer[] = [];
  if (auth.token) {
    bearer.push(digest(auth.token));
    basic.push(digest(`${TOKEN_BASIC_USER}:${auth.token}`));
  }
  if (auth.basic) basic.push(digest(`${auth.basic.user}:${auth.basic.password}`));
  return { bearer, basic };
}

function isOpenRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return request.url === '/health' || request.url.startsWith('/health?');
}

function isAuthorized(header: string | undefined, accepted: AcceptedCredentials): boolean {
  if (!header) return false;
  const space = header.indexOf(' ');
  if (space < 0) return false;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return matchesAny(digest(value), accepted.bearer);
  if (scheme === 'basic') return matchesAny(digest(Buffer.from(value, 'base64').toString('utf8')), accepted.basic);
  return false;
}

// Comparing fixed-length digests keeps the time independent of where, and whether, lengths differ.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function matchesAny(presented: Buffer, accepted: Buffer[]): boolean {
  let ok = false;
  for (const candidate of accepted) ok = timingSafeEqual(presented, candidate) || ok;
  return ok;
}
