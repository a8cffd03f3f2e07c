/**
 * Loads pdf.js (the legacy build that runs on Node) once, together with its worker
 * code so the in-process "fake worker" uses this same copy instead of importing
 * another one later.
 *
 * The legacy build bundles core-js, which swaps Array.prototype.push for a
 * script-level version (it only corrects pushes past 2^32 - 1 elements). That slows
 * every push in the whole process, pdf.js's own text extraction by about a fifth,
 * so the engine's push is put back once both files have run.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * Where pdf.js finds the character maps of CJK fonts that use a predefined encoding
 * (without them their text comes out empty or wrong) and the metrics of the standard
 * fonts a PDF may use without embedding them. pdf.js on Node reads these from disk.
 */
export function pdfjsDataPaths(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/**
 * How every PDF is opened, for reading and for drawing alike: font programs are never
 * compiled to JavaScript (isEvalSupported: false — the CVE-2024-4367 class), fonts are
 * drawn as outlines since Node has no FontFace, and a damaged file is read as far as it goes.
 */
export async function pdfOpened(data: Uint8Array): Promise<ReturnType<PdfJs['getDocument']>> {
  const { getDocument } = await pdfjsLoaded();
  return getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    cMapPacked: true,
    ...pdfjsDataPaths(),
  });
}

let loading: Promise<PdfJs> | null = null;

export function pdfjsLoaded(): Promise<PdfJs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJs> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  if (Reflect.get(globalThis, 'pdfjsWorker') == null) Reflect.set(globalThis, 'pdfjsWorker', worker);
  // Whatever push was before these imports ran goes back (if pdf.js was already loaded, that is a no-op).
  if (push) Object.defineProperty(Array.prototype, 'push', push);
  return pdfjs;
}
