import mammoth from 'mammoth';
import type { BlocksResult } from '../../blocks/model.js';
import { blocksFromPieces } from '../../blocks/table-from-lines.js';
import { piecesFromHtml, printedNumberTag } from '../html/blocks-from-html.js';
import { checkedZipParts, DOCX_PACKAGE } from '../shared/zip-safety.js';
import { symbolFontTextMapped } from './docx-symbol-fonts.js';
import { styleMapRulesFromStyles } from './word-style-rules.js';
import type { ParseLimits } from '../shared/limits.js';
import { wordNumbersFromParts, type WordNumber } from './word-numbering.js';

/**
 * Word to blocks: the archive is checked first (zip-safety), then mammoth
 * renders the body as HTML with Word's heading styles as h1-h6, which the
 * shared HTML reader turns into blocks. Images are dropped unread and files
 * outside the document are never opened. Numbered paragraphs get the number
 * Word prints (read from the document's numbering definitions), carried to the
 * HTML reader as a tag at the start of their text.
 *
 * mammoth reads the XML parts the safety checks already unpacked, so the
 * archive is inflated once, and the body is first made to show the cached
 * results of simple fields (`w:fldSimple`, e.g. a `DATE` field), which mammoth
 * would drop with the field, and to show ticks and crosses typed as letters in a
 * symbol font as the glyphs they print (docx-symbol-fonts).
 */

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

// An image converter that writes nothing, so image data is never read or inlined.
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- mammoth's types only describe the converters it builds itself
const dropImages = (() => Promise.resolve([])) as unknown as NonNullable<
  Parameters<typeof mammoth.convertToHtml>[1]
>['convertImage'];

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';

export async function blocksFromDocx(bytes: Uint8Array, limits: ParseLimits): Promise<BlocksResult> {
  const { problem, parts } = await checkedZipParts(bytes, limits, DOCX_PACKAGE, 'all-xml');
  if (problem) return { blocks: [], pages: null, problem: { code: 'UNREADABLE_FILE', message: problem } };
  for (const [name, text] of parts) {
    if (name.startsWith('word/') && name.endsWith('.xml'))
      parts.set(name, symbolFontTextMapped(text.includes('fldSimple') ? simpleFieldsUnwrapped(text) : text));
  }
  const document = parts.get(DOCUMENT);
  if (document !== undefined) parts.set(DOCUMENT, danglingReferencesDropped(document, parts));
  const numbers = wordNumbersFromParts(parts.get(DOCUMENT) ?? '', parts.get(NUMBERING), parts.get(STYLES));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- mammoth reads a zip-like `file`, which its types leave out
      { file: docxFileOf(parts) } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
      {
        styleMap: [...STYLE_MAP, ...styleMapRulesFromStyles(parts.get(STYLES))],
        externalFileAccess: false,
        convertImage: dropImages,
        transformDocument: (document: MammothNode) => withPrintedNumbers(document, numbers),
      },
    );
    html = result.value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      blocks: [],
      pages: null,
      problem: { code: 'UNREADABLE_FILE', message: `The Word document could not be read: ${message.split('\n')[0]}` },
    };
  }
  // mammoth writes one element per Word paragraph (a list item, a table each count one),
  // so the ordinal of paragraph-level elements stands for the paragraph index in the body.
  const pieces = piecesFromHtml(html, {
    whitespace: 'preserve',
    provenance: (_element, ordinal) => ({ paragraph: ordinal }),
  });
  return { blocks: blocksFromPieces(pieces), pages: null };
}

/** The archive as mammoth reads it (`exists`, `read`), served from the unpacked XML parts. */
function docxFileOf(parts: Map<string, string>): {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Buffer>;
} {
  return {
    exists: (name) => parts.has(name),
    read: (name, encoding) => {
      const text = parts.get(name);
      if (text === undefined) return Promise.reject(new Error(`The archive has no part ${name}.`));
      return Promise.resolve(encoding ? text : Buffer.from(text, 'utf8'));
    },
  };
}

const SIMPLE_FIELD_OPEN = /<w:fldSimple\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * A simple field's element removed around its runs, which hold the result Word
 * last computed and printed; a field with no result (self-closing) prints nothing.
 */
export function simpleFieldsUnwrapped(xml: string): string {
  return xml.replace(SIMPLE_FIELD_OPEN, '').replace(/<\/w:fldSimple\s*>/g, '');
}

const RELATION_ATTRIBUTE = /\s+r:(?:id|embed|link)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NOTE_REFERENCE = /<w:(footnote|endnote)Reference\b[^>]*?\bw:id\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*?\/>/g;

/**
 * References to things the package does not hold are dropped: a relationship
 * id (link, image) missing from the document's relationships, a footnote or
 * endnote mark whose note is not defined. mammoth stops at any of them, and
 * one broken link or picture should not make the whole report unreadable.
 * Link text stays; pictures are never read anyway.
 */
export function danglingReferencesDropped(documentXml: string, parts: Map<string, string>): string {
  let xml = documentXml;
  if (xml.includes('r:')) {
    const ids = idsIn(parts.get(DOCUMENT_RELS) ?? '', /<Relationship\b[^>]*?\bId\s*=\s*(?:"([^"]*)"|'([^']*)')/g);
    xml = xml.replace(RELATION_ATTRIBUTE, (whole, double: string | undefined, single: string | undefined) =>
      ids.has(double ?? single!) ? whole : '',
    );
  }
  if (xml.includes('noteReference')) {
    const notes = {
      footnote: idsIn(
        parts.get('word/footnotes.xml') ?? '',
        /<w:footnote\b[^>]*?\bw:id\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
      ),
      endnote: idsIn(parts.get('word/endnotes.xml') ?? '', /<w:endnote\b[^>]*?\bw:id\s*=\s*(?:"([^"]*)"|'([^']*)')/g),
    };
    xml = xml.replace(
      NOTE_REFERENCE,
      (whole, kind: 'footnote' | 'endnote', double: string | undefined, single: string | undefined) =>
        notes[kind].has(double ?? single!) ? whole : '',
    );
  }
  return xml;
}

function idsIn(xml: string, pattern: RegExp): Set<string> {
  const ids = new Set<string>();
  for (const match of xml.matchAll(pattern)) ids.add(match[1] ?? match[2]!);
  return ids;
}

/** The parts of mammoth's document model used here. */
interface MammothNode {
  type: string;
  value?: string;
  children?: MammothNode[];
}

/**
 * Tags every paragraph Word numbers with an ordered format with its printed
 * number. mammoth's paragraphs and the `w:p` elements are both in document
 * order; when their counts differ the two cannot be matched and nothing is tagged.
 */
function withPrintedNumbers(document: MammothNode, numbers: (WordNumber | null)[] | null): MammothNode {
  if (!numbers || !numbers.some((n) => n?.ordered)) return document;
  const paragraphs: MammothNode[] = [];
  const stack: MammothNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph') {
      paragraphs.push(node);
      continue;
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  if (paragraphs.length !== numbers.length) return document;
  paragraphs.forEach((paragraph, i) => {
    const number = numbers[i];
    const text = number?.ordered ? firstText(paragraph) : null;
    if (number && text) text.value = printedNumberTag(number.number, number.level, number.marker) + (text.value ?? '');
  });
  return document;
}

function firstText(paragraph: MammothNode): MammothNode | null {
  const stack = [...(paragraph.children ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') return node;
    if (node.type === 'paragraph') continue;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}
