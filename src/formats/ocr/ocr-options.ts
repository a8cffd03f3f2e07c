/** Which program recognises text: Tesseract's own when installed (`auto`), or always one of the two. */
export type OcrEngineChoice = 'auto' | 'tesseract' | 'tesseract.js';

/** How text that is not stored in a file is recognised. */
export interface OcrOptions {
  /** Off: pages without stored text give NO_TEXT_LAYER / PAGES_WITHOUT_TEXT, as before OCR existed. */
  enabled: boolean;
  /** Trained-data codes (`eng`, `spa` …), each from its `@tesseract.js-data/<code>` package. */
  languages: string[];
  /** Pages rendered at this resolution for recognition. */
  dpi: number;
  engine: OcrEngineChoice;
}

export const DEFAULT_OCR_OPTIONS: OcrOptions = { enabled: true, languages: ['eng'], dpi: 300, engine: 'auto' };
