import type { Block } from '../blocks/model.js';
import type { Anomaly, RecordProvenance, ReportInfo } from '../record/types.js';
import { flag } from './anomalies.js';
import { countryFromMisreadTitle, countryFromTitle } from './country.js';
import type { DateReading } from './dates.js';
import { authorOrDateFromLine, labelledOnly, labelledOrDate } from './header-lines.js';
import { isHeadingLike } from './headings.js';
import { noteSource } from './provenance.js';
import type { Reading } from './reading.js';
import { squashed } from './text.js';

/**
 * The report's title, author and date from the lines at the top of a document:
 * the title first, then author and date lines in either order, bare or labelled.
 */

export interface ReportHeader {
  report: ReportInfo;
  /** Index of the first block after the header lines. */
  bodyStart: number;
  /** Where each report field was read, keyed by its JSON Pointer. */
  provenance: RecordProvenance;
  /** Pointers of values read back from an OCR misreading (their confidence is to be lowered). */
  repaired: string[];
}

interface HeaderLine {
  text: string;
  block: number;
  /** Which line of its block the line is (0 = the first). */
  lineInBlock: number;
  /** Heading level of the block the line stands in; 0 for a pseudo-heading, null for plain text. */
  headingLevel: number | null;
}

const MAX_HEADER_LINES = 8;
const MAX_TITLE_CHARS = 120;
const MAX_LINES_AFTER_TITLE = 4;

export function reportHeaderFromBlocks(blocks: Block[], anomalies: Anomaly[], reading: Reading): ReportHeader {
  const lines = headerLinesFromBlocks(blocks, reading);
  const consumed = new Set<number>();
  let author: string | null = null;
  let dateText: string | null = null;
  let date: DateReading = { kind: 'none' };
  let authorLine: HeaderLine | null = null;
  let dateLine: HeaderLine | null = null;

  const takeAuthorOrDate = (line: HeaderLine, position: number): boolean => {
    const found = authorOrDateFromLine(line.text, reading);
    if (found === null) return false;
    if (found.author !== undefined) {
      if (author !== null) return false;
      author = found.author;
      authorLine = line;
    }
    if (found.dateText !== undefined) {
      if (dateText !== null) return false;
      dateText = found.dateText;
      date = found.date!;
      dateLine = line;
    }
    consumed.add(position);
    return true;
  };

  // Labelled lines (front matter among them) may stand before the title.
  let titleAt = 0;
  let title: string | null = null;
  for (; titleAt < lines.length; titleAt++) {
    const line = lines[titleAt]!;
    const titleLabel = reading.lines.title.exec(line.text);
    if (titleLabel && title === null) title = titleLabel[1]!.trim();
    else if (
      !(labelledOnly(line.text, reading) && takeAuthorOrDate(line, titleAt)) &&
      !reading.lines.metadata.test(line.text)
    )
      break;
    consumed.add(titleAt);
  }
  let titleLine: number | null;
  if (title !== null) {
    // A labelled title printed again as the first heading: that heading is the title line.
    const repeated = lines[titleAt] !== undefined && lines[titleAt]!.text.toLowerCase() === title.toLowerCase();
    titleLine = repeated ? titleAt : titleAt - 1;
  } else {
    titleLine = titleFromLines(blocks, lines, titleAt, reading);
    if (titleLine !== null) title = lines[titleLine]!.text;
    // Lines above the title (a running header) belong to no field and not to the body.
    for (let k = titleAt; titleLine !== null && k < titleLine; k++) consumed.add(k);
  }
  if (titleLine !== null) {
    consumed.add(titleLine);
    const titleLevel = lines[titleLine]!.headingLevel;
    for (let k = titleLine + 1; k < lines.length && k <= titleLine + MAX_LINES_AFTER_TITLE; k++) {
      const line = lines[k]!;
      // A heading as high as the title opens the body unless it is a labelled or date line.
      const asHighAsTitle =
        titleLevel !== null &&
        titleLevel > 0 &&
        line.headingLevel !== null &&
        line.headingLevel > 0 &&
        line.headingLevel <= titleLevel;
      if (asHighAsTitle && !labelledOrDate(line.text, reading)) break;
      if (takeAuthorOrDate(line, k)) continue;
      // A subtitle may stand between the title and a labelled or date line.
      if (asHighAsTitle || line.text.length > MAX_TITLE_CHARS || !labelledLineFollows(lines, k, reading)) break;
      consumed.add(k);
    }
  }

  const repaired: string[] = [];
  let country = title === null ? null : countryFromTitle(title, reading.language);
  if (title !== null && country === null && titleLine !== null && recognised(blocks, lines[titleLine]!)) {
    country = countryFromMisreadTitle(title, reading.language);
    if (country !== null) repaired.push('/report/country');
  }
  if (title !== null && country === null) {
    flag(anomalies, 'UNKNOWN_COUNTRY', '/report/country', { message: `${title} is not a country name`, found: title });
  }
  const finalDate = date as DateReading;
  if (dateText === null) {
    flag(anomalies, 'MISSING_DATE', '/report/date', { message: 'no date line' });
  } else if (finalDate.kind !== 'date') {
    flag(anomalies, 'UNPARSEABLE_DATE', '/report/date', { message: `${dateText} is not a date`, found: dateText });
  }

  const report: ReportInfo = {
    title,
    country,
    author,
    date: finalDate.kind === 'date' ? finalDate.iso : null,
    dateText,
  };
  const provenance: RecordProvenance = {};
  const note = (field: keyof ReportInfo, line: HeaderLine | null) => {
    if (line !== null && report[field] !== null)
      noteSource(provenance, `/report/${field}`, blocks[line.block]!.source, line.lineInBlock);
  };
  const titleSource = titleLine === null ? null : lines[titleLine]!;
  note('title', titleSource);
  note('country', titleSource);
  note('author', authorLine);
  note('date', dateLine);
  note('dateText', dateLine);
  return { report, bodyStart: bodyStartFromLines(blocks, lines, consumed), provenance, repaired };
}

function recognised(blocks: readonly Block[], line: HeaderLine): boolean {
  return blocks[line.block]!.source.confidence !== undefined;
}

/** The lines of the blocks at the top of the document, up to the first table or list. */
function headerLinesFromBlocks(blocks: Block[], reading: Reading): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let i = 0; i < blocks.length && lines.length < MAX_HEADER_LINES; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table' || block.kind === 'list-item') break;
    const headingLevel = block.kind === 'heading' ? block.level : isHeadingLike(block, reading) ? 0 : null;
    block.text.split('\n').forEach((raw, lineInBlock) => {
      const text = squashed(raw);
      if (text !== '') lines.push({ text, block: i, lineInBlock, headingLevel });
    });
  }
  return lines;
}

/**
 * The title: the first heading at the top, when no author or date line comes
 * before it (a running header such as "Georgia 2023" may); otherwise the first
 * short line. A first line that names a country wins over a heading that does not.
 */
function titleFromLines(blocks: Block[], lines: HeaderLine[], from: number, reading: Reading): number | null {
  const first = lines[from];
  if (!first) return null;
  const heading = firstHeadingBeforeAuthorOrDate(blocks, lines, from, reading);
  if (heading === from) return from;
  if (first.text.length > MAX_TITLE_CHARS) return heading;
  if (
    heading === null ||
    (countryFromTitle(first.text, reading.language) !== null &&
      countryFromTitle(lines[heading]!.text, reading.language) === null)
  )
    return from;
  return heading;
}

function firstHeadingBeforeAuthorOrDate(
  blocks: Block[],
  lines: HeaderLine[],
  from: number,
  reading: Reading,
): number | null {
  for (let k = from; k < lines.length; k++) {
    if (lines[k]!.headingLevel !== null && isHeadingLike(blocks[lines[k]!.block], reading)) return k;
    if (authorOrDateFromLine(lines[k]!.text, reading) !== null) return null;
  }
  return null;
}

// Within the next two lines, before any heading.
function labelledLineFollows(lines: HeaderLine[], k: number, reading: Reading): boolean {
  for (const next of lines.slice(k + 1, k + 3)) {
    if (labelledOrDate(next.text, reading)) return true;
    if (next.headingLevel !== null) return false;
  }
  return false;
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
