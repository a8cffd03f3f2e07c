import type { Answer } from '../record/types.js';
import type { NumericDateOrder, Profile, ProfileLanguage } from './profile.js';

/**
 * A profile in one language, compiled once into the matchers the core reads with:
 * the question labels of a table header, the answer words, the Year and Total
 * headers, labelled author and date lines, written dates. Everything a reader
 * needs to know about the words of a report comes from here.
 */
export interface Reading {
  profile: Profile;
  /** BCP 47 tag of the language, as the profile keys it. */
  language: string;
  weights: Record<Answer, number>;
  totalTolerance: number;
  questions: QuestionWords;
  cells: CellWords;
  dates: DateWords;
  lines: LineWords;
  text: TextWords;
  /** Words that make a document look written for this reading (see profile-choice.ts). */
  cues: Cues;
}

export interface QuestionWords {
  /** A header label as printed ("P1", "Question 4: …") to its canonical id, or null. */
  label: RegExp;
  /** The canonical id of question n. */
  idTemplate: string;
}

export interface CellWords {
  answers: ReadonlyMap<string, Answer>;
  missing: ReadonlySet<string>;
  yearHeader: RegExp;
  totalHeader: RegExp;
  /** The Total header words, as compared (see keyFromCell), for reading misread labels. */
  totalWords: readonly string[];
  /** A printed total: its number first, then an optional maximum, unit and change. */
  total: RegExp;
}

export interface DateWords {
  months: ReadonlyMap<string, number>;
  /** A weekday name as it may open a written date; also part of `lines.nameAndDate`. */
  weekdayWord: string;
  /** Words before the date that are not part of it: a weekday, "le". */
  opening: RegExp;
  /** Lead words alone ("le" of "le 14 mars 2023"): not part of the date as written either. */
  lead: RegExp | null;
  numeric: { order: NumericDateOrder; pattern: RegExp }[];
  dayMonthYear: RegExp | null;
  monthDayYear: RegExp | null;
  monthYear: RegExp;
}

export interface LineWords {
  date: RegExp;
  author: RegExp;
  /** Author labels that also open sentences ("By …"). */
  authorInProse: RegExp | null;
  title: RegExp;
  metadata: RegExp;
  nameAndDate: RegExp;
  notNameWords: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
}

export interface TextWords {
  /** Second parts of the language's hyphenated words: a line break after their hyphen keeps it. */
  compoundParts: ReadonlySet<string>;
}

export interface Cues {
  /** Lower-case first words of the question labels ("q", "pregunta"). */
  labelWords: ReadonlySet<string>;
  /** Words of table cells: answers, Year and Total headers. */
  cellWords: ReadonlySet<string>;
  /** Words of headings, labels, months and weekdays, and common words of running text. */
  textWords: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Profile, Map<string, Reading>>();
// Options sent to a parse thread arrive as copies, one per file: the same profile then
// is found by its content, so it is still compiled only once per thread.
const byContent = new Map<string, Map<string, Reading>>();
const MAX_BY_CONTENT = 32;

/** The compiled reading of a profile in one of its languages (compiled once per profile). */
export function readingFromProfile(profile: Profile, language: string): Reading {
  let byLanguage = cache.get(profile);
  if (!byLanguage) {
    const key = JSON.stringify(profile);
    byLanguage = byContent.get(key);
    if (!byLanguage) {
      if (byContent.size >= MAX_BY_CONTENT) byContent.clear();
      byContent.set(key, (byLanguage = new Map()));
    }
    cache.set(profile, byLanguage);
  }
  let reading = byLanguage.get(language);
  if (!reading) {
    const words = profile.languages[language];
    if (!words) throw new Error(`profile ${profile.id} has no language ${language}`);
    reading = compiled(profile, language, words);
    byLanguage.set(language, reading);
  }
  return reading;
}

/** Every profile in every language, in order of preference. */
export function readingsFromProfiles(profiles: readonly Profile[]): Reading[] {
  return profiles.flatMap((profile) =>
    Object.keys(profile.languages).map((language) => readingFromProfile(profile, language)),
  );
}

function compiled(profile: Profile, language: string, own: ProfileLanguage): Reading {
  const words = withTemplateWords(own, Object.values(profile.languages)[0]!);
  const dates = dateWordsFrom(words);
  return {
    profile,
    language,
    weights: profile.weights,
    totalTolerance: profile.totalTolerance,
    questions: {
      label: new RegExp(
        String.raw`^(?:${alternatives(words.questionLabels.map((l) => l.replace('{n}', '')))})\s*[.\-#]?\s*(\d{1,3})\s*[*†‡¹²³]*(?:\s*[:.)(\-–—].*)?$`,
        'iu',
      ),
      idTemplate: profile.questions.id,
    },
    cells: cellWordsFrom(profile, words),
    dates,
    lines: lineWordsFrom(words, dates),
    text: { compoundParts: new Set((words.compoundParts ?? []).map((w) => w.toLowerCase())) },
    // Cues are the language's own words only: the template's words say nothing about the language.
    cues: cuesFrom(own),
  };
}

/**
 * A language's words, with the table words and line labels of the profile's first
 * language (its template) added where the language does not give them: a report
 * written in Spanish often keeps the template's `Year`, `Y`/`N` and `Author:`. The
 * language's own words win where both give a word.
 */
function withTemplateWords(own: ProfileLanguage, template: ProfileLanguage): ProfileLanguage {
  if (own === template) return own;
  const union = (a: string[] | undefined, b: string[] | undefined) => [...new Set([...(a ?? []), ...(b ?? [])])];
  const ownAnswers = new Set(
    (['Y', 'P', 'N', 'missing'] as const).flatMap((k) => own.answers[k] ?? []).map(keyFromCell),
  );
  const templateOnly = (k: 'Y' | 'P' | 'N' | 'missing') =>
    (template.answers[k] ?? []).filter((w) => !ownAnswers.has(keyFromCell(w)));
  return {
    ...own,
    answers: {
      Y: union(own.answers.Y, templateOnly('Y')),
      P: union(own.answers.P, templateOnly('P')),
      N: union(own.answers.N, templateOnly('N')),
      missing: union(own.answers.missing, templateOnly('missing')),
    },
    yearHeaders: union(own.yearHeaders, template.yearHeaders),
    totalHeaders: union(own.totalHeaders, template.totalHeaders),
    labels: {
      title: union(own.labels.title, template.labels.title),
      author: union(own.labels.author, template.labels.author),
      authorInProse: union(own.labels.authorInProse, template.labels.authorInProse),
      date: union(own.labels.date, template.labels.date),
      metadata: union(own.labels.metadata, template.labels.metadata),
    },
  };
}

/** How answers and labels are compared: emoji selectors dropped, NFKC, single spaces, lower case. */
// Printable ASCII is its own NFKC form and holds no white space but the plain space:
// such cells (nearly all of them) skip the Unicode work below with the same result.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function keyFromCell(cell: string): string {
  if (PRINTABLE_ASCII.test(cell)) return cell.replace(/ {2,}/g, ' ').trim().toLowerCase();
  return cell
    .replace(/[\ufe0e\ufe0f]/gu, '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ')
    .trim()
    .toLowerCase();
}

function cellWordsFrom(profile: Profile, words: ProfileLanguage): CellWords {
  const answers = new Map<string, Answer>();
  for (const source of [profile.symbols ?? {}, words.answers]) {
    for (const answer of ['Y', 'P', 'N'] as const)
      for (const word of source[answer] ?? []) answers.set(keyFromCell(word), answer);
  }
  const missing = new Set(['', ...(profile.symbols?.missing ?? []), ...(words.answers.missing ?? [])].map(keyFromCell));
  // "4.33", "4,33", "3", "-1.5", optionally out of a maximum ("4.5/12", "4.5 of 12"), a unit
  // word ("3.5 points") and a signed change since the previous year in brackets ("2.5 (+1)").
  // The change must carry a sign so that "4.5 (2)" stays a footnote mark.
  const decimal = String.raw`\d{1,4}(?:[.,]\d+)?`;
  const units = words.totalUnits ?? [];
  const unit = units.length > 0 ? String.raw`(?:\s*(?:${alternatives(units)})\.?)?` : '';
  const outOf = ['\\/', ...(words.outOf ?? []).map(phrase)].join('|');
  return {
    answers,
    missing,
    yearHeader: new RegExp(String.raw`^(?:${alternatives(words.yearHeaders)})\.?$`, 'iu'),
    // A header that starts with the word: "Total", "Total score", "Total:".
    totalHeader: new RegExp(String.raw`^(?:${alternatives(words.totalHeaders)})(?![\p{L}\p{N}_])`, 'iu'),
    totalWords: words.totalHeaders.map(keyFromCell),
    total: new RegExp(
      String.raw`^([+-]?${decimal})(?:\s*(?:${outOf})\s*${decimal})?${unit}` +
        String.raw`(?:\s*\(\s*[+\-\u2212\u2013\u00b1]\s*${decimal}${unit}\s*\))?$`,
      'iu',
    ),
  };
}

function dateWordsFrom(words: ProfileLanguage): DateWords {
  const d = words.dates;
  const months = new Map<string, number>();
  d.months.forEach((names, index) => names.forEach((name) => months.set(name.toLowerCase(), index + 1)));
  const weekdays = d.weekdays ?? [];
  const weekdayWord = weekdays.length > 0 ? String.raw`(?:${alternatives(weekdays)})\.?` : '(?!)';
  const leads = d.leadWords ?? [];
  const openers = [String.raw`${weekdayWord},?`, ...(leads.length > 0 ? [`(?:${alternatives(leads)})`] : [])];
  const suffixes = d.daySuffixes ?? [];
  // "5th", "5." as German and Nordic authors write the day, "1er", "1.º".
  const day = String.raw`(\d{1,2})` + (suffixes.length > 0 ? `(?:${alternatives(suffixes)}){0,2}` : '');
  const month = String.raw`(\p{L}{3,12})\.?`;
  const connectors = d.connectors ?? [];
  const joined = connectors.length > 0 ? String.raw`(?:\s+(?:${alternatives(connectors)}))?` : '';
  const written = d.written ?? ['day-month-year'];
  return {
    months,
    weekdayWord,
    opening: new RegExp(String.raw`^(?:(?:${openers.join('|')})\s+)+`, 'iu'),
    lead: leads.length > 0 ? new RegExp(String.raw`^(?:${alternatives(leads)})\s+(?=\d)`, 'iu') : null,
    numeric: (d.numeric ?? ['day-month-year']).map((order) => ({
      order,
      pattern:
        order === 'year-month-day'
          ? /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/u
          : /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/u,
    })),
    // With the month in words a two-digit year cannot be mistaken ("5 Apr 23").
    dayMonthYear: written.includes('day-month-year')
      ? new RegExp(String.raw`^${day}${joined}[\s-]+${month}(?:,|${joined})[\s-]+(\d{4}|\d{2})$`, 'iu')
      : null,
    monthDayYear: written.includes('month-day-year')
      ? new RegExp(String.raw`^${month}\s+${day},?\s+(\d{4})$`, 'iu')
      : null,
    monthYear: new RegExp(String.raw`^${month}(?:,|${joined})\s+(\d{4})$`, 'iu'),
  };
}

function lineWordsFrom(words: ProfileLanguage, dates: DateWords): LineWords {
  const labels = words.labels;
  const separator = String.raw`\s*(?:[:\-–—]\s*|\s+)(.+)$`;
  const inProse = labels.authorInProse ?? [];
  return {
    date: labelled(labels.date ?? [], separator),
    author: labelled([...(labels.author ?? []), ...inProse], separator),
    authorInProse: inProse.length > 0 ? new RegExp(String.raw`^(?:${alternatives(inProse)})\s`, 'iu') : null,
    title: labelled(labels.title ?? [], String.raw`\s*:\s*(.+)$`),
    metadata: labelled(labels.metadata ?? [], String.raw`\s*:\s*\S`),
    // A line with a name and a date side by side ("Aziz Soltobaev, 23.03.23"); the date may open
    // with its weekday and a comma ("Jane Doe, Tuesday, 12 September 2023").
    nameAndDate: new RegExp(
      String.raw`^(.+?)\s*(?:[,|·•]|\s[–—-]\s)\s*((?:${dates.weekdayWord},?\s+)?[^,|·•]+)$`,
      'iu',
    ),
    // Heading words make subtitles, never names ("Desarrollos Más Importantes").
    notNameWords: new Set([...(words.notNameWords ?? []), ...headingWords(words)].map((w) => w.toLowerCase())),
    nameParticles: new Set((words.nameParticles ?? []).map((w) => w.toLowerCase())),
  };
}

function headingWords(words: ProfileLanguage): string[] {
  const h = words.headings;
  return [...(h.scores ?? []), ...(h.developments ?? []), ...(h.subjects ?? [])].flatMap((text) => text.split(/\s+/u));
}

function labelled(words: string[], rest: string): RegExp {
  return words.length > 0 ? new RegExp(String.raw`^(?:${alternatives(words)})${rest}`, 'iu') : /(?!)/u;
}

function cuesFrom(words: ProfileLanguage): Cues {
  const cellWords = new Set<string>();
  for (const answer of ['Y', 'P', 'N'] as const)
    for (const word of words.answers[answer] ?? []) cellWords.add(keyFromCell(word));
  for (const word of [...words.yearHeaders, ...words.totalHeaders]) cellWords.add(keyFromCell(word));
  const textWords = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of wordsFromText(text))
      if (word.length >= 3 || weight === COMMON_WORD) textWords.set(word, Math.max(textWords.get(word) ?? 0, weight));
  };
  const h = words.headings;
  const l = words.labels;
  for (const text of [
    ...(h.scores ?? []),
    ...(h.developments ?? []),
    ...(h.subjects ?? []),
    ...(l.author ?? []),
    ...(l.date ?? []),
  ])
    add(text, STRUCTURE_WORD);
  for (const text of [...words.dates.months.flat(), ...(words.dates.weekdays ?? [])])
    if (text.length >= 4) add(text, STRUCTURE_WORD);
  for (const text of words.commonWords ?? []) if (!textWords.has(text)) add(text, COMMON_WORD);
  const labelWords = new Set(words.questionLabels.map((label) => wordsFromText(label.replace('{n}', ''))[0] ?? ''));
  return { labelWords, cellWords, textWords };
}

export const STRUCTURE_WORD = 3;
export const COMMON_WORD = 1;

/** Lower-case words of a text, letters and digits only. */
// In ASCII text the letters and digits are a-z and 0-9 once lower-cased: a plain split does.
const ASCII = /^[\x00-\x7f]*$/;

export function wordsFromText(text: string): string[] {
  const lower = text.toLowerCase();
  return lower.split(ASCII.test(lower) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** A regex alternation of literal words, longest first so that "date of report" wins over "date". */
function alternatives(words: readonly string[]): string {
  return [...new Set(words.map((w) => w.trim()))]
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length)
    .map(phrase)
    .join('|');
}

// Spaces inside a phrase match any run of white space.
function phrase(word: string): string {
  return word
    .trim()
    .replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
    .replace(/\s+/gu, String.raw`\s+`);
}
