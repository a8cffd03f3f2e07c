import type { BlocksResult } from '../../blocks/model.js';
import { blocksFromDocx } from '../docx/blocks-from-docx.js';
import type { ParseLimits } from '../shared/limits.js';
import { docxFromLibreOffice, LIBREOFFICE_PACKAGE, type LibreOfficeSettings } from './docx-from-libreoffice.js';

const FORMAT_NAMES = { doc: 'a Word 97-2003 document (.doc)', rtf: 'an RTF document' } as const;

/**
 * Legacy Word and RTF files: converted to DOCX by LibreOffice, then read by the
 * Word reader like any DOCX (the record keeps the format the bytes have). Without
 * LibreOffice the file is a format this installation cannot read, and the
 * message says what to install.
 */
export async function blocksViaLibreOffice(
  bytes: Uint8Array,
  format: 'doc' | 'rtf',
  limits: ParseLimits,
  settings: LibreOfficeSettings,
): Promise<BlocksResult> {
  const conversion = await docxFromLibreOffice(bytes, format, settings);
  if ('missing' in conversion) {
    return problem('UNSUPPORTED_FORMAT', `The file is ${FORMAT_NAMES[format]}, which is read through LibreOffice, but ${conversion.missing}. `
      + `Install LibreOffice (Debian/Ubuntu: apt-get install --no-install-recommends ${LIBREOFFICE_PACKAGE}) or point REPORTFLOW_SOFFICE at its soffice.`);
  }
  if ('failure' in conversion) return problem('UNREADABLE_FILE', `The file is ${FORMAT_NAMES[format]} that could not be read: ${conversion.failure}.`);
  return blocksFromDocx(conversion.docx, limits);
}

function problem(code: 'UNSUPPORTED_FORMAT' | 'UNREADABLE_FILE', message: string): BlocksResult {
  return { blocks: [], pages: null, problem: { code, message } };
}
