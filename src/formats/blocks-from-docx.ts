import mammoth from 'mammoth';
import type { BlocksResult } from '../blocks/model.js';
import { blocksFromPieces } from '../blocks/table-from-lines.js';
import { piecesFromHtml } from './blocks-from-html.js';
import { docxSafetyProblem } from './docx-safety.js';
import type { ParseLimits } from './limits.js';

/**
 * Word to blocks: the archive is checked first (docx-safety), then mammoth
 * renders the body as HTML with Word's heading styles as h1-h6, which the
 * shared HTML reader turns into blocks. Images are dropped unread and files
 * outside the document are never opened.
 */

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

// An image converter that writes nothing, so image data is never read or inlined.
const dropImages = (() => Promise.resolve([])) as unknown as NonNullable<Parameters<typeof mammoth.convertToHtml>[1]>['convertImage'];

export async function blocksFromDocx(bytes: Uint8Array, limits: ParseLimits): Promise<BlocksResult> {
  const refused = await docxSafetyProblem(bytes, limits);
  if (refused) return { blocks: [], pages: null, problem: { code: 'UNREADABLE_FILE', message: refused } };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: dropImages },
    );
    html = result.value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { blocks: [], pages: null, problem: { code: 'UNREADABLE_FILE', message: `The Word document could not be read: ${message.split('\n')[0]}` } };
  }
  // mammoth writes one element per Word paragraph (a list item, a table each count one),
  // so the ordinal of paragraph-level elements stands for the paragraph index in the body.
  const pieces = piecesFromHtml(html, { whitespace: 'preserve', provenance: (_element, ordinal) => ({ paragraph: ordinal }) });
  return { blocks: blocksFromPieces(pieces), pages: null };
}
