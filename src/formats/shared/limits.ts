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
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxPdfPages: 2000,
  maxZipEntries: 5000,
  maxUnzippedBytes: 200 * 1024 * 1024,
};
