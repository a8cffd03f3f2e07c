import type { Format } from '../record/types.js';

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Decides the format from the file's bytes, never from its name: a PDF renamed
 * `.docx` is still a PDF. Markdown is any text that decodes as UTF-8 without NUL
 * bytes, since Markdown has no signature of its own.
 */
export function formatFromBytes(bytes: Uint8Array): Format {
  if (bytes.length === 0) return 'unknown';
  // The PDF header may follow a little junk (some producers prepend bytes); readers look in the first KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes(PDF_MAGIC)) return 'pdf';
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    return zipLooksLikeDocx(bytes) ? 'docx' : 'unknown';
  }
  return textEncodingOf(bytes) === null ? 'unknown' : 'markdown';
}

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a text file: UTF-8 (with or without a byte order mark) or
 * UTF-16 with its byte order mark, as editors on Windows save it; null when the
 * bytes are not text. Only the first 64 KiB are examined.
 */
function textEncodingOf(bytes: Uint8Array): TextEncoding | null {
  const utf16: TextEncoding | null =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    const sample = new TextDecoder(utf16).decode(bytes.subarray(2, 2 + 64 * 1024));
    return sample.includes('\0') || /\uFFFD./.test(sample) ? null : utf16;
  }
  return looksLikeText(bytes) ? 'utf-8' : null;
}

/** Decodes a file that formatFromBytes found to be text; a byte order mark is dropped. */
export function textFromBytes(bytes: Uint8Array): string {
  const encoding = textEncodingOf(bytes) ?? 'utf-8';
  return new TextDecoder(encoding).decode(encoding === 'utf-8' ? bytes : bytes.subarray(2));
}

/** A Word document is a zip that holds `word/document.xml`; the name appears in a local or central header. */
function zipLooksLikeDocx(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml', 0, 'latin1');
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    // A cut in the middle of a multi-byte character at the sample's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? trimPartialUtf8(sample) : sample);
    return true;
  } catch {
    return false;
  }
}

function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  // Step back over continuation bytes (10xxxxxx) and the lead byte they belong to.
  for (let i = 0; i < 4 && end > 0; i++) {
    const b = sample[end - 1]!;
    if ((b & 0xc0) === 0x80) { end--; continue; }
    if (b >= 0xc0) end--;
    break;
  }
  return sample.subarray(0, end);
}

/** The format a file name claims, used only to word error messages. */
export function formatFromFileName(fileName: string): Format {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (['md', 'markdown', 'txt', 'mdown'].includes(ext)) return 'markdown';
  return 'unknown';
}
