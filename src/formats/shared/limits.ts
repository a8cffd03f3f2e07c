/** Resource limits applied while reading one file; every adapter honours the ones that concern it. */
export interface ParseLimits {
  /** Largest file accepted at all, in bytes. */
  maxFileBytes: number;
  /** PDFs with more pages are refused (UNREADABLE_FILE). */
  maxPdfPages: number;
  /** DOCX (zip) archives with more entries are refused. */
  maxZipEntries: number;
  /** DOCX archives whose entries would unpack to more than this are refused. */
  maxUnzippedBytes: number;
  /** Files with more pages (PDF pages without text, image frames) to read by OCR are refused. */
  maxOcrPages: number;
  /** Largest picture, in pixels, decoded or rendered for one page; larger image files are refused. */
  maxImagePixels: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxPdfPages: 2000,
  maxZipEntries: 5000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxOcrPages: 100,
  // An A4 page at 600 dpi is 35 million pixels.
  maxImagePixels: 40_000_000,
};
