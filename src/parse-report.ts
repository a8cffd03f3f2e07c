import { setFlagsFromString } from 'node:v8';
import type { BlocksResult } from './blocks/model.js';
import { errorRecord } from './core/error-record.js';
import { recordFromBlocks } from './core/extract-record.js';
import { profileChoiceFromBlocks, readingsFromOptions } from './core/profile-choice.js';
import type { ExtractOptions } from './core/options.js';
import { blocksFromDocx } from './formats/docx/blocks-from-docx.js';
import { blocksFromImage } from './formats/image/blocks-from-image.js';
import { blocksFromHtmlPage } from './formats/html/blocks-from-html-page.js';
import { blocksViaLibreOffice } from './formats/libreoffice/blocks-via-libreoffice.js';
import { DEFAULT_LIBREOFFICE, type LibreOfficeSettings } from './formats/libreoffice/docx-from-libreoffice.js';
import { blocksFromOdt } from './formats/odt/blocks-from-odt.js';
import { blocksFromMarkdown } from './formats/markdown/blocks-from-markdown.js';
import { trainedDataFor } from './formats/ocr/document-language.js';
import { ocrEngineStopped } from './formats/ocr/ocr-engine.js';
import { DEFAULT_OCR_OPTIONS, type OcrOptions } from './formats/ocr/ocr-options.js';
import { blocksFromPdf } from './formats/pdf/blocks-from-pdf.js';
import { formatFromBytes, formatFromFileName, textFromBytes } from './formats/shared/detect-format.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './formats/shared/limits.js';
import { defaultExtractOptions } from './profiles/load-profiles.js';
import { sha256Hex } from './record/record-id.js';
import type { Format, ReportRecord, SourceInfo } from './record/types.js';

// Cleaning a scanned page runs long loops over its pixels, each once per page. V8 compiles
// such a loop while it runs (on-stack replacement), by default on a background thread while the
// loop goes on in the interpreter; on a busy machine that thread waits for a core, and the loop
// runs slowly all the while. Compiled in place, it is fast sooner: about 0.4 s of CPU less over
// the first two scanned pages of a process (the records are the same; only when code is
// compiled changes). Set once for the process, by whatever parses (the command, parse threads).
setFlagsFromString('--no-concurrent-osr');

export interface ParseOptions {
  extract?: ExtractOptions;
  limits?: ParseLimits;
  /** How .doc and RTF files are converted (LibreOffice's command, time limit, conversions at once). */
  libreOffice?: LibreOfficeSettings;
  ocr?: OcrOptions;
}

/**
 * One file's bytes in, one record out, whatever the bytes are. Never throws:
 * a file that cannot be read becomes a record with an error anomaly.
 */
export async function recordFromBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ReportRecord> {
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  const format = formatFromBytes(bytes);
  const sha256 = sha256Hex(bytes);
  const source: SourceInfo = { fileName, format, bytes: bytes.length, sha256, pages: null, ocr: null };

  if (bytes.length === 0) return errorRecord(source, 'UNREADABLE_FILE', 'The file is empty (0 bytes).');
  if (bytes.length > limits.maxFileBytes) {
    return errorRecord(
      source,
      'UNREADABLE_FILE',
      `The file is ${bytes.length} bytes, over the limit of ${limits.maxFileBytes} bytes.`,
    );
  }
  if (format === 'unknown') {
    const claimed = formatFromFileName(fileName);
    return claimed === 'unknown'
      ? errorRecord(
          source,
          'UNSUPPORTED_FORMAT',
          'The file is none of the formats read here (PDF, DOCX, ODT, .doc, RTF, HTML, Markdown text).',
        )
      : errorRecord(
          source,
          'UNREADABLE_FILE',
          `The file is named as ${claimed} but its bytes are not a readable ${claimed} file.`,
        );
  }

  const extract = options.extract ?? defaultExtractOptions();
  const given = options.ocr ?? DEFAULT_OCR_OPTIONS;
  const ocr = given.documentLanguage ? { ...given, keptReadings: new Map() } : given;
  const libreOffice = options.libreOffice ?? DEFAULT_LIBREOFFICE;
  let result: BlocksResult;
  try {
    result = await blocksFor(format, bytes, limits, libreOffice, ocr);
    const language = result.ocr && ocr.documentLanguage ? otherLanguageOf(result, ocr, extract) : null;
    if (language) {
      const again = await blocksFor(format, bytes, limits, libreOffice, { ...ocr, accentsFrom: language });
      if (!again.problem) result = again;
    }
  } catch (error) {
    return errorRecord(source, 'UNREADABLE_FILE', `The ${format} file could not be read: ${describe(error)}`);
  }
  const sourceWithPages = { ...source, pages: result.pages, ocr: result.ocr ?? null };
  if (result.problem) return errorRecord(sourceWithPages, result.problem.code, result.problem.message);
  return recordFromBlocks(result.blocks, sourceWithPages, extract, {
    pagesWithoutText: result.pagesWithoutText ?? [],
  });
}

/**
 * The trained data of the language recognised text turned out to be written in, when that
 * is not what it was read with and the data is installed: the profile choice that will
 * read the record decides, from the words it knows (accents or none).
 */
function otherLanguageOf(result: BlocksResult, ocr: OcrOptions, extract: ExtractOptions): string | null {
  if (result.problem || result.blocks.length === 0) return null;
  const choice = profileChoiceFromBlocks(result.blocks, readingsFromOptions(extract));
  if (!choice.matched) return null;
  const code = trainedDataFor(choice.reading.language);
  return code && !ocr.languages.includes(code) ? code : null;
}

/** Lets go of what parsing keeps alive between files (the OCR engine's thread), so a command can exit. */
export async function parserResourcesReleased(): Promise<void> {
  await ocrEngineStopped();
}

/** The blocks of a file whose format is known (the adapters' result, problem included). */
export function blocksFor(
  format: Exclude<Format, 'unknown'>,
  bytes: Uint8Array,
  limits: ParseLimits,
  libreOffice: LibreOfficeSettings = DEFAULT_LIBREOFFICE,
  ocr: OcrOptions = DEFAULT_OCR_OPTIONS,
): Promise<BlocksResult> {
  switch (format) {
    case 'markdown':
      return Promise.resolve(blocksFromMarkdown(textFromBytes(bytes)));
    case 'html':
      return Promise.resolve(blocksFromHtmlPage(textFromBytes(bytes)));
    case 'docx':
      return blocksFromDocx(bytes, limits);
    case 'odt':
      return blocksFromOdt(bytes, limits);
    case 'doc':
    case 'rtf':
      return blocksViaLibreOffice(bytes, format, limits, libreOffice);
    case 'pdf':
      return blocksFromPdf(bytes, limits, ocr);
    case 'image':
      return blocksFromImage(bytes, limits, ocr);
    default:
      return Promise.resolve({
        blocks: [],
        pages: null,
        problem: { code: 'UNSUPPORTED_FORMAT', message: `The file is ${format}, which this version does not read.` },
      });
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}
