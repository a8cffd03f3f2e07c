import { createHash, type Hash } from 'node:crypto';

/**
 * A record's id is the sha256 of its file's bytes, as 64 lowercase hex digits: the
 * same file always gives the same id, in the record, the job and the file names.
 */
export const RECORD_ID_PATTERN = '^[0-9a-f]{64}$';

const RECORD_ID = new RegExp(RECORD_ID_PATTERN);

export function isRecordId(text: unknown): text is string {
  return typeof text === 'string' && RECORD_ID.test(text);
}

/** The sha256 of `bytes` as hex: a file's record id. */
export function sha256Hex(bytes: Uint8Array): string {
  return newSha256().update(bytes).digest('hex');
}

/** The hash behind record ids, for hashing a file while it streams; `digest('hex')` gives the id. */
export function newSha256(): Hash {
  return createHash('sha256');
}
