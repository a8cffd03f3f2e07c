import { dateFromText, WEEKDAY_WORD, type DateReading } from './dates.js';

/**
 * Readers for single lines at the top of a report: author and date lines, bare or
 * labelled, and front-matter style `Key: value` lines.
 */

const DATE_LABEL = /^(?:date(?:d)?|date of (?:the )?report|as (?:of|at)|published(?: on)?|(?:last )?updated(?: on)?)\s*(?:[:\-–—]\s*|\s+)(.+)$/iu;
const AUTHOR_LABEL = /^(?:authors?|by|written by|prepared by|compiled by|reported by|expert|reporter|contributors?)\s*(?:[:\-–—]\s*|\s+)(.+)$/iu;
// A line with a name and a date side by side ("Aziz Soltobaev, 23.03.23"); the date may open
// with its weekday and a comma ("Jane Doe, Tuesday, 12 September 2023").
const NAME_AND_DATE = new RegExp(String.raw`^(.+?)\s*(?:[,|·•]|\s[–—-]\s)\s*((?:${WEEKDAY_WORD},?\s+)?[^,|·•]+)$`, 'iu');

const TRAILING_AFFILIATION = /\s*\([^()]*\)\s*$/u;
const NAME_THEN_AFFILIATION = /^([^,(–—]+?)\s*(?:\(|,|\s[–—-]\s)/u;

// Author and date lines are short; longer lines are prose.
const MAX_LINE_CHARS = 200;

export const TITLE_LABEL = /^(?:title|country)\s*:\s*(.+)$/iu;
// Front-matter keys that say nothing the record holds.
export const METADATA_LABEL = /^(?:lang(?:uage)?|version|tags|keywords|status|draft|category|categories|type|layout|year|subtitle|organi[sz]ation|institution|region|id|slug)\s*:\s*\S/iu;

// Words of section headings and subtitles; no person's name is made of them.
const NOT_NAME_WORDS = new Set([
  'ai', 'artificial', 'intelligence', 'policy', 'policies', 'report', 'country', 'countries', 'key', 'metrics',
  'changes', 'change', 'most', 'important', 'developments', 'development', 'international', 'national',
  'overview', 'summary', 'introduction', 'background', 'conclusion', 'conclusions', 'score', 'scores',
  'table', 'index', 'government', 'regional', 'global', 'recent', 'annual', 'update', 'updates', 'review',
  'assessment', 'the', 'of', 'in', 'on', 'for', 'and', 'democratic', 'values', 'republic', 'kingdom',
]);
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'and', '&']);

export interface LineReading {
  author?: string;
  dateText?: string;
  date?: DateReading;
}

/** A labelled author or date line, or a bare date. */
export function labelledOrDate(text: string): boolean {
  return DATE_LABEL.test(text) || AUTHOR_LABEL.test(text) || dateFromText(text).kind !== 'none';
}

/** A line that carries its own label ("By …" aside, which also opens sentences). */
export function labelledOnly(text: string): boolean {
  return DATE_LABEL.test(text) || (AUTHOR_LABEL.test(text) && !/^by\s/iu.test(text));
}

/** What an author or date line holds, or null for any other line. */
export function authorOrDateFromLine(text: string): LineReading | null {
  if (text.length > MAX_LINE_CHARS) return null;
  // A whole line that reads as a date keeps all of it as written: the comma in
  // "Tuesday, 12 September 2023" does not split off a place or a name.
  const whole = authorOrDateFromPart(text);
  if (whole?.date !== undefined && whole.date.kind === 'date') return whole;
  const pair = NAME_AND_DATE.exec(text);
  if (pair) {
    const name = authorOrDateFromPart(pair[1]!.trim());
    const when = authorOrDateFromPart(pair[2]!.trim());
    if (name?.author !== undefined && when?.dateText !== undefined) return { author: name.author, dateText: when.dateText, date: when.date! };
    // "Almaty, 23.03.2023": a place before the date.
    if (when?.dateText !== undefined && when.date!.kind !== 'none' && pair[1]!.split(/\s+/u).length <= 3 && !/\d/u.test(pair[1]!)) {
      return { dateText: when.dateText, date: when.date! };
    }
  }
  return authorOrDateFromPart(text);
}

function authorOrDateFromPart(text: string): LineReading | null {
  const dateLabel = DATE_LABEL.exec(text);
  if (dateLabel) {
    const written = dateLabel[1]!.trim();
    const reading = dateFromText(written);
    // "Date 2023 plans" is prose; a colon or a date-shaped rest makes it a date line.
    if (reading.kind !== 'none' || /^[^:]*:/u.test(text)) return { dateText: written, date: reading };
  }
  const bare = dateFromText(text);
  if (bare.kind !== 'none') return { dateText: text, date: bare };
  const authorLabel = AUTHOR_LABEL.exec(text);
  // Without a colon the label must be followed by a name: "By the end of 2023" is prose.
  if (authorLabel && (/^[^:]*:/u.test(text) || isNameLike(authorLabel[1]!))) {
    const name = authorLabel[1]!.replace(TRAILING_AFFILIATION, '').trim();
    if (name !== '' && name.length <= 100) return { author: name };
  }
  if (isNameLike(text)) return { author: text };
  // "Aziz Soltobaev (Digital Policy Institute)", "Aziz Soltobaev, Digital Policy Institute": the name alone.
  const withAffiliation = NAME_THEN_AFFILIATION.exec(text);
  if (withAffiliation && isNameLike(withAffiliation[1]!)) return { author: withAffiliation[1]!.trim() };
  return null;
}

/** "Aziz Soltobaev", "Dr. Jane van der Berg", "A. Soltobaev and J. Doe". */
export function isNameLike(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 60 || /[\d:;!?()"“”]/u.test(trimmed) || trimmed.replace(/\b\p{Lu}\.$/u, '').endsWith('.')) return false;
  const words = trimmed.split(/\s+/u);
  const nameWords = words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  if (nameWords.length < 2 || words.length > 6) return false;
  return nameWords.every((w) => /^\p{Lu}[\p{L}'’.-]*,?$/u.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase().replace(/[,.]/g, '')));
}
