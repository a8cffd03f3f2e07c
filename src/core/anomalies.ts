import { ANOMALY_SEVERITY, type Anomaly, type AnomalyCode } from '../record/types.js';

export interface AnomalyDetails {
  message: string;
  expected?: unknown;
  found?: unknown;
}

/**
 * Records a problem and lets extraction go on. Severity comes from the contract's
 * fixed table so that no caller can invent its own.
 */
export function flag(anomalies: Anomaly[], code: AnomalyCode, path: string | null, details: AnomalyDetails): void {
  const anomaly: Anomaly = { code, severity: ANOMALY_SEVERITY[code], message: details.message, path };
  if (details.expected !== undefined) anomaly.expected = details.expected;
  if (details.found !== undefined) anomaly.found = details.found;
  anomalies.push(anomaly);
}

/** `needs_review` as soon as one anomaly is more than informational. */
export function statusFromAnomalies(anomalies: Anomaly[]): 'ok' | 'needs_review' {
  return anomalies.some((a) => a.severity !== 'info') ? 'needs_review' : 'ok';
}
