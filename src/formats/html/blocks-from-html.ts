import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { listMarkerFromText } from '../../blocks/list-marker.js';
import type { Block, Provenance, Span, TableBlock } from '../../blocks/model.js';
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
import { runsFromLines, runsSettled, type Piece } from '../../blocks/table-from-lines.js';
import { emphasisFromDeclarations, type ClassRules } from './css-emphasis.js';

/**
 * HTML (as a hast tree) to blocks. Used for mammoth's rendering of Word files and
 * for HTML written inside Markdown. Walks with an explicit stack, so markup
 * nested thousands deep cannot overflow the call stack.
 */

export interface HtmlReadOptions {
  /**
   * 'collapse' treats runs of white space as one space, as a browser does (HTML
   * typed by hand in Markdown); 'preserve' keeps text as it is (mammoth writes
   * Word's text verbatim, and its tabs may separate table cells).
   */
  whitespace: 'collapse' | 'preserve';
  /** Where a block comes from: `element` is the element the block is made of, `ordinal` counts paragraph-level elements from 0. */
  provenance(element: Element | null, ordinal: number): Provenance;
  /** Emphasis set by the page's class rules (a saved web page's `<style>`); inline `style` is read always. */
  classRules?: ClassRules;
}

export function piecesFromHtml(html: string, options: HtmlReadOptions): Piece[] {
  return piecesFromHast(fromHtml(html, { fragment: true }), options);
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIPPED_TAGS = new Set([
  'head',
  'script',
  'style',
  'template',
  'img',
  'svg',
  'math',
  'noscript',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  'title',
  'meta',
  'link',
]);
const HEADING = /^h([1-6])$/;

/**
 * A list number the adapter knows better than the HTML does (Word's own
 * numbering, which mammoth renumbers or misses), written by the adapter at the
 * start of the paragraph's text in private-use characters that no document uses.
 */
export function printedNumberTag(number: number, level: number, marker: string): string {
  return `\ue010${number}\ue012${level}\ue012${marker.replace(/[\ue010-\ue012]/g, '')}\ue011`;
}
const NUMBER_TAG = /^\s*\ue010(\d+)\ue012(\d+)\ue012([^\ue011]*)\ue011\s*/;
const ANY_NUMBER_TAG = /\ue010[^\ue011]*\ue011/g;

function untagged(spans: Span[]): Span[] {
  return spans.map((span) =>
    span.text.includes('\ue010') ? { ...span, text: span.text.replace(ANY_NUMBER_TAG, '') } : span,
  );
}

/** The number tag at the start of the spans, and the spans without it. */
function numberTagOf(spans: Span[]): { number: number; level: number; marker: string; rest: Span[] } | null {
  const text = textOfSpans(spans);
  const tag = NUMBER_TAG.exec(text);
  if (!tag) return null;
  const number = Number.parseInt(tag[1]!, 10);
  return {
    number,
    level: Number.parseInt(tag[2]!, 10),
    marker: tag[3] || `${number}.`,
    rest: spansTrimmed(untagged(spansWithoutPrefix(spans, tag[0].length))),
  };
}
const NOTE_ID = /^(?:footnote|endnote)-/;
// Note marks in the text: mammoth's `#footnote-1`, Google Docs' `#ftnt1`, Word's web page `#_ftn1`/`#_edn1`.
const NOTE_LINK = /^#(?:footnote-|endnote-|ftnt\d|_ftn\d|_edn\d)/;
// The way back from a note's own text to its mark: the note text starts with it.
const NOTE_BACK_LINK = /^#(?:ftnt_ref|_ftnref|_ednref)\d/;

interface Frame {
  nodes: RootContent[];
  /** Number of ordered lists around these nodes. */
  listDepth: number;
}

export function piecesFromHast(root: Root, options: HtmlReadOptions): Piece[] {
  const reader = new HtmlReader(options);
  const stack: Frame[] = [{ nodes: [...root.children], listDepth: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.nodes.shift();
    if (!node) {
      stack.pop();
      continue;
    }
    if (node.type === 'element' && BLOCK_TAGS.has(node.tagName)) {
      const inner = reader.readBlock(node, frame.listDepth);
      if (inner) stack.push(inner);
      continue;
    }
    if (node.type !== 'element' && node.type !== 'text') continue;
    // An inline element around whole blocks (Google Docs wraps copied text in `<b style="font-weight:normal">`) is only a wrapper.
    if (node.type === 'element' && !SKIPPED_TAGS.has(node.tagName) && node.children.some(isBlockNode)) {
      stack.push({ nodes: [...node.children], listDepth: frame.listDepth });
      continue;
    }
    // Inline content standing between blocks reads as one paragraph.
    const inline: ElementContent[] = [node];
    while (frame.nodes.length > 0 && !isBlockNode(frame.nodes[0]!)) {
      const next = frame.nodes.shift()!;
      if (next.type === 'element' || next.type === 'text') inline.push(next);
    }
    reader.paragraph(inline, null);
  }
  return reader.pieces;
}

/**
 * A table of a single cell (a box drawn around text), one with a cell that
 * holds headings, lists or tables of its own, or a single row with a cell of
 * several paragraphs is page layout (e.g. two lists set side by side), not
 * data: data has a header row and rows under it, and a data cell holds a value
 * or a short label (a header cell may wrap its question over lines). Its cells
 * are read as running text, row by row and left to right, the order a reader
 * takes them in.
 */
function isLayoutTable(table: Element): boolean {
  const cells = cellsOf(table);
  if (cells.length === 1 || cells.some(holdsBlocks)) return true;
  return rowCountOf(table) === 1 && cells.some((cell) => paragraphCountOf(cell) > MAX_DATA_CELL_PARAGRAPHS);
}

function rowCountOf(table: Element): number {
  let rows = 0;
  const walk = (parent: Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows++;
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') walk(child);
    }
  };
  walk(table);
  return rows;
}
const LAYOUT_CONTENT = /^(?:h[1-6]|ol|ul|table)$/;
// A label may take two paragraphs ("Total" / "score"); three or more in a lone row are prose.
const MAX_DATA_CELL_PARAGRAPHS = 2;

/**
 * Headings or a table inside a cell, or a list of several items: a cell whose
 * one paragraph Word numbers (a numbered first column) is still a data cell.
 */
function holdsBlocks(cell: Element): boolean {
  return cell.children.some(
    (c) =>
      c.type === 'element' &&
      LAYOUT_CONTENT.test(c.tagName) &&
      (!/^[ou]l$/.test(c.tagName) ||
        c.children.filter((li) => li.type === 'element' && li.tagName === 'li').length > 1),
  );
}

function paragraphCountOf(cell: Element): number {
  return cell.children.filter((c) => c.type === 'element' && c.tagName === 'p' && textOfElement(c).trim() !== '')
    .length;
}

/** The table's own cells in document order (not those of tables nested in them). */
function cellsOf(table: Element): Element[] {
  const cells: Element[] = [];
  const walk = (parent: Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'td' || child.tagName === 'th') cells.push(child);
      else if (
        child.tagName === 'tr' ||
        child.tagName === 'thead' ||
        child.tagName === 'tbody' ||
        child.tagName === 'tfoot'
      )
        walk(child);
    }
  };
  walk(table);
  return cells;
}

function isBlockNode(node: RootContent): boolean {
  return node.type === 'element' && BLOCK_TAGS.has(node.tagName);
}

class HtmlReader {
  readonly pieces: Piece[] = [];
  private ordinal = 0;

  constructor(private readonly options: HtmlReadOptions) {}

  /** Emits what a block element holds; returns nested content still to walk. */
  readBlock(element: Element, listDepth: number): Frame | null {
    const tag = element.tagName;
    if (tag === 'hr' || isNoteText(element)) return null;
    const heading = HEADING.exec(tag);
    if (heading) {
      const spans = spansTrimmed(untagged(this.spansOf(element.children, 'dropped', this.emphasisOf(element, PLAIN))));
      this.emit({
        kind: 'heading',
        level: Number(heading[1]),
        text: textOfSpans(spans),
        spans,
        source: this.source(element),
      });
      return null;
    }
    if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'summary' || tag === 'pre') {
      this.paragraph(element.children, element);
      return null;
    }
    if (tag === 'table') {
      if (isLayoutTable(element)) return { nodes: cellsOf(element).flatMap((cell) => [...cell.children]), listDepth };
      this.table(element);
      return null;
    }
    if (tag === 'ol' && isNoteList(element)) return null;
    if (tag === 'ol' || tag === 'ul') return this.list(element, listDepth);
    return { nodes: [...element.children], listDepth };
  }

  /** A paragraph's inline content: a typed number makes it a list item, tab-separated lines a table. */
  paragraph(nodes: ElementContent[], element: Element | null): void {
    const spans = spansMerged(this.spansOf(nodes, 'dropped', element ? this.emphasisOf(element, PLAIN) : PLAIN));
    const text = textOfSpans(spans);
    if (text.trim() === '') return;
    const source = this.source(element);
    // A typed number followed by a tab ("1.<tab>Text") is an item, whatever tabs follow.
    if (text.includes('\t') && !listMarkerFromText(text.trimStart())) {
      const lines = spansSplitByLine(spans);
      const runs = runsFromLines(lines.map(textOfSpans));
      const only = runs[0];
      if (runs.length === 1 && only?.kind === 'tab-rows') {
        this.pieces.push({ kind: 'tab-rows', rows: only.rows, source, fallback: this.paragraphBlocks(spans, source) });
        return;
      }
      const settled = runsSettled(runs);
      if (settled.length > 1 || settled[0]?.kind !== 'text') {
        for (const run of settled) {
          if (run.kind === 'text')
            this.pieces.push(...this.paragraphBlocks(spansJoinedByLine(lines.slice(run.start, run.end)), source));
          else if (run.kind === 'tab-rows')
            this.pieces.push({ kind: 'tab-rows', rows: run.rows, source, fallback: [] });
          else this.pieces.push({ kind: 'table', rows: run.rows, headerRows: run.headerRows, source });
        }
        return;
      }
    }
    this.pieces.push(...this.paragraphBlocks(spans, source));
  }

  private paragraphBlocks(spans: Span[], source: Provenance): Block[] {
    const tag = numberTagOf(spans);
    if (tag)
      return [
        {
          kind: 'list-item',
          marker: tag.marker,
          number: tag.number,
          text: textOfSpans(tag.rest),
          spans: tag.rest,
          depth: tag.level,
          source,
        },
      ];
    const trimmed = spansTrimmed(untagged(spans));
    const text = textOfSpans(trimmed);
    if (text === '') return [];
    const marker = listMarkerFromText(text);
    if (marker && marker.rest.trim() !== '') {
      const itemSpans = spansTrimmed(spansWithoutPrefix(trimmed, text.length - marker.rest.length));
      return [
        {
          kind: 'list-item',
          marker: marker.marker,
          number: marker.number,
          text: textOfSpans(itemSpans),
          spans: itemSpans,
          depth: 0,
          source,
        },
      ];
    }
    return [{ kind: 'paragraph', text, spans: trimmed, source }];
  }

  private list(element: Element, listDepth: number): Frame | null {
    const ordered = element.tagName === 'ol';
    const deferred: RootContent[] = [];
    let number = ordered ? (integerProperty(element, 'start') ?? 1) : 0;
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName !== 'li') {
        deferred.push(child);
        continue;
      }
      number = integerProperty(child, 'value') ?? number;
      const own: ElementContent[][] = [[]];
      const nested: ElementContent[] = [];
      for (const part of child.children) {
        if (part.type === 'element' && part.tagName === 'p') own.push([...part.children], []);
        else if (part.type === 'element' && BLOCK_TAGS.has(part.tagName)) nested.push(part);
        else own[own.length - 1]!.push(part);
      }
      const itemEmphasis = this.emphasisOf(child, PLAIN);
      const lines = own
        .filter((line) => line.length > 0)
        .map((line) => spansTrimmed(this.spansOf(line, 'dropped', itemEmphasis)));
      const joined = spansTrimmed(spansJoinedByLine(lines.filter((line) => line.length > 0)));
      if (ordered) {
        const tag = numberTagOf(joined);
        const spans = tag ? tag.rest : spansTrimmed(untagged(joined));
        if (tag) number = tag.number;
        this.emit({
          kind: 'list-item',
          marker: tag?.marker ?? `${number}.`,
          number,
          text: textOfSpans(spans),
          spans,
          depth: listDepth,
          source: this.source(child),
        });
        number++;
      } else if (joined.length > 0) {
        this.pieces.push(...this.paragraphBlocks(joined, this.source(child)));
      }
      // Nested lists belong after their item in reading order; walk them now, one level deeper.
      if (nested.length > 0) {
        this.pieces.push(
          ...piecesFromHast({ type: 'root', children: nested }, this.nestedOptions()).map((piece) =>
            deeper(piece, ordered ? listDepth + 1 : listDepth),
          ),
        );
      }
    }
    return deferred.length > 0 ? { nodes: deferred, listDepth } : null;
  }

  private nestedOptions(): HtmlReadOptions {
    return { ...this.options, provenance: (element) => this.source(element) };
  }

  private table(element: Element): void {
    const caption = element.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
    if (caption) this.paragraph(caption.children, caption);
    const { rows, headerRows } = gridFromTable(element, (cell) =>
      textOfSpans(spansTrimmed(untagged(this.spansOf(cell.children, 'marked')))),
    );
    if (rows.length === 0) return;
    const ordinal = this.ordinal;
    const source = this.source(element);
    // Each cell where its own element says it is (a web page's line), without counting it as a paragraph-level element.
    const cells: Element[] = [];
    const { rows: at } = gridFromTable(element, (cell) => String(cells.push(cell) - 1));
    const cellSources = at.map((row) =>
      row.map((key) => (key === '' ? source : this.options.provenance(cells[Number(key)]!, ordinal))),
    );
    const block: TableBlock = { kind: 'table', rows, headerRows, source, cellSources };
    this.emit(block);
  }

  private emphasisOf(element: Element, inherited: Emphasis): Emphasis {
    return emphasisWithin(element, inherited, this.options.classRules);
  }

  private emit(block: Block): void {
    this.pieces.push(block);
  }

  private source(element: Element | null): Provenance {
    return this.options.provenance(element, this.ordinal++);
  }

  /**
   * Inline text with emphasis; block children inside are separated by line
   * breaks. Footnote references are dropped from running text; in a table cell
   * they stay as a superscript number after the value (`Y¹`), since there a
   * note qualifies the answer and is reported.
   */
  spansOf(nodes: readonly ElementContent[], notes: 'dropped' | 'marked' = 'dropped', base: Emphasis = PLAIN): Span[] {
    const spans: Span[] = [];
    const collapse = this.options.whitespace === 'collapse';
    type Item = { node: ElementContent; emphasis: Emphasis; pre: boolean } | { lineBreak: true };
    const stack: Item[] = nodes.map((node) => ({ node, emphasis: base, pre: false })).reverse();
    while (stack.length > 0) {
      const item = stack.pop()!;
      if ('lineBreak' in item) {
        spans.push({ text: '\n' });
        continue;
      }
      const { node, emphasis, pre } = item;
      if (node.type === 'text') {
        const text = collapse && !pre ? node.value.replace(/[ \t\n\r\f]+/g, ' ') : node.value;
        spans.push(spanOf(text, emphasis));
        continue;
      }
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (tag === 'br') {
        spans.push({ text: '\n' });
        continue;
      }
      if (isNoteReference(node)) {
        if (notes === 'marked') spans.push({ text: noteMarkOf(node) });
        continue;
      }
      if (SKIPPED_TAGS.has(tag) || (tag === 'ol' && isNoteList(node))) continue;
      const inner = this.emphasisOf(node, emphasis);
      const block = BLOCK_TAGS.has(tag);
      const children: Item[] = node.children.map((child) => ({
        node: child,
        emphasis: inner,
        pre: pre || tag === 'pre',
      }));
      if (block) {
        children.unshift({ lineBreak: true });
        children.push({ lineBreak: true });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return collapseBreaks(spans);
  }
}

/**
 * The emphasis inside an element: its tag (`b`, `strong`, `i`, `em`), then its
 * classes' rules, then its own `style`, each overriding the one before, as CSS
 * does (Google Docs wraps pasted text in `<b style="font-weight:normal">`).
 */
function emphasisWithin(element: Element, inherited: Emphasis, classRules: ClassRules | undefined): Emphasis {
  const tag = element.tagName;
  const emphasis: Emphasis = {
    bold: inherited.bold || tag === 'strong' || tag === 'b',
    italic: inherited.italic || tag === 'em' || tag === 'i',
  };
  const classes = element.properties.className;
  if (classRules && classRules.size > 0 && Array.isArray(classes)) {
    for (const name of classes) Object.assign(emphasis, classRules.get(String(name)));
  }
  const style = element.properties.style;
  if (typeof style === 'string' && /font/i.test(style)) Object.assign(emphasis, emphasisFromDeclarations(style));
  return emphasis;
}

/** Block boundaries inside inline content add line breaks; several in a row, or breaks next to spaces, read as one. */
function collapseBreaks(spans: Span[]): Span[] {
  const merged = spansMerged(spans);
  return merged.map((span) =>
    span.text.includes('\n') ? { ...span, text: span.text.replace(/[ ]*\n[\n ]*/g, '\n') } : span,
  );
}

function deeper(piece: Piece, depth: number): Piece {
  return piece.kind === 'list-item' ? { ...piece, depth: piece.depth + depth } : piece;
}

function integerProperty(element: Element, name: string): number | null {
  const value = element.properties[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * The text of a footnote as a web page holds it: Word's "Save as Web Page" puts the
 * notes in a `mso-element:footnote-list` block, Google Docs in paragraphs that open
 * with a link back to the mark. Like a Word file's notes, it is not report text.
 */
function isNoteText(element: Element): boolean {
  const style = element.properties.style;
  if (typeof style === 'string' && /mso-element:\s*(?:foot|end)note-list/i.test(style)) return true;
  if (element.tagName !== 'p' && element.tagName !== 'div') return false;
  const firstOf = (parent: Element) =>
    parent.children.find((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
  let first = firstOf(element);
  for (let depth = 0; first?.type === 'element' && first.tagName !== 'a' && depth < 4; depth++) first = firstOf(first);
  return first?.type === 'element' && first.tagName === 'a' && NOTE_BACK_LINK.test(String(first.properties.href ?? ''));
}

/** mammoth writes Word's footnotes and endnotes as a final list of `<li id="footnote-N">`. */
function isNoteList(element: Element): boolean {
  return element.children.some(
    (c) => c.type === 'element' && c.tagName === 'li' && NOTE_ID.test(String(c.properties.id ?? '')),
  );
}

/** A footnote mark in the text: `<sup><a href="#footnote-1">[1]</a></sup>` or the bare link. */
function isNoteReference(element: Element): boolean {
  if (element.tagName === 'a') return NOTE_LINK.test(String(element.properties.href ?? ''));
  if (element.tagName !== 'sup') return false;
  return element.children.some((c) => c.type === 'element' && isNoteReference(c));
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote reference as printed: its number in superscript digits, or `*` when it shows no number. */
function noteMarkOf(element: Element): string {
  const digits = /\d{1,3}/.exec(textOfElement(element))?.[0];
  return digits ? [...digits].map((d) => SUPERSCRIPT_DIGITS[Number(d)]!).join('') : '*';
}

function textOfElement(element: Element): string {
  return element.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOfElement(c) : ''))
    .join('');
}

// HTML caps spans at these values; larger ones are errors or attacks on memory.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * The table as a grid: a merged cell's text is repeated into every position it
 * covers, so a header merged over two columns lines up with both. Header rows
 * are the rows of `<thead>`, else the leading rows made only of `<th>` cells.
 */
export function gridFromTable(
  table: Element,
  textOf: (cell: Element) => string,
): { rows: string[][]; headerRows: number } {
  const rowElements: { row: Element; inHead: boolean }[] = [];
  const collect = (parent: Element, inHead: boolean): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rowElements.push({ row: child, inHead });
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
        collect(child, child.tagName === 'thead');
    }
  };
  collect(table, false);

  const grid: (string | undefined)[][] = rowElements.map(() => []);
  rowElements.forEach(({ row }, r) => {
    let col = 0;
    for (const cell of row.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[r]![col] !== undefined) col++;
      const colSpan = Math.min(Math.max(integerProperty(cell, 'colSpan') ?? 1, 1), MAX_COLSPAN);
      const rowSpanRaw = integerProperty(cell, 'rowSpan') ?? 1;
      const rowsLeft = grid.length - r;
      const rowSpan = rowSpanRaw === 0 ? rowsLeft : Math.min(Math.max(rowSpanRaw, 1), MAX_ROWSPAN, rowsLeft);
      const text = textOf(cell);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![col + dc] = text;
      col += colSpan;
    }
  });
  const rows = grid.map((row) => Array.from(row, (cell) => cell ?? ''));

  let headerRows = rowElements.filter((r) => r.inHead).length;
  if (headerRows === 0) {
    for (const { row } of rowElements) {
      const cells = row.children.filter(
        (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
      );
      if (cells.length === 0 || !cells.every((c) => c.tagName === 'th')) break;
      headerRows++;
    }
  }
  return { rows, headerRows };
}
