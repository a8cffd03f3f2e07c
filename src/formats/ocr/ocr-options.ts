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
  /** Each page a file has to recognise adds this to its time limit (the service's parse threads). */
  msPerPage: number;
  /** Told how many pages are about to be recognised, before the first is read. */
  pagesAnnounced?: (pages: number) => void;
}

export const DEFAULT_OCR_OPTIONS: OcrOptions = {
  enabled: true,
  languages: ['eng'],
  dpi: 300,
  engine: 'auto',
  msPerPage: 20_000,
};
