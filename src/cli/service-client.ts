import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { Anomaly, ReportRecord } from '../record/types.js';
import { isReportRecord } from '../record/validate-record.js';
import { errnoCode, messageOf } from '../service/error-details.js';

export type UploadOutcome = { ok: true; id: string; state: string } | { ok: false; reason: string };

export type ReportOutcome =
  | { kind: 'pending'; state: string }
  | { kind: 'done'; record: Pick<ReportRecord, 'id' | 'status' | 'anomalies' | 'source'> }
  | { kind: 'failed'; reason: string }
  | { kind: 'unknown' }
  | { kind: 'unreachable'; reason: string };

/** `unreachable`: nothing answers; `unauthorized`: a service answers and wants other credentials; `foreign`: something else answers. */
export type ServiceInfo =
  | { ok: true; maxUploadBytes: number }
  | { ok: false; kind: 'unreachable' | 'unauthorized' | 'foreign'; reason: string };

/** Asks `GET /` whether a reportflow service answers at this URL, and what it accepts. */
export async function serviceInfo(baseUrl: URL, token: string | null = null): Promise<ServiceInfo> {
  let response: Response;
  try {
    response = await fetch(endpoint(baseUrl, ''), { headers: authHeaders(token) });
  } catch (error) {
    return { ok: false, kind: 'unreachable', reason: `no service answers at ${baseUrl.href} (${causeOf(error)})` };
  }
  if (response.status === 401) {
    const which = token
      ? 'the token sent was refused; set REPORTFLOW_API_TOKEN to the one the service printed at start (kept in its data folder as api-token)'
      : 'set REPORTFLOW_API_TOKEN to the token the service printed at start (kept in its data folder as api-token)';
    return { ok: false, kind: 'unauthorized', reason: `${baseUrl.href} runs, and asks for credentials: ${which}` };
  }
  const body = await jsonBodyOf(response);
  const service = fieldOf(body, 'service');
  const maxUploadBytes = fieldOf(body, 'maxUploadBytes');
  if (!response.ok || service !== 'reportflow' || typeof maxUploadBytes !== 'number') {
    return {
      ok: false,
      kind: 'foreign',
      reason: `${baseUrl.href} answers, but not as a reportflow service (HTTP ${response.status})`,
    };
  }
  return { ok: true, maxUploadBytes };
}

/**
 * Sends one file to `POST /reports`. The file goes out as a file-backed Blob, read
 * while it is sent, so a large backlog is never held in memory.
 */
export async function uploadReport(
  baseUrl: URL,
  file: string,
  force: boolean,
  token: string | null = null,
): Promise<UploadOutcome> {
  const form = new FormData();
  if (force) form.append('force', 'true');
  form.append('file', await openAsBlob(file), basename(file));
  let response: Response;
  try {
    response = await fetch(endpoint(baseUrl, 'reports'), { method: 'POST', body: form, headers: authHeaders(token) });
  } catch (error) {
    return { ok: false, reason: `the upload was cut off (${causeOf(error)})` };
  }
  const body = await jsonBodyOf(response);
  const id = fieldOf(body, 'id');
  if (response.status === 202 && typeof id === 'string' && id)
    return { ok: true, id, state: textFieldOf(body, 'state') ?? 'waiting' };
  return { ok: false, reason: textFieldOf(body, 'message') ?? `HTTP ${response.status}` };
}

/** Asks `GET /reports/:id` where a record stands. */
export async function reportOutcome(baseUrl: URL, id: string, token: string | null = null): Promise<ReportOutcome> {
  let response: Response;
  try {
    response = await fetch(endpoint(baseUrl, `reports/${id}`), { headers: authHeaders(token) });
  } catch (error) {
    return { kind: 'unreachable', reason: causeOf(error) };
  }
  const body = await jsonBodyOf(response);
  if (response.status === 200 && isReportRecord(body)) return { kind: 'done', record: body };
  if (response.status === 200)
    return { kind: 'failed', reason: 'the service answered with a record that breaks the contract' };
  if (response.status === 202) return { kind: 'pending', state: textFieldOf(body, 'state') ?? 'waiting' };
  if (response.status === 404) return { kind: 'unknown' };
  return { kind: 'failed', reason: textFieldOf(body, 'message') ?? `HTTP ${response.status}` };
}

export function errorAnomalies(record: { anomalies: Anomaly[] }): Anomaly[] {
  return record.anomalies.filter((a) => a.severity === 'error');
}

function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Keeps a path prefix in the service URL (a service behind a proxy at /reportflow/). */
function endpoint(baseUrl: URL, path: string): URL {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path, base);
}

function causeOf(error: unknown): string {
  // fetch() rejects with a TypeError whose cause is the network error (ECONNREFUSED …).
  const cause = error instanceof Error ? error.cause : undefined;
  return errnoCode(cause) ?? (cause instanceof Error ? cause.message : undefined) ?? messageOf(error);
}

/** The response's JSON, or null when it has none. */
async function jsonBodyOf(response: Response): Promise<unknown> {
  return response.json().catch(() => null);
}

function fieldOf(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && name in body ? Reflect.get(body, name) : undefined;
}

function textFieldOf(body: unknown, name: string): string | undefined {
  const value = fieldOf(body, name);
  return typeof value === 'string' ? value : undefined;
}
