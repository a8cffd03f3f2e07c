import type { AdapterProblem } from '../../blocks/model.js';
import { ocrEngine } from '../ocr/ocr-engine.js';
import type { OcrOptions } from '../ocr/ocr-options.js';
import { pageWithListNumbers } from '../ocr/lost-list-numbers.js';
import { pageWithLostCells } from '../ocr/lost-cells.js';
import { pageWithUnsureNumbersReread } from '../ocr/unsure-numbers.js';
import { recognisedRunsInDomainSpelling } from '../ocr/domain-spelling.js';
import { ocrSizesSettled, pageFromOcr, runsFromOcr } from '../ocr/runs-from-ocr.js';
import type { ParseLimits } from '../shared/limits.js';
import { grayFromPdfPage } from './pdf-page-image.js';
import { pdfjsLoaded, pdfOpened } from './pdfjs-loader.js';
import { recognisedSizesOnStoredScale } from './recognised-sizes.js';
import { recognisedWordsInStoredSpelling } from './recognised-spelling.js';

/** One positioned run of text as the PDF draws it. y is the baseline, measured up from the page bottom. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** 0–1, for text recognised by OCR; absent for text stored in the file. */
  confidence?: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** Edges of the page box, in the same units as run x and y. */
  bottom: number;
  top: number;
  left: number;
  right: number;
  runs: TextRun[];
  /** Set when the page's text was recognised from its picture rather than stored. */
  ocr?: { engine: string };
}

export type PdfPagesResult =
  | { pages: PdfPage[]; problem?: undefined }
  | { pages: PdfPage[] | null; problem: AdapterProblem };

// A page with fewer stored characters than this has no real text layer (a stamp, a
// scanner's page number) and is read from its picture.
const STAMP_CHARS = 40;

interface FontFacts {
  bold: boolean;
  italic: boolean;
}

// Shapes of pdf.js objects read here (its typings mark them as unknown or any).
interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}
interface RawFont {
  name?: string;
  bold?: boolean;
  black?: boolean;
  italic?: boolean;
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|demi\b/i;
const ITALIC_NAME = /italic|oblique|inclined/i;

/** Bold and italic from a font's real name (`ABCDEF+LiberationSerif-BoldItalic`, `Arial-BoldMT`). */
export function fontFactsFromName(name: string): FontFacts {
  const base = name.replace(/^[A-Z]{6}\+/, '');
  return { bold: BOLD_NAME.test(base), italic: ITALIC_NAME.test(base) };
}

/**
 * Reads every page's text runs with pdf.js. Bold and italic come from the fonts'
 * real names, which pdf.js only hands over once a page's operator list has been
 * built; that costs about as much as the text itself, so it is built only for
 * pages that use a font not met on an earlier page (fonts are shared document-wide).
 */
export async function pdfPagesFromBytes(
  bytes: Uint8Array,
  limits: ParseLimits,
  ocr: OcrOptions | null = null,
): Promise<PdfPagesResult> {
  // pdf.js transfers the buffer it is given; a private copy keeps the caller's bytes intact.
  const data = new Uint8Array(bytes);
  const task = await pdfOpened(data);
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      return { pages: null, problem: problemFromOpenError(error) };
    }
    if (doc.numPages > limits.maxPdfPages) {
      return {
        pages: null,
        problem: {
          code: 'UNREADABLE_FILE',
          message: `The PDF has ${doc.numPages} pages, over the limit of ${limits.maxPdfPages} pages.`,
        },
      };
    }
    const fonts = new Map<string, FontFacts>();
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is typeof item & RawTextItem => 'str' in item) as RawTextItem[];
      const unknownFonts = [...new Set(items.map((item) => item.fontName))].filter((id) => !fonts.has(id));
      if (unknownFonts.length > 0) {
        await page.getOperatorList();
        for (const id of unknownFonts) fonts.set(id, fontFactsFromObject(page.commonObjs, id));
      }
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      pages.push({ number, bottom, top, left, right, runs: runsFromItems(items, fonts) });
      page.cleanup();
    }
    if (ocr?.enabled) {
      const problem = await pagesRecognised(doc, pages, limits, ocr);
      if (problem) return { pages, problem };
    }
    return { pages };
  } catch (error) {
    return {
      pages: null,
      problem: { code: 'UNREADABLE_FILE', message: `The PDF could not be read: ${oneLine(error)}` },
    };
  } finally {
    await task.destroy();
  }
}

/**
 * Pages without a text layer (scans, or only a stamp's worth of text) read by OCR
 * from their picture. More such pages than the limit allows refuse the whole file
 * before any is read, so a huge scan costs no time.
 */
async function pagesRecognised(
  doc: { getPage(number: number): Promise<import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy> },
  pages: PdfPage[],
  limits: ParseLimits,
  ocr: OcrOptions,
): Promise<AdapterProblem | null> {
  const { OPS } = await pdfjsLoaded();
  const pictureOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  const textless: PdfPage[] = [];
  for (const page of pages) {
    if (visibleChars(page.runs) >= STAMP_CHARS) continue;
    // A page with little stored text and no picture is a blank or nearly blank page, not a scan.
    const proxy = await doc.getPage(page.number);
    const { fnArray } = await proxy.getOperatorList();
    proxy.cleanup();
    if (fnArray.some((op) => pictureOps.has(op))) textless.push(page);
  }
  if (textless.length === 0) return null;
  if (textless.length > limits.maxOcrPages) {
    return {
      code: 'UNREADABLE_FILE',
      message: `The PDF has ${textless.length} pages without a text layer, over the limit of ${limits.maxOcrPages} pages read by OCR.`,
    };
  }
  ocr.pagesAnnounced?.(textless.length);
  const engine = await ocrEngine(ocr);
  const recognised: TextRun[] = [];
  for (const page of textless) {
    const proxy = await doc.getPage(page.number);
    const image = await grayFromPdfPage(proxy, ocr.dpi, limits.maxImagePixels);
    proxy.cleanup();
    const upright = await pageWithUnsureNumbersReread(
      engine,
      await pageWithLostCells(engine, await pageWithListNumbers(engine, await engine.recognize(image))),
    );
    const read = runsFromOcr(upright, upright.width, upright.height, image.dpi);
    Object.assign(page, pageFromOcr(read, engine.name));
    recognised.push(...read.runs);
  }
  ocrSizesSettled(recognised);
  // The pages that keep their text layer know the document's type sizes and spelling.
  const stored = pages.filter((page) => !page.ocr).flatMap((page) => page.runs);
  recognisedSizesOnStoredScale(recognised, stored);
  recognisedWordsInStoredSpelling(recognised, stored);
  recognisedRunsInDomainSpelling(recognised, ocr.languages);
  return null;
}

function visibleChars(runs: readonly TextRun[]): number {
  return runs.reduce((sum, run) => sum + run.text.replace(/\s/g, '').length, 0);
}

function fontFactsFromObject(
  commonObjs: { has(id: string): boolean; get(id: string): unknown },
  id: string,
): FontFacts {
  if (!commonObjs.has(id)) return { bold: false, italic: false };
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- pdf.js keeps loaded fonts untyped; every field read is optional
  const font = commonObjs.get(id) as RawFont | null;
  const fromName = fontFactsFromName(font?.name ?? '');
  return {
    bold: fromName.bold || Boolean(font?.bold) || Boolean(font?.black),
    italic: fromName.italic || Boolean(font?.italic),
  };
}

function runsFromItems(items: RawTextItem[], fonts: Map<string, FontFacts>): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    // Text turned sideways (margin notes, rotated table headers) is not part of the reading flow.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
    const size = Math.hypot(c, d) || item.height;
    if (!(size > 0)) continue;
    const facts = fonts.get(item.fontName) ?? { bold: false, italic: false };
    runs.push({ text: item.str, x, y, width: item.width, size, bold: facts.bold, italic: facts.italic });
  }
  return runs;
}

function problemFromOpenError(error: unknown): AdapterProblem {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return { code: 'UNREADABLE_FILE', message: 'The PDF is encrypted with a password and cannot be read.' };
  }
  return { code: 'UNREADABLE_FILE', message: `The PDF could not be read: ${oneLine(error)}` };
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
