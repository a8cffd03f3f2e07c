import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed timestamp may be before a receiver should refuse it. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/**
 * `sha256=<hex>` over `<timestamp>.<body>`: signing the timestamp with the body
 * lets a receiver refuse a captured request replayed later.
 */
export function signatureFromPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SignedRequest {
  body: string;
  /** X-Reportflow-Timestamp as received. */
  timestamp: string | undefined;
  /** X-Reportflow-Signature as received. */
  signature: string | undefined;
}

/** The receiver's side: true when the signature matches and the timestamp is recent. */
export function isSignatureValid(
  secret: string,
  request: SignedRequest,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const timestamp = Number(request.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureFromPayload(secret, timestamp, request.body));
  const found = Buffer.from(request.signature ?? '');
  return found.length === expected.length && timingSafeEqual(found, expected);
}
