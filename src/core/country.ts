import countries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import french from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import portuguese from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import spanish from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import { editDistance } from '../blocks/edit-distance.js';
import type { Country } from '../record/types.js';

// Titles are matched in English and in the report's language: the library's names (with
// their variants) where it has the language, and CLDR's names (in every Node build) for any.
for (const locale of [english, spanish, french, portuguese]) countries.registerLocale(locale);

// Names in common use that the library's English list lacks.
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  SY: ['Syria'],
  LA: ['Laos', 'Lao PDR'],
  MD: ['Moldova'],
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'U.K.'],
  US: ['United States'],
  AE: ['U.A.E.', 'Emirates'],
  CI: ['Cote dIvoire'],
  KR: ['Korea', 'Korea South'],
  KP: ['Korea North', 'DPRK'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville'],
  NL: ['Holland', 'The Netherlands'],
  MK: ['Macedonia'],
  MM: ['Burma'],
  TL: ['East Timor'],
  CV: ['Cape Verde', 'Cabo Verde'],
  SZ: ['Swaziland'],
  VA: ['Vatican', 'Vatican City'],
  BN: ['Brunei'],
  FM: ['Micronesia'],
  VN: ['Viet Nam'],
  TZ: ['Tanzania'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  PS: ['Palestinian Territories'],
  TR: ['Turkiye'],
  CZ: ['Czech'],
  RU: ['Russia'],
  IR: ['Iran'],
  TW: ['Taiwan'],
  KG: ['Kyrgyzstan', 'Kyrgyz Republic'],
  SK: ['Slovak Republic'],
  // The country's own spelling, common in English-language reports from Brazil.
  BR: ['Brasil'],
  GM: ['The Gambia'],
  BS: ['The Bahamas'],
};

// The record names a country by its common English short name ("United States",
// "Czechia", "South Korea", "Russia"), as the Unicode CLDR data in every Node build
// gives it; the library's first name is often the long formal one. CLDR names
// written as qualified pairs ("Congo - Kinshasa", "Myanmar (Burma)", "Hong Kong SAR
// China", "Bosnia & Herzegovina") read worse than the library's, which is used then.
const COMMON_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const QUALIFIED_NAME = /[-(&]|\bSAR\b|Territories/u;

function commonNameFromIso2(iso2: string): string | null {
  let name: string | undefined;
  try {
    name = COMMON_NAMES.of(iso2);
  } catch {
    return null;
  }
  if (!name || name === iso2 || QUALIFIED_NAME.test(name)) return null;
  return name.replace(/’/gu, "'");
}

// Short names that are also ordinary words: matched inside a longer title only
// when printed in capitals ("US", "UK").
const MAX_LOWERCASE_ALIAS_TO_SEARCH = 3;

interface NameEntry {
  tokens: string[];
  iso2: string;
}

interface NameIndex {
  byName: Map<string, string>;
  /** Longest names first so "Papua New Guinea" wins over "Guinea". */
  entries: NameEntry[];
}

const INDEXES = new Map<string, NameIndex>();

/** English names always; another language's names after them, so an English name wins a clash. */
function indexFor(language: string): NameIndex {
  const primary = language.split('-')[0]!.toLowerCase();
  let index = INDEXES.get(primary);
  if (index) return index;
  index = { byName: new Map(), entries: [] };
  const add = (name: string, iso2: string) => addName(index!, name, iso2);
  for (const [iso2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of [...names, ...(EXTRA_NAMES[iso2] ?? [])]) add(name, iso2);
  }
  for (const [iso2, names] of Object.entries(EXTRA_NAMES)) for (const name of names) add(name, iso2);
  if (primary !== 'en') {
    const local = countries.getNames(primary, { select: 'all' });
    for (const [iso2, names] of Object.entries(local)) for (const name of names) add(name, iso2);
    const cldr = displayNames(primary);
    if (cldr) for (const iso2 of Object.keys(countries.getAlpha2Codes())) add(cldr.of(iso2) ?? '', iso2);
  }
  index.entries.sort((a, b) => b.tokens.length - a.tokens.length);
  INDEXES.set(primary, index);
  return index;
}

function displayNames(language: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

function addName(index: NameIndex, name: string, iso2: string): void {
  const key = keyFromName(name);
  if (key === '' || index.byName.has(key)) return;
  index.byName.set(key, iso2);
  index.entries.push({ tokens: key.split(' '), iso2 });
}

/** Lower case, no diacritics, punctuation dropped, `&` read as "and". */
export function keyFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a whole text is a country's name (in English or the language): "Cabo Verde", "Costa Rica". */
export function isCountryName(text: string, language = 'en'): boolean {
  return indexFor(language).byName.has(keyFromName(text));
}

/**
 * The country a title names: the whole title when it is a country name, else the
 * longest country name standing as whole words inside it ("Country report: Kenya").
 */
export function countryFromTitle(title: string, language = 'en'): Country | null {
  const { byName, entries } = indexFor(language);
  const whole = byName.get(keyFromName(title)) ?? byName.get(keyFromName(title.replace(/^the\s+/i, '')));
  if (whole) return countryFromIso2(whole);
  const words = keyFromName(title).split(' ');
  const printed = new Set(
    title
      .split(/[^\p{L}.]+/u)
      .map((w) => w.replace(/\./g, ''))
      .filter((w) => /^\p{Lu}+$/u.test(w)),
  );
  for (const entry of entries) {
    const isShort = entry.tokens.length === 1 && entry.tokens[0]!.length <= MAX_LOWERCASE_ALIAS_TO_SEARCH;
    if (isShort && !printed.has(entry.tokens[0]!.toUpperCase())) continue;
    if (containsRun(words, entry.tokens)) return countryFromIso2(entry.iso2);
  }
  return null;
}

// A misread name is this many letters from the name it stands for at most: one in a name
// of five to seven letters, two from eight on; a shorter name must be read exactly.
const MISREAD_SHORTEST = 5;
const TWO_MISREAD_FROM = 8;

/**
 * The country a title read by OCR names when its letters are a little off a country's
 * name (`Tirkiye`, `Tiirkiye` for Türkiye: the English model reads no ü): the whole
 * title only, and only when one country's names come nearest.
 */
export function countryFromMisreadTitle(title: string, language = 'en'): Country | null {
  const key = keyFromName(title);
  if (key.length < MISREAD_SHORTEST) return null;
  const allowed = key.length >= TWO_MISREAD_FROM ? 2 : 1;
  let best: { distance: number; iso2: Set<string> } = { distance: allowed + 1, iso2: new Set() };
  for (const [name, iso2] of indexFor(language).byName) {
    if (Math.abs(name.length - key.length) > allowed) continue;
    const distance = editDistance(key, name);
    if (distance < best.distance) best = { distance, iso2: new Set([iso2]) };
    else if (distance === best.distance) best.iso2.add(iso2);
  }
  return best.iso2.size === 1 ? countryFromIso2([...best.iso2][0]!) : null;
}

function containsRun(words: string[], tokens: string[]): boolean {
  for (let start = 0; start + tokens.length <= words.length; start++) {
    if (tokens.every((token, i) => words[start + i] === token)) return true;
  }
  return false;
}

function countryFromIso2(iso2: string): Country {
  return {
    name: commonNameFromIso2(iso2) ?? countries.getName(iso2, 'en') ?? iso2,
    iso2,
    iso3: countries.alpha2ToAlpha3(iso2) ?? null,
  };
}

/** The country an ISO 3166 alpha-2 or alpha-3 code names (`KZ`, `kaz`), null when no country has that code. */
export function countryFromCode(code: string): Country | null {
  const upper = code.trim().toUpperCase();
  const iso2 = /^[A-Z]{3}$/.test(upper)
    ? countries.alpha3ToAlpha2(upper)
    : /^[A-Z]{2}$/.test(upper) && countries.isValid(upper)
      ? upper
      : undefined;
  return iso2 ? countryFromIso2(iso2) : null;
}
