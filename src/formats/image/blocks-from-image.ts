import sharp, { type Metadata } from 'sharp';
import type { BlocksResult } from '../../blocks/model.js';
import { grayFromChannels, type GrayImage } from '../ocr/gray-image.js';
import { ocrEngine } from '../ocr/ocr-engine.js';
import type { OcrOptions } from '../ocr/ocr-options.js';
import { pageWithListNumbers } from '../ocr/lost-list-numbers.js';
import { pageWithLostCells } from '../ocr/lost-cells.js';
import { pageWithUnsureNumbersReread } from '../ocr/unsure-numbers.js';
import { recognisedRunsInDomainSpelling } from '../ocr/domain-spelling.js';
import { ocrSizesSettled, pageFromOcr, runsFromOcr } from '../ocr/runs-from-ocr.js';
import { blocksFromPages } from '../pdf/blocks-from-pdf.js';
import type { PdfPage } from '../pdf/pdf-text-items.js';
import type { ParseLimits } from '../shared/limits.js';

// libvips may use every core and keep decoded images in a cache; a parse thread gets one core and keeps nothing.
sharp.concurrency(1);
sharp.cache(false);

// A stored resolution is believed when it makes the page between these widths (inches):
// a photo or a scan without one gets the width of a letter or A4 page across its shorter
// side (a landscape page is as wide as a portrait one is tall).
const PLAUSIBLE_WIDTH_IN = [3, 17] as const;
const ASSUMED_WIDTH_IN = 8.5;
// Below this the page is enlarged to TARGET_DPI: a phone photo 1,700 pixels across (200 dpi
// of an A4 page) had x-heights of 14 pixels, and the engine read a table's answers into the
// wrong columns and lost words, which it read at 300 dpi.
const MIN_DPI = 250;
const TARGET_DPI = 300;

/**
 * A PNG, JPEG or TIFF (every frame a page) read by OCR into blocks through the same
 * layout path as a PDF. The header is checked against the limits before any pixel is
 * decoded, so a 100,000 × 100,000 picture or a 5,000-frame TIFF is refused at once.
 */
export async function blocksFromImage(bytes: Uint8Array, limits: ParseLimits, ocr: OcrOptions): Promise<BlocksResult> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return unreadable(`The image could not be read: ${oneLine(error)}`);
  }
  const frames = meta.pages ?? 1;
  if (frames > limits.maxOcrPages) {
    return unreadable(
      `The image has ${frames} pages, over the limit of ${limits.maxOcrPages} pages read by OCR.`,
      frames,
    );
  }
  // Each frame of a TIFF has its own size, resolution and orientation (a landscape page
  // among portrait ones), all in its header.
  const frameHeaders: Metadata[] = [meta];
  try {
    for (let frame = 1; frame < frames; frame++) {
      frameHeaders.push(await sharp(bytes, { page: frame, limitInputPixels: false }).metadata());
    }
  } catch (error) {
    return unreadable(`The image could not be read: ${oneLine(error)}`, frames);
  }
  for (const header of frameHeaders) {
    const { width, height } = sizeOf(header);
    if (width * height > limits.maxImagePixels) {
      return unreadable(
        `The image is ${width} × ${height} pixels, over the limit of ${limits.maxImagePixels} pixels per page.`,
        frames,
      );
    }
  }
  if (!ocr.enabled) {
    return {
      blocks: [],
      pages: frames,
      problem: { code: 'NO_TEXT_LAYER', message: 'The file is an image and OCR is turned off (REPORTFLOW_OCR=off).' },
    };
  }
  ocr.pagesAnnounced?.(frames);
  const engine = await ocrEngine(ocr);
  const pages: PdfPage[] = [];
  for (let frame = 0; frame < frames; frame++) {
    let image: GrayImage;
    try {
      image = await grayFromFrame(bytes, frame, frameHeaders[frame]!, limits.maxImagePixels);
    } catch (error) {
      return unreadable(`Page ${frame + 1} of the image could not be decoded: ${oneLine(error)}`, frames);
    }
    const upright = await pageWithUnsureNumbersReread(
      engine,
      await pageWithLostCells(engine, await pageWithListNumbers(engine, await engine.recognize(image))),
    );
    const read = runsFromOcr(upright, upright.width, upright.height, image.dpi);
    pages.push({ number: frame + 1, ...pageFromOcr(read, engine.name) });
  }
  ocrSizesSettled(pages.flatMap((page) => page.runs));
  recognisedRunsInDomainSpelling(
    pages.flatMap((page) => page.runs),
    ocr.languages,
  );
  const result = blocksFromPages(pages, `OCR found no text in the image (${frames} page${frames === 1 ? '' : 's'}).`);
  return result;
}

async function grayFromFrame(bytes: Uint8Array, frame: number, meta: Metadata, maxPixels: number): Promise<GrayImage> {
  const upright = sharp(bytes, { page: frame, limitInputPixels: maxPixels }).rotate(); // by the camera's orientation tag
  const sideways = (meta.orientation ?? 1) >= 5;
  const stored = sizeOf(meta);
  const [width, height] = sideways ? [stored.height, stored.width] : [stored.width, stored.height];
  const density = meta.density;
  const storedWidth = density && density > 0 ? width / density : 0;
  const dpi =
    storedWidth >= PLAUSIBLE_WIDTH_IN[0] && storedWidth <= PLAUSIBLE_WIDTH_IN[1]
      ? density!
      : Math.min(width, height) / ASSUMED_WIDTH_IN;
  // Small print in a coarse picture is enlarged first: the engine reads letters best when
  // they are 20-30 pixels tall, as at 300 dpi, and misreads many below that.
  const scale = dpi < MIN_DPI ? Math.min(TARGET_DPI / dpi, Math.sqrt(maxPixels / (width * height))) : 1;
  const sized =
    scale > 1 ? upright.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' }) : upright;
  // Colour is kept to here so that stamps and highlighter fade to paper (see inkGrey).
  const flat = sized.flatten({ background: '#ffffff' });
  const { data, info } = await (meta.space === 'cmyk' ? flat.toColourspace('srgb') : flat)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels =
    info.channels === 1
      ? new Uint8Array(data.buffer, data.byteOffset, data.length)
      : grayFromChannels(data, info.channels);
  return { width: info.width, height: info.height, pixels, dpi: dpi * Math.max(1, scale) };
}

/** One frame's size in pixels as stored (a multi-page TIFF read whole gives the height of one page as `pageHeight`). */
function sizeOf(meta: Metadata): { width: number; height: number } {
  return { width: meta.width ?? 0, height: meta.pageHeight ?? meta.height ?? 0 };
}

function unreadable(message: string, pages: number | null = null): BlocksResult {
  return { blocks: [], pages, problem: { code: 'UNREADABLE_FILE', message } };
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
