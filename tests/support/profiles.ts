import { readingFromProfile, type Reading } from '../../src/core/reading.js';
import { defaultExtractOptions, shippedProfiles } from '../../src/profiles/load-profiles.js';

/** The shipped profiles, chosen by each document's words: what `reportflow parse` reads with. */
export const DEFAULT_OPTIONS = defaultExtractOptions();

/** The default profile in English: the contract's own words. */
export const ENGLISH: Reading = readingFromProfile(shippedProfiles()[0]!, 'en');

/** The default profile in another of its languages. */
export function readingIn(language: string): Reading {
  return readingFromProfile(shippedProfiles()[0]!, language);
}
