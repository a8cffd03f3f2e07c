import { listMarkerFromText, type ListMarker } from '../../blocks/list-marker.js';
import type { Block, Span, TableBlock } from '../../blocks/model.js';
import { spansBetween, spansMerged, spansWithoutPrefix } from '../../blocks/spans.js';
import { indentOf, layoutOf, pitchFinder, roundSize, type Layout } from './pdf-layout.js';
import { sourceOfLines, type PdfLine } from './pdf-lines.js';
import { linesWithRunCells } from './pdf-run-cells.js';
import { tablesFromLines, type PdfTable } from './pdf-tables.js';

/**
 * Lines (page furniture already removed) into blocks: tables first, then headings
 * by font size, list items by their printed number, paragraphs by spacing.
 */

// A list item's number is indented under another item's when it sits this many font sizes further right.
const NESTING_INDENT = 0.5;
// Line distance, in font sizes, of text set single-spaced (fonts use 1.15 to 1.25).
const SINGLE_SPACING = 1.3;
// A bullet set apart from its text, as word processors print unnumbered list items.
const BULLET = /^[•◦▪▫‣⁃●○■□–—*·-]$/;
// A Markdown heading as a printed Markdown file shows it: one to six `#`, a space, the words, maybe closing `#`s.
const MARKDOWN_HEADING = /^(#{1,6})\s+(\S.*?)(?:\s+#+)?\s*$/u;

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

/**
 * Two lines of one heading size set at plain single spacing are one heading that
 * wrapped, even where the first line stops short (a heading style narrower than the
 * page, a break before a long word); separate headings have space between them.
 */
function singleSpaced(upper: PdfLine, lower: PdfLine): boolean {
  return (
    upper.area === lower.area &&
    roundSize(upper.size) === roundSize(lower.size) &&
    upper.y - lower.y <= SINGLE_SPACING * lower.size
  );
}

export function blocksFromLines(pageLines: readonly PdfLine[]): Block[] {
  const pitchOf = pitchFinder(pageLines);
  const lines = linesWithRunCells(pageLines, pitchOf);
  const tables = tablesJoinedAcrossPages(lines, tablesFromLines(lines, pitchOf));
  const tableAt = new Map(tables.map((table) => [table.start, table]));
  const inTable = new Set(tables.flatMap((table) => table.parts.flatMap(([s, e]) => range(s, e))));
  const layout = layoutOf(lines, inTable, pitchOf);

  const blocks: Block[] = [];
  // Where each item's number (and each paragraph's first line) was printed, for nesting later items.
  const markerXs = new Map<Block, number>();
  let open: OpenBlock | null = null;
  const close = (): void => {
    if (!open) return;
    const block = blockFromOpen(open);
    if (block.kind === 'list-item' || block.kind === 'paragraph') markerXs.set(block, open.markerX);
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

    const marked = markdownHeading(line);
    if (marked) {
      close();
      blocks.push(marked);
      continue;
    }

    const level = layout.headingLevel(line);
    if (level !== null) {
      const wraps =
        previous !== null &&
        (singleSpaced(previous, line) || (layout.near(previous, line) && !layout.endsParagraph(previous, line)));
      if (open?.kind === 'heading' && open.level === level && wraps) {
        open.lines.push(line);
        open.spans.push(line.spans);
        continue;
      }
      close();
      open = {
        kind: 'heading',
        lines: [line],
        spans: [line.spans],
        markerX: indentOf(line),
        textX: indentOf(line),
        depth: 0,
        level,
      };
      continue;
    }

    const printed = listMarkerFromText(line.text);
    const lost: LostNumber | null = printed
      ? null
      : (lostNumberAfter(open as OpenBlock | null, line) ?? numberWithoutMark(lines, i, layout));
    const marker: ListMarker | null = printed ?? lost?.marker ?? null;
    if (marker) {
      close();
      const textX = textAfterMarker(line, line.text.slice(0, line.text.length - marker.rest.length).trim());
      // A number whose digits were lost stood where the number of the item before it stands.
      const markerX: number = lost?.markerX ?? indentOf(line);
      open = {
        kind: 'list-item',
        lines: [line],
        spans: [spansWithoutPrefix(line.spans, line.text.length - marker.rest.length)],
        marker: marker.marker,
        number: marker.number,
        markerX,
        textX: textX - line.areaLeft,
        depth: lost?.depth ?? depthOf(blocks, markerXs, markerX, line.size),
        level: 0,
      };
      continue;
    }

    if (open && previous && continuesBlock(open, previous, line, layout)) {
      open.lines.push(line);
      open.spans.push(line.spans);
      continue;
    }
    close();
    const bulleted = BULLET.test(line.segments[0]!.text) && line.segments.length > 1;
    const textX = bulleted ? line.segments[1]!.x : line.x;
    open = {
      kind: 'paragraph',
      lines: [line],
      spans: [line.spans],
      markerX: indentOf(line),
      textX: textX - line.areaLeft,
      depth: 0,
      level: 0,
    };
  }
  close();
  return blocks;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k);
}

/**
 * Depth of a new item: one deeper than the nearest earlier item whose number sits clearly
 * further left. A paragraph standing clearly left of the new number (a sub-heading set as a
 * bold line, a lead-in) starts the list afresh, as a heading does: the items before it are
 * another list, whatever their numbers' indent.
 */
function depthOf(blocks: readonly Block[], markerXs: Map<Block, number>, markerX: number, size: number): number {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading' || block.kind === 'table') return 0;
    if (block.kind === 'paragraph' && markerXs.get(block)! < markerX - NESTING_INDENT * size) return 0;
    if (block.kind !== 'list-item') continue;
    const x = markerXs.get(block) ?? markerX;
    if (markerX > x + NESTING_INDENT * size) return block.depth + 1;
    if (Math.abs(markerX - x) <= NESTING_INDENT * size) return block.depth;
  }
  return 0;
}

/** Where an item's text starts: after its number when the number stands apart, else at the line's start. */
function textAfterMarker(line: PdfLine, printed: string): number {
  for (const pieces of [line.segments, line.runPieces]) {
    if (pieces[0]!.text === printed && pieces[1]) return pieces[1].x;
  }
  return line.x;
}

// What the engine leaves of a list number whose digits it dropped: the full stop.
const NUMBER_WITHOUT_DIGITS = /^[.,][ \t]+(?=\S)/;

/**
 * The marker of a recognised line whose list number lost its digits. OCR's page layout
 * can take the digits set apart in a hanging indent for specks and drop them, leaving
 * the full stop: a line that starts with a lone full stop in the indent of an open
 * numbered item, its text where that item's text starts, is the next item.
 */
interface LostNumber {
  marker: ListMarker;
  /** Where the lost number stood: where the number of the item before it stands. */
  markerX: number;
  /** Known when the number continues an open item's list; otherwise found as for a printed number. */
  depth?: number;
}

function lostNumberAfter(open: OpenBlock | null, line: PdfLine): LostNumber | null {
  if (line.confidence === undefined || open?.kind !== 'list-item' || open.number === undefined) return null;
  if (!/^\d+\.$/.test(open.marker ?? '') || line.runPieces.length < 2) return null;
  const lone = NUMBER_WITHOUT_DIGITS.exec(line.text);
  const found = lone ? { pieces: 1, length: lone[0].length } : numberInStrayMarks(line, open.number + 1);
  if (!found) return null;
  const tolerance = line.size;
  const dot = indentOf(line);
  const text = line.runPieces[found.pieces]!.x - line.areaLeft;
  const inIndent = dot >= open.markerX - 0.5 * tolerance && dot < open.textX;
  if (!inIndent || Math.abs(text - open.textX) > tolerance) return null;
  const number = open.number + 1;
  const marker = { marker: `${number}.`, number, rest: line.text.slice(found.length) };
  return { marker, markerX: open.markerX, depth: open.depth };
}

// The expected number with marks about it and nothing else: "[2 ]", "(2", "2,", "2]".
const NUMBER_IN_STRAY_MARKS = /^[[(]?(\d{1,3})[.,:;)\]]*$/;

/**
 * The line's first pieces when together they are the expected next number with stray
 * marks about it (the brackets a tracked change draws round a number, a full stop read
 * as a comma), at least one mark beside the digits: how many pieces, and how much of
 * the line's text they and the space after them take.
 */
function numberInStrayMarks(line: PdfLine, next: number): { pieces: number; length: number } | null {
  let joined = '';
  for (let k = 0; k < Math.min(3, line.runPieces.length - 1); k++) {
    joined += line.runPieces[k]!.text.replace(/\s+/g, '');
    const digits = NUMBER_IN_STRAY_MARKS.exec(joined);
    if (!digits || /^[.,:;)\]]/.test(line.runPieces[k + 1]!.text)) continue;
    if (Number(digits[1]) !== next || joined === digits[1]) return null;
    const rest = line.text.indexOf(line.runPieces[k + 1]!.text);
    return rest > 0 ? { pieces: k + 1, length: rest } : null;
  }
  return null;
}

// A recognised line's number without its full stop, then the item's text.
const NUMBER_WITHOUT_MARK = /^(\d{1,3})[ \t]+(?=[\p{Lu}"“‘'(])/u;
// The next item is looked for this many lines ahead at most.
const NEXT_ITEM_REACH = 40;

/**
 * The marker of a recognised line whose list number lost its full stop ("1 Kazakhstan
 * approved …" for "1. Kazakhstan approved …": a faint dot on a low-resolution scan): the
 * number is taken for a list number when the next item below, before any heading, carries
 * the next number printed with its stop, standing where this one stands, its text where
 * this line's text starts.
 */
function numberWithoutMark(lines: readonly PdfLine[], at: number, layout: Layout): LostNumber | null {
  const line = lines[at]!;
  if (line.confidence === undefined || line.runPieces.length < 2) return null;
  const bare = NUMBER_WITHOUT_MARK.exec(line.text);
  if (!bare) return null;
  const number = Number(bare[1]);
  const tolerance = line.size;
  const text = line.runPieces[1]!.x;
  for (let k = at + 1; k < Math.min(lines.length, at + NEXT_ITEM_REACH); k++) {
    const next = lines[k]!;
    if (next.area !== line.area || layout.headingLevel(next) !== null) return null;
    const printed = listMarkerFromText(next.text);
    if (!printed) continue;
    const nextText = textAfterMarker(next, next.text.slice(0, next.text.length - printed.rest.length).trim());
    const aligned =
      Math.abs(indentOf(next) - indentOf(line)) <= 0.5 * tolerance && Math.abs(nextText - text) <= tolerance;
    if (printed.number !== number + 1 || !/^\d+\.$/.test(printed.marker) || !aligned) return null;
    const marker = { marker: `${number}.`, number, rest: line.text.slice(bare[0].length) };
    return { marker, markerX: indentOf(line) };
  }
  return null;
}

function continuesBlock(open: OpenBlock, previous: PdfLine, line: PdfLine, layout: Layout): boolean {
  if (open.kind === 'heading') return false;
  if (roundSize(line.size) !== roundSize(previous.size)) return false;
  // A new page or column: the flow goes on at the top of the next one.
  const newPage = line.area !== previous.area;
  if (!newPage && !layout.near(previous, line)) return false;
  const tolerance = line.size;
  if (open.kind === 'list-item') {
    const x = indentOf(line);
    // An item whose last line stopped short ended there: text in its column on the next
    // page is another item (whose number may have been lost), not the rest of this one.
    if (newPage)
      return (
        (Math.abs(x - open.textX) <= 1.5 * tolerance || Math.abs(x - open.markerX) <= 0.5 * tolerance) &&
        !layout.endsParagraph(previous, line)
      );
    if (x < open.markerX - 0.5 * tolerance) return false;
    return !standsBackAtMarker(open, line, x, tolerance);
  }
  // A short line printed wholly bold stands alone: writers use it as a heading.
  const firstLine = open.lines[0]!;
  if (line.bold !== firstLine.bold && (line.bold || open.lines.every((l) => l.bold))) return false;
  const x = indentOf(line);
  if (Math.abs(x - open.markerX) > tolerance && x < open.markerX) return false;
  // A line indented past the one above starts a new paragraph (first-line indent),
  // unless it lines up with the text after a bullet.
  if (x > indentOf(previous) + tolerance && Math.abs(x - open.textX) > tolerance) return false;
  // Where paragraphs are set apart by space, a short line followed at the usual
  // distance is a line break inside the paragraph; elsewhere it ends the paragraph.
  if (layout.spacedParagraphs && !newPage) return true;
  return !layout.endsParagraph(previous, line);
}

/**
 * Under an item whose lines hang (wrapped text set in from the number), a line back at
 * the number's place is no more of its text once the item has shown where its text
 * wraps to, or when it is wholly bold and the item is not: it is a sub-heading set
 * level with the numbers, which a scan gives the size of the text around it.
 */
function standsBackAtMarker(open: OpenBlock, line: PdfLine, x: number, tolerance: number): boolean {
  if (open.textX - open.markerX <= tolerance || Math.abs(x - open.markerX) > 0.5 * tolerance) return false;
  // Only lines in the same column show how it wraps: a column the item runs on into may set its lines flush.
  const wrapsToText = open.lines
    .slice(1)
    .some((l) => l.area === line.area && Math.abs(indentOf(l) - open.textX) <= 0.5 * tolerance);
  return wrapsToText || (line.bold && !open.lines.every((l) => l.bold));
}

/**
 * A line of a printed Markdown file (a text editor's print, a plain-text page) that is a
 * heading by its own marks, whatever its type: the marks give the level and are not words.
 */
function markdownHeading(line: PdfLine): Block | null {
  const match = MARKDOWN_HEADING.exec(line.text);
  if (!match) return null;
  const start = line.text.indexOf(match[2]!, match[1]!.length);
  const spans = spansBetween(line.spans, start, start + match[2]!.length);
  return { kind: 'heading', level: match[1]!.length, text: match[2]!, spans, source: sourceOfLines([line]) };
}

function blockFromOpen(open: OpenBlock): Block {
  const source = sourceOfLines(open.lines);
  if (open.kind === 'heading') {
    const spans = spansMerged(open.spans.flatMap((line, i) => (i === 0 ? line : [{ text: ' ' }, ...line])));
    return { kind: 'heading', level: open.level, text: spans.map((s) => s.text).join(''), spans, source };
  }
  const spans = spansWithoutReferences(spansOfLines(open.spans));
  const text = spans.map((s) => s.text).join('');
  if (open.kind === 'list-item') {
    return { kind: 'list-item', marker: open.marker!, number: open.number!, text, spans, depth: open.depth, source };
  }
  return { kind: 'paragraph', text, spans, source };
}

/**
 * Footnote references (raised numbers, read as superscript digits) dropped from running
 * text, as Word and Markdown footnotes are; the footnotes themselves are left out with
 * the page's foot. Table cells keep theirs, where the core reports them.
 */
function spansWithoutReferences(spans: readonly Span[]): Span[] {
  let previous = '';
  const out = spans.map((span) => {
    const text = (previous + span.text).replace(/(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, '').slice(previous.length);
    previous = span.text.slice(-1) || previous;
    return { ...span, text };
  });
  return spansMerged(out.filter((span) => span.text !== ''));
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
    const shared =
      before &&
      after &&
      Boolean(before.bold) === Boolean(after.bold) &&
      Boolean(before.italic) === Boolean(after.italic);
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

/** A row holding text in at most a third of its cells: the wrapped ends of the cells of a row cut by the page break. */
function isRowTail(row: readonly string[]): boolean {
  return row.filter((cell) => cell !== '').length <= row.length / 3;
}

/** Parts of one cell on two pages; digits broken by a narrow column join without a space. */
function cellJoined(upper: string, lower: string): string {
  return /^[\d.,]+$/.test(upper) && /^\d/.test(lower) ? upper + lower : `${upper} ${lower}`;
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
      let sources = table.cellSources;
      while (rows.length > 0 && header.includes(rows[0]!.join('\u0000'))) {
        rows = rows.slice(1);
        sources = sources.slice(1);
      }
      const previousRow = last.table.block.rows[last.table.block.rows.length - 1];
      if (previousRow && rows[0] && isRowTail(rows[0])) {
        // The page break cut a row whose cells wrap: its last lines open the next page.
        rows[0].forEach((cell, c) => {
          if (cell !== '') previousRow[c] = previousRow[c] ? cellJoined(previousRow[c]!, cell) : cell;
        });
        rows = rows.slice(1);
        sources = sources.slice(1);
      }
      last.table.block.rows.push(...rows);
      last.table.block.cellSources!.push(...sources.slice(0, rows.length));
      last.table.parts.push([table.start, table.end]);
      last.end = table.end;
      continue;
    }
    const block: TableBlock = {
      kind: 'table',
      rows: table.rows.map((row) => [...row]),
      headerRows: table.headerRows,
      source: sourceOfLines(lines.slice(table.start, table.end)),
      cellSources: table.cellSources.map((row) => [...row]),
    };
    const entry: JoinedTable = { start: table.start, parts: [[table.start, table.end]], block };
    joined.push(entry);
    last = { table: entry, columns: table.columns, end: table.end };
  }
  return joined;
}
