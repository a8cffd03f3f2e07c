import type { Block } from '../blocks/model.js';
import type { Anomaly, ReportInfo } from '../record/types.js';
import { flag } from './anomalies.js';
import { countryFromTitle } from './country.js';
import { dateFromText, type DateReading } from './dates.js';
import { isHeadingLike } from './headings.js';
import { squashed } from './text.js';

/**
 * The report's title, author and date from the lines at the top of a document:
 * the title first, then author and date lines in either order, bare or labelled.
 */

export interface ReportHeader {
  report: ReportInfo;
  /** Index of the first block after the header lines. */
  bodyStart: number;
}

interface HeaderLine {
  text: string;
  block: number;
  /** Heading level of the block the line stands in; 0 for a pseudo-heading, null for plain text. */
  headingLevel: number | null;
}

const MAX_HEADER_LINES = 8;
const MAX_TITLE_CHARS = 120;
const MAX_LINES_AFTER_TITLE = 4;

const DATE_LABEL = /^(?:date(?:d)?|date of (?:the )?report|as (?:of|at)|published(?: on)?|(?:last )?updated(?: on)?)\s*(?:[:\-–—]\s*|\s+)(.+)$/iu;
const AUTHOR_LABEL = /^(?:authors?|by|written by|prepared by|compiled by|reported by|expert|reporter|contributors?)\s*(?:[:\-–—]\s*|\s+)(.+)$/iu;
// A line with a name and a date side by side ("Aziz Soltobaev, 23.03.23").
const NAME_AND_DATE = /^(.+?)\s*(?:[,|·•]|\s[–—-]\s)\s*([^,|·•]+)$/u;

const TRAILING_AFFILIATION = /\s*\([^()]*\)\s*$/u;
const NAME_THEN_AFFILIATION = /^([^,(–—]+?)\s*(?:\(|,|\s[–—-]\s)/u;

const TITLE_LABEL = /^(?:title|country)\s*:\s*(.+)$/iu;
// Front-matter keys that say nothing the record holds.
const METADATA_LABEL = /^(?:lang(?:uage)?|version|tags|keywords|status|draft|category|categories|type|layout|year|subtitle|organi[sz]ation|institution|region|id|slug)\s*:\s*\S/iu;

// Words of section headings and subtitles; no person's name is made of them.
const NOT_NAME_WORDS = new Set([
  'ai', 'artificial', 'intelligence', 'policy', 'policies', 'report', 'country', 'countries', 'key', 'metrics',
  'changes', 'change', 'most', 'important', 'developments', 'development', 'international', 'national',
  'overview', 'summary', 'introduction', 'background', 'conclusion', 'conclusions', 'score', 'scores',
  'table', 'index', 'government', 'regional', 'global', 'recent', 'annual', 'update', 'updates', 'review',
  'assessment', 'the', 'of', 'in', 'on', 'for', 'and', 'democratic', 'values', 'republic', 'kingdom',
]);
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'and', '&']);

export function reportHeaderFromBlocks(blocks: Block[], anomalies: Anomaly[]): ReportHeader {
  const lines = headerLinesFromBlocks(blocks);
  const consumed = new Set<number>();
  let author: string | null = null;
  let dateText: string | null = null;
  let date: DateReading = { kind: 'none' };

  const takeAuthorOrDate = (line: HeaderLine, position: number): boolean => {
    const reading = authorOrDateFromLine(line.text);
    if (reading === null) return false;
    if (reading.author !== undefined) {
      if (author !== null) return false;
      author = reading.author;
    }
    if (reading.dateText !== undefined) {
      if (dateText !== null) return false;
      dateText = reading.dateText;
      date = reading.date!;
    }
    consumed.add(position);
    return true;
  };

  // Labelled lines (front matter among them) may stand before the title.
  let titleAt = 0;
  let title: string | null = null;
  for (; titleAt < lines.length; titleAt++) {
    const line = lines[titleAt]!;
    const titleLabel = TITLE_LABEL.exec(line.text);
    if (titleLabel && title === null) title = titleLabel[1]!.trim();
    else if (!(labelledOnly(line.text) && takeAuthorOrDate(line, titleAt)) && !METADATA_LABEL.test(line.text)) break;
    consumed.add(titleAt);
  }
  let titleLine: number | null;
  if (title !== null) {
    // A labelled title printed again as the first heading: that heading is the title line.
    const repeated = lines[titleAt] !== undefined && lines[titleAt]!.text.toLowerCase() === title.toLowerCase();
    titleLine = repeated ? titleAt : titleAt - 1;
  } else {
    titleLine = titleFromLines(blocks, lines, titleAt);
    if (titleLine !== null) title = lines[titleLine]!.text;
  }
  if (titleLine !== null) {
    consumed.add(titleLine);
    const titleLevel = lines[titleLine]!.headingLevel;
    for (let k = titleLine + 1; k < lines.length && k <= titleLine + MAX_LINES_AFTER_TITLE; k++) {
      const line = lines[k]!;
      // A heading as high as the title opens the body unless it is a labelled or date line.
      const asHighAsTitle = titleLevel !== null && titleLevel > 0 && line.headingLevel !== null && line.headingLevel > 0 && line.headingLevel <= titleLevel;
      if (asHighAsTitle && !labelledOrDate(line.text)) break;
      if (takeAuthorOrDate(line, k)) continue;
      // A subtitle may stand between the title and a labelled or date line.
      if (asHighAsTitle || line.text.length > MAX_TITLE_CHARS || !labelledLineFollows(lines, k)) break;
      consumed.add(k);
    }
  }

  const country = title === null ? null : countryFromTitle(title);
  if (title !== null && country === null) {
    flag(anomalies, 'UNKNOWN_COUNTRY', '/report/country', { message: `${title} is not a country name`, found: title });
  }
  const finalDate = date as DateReading;
  if (dateText === null) {
    flag(anomalies, 'MISSING_DATE', '/report/date', { message: 'no date line' });
  } else if (finalDate.kind !== 'date') {
    flag(anomalies, 'UNPARSEABLE_DATE', '/report/date', { message: `${dateText} is not a date`, found: dateText });
  }

  return {
    report: { title, country, author, date: finalDate.kind === 'date' ? finalDate.iso : null, dateText },
    bodyStart: bodyStartFromLines(blocks, lines, consumed),
  };
}

/** The lines of the blocks at the top of the document, up to the first table or list. */
function headerLinesFromBlocks(blocks: Block[]): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let i = 0; i < blocks.length && lines.length < MAX_HEADER_LINES; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table' || block.kind === 'list-item') break;
    const headingLevel = block.kind === 'heading' ? block.level : isHeadingLike(block) ? 0 : null;
    for (const raw of block.text.split('\n')) {
      const text = squashed(raw);
      if (text !== '') lines.push({ text, block: i, headingLevel });
    }
  }
  return lines;
}

/**
 * The title: the first line when it is short; otherwise the first heading at the
 * top. Null when neither exists.
 */
function titleFromLines(blocks: Block[], lines: HeaderLine[], from: number): number | null {
  const first = lines[from];
  if (!first) return null;
  if (first.text.length <= MAX_TITLE_CHARS) return from;
  for (let k = from + 1; k < lines.length; k++) {
    if (lines[k]!.headingLevel !== null && isHeadingLike(blocks[lines[k]!.block])) return k;
  }
  return null;
}

interface LineReading {
  author?: string;
  dateText?: string;
  date?: DateReading;
}

// Within the next two lines, before any heading.
function labelledLineFollows(lines: HeaderLine[], k: number): boolean {
  for (const next of lines.slice(k + 1, k + 3)) {
    if (labelledOrDate(next.text)) return true;
    if (next.headingLevel !== null) return false;
  }
  return false;
}

function labelledOrDate(text: string): boolean {
  return DATE_LABEL.test(text) || AUTHOR_LABEL.test(text) || dateFromText(text).kind !== 'none';
}

function labelledOnly(text: string): boolean {
  return DATE_LABEL.test(text) || (AUTHOR_LABEL.test(text) && !/^by\s/iu.test(text));
}

/** What an author or date line holds, or null for any other line. */
export function authorOrDateFromLine(text: string): LineReading | null {
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
  if (trimmed.length > 60 || /[\d:;!?()"“”]/u.test(trimmed) || /\.$/u.test(trimmed.replace(/\b\p{Lu}\.$/u, ''))) return false;
  const words = trimmed.split(/\s+/u);
  const nameWords = words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  if (nameWords.length < 2 || words.length > 6) return false;
  return nameWords.every((w) => /^\p{Lu}[\p{L}'’.-]*,?$/u.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase().replace(/[,.]/g, '')));
}

/** The first block none of whose lines was taken by the header. */
function bodyStartFromLines(blocks: Block[], lines: HeaderLine[], consumed: Set<number>): number {
  let start = 0;
  lines.forEach((line, k) => {
    if (consumed.has(k)) start = Math.max(start, line.block + 1);
  });
  // Blocks skipped inside the header (an empty paragraph) stay with it; anything else opens the body.
  return Math.min(start, blocks.length);
}
