import type { Block } from '../blocks/model.js';
import type { Reading } from './reading.js';
import { headerCellsFromLine } from './text-tables.js';

/**
 * The document outline: which blocks act as headings and under which section and
 * subject every other block sits. Real headings carry their adapter's level; short
 * bold (or all-capitals) lines standing alone act as headings without one, and get
 * a level from where they stand.
 */

export interface Placement {
  section: string | null;
  subject: string | null;
}

export interface Outline {
  /** Per block index: true for a block that acts as a heading. */
  isHeading: boolean[];
  /** Per block index: the section and subject a content block sits under. */
  placement: Placement[];
}

const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 12;

/** A paragraph that reads as a heading: one short line, all bold or all capitals, no final stop. */
export function isPseudoHeading(block: Block): boolean {
  if (block.kind !== 'paragraph') return false;
  const text = block.text.trim();
  if (text === '' || text.includes('\n') || text.length > MAX_HEADING_CHARS) return false;
  if (text.split(/\s+/u).length > MAX_HEADING_WORDS || /[.;,]$/u.test(text)) return false;
  return isAllBold(block.spans, text) || isCapitalsTitle(text);
}

/** Whether a block acts as a heading: a real one, or a pseudo-heading line. */
export function isHeadingLike(block: Block | undefined, reading: Reading): boolean {
  if (!block) return false;
  // The header line of a score table printed as text, bold or large as it may be.
  if (
    (block.kind === 'heading' || block.kind === 'paragraph') &&
    headerCellsFromLine(block.text, reading, block.source.confidence !== undefined) !== null
  )
    return false;
  if (block.kind === 'heading')
    return block.text.trim() !== '' && !isProse(block.text, block.source.confidence !== undefined);
  return isPseudoHeading(block);
}

// A list's or table's title is a word or a few, as "Country", "International", "Regional bodies".
const MAX_TITLE_WORDS = 3;

/**
 * A line read by OCR that titles the list or table after it. A sub-heading set a point
 * larger than the text, or bold where a photo's blur hides the weight, is told by its type
 * on a born-digital page but not on a scan, whose measured sizes wander by more than a
 * point; its shape still tells it: a line of a few words opening with a capital, no closing
 * stop, alone right before a table or a list's first item.
 */
function isRecognisedTitle(block: Block, next: Block | undefined): boolean {
  if (block.kind !== 'paragraph' || block.source.confidence === undefined) return false;
  const opensList = next?.kind === 'list-item' && next.number === 1 && next.depth === 0;
  if (!opensList && next?.kind !== 'table') return false;
  const text = block.text.trim();
  return (
    !text.includes('\n') &&
    text.split(/\s+/u).length <= MAX_TITLE_WORDS &&
    /^\p{Lu}/u.test(text) &&
    !/[.;,!?]$/u.test(text)
  );
}

// OCR takes a capital I at the start of a heading for a small i or l ("international").
const MISREAD_CAPITAL_I = /^[il]\p{Ll}+(?:\s+\p{L}+){0,3}$/u;

/**
 * A sentence or a long text marked as a heading is prose all the same: layout
 * guesses (large type in a PDF) and careless styles should not make it a section. A
 * recognised heading of a few words whose first letter may be a misread capital I is
 * not taken for prose for that letter alone.
 */
function isProse(text: string, recognised = false): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 150) return true;
  if (/^\p{Ll}/u.test(trimmed) && !(recognised && MISREAD_CAPITAL_I.test(trimmed))) return true;
  return /[^.]\.$/u.test(trimmed) && trimmed.split(/\s+/u).length >= 8;
}

function isAllBold(spans: { text: string; bold?: boolean }[], text: string): boolean {
  const visible = (s: string) => s.replace(/\s+/gu, '');
  const bold = spans
    .filter((s) => s.bold)
    .map((s) => visible(s.text))
    .join('');
  return bold !== '' && bold.length === visible(text).length && spans.every((s) => s.bold || visible(s.text) === '');
}

// "MOST IMPORTANT DEVELOPMENTS": at least two words, every letter upper case.
function isCapitalsTitle(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && /\p{L}{3}/u.test(text) && !/\p{Ll}/u.test(text);
}

interface OpenSection {
  level: number;
  text: string;
  real: boolean;
  subject: string | null;
  /** Whether the subject came from a real heading (not a bold line). */
  subjectReal: boolean;
  hadDirectContent: boolean;
  /** Kinds of content seen in the section so far. */
  kinds: Set<ContentKind>;
}

/** Walks the body (blocks from `bodyStart`) once and places every block. */
export function outlineFromBlocks(blocks: Block[], bodyStart: number, reading: Reading): Outline {
  const isHeading = blocks.map(
    (block, i) => i >= bodyStart && (isHeadingLike(block, reading) || isRecognisedTitle(block, blocks[i + 1])),
  );
  const placement: Placement[] = blocks.map(() => ({ section: null, subject: null }));
  const realLevels = new Set(blocks.flatMap((b, i) => (isHeading[i] && b.kind === 'heading' ? [b.level] : [])));
  // Levels tell sections from subjects only when there are at least two of them; a
  // flat outline (all one level, or bold lines only) is read from the order of lines.
  const levelled = realLevels.size >= 2;
  let topLevel = 1;
  if (levelled) topLevel = [...realLevels].reduce((low, level) => Math.min(low, level));

  const wrapped = wrappedHeadingParts(blocks, isHeading);
  let section: OpenSection | null = null;
  let previousLevel: number | null = null;
  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (wrapped[i]) continue;
    if (!isHeading[i]) {
      previousLevel = null;
      if (section) {
        const kind = contentKindOf(block);
        if (kind) section.kinds.add(kind);
        if (section.subject === null) section.hadDirectContent = true;
        placement[i] = { section: section.text, subject: section.subject };
      }
      continue;
    }
    if (levelled && section?.subjectReal && block.kind === 'paragraph' && blocks[i + 1]?.kind === 'table') {
      // A bold line between a real sub-heading and its table titles the table (a
      // converter took a merged title row out of it, or the author typed a caption).
      isHeading[i] = false;
      placement[i] = { section: section.text, subject: section.subject };
      continue;
    }
    let last = i;
    while (wrapped[last + 1]) last++;
    const text = blocks
      .slice(i, last + 1)
      .map(headingTextFromBlock)
      .join(' ');
    const level: number =
      levelled && block.kind === 'heading'
        ? block.level
        : pseudoLevel(blocks, last, { section, previousLevel, levelled, topLevel, reading });
    if (section === null || level <= section.level) {
      section = {
        level,
        text,
        real: block.kind === 'heading',
        subject: null,
        subjectReal: false,
        hadDirectContent: false,
        kinds: new Set(),
      };
    } else {
      section.subject = text;
      section.subjectReal = block.kind === 'heading';
    }
    previousLevel = level;
  }
  return { isHeading, placement };
}

/**
 * Heading lines that carry on the heading before them: a line too narrow for the
 * heading (a PDF column, a large font) leaves its rest on a line of the same kind
 * that opens in lower case ("Most important" + "developments"). Such parts are marked
 * as headings so that no reader takes them for content.
 */
function wrappedHeadingParts(blocks: Block[], isHeading: boolean[]): boolean[] {
  const wrapped = blocks.map(() => false);
  for (let i = 1; i < blocks.length; i++) {
    const before = blocks[i - 1]!;
    const block = blocks[i]!;
    if (
      !isHeading[i - 1] ||
      (before.kind !== 'heading' && before.kind !== 'paragraph') ||
      /[.:;!?]\s*$/u.test(before.text)
    )
      continue;
    if (block.kind === 'heading') {
      if (before.kind !== 'heading' || block.level !== before.level) continue;
    } else if (block.kind !== 'paragraph' || before.kind !== 'paragraph' || !isPseudoHeading(block)) {
      continue;
    }
    if (!/^\s*\p{Ll}/u.test(block.text) || !isShortLine(block.text)) continue;
    wrapped[i] = true;
    isHeading[i] = true;
  }
  return wrapped;
}

function isShortLine(text: string): boolean {
  const trimmed = text.trim();
  return (
    !trimmed.includes('\n') &&
    trimmed.length <= MAX_HEADING_CHARS &&
    trimmed.split(/\s+/u).length <= MAX_HEADING_WORDS &&
    !/[.;,]$/u.test(trimmed)
  );
}

interface PseudoContext {
  section: OpenSection | null;
  previousLevel: number | null;
  levelled: boolean;
  topLevel: number;
  reading: Reading;
}

type ContentKind = 'table' | 'list';

function contentKindOf(block: Block): ContentKind | null {
  return block.kind === 'table' ? 'table' : block.kind === 'list-item' ? 'list' : null;
}

/** The first table or list under a heading, before the next heading. */
function contentKindAfter(blocks: Block[], index: number, reading: Reading): ContentKind | null {
  for (let i = index + 1; i < blocks.length && !isHeadingLike(blocks[i], reading); i++) {
    const kind = contentKindOf(blocks[i]!);
    if (kind) return kind;
  }
  return null;
}

/**
 * A level for a heading line whose own level says nothing. Two heading lines in a
 * row: the first is a section, the second its subject. A lone line followed by
 * content is a subject of the open section, unless that section already had
 * content of its own without any subject, or held another kind of content (tables
 * where this line leads to a list): then the line starts the next section.
 */
function pseudoLevel(blocks: Block[], index: number, context: PseudoContext): number {
  const next = blocks[index + 1];
  if (isHeadingLike(next, context.reading)) {
    const nextLevel = context.levelled && next!.kind === 'heading' ? next!.level : null;
    return nextLevel === null ? context.topLevel : Math.min(context.topLevel, nextLevel - 1);
  }
  if (context.previousLevel !== null) return context.previousLevel + 1;
  const section = context.section;
  if (section === null) return context.topLevel;
  if (context.levelled && section.real) return section.level + 1;
  const kind = contentKindAfter(blocks, index, context.reading);
  if (kind !== null && section.kinds.size > 0 && !section.kinds.has(kind)) return section.level;
  if (!section.hadDirectContent) return section.level + 1;
  return section.level;
}

/** A heading's text on one line, without the colon some authors put after it ("Country:"). */
export function headingTextFromBlock(block: Block): string {
  const text = block.kind === 'heading' || block.kind === 'paragraph' ? block.text : '';
  return text.replace(/\s+/gu, ' ').trim().replace(/\s*:$/u, '');
}
