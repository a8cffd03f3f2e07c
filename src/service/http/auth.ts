import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../config.js';
import { newToken, storedOrNewToken } from './stored-token.js';

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
  return newToken();
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who made the request: the Basic user name, the name of a named token, or
     * "reportflow" for the shared token; null only when access is open (REPORTFLOW_AUTH=none).
     */
    user: string | null;
  }
}

/**
 * Guards every route of `app` except GET /health (probes carry no secrets), and
 * sets `request.user` to whom the credentials belong.
 * Registered on the root instance, before any route, so no plugin can escape it.
 * Throws AuthSetupError when access is neither configured nor explicitly open.
 */
export function registerAuth(app: FastifyInstance, auth: AuthConfig): void {
  app.decorateRequest('user', null);
  if (auth.mode === 'none') return;
  if (!auth.token && !auth.basic && !auth.namedTokens?.length) throw new AuthSetupError();
  const accepted = acceptedCredentials(auth);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isOpenRoute(request)) return;
    const header = request.headers.authorization;
    const user = userFromHeader(header, accepted);
    if (user !== null) {
      request.user = user;
      return;
    }
    request.log.info({ url: request.url.split('?')[0], presented: Boolean(header) }, 'unauthorized request');
    return reply
      .code(401)
      .header('www-authenticate', `Basic realm="${REALM}", charset="UTF-8"`)
      .header('cache-control', 'no-store')
      .send({ error: 'UNAUTHORIZED', message: unauthorizedMessage(header, auth) });
  });
}

/** What a caller needs to hear: that credentials are missing, in a form not understood, or refused, and where the right ones are. */
function unauthorizedMessage(header: string | undefined, auth: AuthConfig): string {
  const takesTokens = Boolean(auth.token || auth.namedTokens?.length);
  const ways = [
    auth.token
      ? `the API token (REPORTFLOW_API_TOKEN, or the one \`reportflow serve\` printed and keeps in its data folder as api-token) as Authorization: Bearer <token> or as the Basic password of user ${TOKEN_BASIC_USER}`
      : null,
    auth.namedTokens?.length
      ? 'your own token (REPORTFLOW_API_TOKENS) as Authorization: Bearer <token> or as the Basic password of your name'
      : null,
    auth.basic ? 'HTTP Basic with REPORTFLOW_BASIC_USER and REPORTFLOW_BASIC_PASSWORD' : null,
  ];
  const where = ways.filter(Boolean).join(', or ');
  if (!header) return `credentials required: send ${where}`;
  const scheme = header.split(' ')[0]!.toLowerCase();
  if (scheme !== 'bearer' && scheme !== 'basic')
    return `unsupported Authorization scheme "${header.split(' ')[0]}": send ${where}`;
  if (scheme === 'bearer' && !takesTokens) return `this service takes no bearer tokens: send ${where}`;
  return `the credentials sent were refused (wrong or old token or password): send ${where}`;
}

interface Credential {
  digest: Buffer;
  user: string;
}

interface AcceptedCredentials {
  bearer: Credential[];
  basic: Credential[];
}

function acceptedCredentials(auth: AuthConfig): AcceptedCredentials {
  const bearer: Credential[] = [];
  const basic: Credential[] = [];
  const token = (user: string, secret: string) => {
    bearer.push({ digest: digest(secret), user });
    basic.push({ digest: digest(`${user}:${secret}`), user });
  };
  if (auth.token) token(TOKEN_BASIC_USER, auth.token);
  for (const named of auth.namedTokens ?? []) token(named.name, named.token);
  if (auth.basic) basic.push({ digest: digest(`${auth.basic.user}:${auth.basic.password}`), user: auth.basic.user });
  return { bearer, basic };
}

function isOpenRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return request.url === '/health' || request.url.startsWith('/health?');
}

/** The user the credentials in an Authorization header belong to, or null when they match none. */
function userFromHeader(header: string | undefined, accepted: AcceptedCredentials): string | null {
  if (!header) return null;
  const space = header.indexOf(' ');
  if (space < 0) return null;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return matching(digest(value), accepted.bearer);
  if (scheme === 'basic') return matching(digest(Buffer.from(value, 'base64').toString('utf8')), accepted.basic);
  return null;
}

// Comparing fixed-length digests keeps the time independent of where, and whether, lengths differ.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

// Every candidate is compared, so the time does not tell which one matched.
function matching(presented: Buffer, accepted: Credential[]): string | null {
  let user: string | null = null;
  for (const candidate of accepted)
    if (timingSafeEqual(presented, candidate.digest) && user === null) user = candidate.user;
  return user;
}

/** Where the token `serve` uses came from, for the banner. */
export type TokenOrigin = { kind: 'configured' } | { kind: 'stored'; path: string; created: boolean };

/**
 * `serve` on a machine where nobody configured access: rather than refuse to
 * start (and break the quick start) or run open, it uses the token kept in the
 * data folder, made on the first start. Anything configured, including
 * REPORTFLOW_AUTH=none, is kept.
 */
export async function authForServe(
  auth: AuthConfig,
  dataDir: string,
): Promise<{ auth: AuthConfig; token: TokenOrigin }> {
  if (auth.mode === 'none' || auth.token || auth.basic || auth.namedTokens?.length)
    return { auth, token: { kind: 'configured' } };
  const stored = await storedOrNewToken(dataDir);
  return {
    auth: { ...auth, token: stored.token },
    token: { kind: 'stored', path: stored.path, created: stored.created },
  };
}

/** The start-up banner's lines on access: how to call the API and open the desk. */
export function accessBannerLines(auth: AuthConfig, origin: TokenOrigin, apiUrl: string): string[] {
  const desk = `${apiUrl}/review`;
  if (auth.mode === 'none')
    return [
      `  desk       ${desk}`,
      '  auth       none (REPORTFLOW_AUTH=none): every route is open to anyone who can reach it',
    ];
  if (origin.kind === 'stored' && auth.token) {
    const how = origin.created ? 'token made and kept' : 'token kept from an earlier start';
    return [
      `  desk       ${desk}  (user ${TOKEN_BASIC_USER}, password: the token below)`,
      `  auth       ${how} in ${origin.path} (owner only; REPORTFLOW_API_TOKEN sets one instead):`,
      `             ${auth.token}`,
      `             curl -H 'Authorization: Bearer ${auth.token}' ${apiUrl}/reviews`,
    ];
  }
  const named = auth.namedTokens?.map((t) => t.name) ?? [];
  const ways = [
    auth.token ? `bearer token (REPORTFLOW_API_TOKEN; Basic user ${TOKEN_BASIC_USER})` : null,
    auth.basic ? `basic user ${auth.basic.user}` : null,
    named.length > 0 ? `named tokens of ${named.join(', ')} (REPORTFLOW_API_TOKENS)` : null,
  ];
  return [`  desk       ${desk}`, `  auth       ${ways.filter(Boolean).join(', ')}`];
}
