import { isCountryName } from './country.js';
import { dateFromText, type DateReading } from './dates.js';
import type { Reading } from './reading.js';

/**
 * Readers for single lines at the top of a report: author and date lines, bare or
 * labelled, and front-matter style `Key: value` lines.
 */

const TRAILING_AFFILIATION = /\s*\([^()]*\)\s*$/u;
const NAME_THEN_AFFILIATION = /^([^,(–—]+?)\s*(?:\(|,|\s[–—-]\s)/u;

// Author and date lines are short; longer lines are prose.
const MAX_LINE_CHARS = 200;

// The labels (`Author:`, `Fecha:`, `Auteur :`), the words no name is made of and the
// particles inside names come from the profile's language (reading.lines).

export interface LineReading {
  author?: string;
  dateText?: string;
  date?: DateReading;
}

/** A labelled author or date line, or a bare date. */
export function labelledOrDate(text: string, reading: Reading): boolean {
  const { lines } = reading;
  return lines.date.test(text) || lines.author.test(text) || dateFromText(text, reading.dates).kind !== 'none';
}

/** A line that carries its own label ("By …" aside, which also opens sentences). */
export function labelledOnly(text: string, reading: Reading): boolean {
  const { lines } = reading;
  return lines.date.test(text) || (lines.author.test(text) && !(lines.authorInProse?.test(text) ?? false));
}

/** What an author or date line holds, or null for any other line. */
export function authorOrDateFromLine(text: string, reading: Reading): LineReading | null {
  if (text.length > MAX_LINE_CHARS) return null;
  // A whole line that reads as a date keeps all of it as written: the comma in
  // "Tuesday, 12 September 2023" does not split off a place or a name.
  const whole = authorOrDateFromPart(text, reading);
  if (whole?.date !== undefined && whole.date.kind === 'date') return whole;
  const pair = reading.lines.nameAndDate.exec(text);
  if (pair) {
    const name = authorOrDateFromPart(pair[1]!.trim(), reading);
    const when = authorOrDateFromPart(pair[2]!.trim(), reading);
    if (name?.author !== undefined && when?.dateText !== undefined)
      return { author: name.author, dateText: when.dateText, date: when.date! };
    // "Almaty, 23.03.2023": a place before the date.
    if (
      when?.dateText !== undefined &&
      when.date!.kind !== 'none' &&
      pair[1]!.split(/\s+/u).length <= 3 &&
      !/\d/u.test(pair[1]!)
    ) {
      return { dateText: when.dateText, date: when.date! };
    }
  }
  return authorOrDateFromPart(text, reading);
}

function authorOrDateFromPart(text: string, reading: Reading): LineReading | null {
  const { lines } = reading;
  const dateLabel = lines.date.exec(text);
  if (dateLabel) {
    const written = dateLabel[1]!.trim();
    const date = dateFromText(written, reading.dates);
    // "Date 2023 plans" is prose; a colon or a date-shaped rest makes it a date line.
    if (date.kind !== 'none' || /^[^:]*:/u.test(text)) return { dateText: withoutLeadWord(written, reading), date };
  }
  const bare = dateFromText(text, reading.dates);
  if (bare.kind !== 'none') return { dateText: withoutLeadWord(text, reading), date: bare };
  const authorLabel = lines.author.exec(text);
  // Without a colon the label must be followed by a name: "By the end of 2023" is prose.
  if (authorLabel && (/^[^:]*:/u.test(text) || isNameLike(authorLabel[1]!, reading))) {
    const name = authorLabel[1]!.replace(TRAILING_AFFILIATION, '').trim();
    if (name !== '' && name.length <= 100) return { author: name };
  }
  if (isNameLike(text, reading)) return { author: text };
  // "Aziz Soltobaev (Digital Policy Institute)", "Aziz Soltobaev, Digital Policy Institute": the name alone.
  const withAffiliation = NAME_THEN_AFFILIATION.exec(text);
  if (withAffiliation && isNameLike(withAffiliation[1]!, reading)) return { author: withAffiliation[1]!.trim() };
  return null;
}

// "le 14 mars 2023" is written "14 mars 2023": the article belongs to the sentence, not the date.
function withoutLeadWord(text: string, reading: Reading): string {
  return reading.dates.lead ? text.replace(reading.dates.lead, '') : text;
}

/** "Aziz Soltobaev", "Dr. Jane van der Berg", "A. Soltobaev and J. Doe". */
export function isNameLike(text: string, reading: Reading): boolean {
  const { notNameWords, nameParticles } = reading.lines;
  const trimmed = text.trim();
  if (trimmed.length > 60 || /[\d:;!?()"“”]/u.test(trimmed) || trimmed.replace(/\b\p{Lu}\.$/u, '').endsWith('.'))
    return false;
  const words = trimmed.split(/\s+/u);
  const nameWords = words.filter((w) => !nameParticles.has(w.toLowerCase()));
  if (nameWords.length < 2 || words.length > 6) return false;
  // Two capitalised words may be a country ("Costa Rica", "Cabo Verde"), as a running header prints it.
  if (isCountryName(trimmed, reading.language)) return false;
  return nameWords.every(
    (w) => /^\p{Lu}[\p{L}'’.-]*,?$/u.test(w) && !notNameWords.has(w.toLowerCase().replace(/[,.]/g, '')),
  );
}
