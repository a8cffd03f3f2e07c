import { listMarkerFromText } from '../../blocks/list-marker.js';
import type { PdfLine } from './pdf-lines.js';

/**
 * What a document's lines say about its typesetting, measured once: the body font
 * size, the line pitch per size, each page's (or column's) right margin, which sizes
 * are headings, whether paragraphs are set apart by space. Block building asks these
 * questions line by line.
 */

// Sizes closer than this (points) are one size; PDF producers round differently.
const SIZE_STEP = 0.5;
// A line this much larger than body text is a heading.
const HEADING_EXTRA = 0.9;
// Lines of one block sit at most this many line pitches apart.
const BLOCK_PITCHES = 1.35;
// A line ending within this many font sizes of the right margin runs full width.
const FULL_LINE_SLACK = 4;

export const roundSize = (size: number): number => Math.round(size / SIZE_STEP) * SIZE_STEP;

export interface Layout {
  pitchOf(size: number): number;
  /** The two lines are close enough to belong to one block. */
  near(a: PdfLine, b: PdfLine): boolean;
  /** `line` stops short where `next`'s first word would still have fitted. */
  endsParagraph(line: PdfLine, next: PdfLine): boolean;
  /** 1 for the largest heading size, null for a line that is not heading-sized. */
  headingLevel(line: PdfLine): number | null;
  spacedParagraphs: boolean;
}

/** Measures the layout; `skip` holds the indexes of lines that are table rows. */
export function layoutOf(
  lines: readonly PdfLine[],
  skip: ReadonlySet<number>,
  pitchOf: (size: number) => number,
): Layout {
  const edges = rightEdgesByPage(lines);
  const near = (a: PdfLine, b: PdfLine): boolean => nearLines(a, b, pitchOf);
  const endsParagraph = (line: PdfLine, next: PdfLine): boolean =>
    endsBefore(line, next, edges.get(line.area) ?? line.right);
  const text = lines.filter((_, i) => !skip.has(i));
  const bodySize = bodySizeOf(lines);
  const textSizes = textSizesOf(text, edges, pitchOf);
  const candidates = text.filter((line) => isHeadingSize(line, bodySize, textSizes));
  const plainSizes = plainSizesAmongBold(candidates);
  const headingSizes = [...new Set(candidates.map((line) => roundSize(line.size)))]
    .filter((size) => !plainSizes.has(size))
    .sort((a, b) => b - a);
  return {
    pitchOf,
    near,
    endsParagraph,
    headingLevel: (line) => {
      const index = headingSizes.indexOf(roundSize(line.size));
      return index >= 0 && isHeadingSize(line, bodySize, textSizes) ? index + 1 : null;
    },
    spacedParagraphs: paragraphsSpaced(lines, skip, pitchOf, endsParagraph),
  };
}

/** How far a line starts from the left edge of its page or column. */
export function indentOf(line: PdfLine): number {
  return line.x - line.areaLeft;
}

/** The most common font size, counted by characters. */
function bodySizeOf(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines)
    counts.set(roundSize(line.size), (counts.get(roundSize(line.size)) ?? 0) + line.text.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) if (count > bestCount) [best, bestCount] = [size, count];
  return best;
}

/** Ordinary distance between two lines of one paragraph, per font size, learnt from the document. */
export function pitchFinder(lines: readonly PdfLine[]): (size: number) => number {
  const bySize = new Map<number, Map<number, number>>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.area !== b.area || roundSize(a.size) !== roundSize(b.size) || a.segments.length > 2 || b.segments.length > 2)
      continue;
    const pitch = Math.round((a.y - b.y) * 10) / 10;
    if (pitch < 0.9 * a.size || pitch > 1.8 * a.size) continue;
    const counts = bySize.get(roundSize(a.size)) ?? new Map<number, number>();
    counts.set(pitch, (counts.get(pitch) ?? 0) + 1);
    bySize.set(roundSize(a.size), counts);
  }
  const modes = new Map<number, number>();
  for (const [size, counts] of bySize) {
    // Rounding splits one pitch over neighbouring tenths; the largest frequent one is the pitch.
    const top = Math.max(...counts.values());
    modes.set(size, Math.max(...[...counts].filter(([, n]) => n >= top / 2).map(([pitch]) => pitch)));
  }
  return (size) => modes.get(roundSize(size)) ?? 1.17 * size;
}

/**
 * Sizes used for running text: their lines wrap (run to the right margin and go on
 * in the line below), as headings seldom do. A report may set its list items smaller
 * than its paragraphs, so "larger than the commonest size" alone would make headings
 * of every paragraph.
 */
function textSizesOf(
  lines: readonly PdfLine[],
  rightEdge: Map<string, number>,
  pitchOf: (size: number) => number,
): Set<number> {
  const all = new Map<number, number>();
  const wrapped = new Map<number, number>();
  lines.forEach((line, i) => {
    const size = roundSize(line.size);
    all.set(size, (all.get(size) ?? 0) + 1);
    const next = lines[i + 1];
    const edge = rightEdge.get(line.area) ?? line.right;
    const wraps =
      next !== undefined &&
      roundSize(next.size) === size &&
      nearLines(line, next, pitchOf) &&
      line.right >= edge - FULL_LINE_SLACK * line.size;
    // A bold line that wraps is more likely a long heading than running text: it counts half.
    if (wraps) wrapped.set(size, (wrapped.get(size) ?? 0) + (line.bold ? 0.5 : 1));
  });
  const sizes = new Set<number>();
  for (const [size, count] of wrapped) if (count >= 1 && count >= 0.1 * all.get(size)!) sizes.add(size);
  return sizes;
}

/**
 * When a document prints its larger-size headings bold, larger text that is never
 * bold is something else (a paragraph style set larger than the list items), not a
 * heading. Documents whose headings are all plain keep them.
 */
function plainSizesAmongBold(candidates: readonly PdfLine[]): Set<number> {
  const share = new Map<number, { bold: number; all: number }>();
  for (const line of candidates) {
    const entry = share.get(roundSize(line.size)) ?? { bold: 0, all: 0 };
    entry.all += 1;
    if (line.bold) entry.bold += 1;
    share.set(roundSize(line.size), entry);
  }
  const boldSizes = [...share.values()].some((e) => e.bold >= 0.9 * e.all);
  return new Set(boldSizes ? [...share].filter(([, e]) => e.bold === 0).map(([size]) => size) : []);
}

function isHeadingSize(line: PdfLine, bodySize: number, textSizes: Set<number>): boolean {
  const size = roundSize(line.size);
  return size >= bodySize + HEADING_EXTRA && !textSizes.has(size);
}

function nearLines(a: PdfLine, b: PdfLine, pitchOf: (size: number) => number): boolean {
  return a.area === b.area && a.y - b.y <= BLOCK_PITCHES * pitchOf(Math.max(a.size, b.size));
}

/** The right margin of each page or column: where its longest line ends. */
function rightEdgesByPage(lines: readonly PdfLine[]): Map<string, number> {
  const edges = new Map<string, number>();
  for (const line of lines) edges.set(line.area, Math.max(edges.get(line.area) ?? 0, line.right));
  return edges;
}

/**
 * A paragraph line ends its paragraph when the next line's first word would have
 * fitted after it: the writer broke the line, not the page width.
 */
function endsBefore(line: PdfLine, next: PdfLine, rightEdge: number): boolean {
  const firstWord = next.text.split(/\s/, 1)[0] ?? '';
  const charWidth = (next.right - next.x) / Math.max(1, next.text.length);
  return line.right + (firstWord.length + 1) * charWidth < rightEdge - 0.5 * charWidth;
}

/**
 * Whether the document separates paragraphs with extra space: most places where a
 * line stops short of the margin and another line follows are further apart than
 * the line pitch.
 */
function paragraphsSpaced(
  lines: readonly PdfLine[],
  skip: ReadonlySet<number>,
  pitchOf: (size: number) => number,
  endsParagraph: (line: PdfLine, next: PdfLine) => boolean,
): boolean {
  let spaced = 0;
  let tight = 0;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (skip.has(i) || skip.has(i - 1) || a.area !== b.area || roundSize(a.size) !== roundSize(b.size)) continue;
    if (a.bold || b.bold || a.segments.length > 1 || b.segments.length > 1 || listMarkerFromText(b.text)) continue;
    if (!endsParagraph(a, b)) continue;
    const gap = a.y - b.y;
    if (gap > 3 * pitchOf(a.size)) continue;
    if (gap > BLOCK_PITCHES * pitchOf(a.size)) spaced += 1;
    else tight += 1;
  }
  return spaced >= 1 && spaced >= tight;
}
