import { extname } from 'node:path';

const MAX_NAME_LENGTH = 200;
// C0/C1 controls (NUL included) and the bidi overrides that can make a name read backwards.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The client's file name made safe to show and to keep on the record: last path
 * segment only (both slash kinds), no control characters, no leading dots, at most
 * 200 characters with the extension kept. It never names a file on disk; uploads
 * are stored under their hash.
 */
export function safeFileNameFromClient(name: string | undefined): string {
  const lastSegment = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.replace(UNSAFE_CHARACTERS, '').trim().replace(/^\.+/, '').trim();
  if (cleaned === '') return 'upload';
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const ext = Array.from(extname(cleaned));
  const keptExt = ext.length > 1 && ext.length <= 16 ? ext : [];
  return chars.slice(0, MAX_NAME_LENGTH - keptExt.length).join('') + keptExt.join('');
}

/** The extension an upload is stored with (`<sha256><ext>`): short, lower-case, alphanumeric, or none. */
export function storedExtensionFromName(safeName: string): string {
  const ext = extname(safeName).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}
