import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ParseLimits } from './limits.js';

/**
 * Checks a zip-packaged document (DOCX, ODT) before anything unpacks it in full:
 * the central directory must be readable and within the limits, no entry may
 * look like a zip bomb, and no XML part may carry a DOCTYPE or entity
 * declaration (XML external entities). Returns why the file is refused, or null
 * when it is safe.
 */

/** The kind of package being checked: its name in messages and the part every such document has. */
export interface ZipPackage {
  name: string;
  /** The part that makes the archive this kind of document. */
  mainPart: string;
  /** What the document is called when the main part is missing ("a Word document"). */
  documentNoun: string;
  /**
   * Whether every XML part is inflated and checked for declarations, or only the
   * parts the reader parses: OpenOffice 2 wrote a DOCTYPE into the manifest,
   * which no reader here opens.
   */
  declarationsChecked: 'every-xml-part' | 'parts-read';
}

export const DOCX_PACKAGE: ZipPackage = {
  name: 'DOCX',
  mainPart: 'word/document.xml',
  documentNoun: 'a Word document',
  declarationsChecked: 'every-xml-part',
};
export const ODT_PACKAGE: ZipPackage = {
  name: 'ODT',
  mainPart: 'content.xml',
  documentNoun: 'an OpenDocument text',
  declarationsChecked: 'parts-read',
};

/** An entry this large or more must not inflate more than MAX_RATIO times its packed size. */
const RATIO_CHECK_BYTES = 1024 * 1024;
/** Word's XML packs about 10:1, rarely past 100:1; 200:1 is a bomb. */
const MAX_RATIO = 200;
const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

/**
 * The same checks, keeping the text of the XML parts named in `wanted`, or of
 * every XML and relationship part for `'all-xml'` (their bytes are inflated by
 * the checks anyway). `parts` is empty when refused.
 */
export async function checkedZipParts(
  bytes: Uint8Array,
  limits: ParseLimits,
  kind: ZipPackage,
  wanted: readonly string[] | 'all-xml',
): Promise<{ problem: string | null; parts: Map<string, string> }> {
  const parts = new Map<string, string>();
  const problem = await problemOf(bytes, limits, kind, wanted === 'all-xml' ? 'all-xml' : new Set(wanted), parts);
  if (problem) parts.clear();
  return { problem, parts };
}

async function problemOf(
  bytes: Uint8Array,
  limits: ParseLimits,
  kind: ZipPackage,
  wanted: Set<string> | 'all-xml',
  parts: Map<string, string>,
): Promise<string | null> {
  let zip: ZipFile;
  try {
    zip = await zipFromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return `The ${kind.name} file is not a readable zip archive (${messageOf(error)}).`;
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      return `The ${kind.name} archive has ${zip.entryCount} entries, over the limit of ${limits.maxZipEntries}.`;
    }
    const entries = await entriesOf(zip);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (entry.isEncrypted()) return `The ${kind.name} archive entry ${entry.fileName} is encrypted.`;
      if (
        entry.uncompressedSize >= RATIO_CHECK_BYTES &&
        entry.uncompressedSize > MAX_RATIO * Math.max(entry.compressedSize, 1)
      ) {
        return `The ${kind.name} archive entry ${entry.fileName} would unpack from ${entry.compressedSize} to ${entry.uncompressedSize} bytes, a compression ratio no document has (zip bomb).`;
      }
    }
    if (total > limits.maxUnzippedBytes) {
      return `The ${kind.name} archive would unpack to ${total} bytes, over the limit of ${limits.maxUnzippedBytes}.`;
    }
    if (!entries.some((entry) => entry.fileName === kind.mainPart)) {
      return `The archive has no ${kind.mainPart}, so it is not ${kind.documentNoun}.`;
    }
    for (const entry of entries) {
      if (!/\.(?:xml|rels)$/i.test(entry.fileName)) continue;
      // Streaming also checks that each part inflates to exactly its declared size.
      const kept: Buffer[] | null = wanted === 'all-xml' || wanted.has(entry.fileName) ? [] : null;
      if (!kept && kind.declarationsChecked === 'parts-read') continue;
      if (await streamHasDeclaration(zip, entry, kept)) {
        return `The ${kind.name} part ${entry.fileName} declares a DOCTYPE or entities, which no office suite writes; refused as unsafe XML.`;
      }
      if (kept) parts.set(entry.fileName, Buffer.concat(kept).toString('utf8'));
    }
    return null;
  } catch (error) {
    return `The ${kind.name} archive is damaged (${messageOf(error)}).`;
  } finally {
    zip.close();
  }
}

function zipFromBuffer(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
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
