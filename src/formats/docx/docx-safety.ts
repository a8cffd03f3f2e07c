import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ParseLimits } from '../shared/limits.js';

/**
 * Checks a DOCX (zip) archive before anything unpacks it in full: the central
 * directory must be readable and within the limits, no entry may look like a
 * zip bomb, and no XML part may carry a DOCTYPE or entity declaration (XML
 * external entities). Returns why the file is refused, or null when it is safe.
 */

/** An entry this large or more must not inflate more than MAX_RATIO times its packed size. */
const RATIO_CHECK_BYTES = 1024 * 1024;
/** Word's XML packs about 10:1, rarely past 100:1; 200:1 is a bomb. */
const MAX_RATIO = 200;
const DOCUMENT_PART = 'word/document.xml';
const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

export async function docxSafetyProblem(bytes: Uint8Array, limits: ParseLimits): Promise<string | null> {
  return (await checkedDocxParts(bytes, limits, [])).problem;
}

/**
 * The same checks, keeping the text of the XML parts named in `wanted`, or of
 * every XML and relationship part for `'all-xml'` (their bytes are inflated by
 * the checks anyway). `parts` is empty when refused.
 */
export async function checkedDocxParts(
  bytes: Uint8Array,
  limits: ParseLimits,
  wanted: readonly string[] | 'all-xml',
): Promise<{ problem: string | null; parts: Map<string, string> }> {
  const parts = new Map<string, string>();
  const problem = await problemOf(bytes, limits, wanted === 'all-xml' ? 'all-xml' : new Set(wanted), parts);
  if (problem) parts.clear();
  return { problem, parts };
}

async function problemOf(bytes: Uint8Array, limits: ParseLimits, wanted: Set<string> | 'all-xml', parts: Map<string, string>): Promise<string | null> {
  let zip: ZipFile;
  try {
    zip = await zipFromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return `The DOCX file is not a readable zip archive (${messageOf(error)}).`;
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      return `The DOCX archive has ${zip.entryCount} entries, over the limit of ${limits.maxZipEntries}.`;
    }
    const entries = await entriesOf(zip);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (entry.isEncrypted()) return `The DOCX archive entry ${entry.fileName} is encrypted.`;
      if (entry.uncompressedSize >= RATIO_CHECK_BYTES && entry.uncompressedSize > MAX_RATIO * Math.max(entry.compressedSize, 1)) {
        return `The DOCX archive entry ${entry.fileName} would unpack from ${entry.compressedSize} to ${entry.uncompressedSize} bytes, a compression ratio no document has (zip bomb).`;
      }
    }
    if (total > limits.maxUnzippedBytes) {
      return `The DOCX archive would unpack to ${total} bytes, over the limit of ${limits.maxUnzippedBytes}.`;
    }
    if (!entries.some((entry) => entry.fileName === DOCUMENT_PART)) {
      return `The archive has no ${DOCUMENT_PART}, so it is not a Word document.`;
    }
    for (const entry of entries) {
      if (!/\.(?:xml|rels)$/i.test(entry.fileName)) continue;
      // Streaming also checks that each part inflates to exactly its declared size.
      const kept: Buffer[] | null = wanted === 'all-xml' || wanted.has(entry.fileName) ? [] : null;
      if (await streamHasDeclaration(zip, entry, kept)) {
        return `The DOCX part ${entry.fileName} declares a DOCTYPE or entities, which Word never writes; refused as unsafe XML.`;
      }
      if (kept) parts.set(entry.fileName, Buffer.concat(kept).toString('utf8'));
    }
    return null;
  } catch (error) {
    return `The DOCX archive is damaged (${messageOf(error)}).`;
  } finally {
    zip.close();
  }
}

function zipFromBuffer(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => { entries.push(entry); zip.readEntry(); });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

async function streamHasDeclaration(zip: ZipFile, entry: Entry, kept: Buffer[] | null): Promise<boolean> {
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s)));
  });
  // Keep a short tail of the previous chunk so a declaration cut between chunks is still seen.
  let tail = '';
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk)) continue; // zip entries stream bytes
    kept?.push(chunk);
    const text = tail + chunk.toString('latin1');
    if (DECLARATION.test(text)) {
      stream.destroy();
      return true;
    }
    tail = text.slice(-16);
  }
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
