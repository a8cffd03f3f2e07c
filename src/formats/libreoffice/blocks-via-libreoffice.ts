import type { Block, BlocksResult } from '../../blocks/model.js';
import { blocksFromDocx } from '../docx/blocks-from-docx.js';
import type { ParseLimits } from '../shared/limits.js';
import { textFromBytes } from '../shared/detect-format.js';
import { docxFromLibreOffice, LIBREOFFICE_PACKAGE, type LibreOfficeSettings } from './docx-from-libreoffice.js';
import { paragraphLinesFromRtf } from './rtf-paragraph-lines.js';

const FORMAT_NAMES = { doc: 'a Word 97-2003 document (.doc)', rtf: 'an RTF document' } as const;

/**
 * Legacy Word and RTF files: converted to DOCX by LibreOffice, then read by the
 * Word reader like any DOCX (the record keeps the format the bytes have). Blocks of
 * a .doc keep the paragraph index; RTF is text, so its blocks point at the line of
 * the RTF file their paragraph starts on. Without LibreOffice the file is a format
 * this installation cannot read, and the message says what to install.
 */
export async function blocksViaLibreOffice(
  bytes: Uint8Array,
  format: 'doc' | 'rtf',
  limits: ParseLimits,
  settings: LibreOfficeSettings,
): Promise<BlocksResult> {
  const conversion = await docxFromLibreOffice(bytes, format, settings);
  if ('missing' in conversion) {
    return problem(
      'UNSUPPORTED_FORMAT',
      `The file is ${FORMAT_NAMES[format]}, which is read through LibreOffice, but ${conversion.missing}. ` +
        `Install LibreOffice (Debian/Ubuntu: apt-get install --no-install-recommends ${LIBREOFFICE_PACKAGE}) or point REPORTFLOW_SOFFICE at its soffice.`,
    );
  }
  if ('failure' in conversion)
    return problem(
      'UNREADABLE_FILE',
      `The file is ${FORMAT_NAMES[format]} that could not be read: ${conversion.failure}.`,
    );
  const result = await blocksFromDocx(conversion.docx, limits);
  return format === 'rtf'
    ? { ...result, blocks: withRtfLines(result.blocks, paragraphLinesFromRtf(textFromBytes(bytes))) }
    : result;
}

/** Paragraph indexes of the converted document as lines of the RTF (the last known line past the end). */
function withRtfLines(blocks: Block[], lines: number[]): Block[] {
  const lineOf = (paragraph: number | undefined) => ({ line: lines[Math.min(paragraph ?? 0, lines.length - 1)] ?? 1 });
  return blocks.map((block) => {
    const moved = { ...block, source: lineOf(block.source.paragraph) };
    if (moved.kind === 'table' && moved.cellSources)
      moved.cellSources = moved.cellSources.map((row) => row.map((cell) => lineOf(cell.paragraph)));
    return moved;
  });
}

function problem(code: 'UNSUPPORTED_FORMAT' | 'UNREADABLE_FILE', message: string): BlocksResult {
  return { blocks: [], pages: null, problem: { code, message } };
}
