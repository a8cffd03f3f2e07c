import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { Anomaly, ReportRecord } from '../record/types.js';

export type UploadOutcome = { ok: true; id: string; state: string } | { ok: false; reason: string };

export type ReportOutcome =
  | { kind: 'pending'; state: string }
  | { kind: 'done'; record: Pick<ReportRecord, 'id' | 'status' | 'anomalies' | 'source'> }
  | { kind: 'failed'; reason: string }
  | { kind: 'unknown' }
  | { kind: 'unreachable'; reason: string };

/** `unreachable`: nothing answers; `unauthorized`: a service answers and wants other credentials; `foreign`: something else answers. */
export type ServiceInfo = { ok: true; maxUploadBytes: number } | { ok: false; kind: 'unreachable' | 'unauthorized' | 'foreign'; reason: string };

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
  const body = (await response.json().catch(() => null)) as { service?: string; maxUploadBytes?: number } | null;
  if (!response.ok || body?.service !== 'reportflow' || typeof body.maxUploadBytes !== 'number') {
    return { ok: false, kind: 'foreign', reason: `${baseUrl.href} answers, but not as a reportflow service (HTTP ${response.status})` };
  }
  return { ok: true, maxUploadBytes: body.maxUploadBytes };
}

/**
 * Sends one file to `POST /reports`. The file goes out as a file-backed Blob, read
 * while it is sent, so a large backlog is never held in memory.
 */
export async function uploadReport(baseUrl: URL, file: string, force: boolean, token: string | null = null): Promise<UploadOutcome> {
  const form = new FormData();
  if (force) form.append('force', 'true');
  form.append('file', await openAsBlob(file), basename(file));
  let response: Response;
  try {
    response = await fetch(endpoint(baseUrl, 'reports'), { method: 'POST', body: form, headers: authHeaders(token) });
  } catch (error) {
    return { ok: false, reason: `the upload was cut off (${causeOf(error)})` };
  }
  const body = (await response.json().catch(() => null)) as { id?: string; state?: string; message?: string } | null;
  if (response.status === 202 && body?.id) return { ok: true, id: body.id, state: body.state ?? 'waiting' };
  return { ok: false, reason: body?.message ?? `HTTP ${response.status}` };
}

/** Asks `GET /reports/:id` where a record stands. */
export async function reportOutcome(baseUrl: URL, id: string, token: string | null = null): Promise<ReportOutcome> {
  let response: Response;
  try {
    response = await fetch(endpoint(baseUrl, `reports/${id}`), { headers: authHeaders(token) });
  } catch (error) {
    return { kind: 'unreachable', reason: causeOf(error) };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.status === 200 && body) return { kind: 'done', record: body as unknown as ReportRecord };
  if (response.status === 202) return { kind: 'pending', state: String(body?.state ?? 'waiting') };
  if (response.status === 404) return { kind: 'unknown' };
  return { kind: 'failed', reason: String(body?.message ?? `HTTP ${response.status}`) };
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
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
