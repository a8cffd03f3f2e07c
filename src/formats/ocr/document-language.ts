import { trainedDataFile } from './trained-data.js';

// Trained data for the languages profiles are written in, by their BCP 47 primary tag.
const TRAINED_DATA_OF: Readonly<Record<string, string>> = {
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  pt: 'por',
  de: 'deu',
  it: 'ita',
  nl: 'nld',
};

/**
 * The trained data to read a document written in `language` (a profile's BCP 47 tag) with,
 * or null when no data for it is installed.
 */
export function trainedDataFor(language: string): string | null {
  const code = TRAINED_DATA_OF[language.toLowerCase().split('-')[0]!];
  if (!code) return null;
  try {
    trainedDataFile(code);
    return code;
  } catch {
    return null;
  }
}
