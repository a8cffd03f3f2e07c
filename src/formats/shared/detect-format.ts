import type { Format } from '../../record/types.js';

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// PNG, JPEG, and TIFF in both byte orders: the picture formats scanners and phones write.
const IMAGE_MAGICS = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/**
 * Decides the format from the file's bytes, never from its name: a PDF renamed
 * `.docx` is still a PDF. Text is HTML when a page's opening tags come first,
 * RTF when it opens with `{\rtf`, and Markdown otherwise, since Markdown has no
 * signature of its own.
 */
export function formatFromBytes(bytes: Uint8Array): Format {
  if (bytes.length === 0) return 'unknown';
  // The PDF header may follow a little junk (some producers prepend bytes); readers look in the first KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes(PDF_MAGIC)) return 'pdf';
  if (IMAGE_MAGICS.some((magic) => magic.every((b, i) => bytes[i] === b))) return 'image';
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return zipFormatOf(bytes, head);
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) return holdsWordStream(bytes) ? 'doc' : 'unknown';
  if (textEncodingOf(bytes) === null) return 'unknown';
  const opening = textFromBytes(bytes.subarray(0, 4096));
  if (/^\s*\{\\rtf/.test(opening)) return 'rtf';
  return looksLikeHtmlPage(opening) ? 'html' : 'markdown';
}

/**
 * A Word document is a zip that holds `word/document.xml`; an OpenDocument text
 * names its type in the `mimetype` entry, which the format requires to be the
 * first entry, stored uncompressed (so its content shows in the first bytes).
 */
function zipFormatOf(bytes: Uint8Array, head: string): Format {
  if (zipLooksLikeDocx(bytes)) return 'docx';
  // An extra field may stand between the entry's name and its content.
  const mimetype = /mimetype[\s\S]{0,64}?(application\/vnd\.oasis\.opendocument\.[a-z-]+)/.exec(head)?.[1];
  return mimetype === ODT_MIMETYPE ? 'odt' : 'unknown';
}

// Directory entries of a compound file name their streams in UTF-16LE.
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/** An OLE2 compound file is a Word 97-2003 document when it holds a `WordDocument` stream (Excel and PowerPoint files do not). */
function holdsWordStream(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_STREAM);
}

// A doctype, or an <html>, <head> or <body> tag, after nothing but an XML declaration, comments and white space.
const HTML_OPENING = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)[\s>/]/i;

/**
 * A saved web page opens with its doctype or its `<html>` tag. Markdown may
 * hold HTML too (a table, a comment), but never opens with a page's own tags;
 * a page missing both but opening with `<meta>` or `<title>` (some exports) also counts.
 */
function looksLikeHtmlPage(opening: string): boolean {
  return HTML_OPENING.test(opening) || /^(?:\s|<!--[\s\S]*?-->)*<(?:meta|title)[\s>][\s\S]*<body[\s>]/i.test(opening);
}

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a text file: UTF-8 (with or without a byte order mark),
 * UTF-16 with its byte order mark, or — for bytes that are not UTF-8 but read as
 * prose (no NUL, almost no control characters) — Windows-1252, the legacy code
 * page Windows editors save in; null when the bytes are not text. Only the first
 * 64 KiB are examined.
 */
function textEncodingOf(bytes: Uint8Array): TextEncoding | null {
  const utf16: TextEncoding | null =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    const sample = new TextDecoder(utf16).decode(bytes.subarray(2, 2 + 64 * 1024));
    return sample.includes('\0') || /\uFFFD./.test(sample) ? null : utf16;
  }
  if (looksLikeText(bytes)) return 'utf-8';
  return looksLikeLegacyText(bytes) ? 'windows-1252' : null;
}

/** No NUL, and control characters other than tab, line feed, form feed and carriage return under 1 %. */
function looksLikeLegacyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) controls++;
  }
  return controls <= sample.length / 100;
}

/** Decodes a file that formatFromBytes found to be text; a byte order mark is dropped. */
export function textFromBytes(bytes: Uint8Array): string {
  const encoding = textEncodingOf(bytes) ?? 'utf-8';
  if (encoding === 'windows-1252') return windows1252FromBytes(bytes);
  return new TextDecoder(encoding).decode(encoding === 'utf-8' ? bytes : bytes.subarray(2));
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, euro …).
// Node's TextDecoder decodes the 'windows-1252' label as Latin-1, so those are mapped here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252FromBytes(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
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
    if ((b & 0xc0) === 0x80) {
      end--;
      continue;
    }
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
  if (ext === 'odt') return 'odt';
  if (ext === 'doc') return 'doc';
  if (ext === 'rtf') return 'rtf';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (['md', 'markdown', 'txt', 'mdown'].includes(ext)) return 'markdown';
  return 'unknown';
}
