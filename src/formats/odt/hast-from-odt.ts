import type { Element, ElementContent, Properties, Root } from 'hast';
import { isElement, TEXT_NODE, type XmlDocument, type XmlElement, type XmlNode } from '../shared/xml-dom.js';
import { OdtStyles, TEXT_NS, type StyleEmphasis } from './odt-styles.js';

/**
 * An OpenDocument text body as an HTML tree, so the HTML reader every other
 * format goes through reads it: `text:h` by outline level to h1–h6, lists with
 * the numbers Writer prints (numbering that continues across lists included),
 * tables with their merged cells, bold and italic from the paragraph and
 * character styles as inline `style`, footnote citations as the note links the
 * reader knows. Sections (with or without columns) are read in document order;
 * indexes, annotations, tracked deletions, images and note bodies are not text
 * of the report.
 */

const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const DRAW_NS = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Elements whose content is not running text of the document. */
const SKIPPED = new Set([
  'tracked-changes',
  'table-of-content',
  'illustration-index',
  'alphabetical-index',
  'object-index',
  'user-index',
  'bibliography',
  'table-index',
  'annotation',
  'annotation-end',
  'note-body',
  'sequence-decls',
  'variable-decls',
  'user-field-decls',
  'dde-connection-decls',
  'forms',
  'bookmark',
  'bookmark-start',
  'bookmark-end',
  'reference-mark',
  'reference-mark-start',
  'reference-mark-end',
  'change',
  'change-start',
  'change-end',
  'soft-page-break',
  'image',
  'table-columns',
  'table-column',
  'table-column-group',
  'covered-table-cell',
  'toc-mark',
  'alphabetical-index-mark',
  // The number a producer printed for a list item; informative only, the list's numbering gives it.
  'number',
]);

// Markup nested deeper than this is flattened to its text: no document needs it, and walking it could exhaust the stack.
const MAX_DEPTH = 200;
// Repeat counts beyond these are not a report's table (Calc writes a million empty rows as one repeated row).
const MAX_REPEATED_CELLS = 64;
const MAX_REPEATED_ROWS = 64;

interface ListState {
  /** The list style its items number by. */
  style: string | null;
  /** Last number given at each level (1-based index), shared by lists that continue each other. */
  counters: number[];
}

export function hastFromOdt(content: XmlDocument, styles: XmlDocument | null): Root {
  const reader = new OdtBodyReader(new OdtStyles(styles ? [styles, content] : [content]));
  const body = content.getElementsByTagNameNS(OFFICE_NS, 'text').item(0);
  return { type: 'root', children: body ? reader.blockChildren(body, 0) : [] };
}

class OdtBodyReader {
  private readonly listsById = new Map<string, ListState>();
  private readonly lastListByStyle = new Map<string, ListState>();
  private lastList: ListState | null = null;
  private notes = 0;

  constructor(private readonly styles: OdtStyles) {}

  /** Block-level content of a body, section, cell, list item or text box. */
  blockChildren(parent: XmlElement, depth: number): Element[] {
    const out: Element[] = [];
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (isElement(node)) out.push(...this.block(node, depth + 1));
    }
    return out;
  }

  private block(element: XmlElement, depth: number): Element[] {
    const name = element.localName;
    if (SKIPPED.has(name)) return [];
    if (depth > MAX_DEPTH) return [h('p', {}, [{ type: 'text', value: textOf(element) }])];
    if (element.namespaceURI === TEXT_NS && name === 'p') return [this.paragraph(element, 'p', depth)];
    if (element.namespaceURI === TEXT_NS && name === 'h') {
      const level = Number.parseInt(element.getAttributeNS(TEXT_NS, 'outline-level') ?? '1', 10);
      return [this.paragraph(element, `h${Math.min(Math.max(Number.isFinite(level) ? level : 1, 1), 6)}`, depth)];
    }
    if (element.namespaceURI === TEXT_NS && name === 'list') return this.list(element, null, 1, depth);
    if (element.namespaceURI === TABLE_NS && name === 'table') return [this.table(element, depth)];
    // Sections, text boxes in frames, and anything else that holds paragraphs: their content, in order.
    return this.blockChildren(element, depth);
  }

  private paragraph(element: XmlElement, tag: string, depth: number): Element {
    const style = element.getAttributeNS(TEXT_NS, 'style-name');
    return h(tag, styleProperties(this.styles.emphasisOf(style, 'paragraph')), this.inline(element, depth));
  }

  /** A paragraph's inline content; frames anchored in it (text boxes) are read as the text they hold. */
  private inline(parent: XmlElement, depth: number): ElementContent[] {
    const out: ElementContent[] = [];
    for (let node: XmlNode | null = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        // OpenDocument collapses white space in text; spaces and tabs it means are elements.
        out.push({ type: 'text', value: (node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ') });
        continue;
      }
      if (!isElement(node)) continue;
      const element = node;
      const name = element.localName;
      if (SKIPPED.has(name)) continue;
      if (depth > MAX_DEPTH) {
        out.push({ type: 'text', value: textOf(element) });
        continue;
      }
      if (name === 's') out.push({ type: 'text', value: ' '.repeat(Math.min(countOf(element, 'c'), 1000)) });
      else if (name === 'tab') out.push({ type: 'text', value: '\t' });
      else if (name === 'line-break') out.push(h('br', {}, []));
      else if (name === 'note') out.push(this.noteCitation(element));
      else if (name === 'span')
        out.push(
          h(
            'span',
            styleProperties(this.styles.emphasisOf(element.getAttributeNS(TEXT_NS, 'style-name'), 'text')),
            this.inline(element, depth + 1),
          ),
        );
      else if (name === 'a') out.push(h('a', {}, this.inline(element, depth + 1)));
      else if (element.namespaceURI === DRAW_NS && name === 'frame') out.push(...this.frameText(element, depth + 1));
      else out.push(...this.inline(element, depth + 1));
    }
    return out;
  }

  /** A footnote mark where the note is cited, as the link the HTML reader knows; the note's own text is not read here. */
  private noteCitation(note: XmlElement): Element {
    this.notes++;
    let citation = '';
    for (let node = note.firstChild; node; node = node.nextSibling) {
      if (isElement(node) && node.localName === 'note-citation') citation = textOf(node);
    }
    return h('sup', {}, [
      h('a', { href: `#footnote-${this.notes}` }, [{ type: 'text', value: citation || String(this.notes) }]),
    ]);
  }

  /** A text box in a paragraph holds paragraphs of its own: read as lines of the paragraph around it. */
  private frameText(frame: XmlElement, depth: number): ElementContent[] {
    const out: ElementContent[] = [];
    for (let node = frame.firstChild; node; node = node.nextSibling) {
      if (isElement(node) && node.localName === 'text-box') {
        for (const block of this.blockChildren(node, depth)) out.push(h('br', {}, []), ...block.children);
      }
    }
    return out;
  }

  /**
   * A list and the lists nested in it. Numbers follow Writer: a list starts again
   * at its level's start value unless it continues another (`text:continue-list`
   * names the list, `text:continue-numbering` takes the last list of its style);
   * an item may set its own start value.
   */
  private list(element: XmlElement, outer: ListState | null, level: number, depth: number): Element[] {
    if (depth > MAX_DEPTH) return [h('p', {}, [{ type: 'text', value: textOf(element) }])];
    const styleName =
      element.getAttributeNS(TEXT_NS, 'style-name') ||
      outer?.style ||
      this.styles.listStyleOf(firstParagraphStyle(element));
    const state = outer ?? this.listState(element, styleName);
    const levelStyle = this.styles.listLevel(styleName, level);
    const numbered = levelStyle?.numbered ?? false;
    const items: Element[] = [];
    const loose: Element[] = [];
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      const item = node;
      if (item.localName !== 'list-item' && item.localName !== 'list-header') continue;
      // An item that opens with a nested list shows no number of its own and takes none.
      const header = item.localName === 'list-header' || firstElementName(item) === 'list';
      let number = 0;
      if (numbered && !header) {
        const own = Number.parseInt(item.getAttributeNS(TEXT_NS, 'start-value') ?? '', 10);
        const previous = state.counters[level];
        number = Number.isFinite(own) ? own : previous === undefined ? (levelStyle?.start ?? 1) : previous + 1;
        state.counters[level] = number;
        state.counters.length = level + 1;
      }
      const content: Element[] = [];
      for (let child = item.firstChild; child; child = child.nextSibling) {
        if (!isElement(child)) continue;
        const part = child;
        if (part.namespaceURI === TEXT_NS && part.localName === 'list')
          content.push(...this.list(part, state, level + 1, depth + 1));
        else content.push(...this.block(part, depth + 1));
      }
      // A numbered heading (Writer's chapter numbering) is a heading, not an item; a wrapper around a nested list is no item either.
      if (content.length > 0 && content.every((c) => /^(?:h[1-6]|ol|ul)$/.test(c.tagName))) {
        flush();
        loose.push(...content);
        continue;
      }
      items.push(h('li', numbered && !header ? { value: String(number) } : {}, content));
    }
    flush();
    return loose;

    function flush(): void {
      if (items.length === 0) return;
      loose.push(h(numbered ? 'ol' : 'ul', {}, items.splice(0)));
    }
  }

  private listState(element: XmlElement, style: string | null): ListState {
    const continues = element.getAttributeNS(TEXT_NS, 'continue-list');
    const continued = continues
      ? this.listsById.get(continues)
      : element.getAttributeNS(TEXT_NS, 'continue-numbering') === 'true'
        ? style
          ? this.lastListByStyle.get(style)
          : this.lastList
        : undefined;
    const state: ListState = continued ? { style, counters: continued.counters } : { style, counters: [] };
    const id = element.getAttributeNS(XML_NS, 'id') ?? element.getAttribute('xml:id');
    if (id) this.listsById.set(id, state);
    if (style) this.lastListByStyle.set(style, state);
    this.lastList = state;
    return state;
  }

  private table(element: XmlElement, depth: number): Element {
    const sections: Element[] = [];
    const body: Element[] = [];
    const rowsOf = (parent: XmlElement, into: Element[]): void => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (!isElement(node)) continue;
        const child = node;
        if (child.localName === 'table-row') {
          const row = this.tableRow(child, depth + 1);
          const repeat = Math.min(countOf(child, 'number-rows-repeated', TABLE_NS), MAX_REPEATED_ROWS);
          for (let i = 0; i < repeat; i++) into.push(row);
        } else if (child.localName === 'table-header-rows') {
          const head: Element[] = [];
          rowsOf(child, head);
          sections.push(h('thead', {}, head));
        } else if (child.localName === 'table-rows' || child.localName === 'table-row-group') {
          rowsOf(child, into);
        }
      }
    };
    rowsOf(element, body);
    return h('table', {}, [...sections, h('tbody', {}, body)]);
  }

  private tableRow(row: XmlElement, depth: number): Element {
    const cells: Element[] = [];
    for (let node = row.firstChild; node; node = node.nextSibling) {
      if (!isElement(node) || node.localName !== 'table-cell') continue;
      const cell = node;
      const properties: Properties = {};
      const colSpan = countOf(cell, 'number-columns-spanned', TABLE_NS);
      const rowSpan = countOf(cell, 'number-rows-spanned', TABLE_NS);
      if (colSpan > 1) properties.colSpan = colSpan;
      if (rowSpan > 1) properties.rowSpan = rowSpan;
      const td = h('td', properties, this.blockChildren(cell, depth));
      const repeat = Math.min(countOf(cell, 'number-columns-repeated', TABLE_NS), MAX_REPEATED_CELLS);
      for (let i = 0; i < repeat; i++) cells.push(td);
    }
    return h('tr', {}, cells);
  }
}

function h(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Emphasis a style sets, as the inline CSS the HTML reader applies over what it inherits. */
function styleProperties(emphasis: StyleEmphasis): Properties {
  const declarations: string[] = [];
  if (emphasis.bold !== undefined) declarations.push(`font-weight:${emphasis.bold ? 'bold' : 'normal'}`);
  if (emphasis.italic !== undefined) declarations.push(`font-style:${emphasis.italic ? 'italic' : 'normal'}`);
  return declarations.length > 0 ? { style: declarations.join(';') } : {};
}

/** An integer count attribute (`text:c`, `table:number-columns-repeated` …), 1 when absent or nonsense. */
function countOf(element: XmlElement, name: string, ns: string = TEXT_NS): number {
  const n = Number.parseInt(element.getAttributeNS(ns, name) ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function firstElementName(element: XmlElement): string | null {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (isElement(node)) return node.localName;
  }
  return null;
}

/** The style of the first paragraph in a list: a list without a style of its own may take it from there. */
function firstParagraphStyle(list: XmlElement): string | null {
  const stack: XmlNode[] = [list];
  for (let steps = 0; stack.length > 0 && steps < 1000; steps++) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const element = node;
    if (element !== list && (element.localName === 'p' || element.localName === 'h'))
      return element.getAttributeNS(TEXT_NS, 'style-name');
    const children: XmlNode[] = [];
    for (let child = element.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/** All text under an element, without recursion (used where markup is too deep to walk). */
function textOf(element: XmlElement): string {
  let text = '';
  const stack: XmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? '';
      continue;
    }
    const children: XmlNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text;
}
