import type { Code, Html, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { listMarkerFromText } from '../../blocks/list-marker.js';
import type { Block, BlocksResult, Provenance, Span } from '../../blocks/model.js';
import {
  PLAIN,
  spanOf,
  spansJoinedByLine,
  spansMerged,
  spansSplitByLine,
  spansTrimmed,
  spansWithoutPrefix,
  textOfSpans,
  type Emphasis,
} from '../../blocks/spans.js';
import {
  blocksFromPieces,
  cellSourcesOfRun,
  runsFromLines,
  runsSettled,
  tabRowsTidied,
  type LineRun,
  type Piece,
} from '../../blocks/table-from-lines.js';
import { piecesFromHtml } from '../html/blocks-from-html.js';
import { plainBlocksSplit } from './markdown-plain-blocks.js';
import {
  chunksOf,
  frontMatterSplit,
  inlineHeavyBlocksMasked,
  longDelimiterRunsMasked,
  MAX_NESTING_COST,
  nestingCost,
  unmasked,
} from './markdown-input.js';

/**
 * Markdown to blocks with CommonMark only (remark-parse without GFM: the GFM
 * table extension is far too slow and memory-hungry on large files). Tables —
 * pipe tables and tab-separated lines — are found in paragraphs' source lines
 * instead. YAML front matter becomes `Key: value` paragraphs, so labelled
 * title, author and date lines written there read like any other labelled line.
 */

const parser = unified().use(remarkParse);

export function blocksFromMarkdown(input: string): BlocksResult {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const cost = nestingCost(text);
  if (cost.total > MAX_NESTING_COST) {
    return unreadable(
      `The Markdown nests blocks (quotes or lists) too deeply to read: ${cost.deepest} levels on line ${cost.line}.`,
    );
  }
  const { frontMatter, body } = frontMatterSplit(text);
  const masked = inlineHeavyBlocksMasked(longDelimiterRunsMasked(body));
  const plain = plainBlocksSplit(masked, cellsCleaned);
  const parsed: Piece[] = [];
  try {
    // Large files are parsed a section at a time: a syntax tree with positions costs about
    // a hundred times its text in memory, and only one section's tree is alive at once.
    for (const part of batched(plain.rest, PARSE_BATCH_CHARS)) {
      for (const chunk of chunksOf(part.text)) {
        parsed.push(
          ...new MarkdownReader(chunk.text, part.firstLine + chunk.firstLine - 2).piecesOf(parser.parse(chunk.text)),
        );
      }
    }
  } catch (error) {
    // A stack overflow inside the parser on pathological input must not bring the worker down.
    return unreadable(`The Markdown could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const blocks = blocksFromPieces([...frontMatter, ...piecesMergedByLine(plain.blocks, parsed)]);
  return { blocks: masked === body ? blocks : blocks.map(unmasked), pages: null };
}

/**
 * Each parse has a fixed cost (the parser is built anew), so small pieces of
 * text between plain stretches are parsed together, up to this size, with
 * blank lines where the plain stretches were.
 */
const PARSE_BATCH_CHARS = 32 * 1024;

function batched(
  pieces: readonly { text: string; firstLine: number }[],
  maxChars: number,
): { text: string; firstLine: number }[] {
  const out: { text: string; firstLine: number; lastLine: number }[] = [];
  for (const piece of pieces) {
    let breaks = 0;
    for (let at = piece.text.indexOf('\n'); at >= 0; at = piece.text.indexOf('\n', at + 1)) breaks++;
    const last = out[out.length - 1];
    if (last && last.text.length + piece.text.length <= maxChars) {
      last.text += '\n'.repeat(piece.firstLine - last.lastLine) + piece.text;
      last.lastLine = piece.firstLine + breaks;
    } else {
      out.push({ text: piece.text, firstLine: piece.firstLine, lastLine: piece.firstLine + breaks });
    }
  }
  return out;
}

/** Two runs of pieces, each in reading order, merged by the line each starts on. */
function piecesMergedByLine(a: readonly Piece[], b: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push((a[i]!.source.line ?? 0) <= (b[j]!.source.line ?? 0) ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function unreadable(message: string): BlocksResult {
  return { blocks: [], pages: null, problem: { code: 'UNREADABLE_FILE', message } };
}

interface Frame {
  nodes: RootContent[];
  /** Ordered lists around these nodes: the depth of list items found here. */
  listDepth: number;
  quoteDepth: number;
  /** Set when `nodes` are the items of a list. */
  ordered?: boolean;
}

class MarkdownReader {
  private readonly pieces: Piece[] = [];

  /** `source` is the text the tree was parsed from; `lineOffset` shifts its lines to the whole file's. */
  constructor(
    private readonly source: string,
    private readonly lineOffset: number,
  ) {}

  piecesOf(root: Root): Piece[] {
    const stack: Frame[] = [{ nodes: htmlTablesJoined(root.children, this.source), listDepth: 0, quoteDepth: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const node = frame.nodes.shift();
      if (!node) {
        stack.pop();
        continue;
      }
      const inner = this.read(node, frame);
      if (inner) stack.push(inner);
    }
    return this.pieces;
  }

  private read(node: RootContent, frame: Frame): Frame | null {
    switch (node.type) {
      case 'heading': {
        const spans = spansTrimmed(spansFromInline(node.children));
        this.pieces.push({
          kind: 'heading',
          level: node.depth,
          text: textOfSpans(spans),
          spans,
          source: this.at(node),
        });
        return null;
      }
      case 'paragraph':
        this.paragraph(node, frame);
        return null;
      case 'blockquote':
        return {
          nodes: htmlTablesJoined(node.children, this.source),
          listDepth: frame.listDepth,
          quoteDepth: frame.quoteDepth + 1,
        };
      case 'list':
        return this.list(node, frame);
      case 'listItem':
        return this.listItem(node, frame);
      case 'code':
        this.code(node);
        return null;
      case 'html':
        this.html(node);
        return null;
      default:
        return null;
    }
  }

  private at(node: Nodes, lineInNode = 0): { line: number } {
    return { line: (node.position?.start.line ?? 1) + this.lineOffset + lineInNode };
  }

  private paragraph(node: Paragraph, frame: Frame): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const raw = start === undefined || end === undefined ? '' : this.source.slice(start, end);
    // A paragraph opening with a typed number ("(1)<tab>Text") is an item, whatever tabs follow.
    if ((!raw.includes('\t') && !raw.includes('|')) || (!raw.includes('|') && listMarkerFromText(raw))) {
      this.pieces.push(...this.paragraphBlocks(node, frame));
      return;
    }
    const lines = raw
      .split('\n')
      .map((line, i) => (i > 0 && frame.quoteDepth > 0 ? withoutQuoteMarks(line, frame.quoteDepth) : line));
    const runs = runsFromLines(lines);
    const only = runs[0];
    if (runs.length === 1 && only?.kind === 'tab-rows') {
      const source = this.at(node);
      this.pieces.push({
        kind: 'tab-rows',
        rows: cellsCleaned(only.rows),
        source,
        cellSources: cellSourcesOfRun(only, source),
        fallback: this.paragraphBlocks(node, frame),
      });
      return;
    }
    const settled = runsSettled(runs);
    if (settled.length === 1 && settled[0]!.kind === 'text') {
      this.pieces.push(...this.paragraphBlocks(node, frame));
      return;
    }
    for (const run of settled) this.pieces.push(...this.piecesOfRun(run, lines, node));
  }

  private piecesOfRun(run: LineRun, lines: string[], node: Paragraph): Piece[] {
    const source = this.at(node, run.start);
    switch (run.kind) {
      case 'pipe-table':
        return [
          {
            kind: 'table',
            rows: cellsCleaned(run.rows),
            headerRows: run.headerRows,
            source,
            cellSources: cellSourcesOfRun(run, source),
          },
        ];
      case 'tab-rows':
        return [
          {
            kind: 'tab-rows',
            rows: cellsCleaned(run.rows),
            source,
            cellSources: cellSourcesOfRun(run, source),
            fallback: [],
          },
        ];
      case 'text': {
        // Prose lines between table lines: parse them on their own so their markup is read as such.
        const slice = lines.slice(run.start, run.end).join('\n');
        return new MarkdownReader(slice, source.line - 1).piecesOf(parser.parse(slice));
      }
    }
  }

  /**
   * A paragraph, or list items when it is made of lines with typed numbers that
   * CommonMark does not read as a list: `(1) …`, or `2. …` lines that cannot
   * interrupt a paragraph.
   */
  private paragraphBlocks(node: Paragraph, frame: Frame): Block[] {
    // A GFM footnote text (`[^1]: …`) is printed apart from the body, as Word's footnotes are; it is left out like them.
    const first = node.children[0];
    if (first?.type === 'text' && FOOTNOTE_DEFINITION.test(first.value)) return [];
    const spans = spansFromInline(node.children);
    const lines = spansSplitByLine(spans);
    const texts = lines.map(textOfSpans);
    const markers = texts.map((text) => listMarkerFromText(text));
    const firstMarker = markers[0];
    const shape = (m: { marker: string } | null): string | null => (m ? m.marker.replace(/\d+/, '') : null);
    const markerLines = markers.flatMap((m, i) => (m && shape(m) === shape(markers.find((x) => x) ?? null) ? [i] : []));
    const isList =
      (firstMarker && (firstMarker.rest.trim() !== '' || lines.length > 1)) ||
      (markerLines.length >= 2 && ascending(markerLines.map((i) => markers[i]!.number)));
    if (!isList || markerLines.length === 0) {
      const trimmed = spansTrimmed(spans);
      return trimmed.length === 0
        ? []
        : [{ kind: 'paragraph', text: textOfSpans(trimmed), spans: trimmed, source: this.at(node) }];
    }
    const blocks: Block[] = [];
    const cuts = [...markerLines, lines.length];
    if (cuts[0]! > 0) {
      const prose = spansTrimmed(spansJoinedByLine(lines.slice(0, cuts[0])));
      if (prose.length > 0)
        blocks.push({ kind: 'paragraph', text: textOfSpans(prose), spans: prose, source: this.at(node) });
    }
    for (let k = 0; k + 1 < cuts.length; k++) {
      const from = cuts[k]!;
      const marker = markers[from]!;
      const own = spansWithoutPrefix(lines[from]!, texts[from]!.length - marker.rest.length);
      const itemSpans = spansTrimmed(spansJoinedByLine([own, ...lines.slice(from + 1, cuts[k + 1])]));
      blocks.push({
        kind: 'list-item',
        marker: marker.marker,
        number: marker.number,
        text: textOfSpans(itemSpans),
        spans: itemSpans,
        depth: frame.listDepth,
        source: this.at(node, from),
      });
    }
    return blocks;
  }

  private list(node: List, frame: Frame): Frame {
    return {
      nodes: [...node.children],
      listDepth: frame.listDepth,
      quoteDepth: frame.quoteDepth,
      ordered: node.ordered === true,
    };
  }

  private listItem(item: ListItem, frame: Frame): Frame | null {
    const children = htmlTablesJoined(item.children, this.source);
    if (!frame.ordered) return { nodes: children, listDepth: frame.listDepth, quoteDepth: frame.quoteDepth };
    // The number as printed: mdast keeps only the list's start and renumbers, which would hide gaps.
    const offset = item.position?.start.offset ?? 0;
    const printed = /^(\d{1,9})([.)])/.exec(this.source.slice(offset, offset + 12));
    let lead = 0;
    while (lead < children.length && children[lead]!.type === 'paragraph') lead++;
    const lines = children
      .slice(0, lead)
      .filter((p): p is Paragraph => p.type === 'paragraph')
      .map((p) => spansTrimmed(spansFromInline(p.children)));
    const spans = spansTrimmed(spansJoinedByLine(lines));
    const number = printed ? Number.parseInt(printed[1]!, 10) : 0;
    this.pieces.push({
      kind: 'list-item',
      marker: printed ? printed[1]! + printed[2]! : '',
      number,
      text: textOfSpans(spans),
      spans,
      depth: frame.listDepth,
      source: this.at(item),
    });
    const rest = children.slice(lead);
    return rest.length > 0 ? { nodes: rest, listDepth: frame.listDepth + 1, quoteDepth: frame.quoteDepth } : null;
  }

  /** Code blocks in a report are mostly indented or fenced text; a tab-indented table lands here too. */
  private code(node: Code): void {
    const raw = sourceOf(node, this.source);
    // A fenced block's text starts on the line after its fence. An indented block is read from
    // its source lines: a leading tab is an empty first cell, which the code text would lose.
    const fenced = /^[ \t]*(?:`{3,}|~{3,})/.test(raw);
    const lines = fenced ? node.value.split('\n') : raw.split('\n');
    const source = this.at(node, fenced ? 1 : 0);
    const runs = runsFromLines(lines);
    const plain = (from: number, to: number): Block[] => {
      const text = lines.slice(from, to).join('\n').trim();
      return text === '' ? [] : [{ kind: 'paragraph', text, spans: [{ text }], source }];
    };
    const only = runs[0];
    // Line numbers of the code block's lines: `source` is its first.
    const at = (run: LineRun): Provenance => (source.line === undefined ? source : { line: source.line + run.start });
    if (runs.length === 1 && only?.kind === 'tab-rows') {
      this.pieces.push({
        kind: 'tab-rows',
        rows: only.rows,
        source,
        cellSources: cellSourcesOfRun(only, at(only)),
        fallback: plain(0, lines.length),
      });
      return;
    }
    for (const run of runsSettled(runs)) {
      if (run.kind === 'text') this.pieces.push(...plain(run.start, run.end));
      else if (run.kind === 'tab-rows')
        this.pieces.push({
          kind: 'tab-rows',
          rows: run.rows,
          source: at(run),
          cellSources: cellSourcesOfRun(run, at(run)),
          fallback: [],
        });
      else
        this.pieces.push({
          kind: 'table',
          rows: run.rows,
          headerRows: run.headerRows,
          source: at(run),
          cellSources: cellSourcesOfRun(run, at(run)),
        });
    }
  }

  private html(node: Html): void {
    if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return;
    const line = this.at(node).line;
    try {
      this.pieces.push(
        ...piecesFromHtml(node.value, {
          whitespace: 'collapse',
          provenance: (element) => ({ line: line + (element?.position?.start.line ?? 1) - 1 }),
        }),
      );
    } catch {
      // HTML nested thousands deep overflows the HTML tree builder; such a block has nothing a
      // report needs, and the rest of the file stays readable without it.
    }
  }
}

function ascending(numbers: number[]): boolean {
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

function withoutQuoteMarks(line: string, depth: number): string {
  let rest = line;
  for (let i = 0; i < depth; i++) {
    const m = /^[ \t]{0,3}>[ \t]?/.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/**
 * CommonMark ends an HTML block at a blank line, so a `<table>` with blank lines
 * inside arrives in pieces; join the pieces (by source offsets) up to `</table>`.
 */
function htmlTablesJoined(nodes: readonly RootContent[], source: string): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (
      node.type !== 'html' ||
      !/<table\b/i.test(node.value) ||
      /<\/table\s*>/i.test(node.value.slice(node.value.search(/<table\b/i)))
    ) {
      out.push(node);
      continue;
    }
    let j = i + 1;
    while (j < nodes.length && !/<\/table\s*>/i.test(sourceOf(nodes[j]!, source))) j++;
    const last = nodes[Math.min(j, nodes.length - 1)]!;
    const start = node.position!.start;
    const end = last.position!.end;
    out.push({ type: 'html', value: source.slice(start.offset!, end.offset!), position: { start, end } });
    i = j;
  }
  return out;
}

function sourceOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/g;
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/;

const INLINE_HTML_TAG = /^<(\/?)([a-z][a-z0-9]*)\b[^>]*?(\/?)>$/i;

/**
 * Inline markup to spans: emphasis kept, links and code reduced to their text,
 * images dropped. GFM footnote marks (`[^1]`) are dropped from running text,
 * like Word's; `keepNoteMarks` keeps them (a mark after an answer in a table
 * cell qualifies the answer and is reported).
 */
function spansFromInline(nodes: readonly PhrasingContent[], keepNoteMarks = false): Span[] {
  const spans: Span[] = [];
  // Inline HTML tags open and close in separate nodes, so their emphasis is counted as the walk goes.
  let htmlBold = 0;
  let htmlItalic = 0;
  const stack: { node: PhrasingContent; emphasis: Emphasis }[] = nodes
    .map((node) => ({ node, emphasis: PLAIN }))
    .reverse();
  while (stack.length > 0) {
    const { node, emphasis } = stack.pop()!;
    const style = { bold: emphasis.bold || htmlBold > 0, italic: emphasis.italic || htmlItalic > 0 };
    switch (node.type) {
      case 'text':
        // GFM footnote marks (`[^1]`) stay literal text in CommonMark.
        spans.push(
          spanOf(
            strikeMarksDropped(
              !keepNoteMarks && node.value.includes('[^') ? node.value.replace(FOOTNOTE_MARK, '') : node.value,
            ),
            style,
          ),
        );
        break;
      case 'inlineCode':
        spans.push(spanOf(node.value, style));
        break;
      case 'break':
        spans.push({ text: '\n' });
        break;
      case 'html': {
        const tag = INLINE_HTML_TAG.exec(node.value.trim());
        if (!tag) break;
        const name = tag[2]!.toLowerCase();
        const step = tag[1] ? -1 : tag[3] ? 0 : 1;
        if (name === 'br') spans.push({ text: '\n' });
        else if (name === 'b' || name === 'strong') htmlBold = Math.max(0, htmlBold + step);
        else if (name === 'i' || name === 'em') htmlItalic = Math.max(0, htmlItalic + step);
        break;
      }
      case 'emphasis':
      case 'linkReference':
      case 'strong':
      case 'delete':
      case 'link': {
        const inner = {
          bold: emphasis.bold || node.type === 'strong',
          italic: emphasis.italic || node.type === 'emphasis',
        };
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, emphasis: inner });
        break;
      }
      default:
        break;
    }
  }
  return spansMerged(spans);
}

/**
 * GFM strikethrough (`~~old~~`) stays literal text in CommonMark; text is plain, so its
 * delimiters go and the words stay. A run of exactly two tildes that touches a word on
 * one side counts (a node boundary may stand on the other); `~5%` and `~~~` stay.
 */
const STRIKE_MARK = /(?<![~\s])~~(?!~)|(?<!~)~~(?![~\s])/g;

function strikeMarksDropped(text: string): string {
  return text.includes('~~') ? text.replace(STRIKE_MARK, '') : text;
}

const MARKUP_CHARS = /[\\`*_&<[!~]/;

/** Table cells keep no markup: `**Y**` reads `Y`, `a \| b` reads `a | b`. */
function cellsCleaned(rows: string[][]): string[][] {
  return tabRowsTidied(rows.map((row) => row.map(cellText)));
}

/** A cell wholly in bold or italics (`**Q1**`), with plain text inside. */
const WRAPPED_CELL = /^(\*\*|__|\*|_)([^\s\\`*_&<[\]!](?:[^\\`*_&<[\]!]*[^\s\\`*_&<[\]!])?)\1$/;
/** A footnote mark (`[^1]`) that is not the start of a link. */
const NOTE_MARK = /\[\^[^\]\s\\`*_&<[!]{1,20}\](?![([:])/g;

function cellText(raw: string): string {
  if (!MARKUP_CHARS.test(raw)) return raw;
  // The common shapes skip the parser, which costs far more per call than these checks.
  const wrapped = WRAPPED_CELL.exec(raw);
  if (wrapped) return wrapped[2]!;
  if (raw.includes('[^') && !MARKUP_CHARS.test(raw.replace(NOTE_MARK, ''))) return raw;
  const tree = parser.parse(raw);
  const only = tree.children[0];
  if (tree.children.length === 1 && only?.type === 'paragraph')
    return textOfSpans(spansTrimmed(spansFromInline(only.children, true)));
  return raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
