import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

// The integer-quantised LSTM models: as accurate as the float "best" ones on print, half
// the size and faster; no legacy engine data, which only tesseract's legacy mode needs.
const VARIANT = '4.0.0_best_int';

/**
 * The gzipped trained data of one language, from its `@tesseract.js-data/<code>` npm
 * package: installed with the project, so OCR needs no download at run time.
 */
export function trainedDataFile(code: string): string {
  if (!/^[a-z_]{3,12}$/.test(code)) throw new Error(`"${code}" is not a trained-data language code`);
  let folder: string;
  try {
    folder = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  } catch {
    throw new Error(`no OCR data for language "${code}": install the npm package @tesseract.js-data/${code}`);
  }
  return join(folder, VARIANT, `${code}.traineddata.gz`);
}
