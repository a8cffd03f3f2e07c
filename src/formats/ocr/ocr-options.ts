import type { KeptReadings } from './page-readings-kept.js';

/** Which program recognises text: Tesseract's own when installed (`auto`), or always one of the two. */
export type OcrEngineChoice = 'auto' | 'tesseract' | 'tesseract.js';

/** How text that is not stored in a file is recognised. */
export interface OcrOptions {
  /** Off: pages without stored text give NO_TEXT_LAYER / PAGES_WITHOUT_TEXT, as before OCR existed. */
  enabled: boolean;
  /** Trained-data codes (`eng`, `spa` …), each from its `@tesseract.js-data/<code>` package. */
  languages: string[];
  /**
   * Read pages again in the document's own language when the first reading shows it is
   * another one the profiles know (English data has no `á`, `ñ`, `ç`, `ã`…).
   */
  documentLanguage: boolean;
  /** Trained data whose second reading of each page lends the first its accents (see accents.ts). */
  accentsFrom?: string;
  /** What the engine read in this file so far, when the file may be read twice (see page-readings-kept.ts). */
  keptReadings?: KeptReadings;
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
  documentLanguage: true,
  dpi: 300,
  engine: 'auto',
  msPerPage: 20_000,
};
