import { listMarkerFromText } from '../../blocks/list-marker.js';
import type { Block, Span, TableBlock } from '../../blocks/model.js';
import { spansMerged, spansWithoutPrefix } from '../../blocks/spans.js';
import type { PdfLine } from './pdf-lines.js';
import { tablesFromLines, type PdfTable } from './pdf-tables.js';

/**
 * Lines (page furniture already removed) into blocks: tables first, then headings
 * by font size, list items by their printed number, paragraphs by spacing.
 */

// Sizes closer than this (points) are one size; PDF producers round differently.
const SIZE_STEP = 0.5;
// A line this much larger than body text is a heading.
const HEADING_EXTRA = 0.9;
// Lines of one block sit at most this many line pitches apart.
const BLOCK_PITCHES = 1.35;
// A list item's number is indented under another item's when it sits this many font sizes further right.
const NESTING_INDENT = 0.5;
// A line ending within this many font sizes of the right margin runs full width.
const FULL_LINE_SLACK = 4;
// A bullet set apart from its text, as word processors print unnumbered list items.
const BULLET = /^[•◦▪▫‣⁃●○■□–—*·-]$/;

interface OpenBlock {
  kind: 'paragraph' | 'list-item' | 'heading';
  lines: PdfLine[];
  spans: Span[][];
  marker?: string;
  number?: number;
  markerX: number;
  textX: number;
  depth: number;
  level: number;
}

const roundSize = (size: number): number => Math.round(size / SIZE_STEP) * SIZE_STEP;

/** The most common font size, counted by characters. */
function bodySizeOf(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(roundSize(line.size), (counts.get(roundSize(line.size)) ?? 0) + line.text.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) if (count > bestCount) [best, bestCount] = [size, count];
  return best;
}

/** Ordinary distance between two lines of one paragraph, per font size, learnt from the document. */
function pitchFinder(lines: readonly PdfLine[]): (size: number) => number {
  const bySize = new Map<number, Map<number, number>>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.area !== b.area || roundSize(a.size) !== roundSize(b.size) || a.segments.length > 2 || b.segments.length > 2) continue;
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

export function blocksFromLines(lines: readonly PdfLine[]): Block[] {
  const bodySize = bodySizeOf(lines);
  const pitchOf = pitchFinder(lines);
  const tables = tablesJoinedAcrossPages(lines, tablesFromLines(lines, pitchOf));
  const tableAt = new Map(tables.map((table) => [table.start, table]));
  const inTable = new Set(tables.flatMap((table) => table.parts.flatMap(([s, e]) => range(s, e))));
  const rightEdge = rightEdgesByPage(lines);
  const textSizes = textSizesOf(lines.filter((_, i) => !inTable.has(i)), rightEdge, pitchOf);
  const spacedParagraphs = paragraphsSpaced(lines, inTable, pitchOf, rightEdge);
  const plainSizes = plainSizesAmongBold(lines.filter((line, i) => !inTable.has(i) && isHeadingSize(line, bodySize, textSizes)));
  const isHeading = (line: PdfLine): boolean => isHeadingSize(line, bodySize, textSizes) && !plainSizes.has(roundSize(line.size));
  const headingSizes = [
    ...new Set(lines.filter((line, i) => !inTable.has(i) && isHeading(line)).map((line) => roundSize(line.size))),
  ].sort((a, b) => b - a);

  const blocks: Block[] = [];
  // Where each item's number was printed, for nesting later items under it.
  const markerXs = new Map<Block, number>();
  let open: OpenBlock | null = null;
  const close = (): void => {
    if (!open) return;
    const block = blockFromOpen(open);
    if (block.kind === 'list-item') markerXs.set(block, open.markerX);
    blocks.push(block);
    open = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const table = tableAt.get(i);
    if (table) {
      close();
      blocks.push(table.block);
      continue;
    }
    if (inTable.has(i)) continue;
    const line = lines[i]!;
    const previous = open ? (open as OpenBlock).lines[(open as OpenBlock).lines.length - 1]! : null;

    if (isHeading(line)) {
      const level = headingSizes.indexOf(roundSize(line.size)) + 1;
      if (
        open?.kind === 'heading' && open.level === level && previous && near(previous, line, pitchOf) &&
        !endsParagraph(previous, line, rightEdge.get(previous.area) ?? previous.right)
      ) {
        open.lines.push(line);
        open.spans.push(line.spans);
        continue;
      }
      close();
      open = { kind: 'heading', lines: [line], spans: [line.spans], markerX: indentOf(line), textX: indentOf(line), depth: 0, level };
      continue;
    }

    const marker = listMarkerFromText(line.text);
    if (marker) {
      close();
      const textX = line.segments[0]!.text === marker.marker && line.segments[1] ? line.segments[1].x : line.x;
      const depth = depthOf(blocks, markerXs, indentOf(line), line.size);
      open = {
        kind: 'list-item', lines: [line], spans: [spansWithoutPrefix(line.spans, line.text.length - marker.rest.length)],
        marker: marker.marker, number: marker.number, markerX: indentOf(line), textX: textX - line.areaLeft, depth, level: 0,
      };
      continue;
    }

    if (open && previous && continuesBlock(open, previous, line, pitchOf, rightEdge, spacedParagraphs)) {
      open.lines.push(line);
      open.spans.push(line.spans);
      continue;
    }
    close();
    const bulleted = BULLET.test(line.segments[0]!.text) && line.segments.length > 1;
    const textX = bulleted ? line.segments[1]!.x : line.x;
    open = { kind: 'paragraph', lines: [line], spans: [line.spans], markerX: indentOf(line), textX: textX - line.areaLeft, depth: 0, level: 0 };
  }
  close();
  return blocks;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k);
}

/**
 * Sizes used for running text: their lines wrap (run to the right margin and go on
 * in the line below), as headings seldom do. A report may set its list items smaller
 * than its paragraphs, so "larger than the commonest size" alone would make headings
 * of every paragraph.
 */
function textSizesOf(lines: readonly PdfLine[], rightEdge: Map<string, number>, pitchOf: (size: number) => number): Set<number> {
  const all = new Map<number, number>();
  const wrapped = new Map<number, number>();
  lines.forEach((line, i) => {
    const size = roundSize(line.size);
    all.set(size, (all.get(size) ?? 0) + 1);
    const next = lines[i + 1];
    const edge = rightEdge.get(line.area) ?? line.right;
    const wraps =
      next !== undefined && roundSize(next.size) === size && near(line, next, pitchOf) &&
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

function near(a: PdfLine, b: PdfLine, pitchOf: (size: number) => number): boolean {
  return a.area === b.area && a.y - b.y <= BLOCK_PITCHES * pitchOf(Math.max(a.size, b.size));
}

/** Depth of a new item: one deeper than the nearest earlier item whose number sits clearly further left. */
function depthOf(blocks: readonly Block[], markerXs: Map<Block, number>, markerX: number, size: number): number {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading' || block.kind === 'table') return 0;
    if (block.kind !== 'list-item') continue;
    const x = markerXs.get(block) ?? markerX;
    if (markerX > x + NESTING_INDENT * size) return block.depth + 1;
    if (Math.abs(markerX - x) <= NESTING_INDENT * size) return block.depth;
  }
  return 0;
}

/** The right margin of each page or column: where its longest line ends. */
function rightEdgesByPage(lines: readonly PdfLine[]): Map<string, number> {
  const edges = new Map<string, number>();
  for (const line of lines) edges.set(line.area, Math.max(edges.get(line.area) ?? 0, line.right));
  return edges;
}

/** How far a line starts from the left edge of its page or column. */
function indentOf(line: PdfLine): number {
  return line.x - line.areaLeft;
}

/**
 * A paragraph line ends its paragraph when the next line's first word would have
 * fitted after it: the writer broke the line, not the page width.
 */
function endsParagraph(line: PdfLine, next: PdfLine, rightEdge: number): boolean {
  const firstWord = next.text.split(/\s/, 1)[0] ?? '';
  const charWidth = (next.right - next.x) / Math.max(1, next.text.length);
  return line.right + (firstWord.length + 1) * charWidth < rightEdge - 0.5 * charWidth;
}

function continuesBlock(
  open: OpenBlock,
  previous: PdfLine,
  line: PdfLine,
  pitchOf: (size: number) => number,
  rightEdge: Map<string, number>,
  spacedParagraphs: boolean,
): boolean {
  if (open.kind === 'heading') return false;
  if (roundSize(line.size) !== roundSize(previous.size)) return false;
  // A new page or column: the flow goes on at the top of the next one.
  const newPage = line.area !== previous.area;
  if (!newPage && !near(previous, line, pitchOf)) return false;
  const tolerance = line.size;
  if (open.kind === 'list-item') {
    const x = indentOf(line);
    if (newPage) return Math.abs(x - open.textX) <= 1.5 * tolerance || Math.abs(x - open.markerX) <= 0.5 * tolerance;
    return x >= open.markerX - 0.5 * tolerance;
  }
  // A short line printed wholly bold stands alone: writers use it as a heading.
  const firstLine = open.lines[0]!;
  if (line.bold !== firstLine.bold && (line.bold || open.lines.every((l) => l.bold))) return false;
  const x = indentOf(line);
  if (Math.abs(x - open.markerX) > tolerance && x < open.markerX) return false;
  // A line indented past the one above starts a new paragraph (first-line indent),
  // unless it lines up with the text after a bullet.
  if (x > indentOf(previous) + tolerance && Math.abs(x - open.textX) > tolerance) return false;
  const edge = rightEdge.get(previous.area) ?? previous.right;
  // Where paragraphs are set apart by space, a short line followed at the usual
  // distance is a line break inside the paragraph; elsewhere it ends the paragraph.
  if (spacedParagraphs && !newPage) return true;
  return !endsParagraph(previous, line, edge);
}

/**
 * Whether the document separates paragraphs with extra space: most places where a
 * line stops short of the margin and another line follows are further apart than
 * the line pitch.
 */
function paragraphsSpaced(
  lines: readonly PdfLine[], skip: Set<number>, pitchOf: (size: number) => number, rightEdge: Map<string, number>,
): boolean {
  let spaced = 0;
  let tight = 0;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (skip.has(i) || skip.has(i - 1) || a.area !== b.area || roundSize(a.size) !== roundSize(b.size)) continue;
    if (a.bold || b.bold || a.segments.length > 1 || b.segments.length > 1 || listMarkerFromText(b.text)) continue;
    if (!endsParagraph(a, b, rightEdge.get(a.area) ?? a.right)) continue;
    const gap = a.y - b.y;
    if (gap > 3 * pitchOf(a.size)) continue;
    if (gap > BLOCK_PITCHES * pitchOf(a.size)) spaced += 1;
    else tight += 1;
  }
  return spaced >= 1 && spaced >= tight;
}

function blockFromOpen(open: OpenBlock): Block {
  const page = open.lines[0]!.page;
  if (open.kind === 'heading') {
    const spans = spansMerged(open.spans.flatMap((line, i) => (i === 0 ? line : [{ text: ' ' }, ...line])));
    return { kind: 'heading', level: open.level, text: spans.map((s) => s.text).join(''), spans, source: { page } };
  }
  const spans = spansOfLines(open.spans);
  const text = spans.map((s) => s.text).join('');
  if (open.kind === 'list-item') {
    return { kind: 'list-item', marker: open.marker!, number: open.number!, text, spans, depth: open.depth, source: { page } };
  }
  return { kind: 'paragraph', text, spans, source: { page } };
}

/**
 * Joins lines with '\n'. The break takes the emphasis of the words on both sides when
 * they share it, so a bold phrase wrapped over two lines stays one bold span, and
 * white space at the edges of an emphasised span is moved out of it.
 */
function spansOfLines(lines: readonly Span[][]): Span[] {
  const out: Span[] = [];
  lines.forEach((rawLine, i) => {
    const line = spansMerged(rawLine.flatMap(plainEdges));
    const before = out[out.length - 1];
    const after = line[0];
    const shared = before && after && Boolean(before.bold) === Boolean(after.bold) && Boolean(before.italic) === Boolean(after.italic);
    if (i > 0) out.push(shared ? { ...after, text: '\n' } : { text: '\n' });
    out.push(...line);
  });
  return spansMerged(out);
}

function plainEdges(span: Span): Span[] {
  if (!span.bold && !span.italic) return [span];
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text)!;
  const [, lead = '', core = '', trail = ''] = match;
  return [{ text: lead }, { ...span, text: core }, { text: trail }];
}

interface JoinedTable {
  start: number;
  parts: [number, number][];
  block: TableBlock;
}

/**
 * A table that fills the end of one page and whose layout carries on at the top of
 * the next is one table; a header row the word processor repeated is dropped.
 */
function tablesJoinedAcrossPages(lines: readonly PdfLine[], tables: readonly PdfTable[]): JoinedTable[] {
  const joined: JoinedTable[] = [];
  let last: { table: JoinedTable; columns: number; end: number } | null = null;
  for (const table of tables) {
    const startsPage = table.start > 0 && lines[table.start - 1]!.page !== lines[table.start]!.page;
    if (last && startsPage && last.end === table.start && last.columns === table.columns) {
      const header = last.table.block.rows.slice(0, last.table.block.headerRows).map((row) => row.join('\u0000'));
      let rows = table.rows;
      while (rows.length > 0 && header.includes(rows[0]!.join('\u0000'))) rows = rows.slice(1);
      last.table.block.rows.push(...rows);
      last.table.parts.push([table.start, table.end]);
      last.end = table.end;
      continue;
    }
    const block: TableBlock = { kind: 'table', rows: table.rows.map((row) => [...row]), headerRows: table.headerRows, source: { page: lines[table.start]!.page } };
    const entry: JoinedTable = { start: table.start, parts: [[table.start, table.end]], block };
    joined.push(entry);
    last = { table: entry, columns: table.columns, end: table.end };
  }
  return joined;
}
