import type { BlocksResult } from '../../blocks/model.js';
import { blocksFromPieces } from '../../blocks/table-from-lines.js';
import { piecesFromHast } from '../html/blocks-from-html.js';
import type { ParseLimits } from '../shared/limits.js';
import { parseXml } from '../shared/xml-dom.js';
import { checkedZipParts, ODT_PACKAGE } from '../shared/zip-safety.js';
import { hastFromOdt } from './hast-from-odt.js';

const CONTENT = 'content.xml';
const STYLES = 'styles.xml';

/**
 * An OpenDocument text (LibreOffice Writer's .odt) to blocks: the archive is
 * checked with the same limits as a Word file (zip-safety), then the body is
 * turned into an HTML tree (hast-from-odt) that the shared HTML reader reads.
 * Each block carries the index of its paragraph-level element in the body.
 */
export async function blocksFromOdt(bytes: Uint8Array, limits: ParseLimits): Promise<BlocksResult> {
  const { problem, parts } = await checkedZipParts(bytes, limits, ODT_PACKAGE, [CONTENT, STYLES]);
  if (problem) return unreadable(problem);
  const content = parts.get(CONTENT) ?? '';
  // A document saved with a password keeps its parts encrypted under their usual names.
  if (!content.trimStart().startsWith('<')) return unreadable('The ODT document is encrypted (saved with a password).');
  try {
    const styles = parts.get(STYLES);
    const root = hastFromOdt(parseXml(content), styles ? parseXml(styles) : null);
    const pieces = piecesFromHast(root, {
      whitespace: 'preserve',
      provenance: (_element, ordinal) => ({ paragraph: ordinal }),
    });
    return { blocks: blocksFromPieces(pieces), pages: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(`The ODT document could not be read: ${message.split('\n')[0]}`);
  }
}

function unreadable(message: string): BlocksResult {
  return { blocks: [], pages: null, problem: { code: 'UNREADABLE_FILE', message } };
}
