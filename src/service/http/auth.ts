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

/**
 * `serve` on a machine where nobody configured access: rather than refuse to
 * start (and break the quick start) or run open, it makes a token for this run
 * and prints it. Anything configured, including REPORTFLOW_AUTH=none, is kept.
 */
export function authForServe(auth: AuthConfig): { auth: AuthConfig; generatedToken: string | null } {
  if (auth.mode === 'none' || auth.token || auth.basic) return { auth, generatedToken: null };
  const token = generatedToken();
  return { auth: { ...auth, token }, generatedToken: token };
}

/** The start-up banner's lines on access: how to call the API and open the desk. */
export function accessBannerLines(auth: AuthConfig, generated: string | null, apiUrl: string): string[] {
  const desk = `${apiUrl}/review`;
  if (auth.mode === 'none') return [`  desk       ${desk}`, '  auth       none (REPORTFLOW_AUTH=none): every route is open to anyone who can reach it'];
  if (generated) {
    return [
      `  desk       ${desk}  (user ${TOKEN_BASIC_USER}, password: the token below)`,
      `  auth       token generated for this run; set REPORTFLOW_API_TOKEN to keep one:`,
      `             ${generated}`,
      `             curl -H 'Authorization: Bearer ${generated}' ${apiUrl}/reviews`,
    ];
  }
  const ways = [auth.token ? `bearer token (REPORTFLOW_API_TOKEN; Basic user ${TOKEN_BASIC_USER})` : null, auth.basic ? `basic user ${auth.basic.user}` : null];
  return [`  desk       ${desk}`, `  auth       ${ways.filter(Boolean).join(', ')}`];
}
