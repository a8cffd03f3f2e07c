import { elements, isElement, type XmlDocument, type XmlElement } from '../shared/xml-dom.js';

/**
 * The styles of an OpenDocument text that decide how it reads: bold and italic
 * (through a style's parents, as Writer applies them), the list style a
 * paragraph style attaches, and each list style's numbering per level. Automatic
 * styles (the ones Writer makes for direct formatting) live in content.xml,
 * common styles in styles.xml; both are read.
 */

export const STYLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
export const FO_NS = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0';
export const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

interface StyleEntry {
  parent: string | null;
  bold?: boolean;
  italic?: boolean;
  listStyle?: string;
}

/** Emphasis a style sets; absent fields leave the surrounding text's emphasis. */
export interface StyleEmphasis {
  bold?: boolean;
  italic?: boolean;
}

/** One level of a list style. */
export interface ListLevel {
  numbered: boolean;
  /** The first number at this level (`text:start-value`, 1 when absent). */
  start: number;
  prefix: string;
  suffix: string;
}

// Parent chains longer than this are loops or attacks, not documents.
const MAX_PARENT_DEPTH = 32;

export class OdtStyles {
  private readonly styles = new Map<string, StyleEntry>();
  private readonly lists = new Map<string, Map<number, ListLevel>>();

  constructor(documents: XmlDocument[]) {
    for (const document of documents) {
      for (const style of elements(document.getElementsByTagNameNS(STYLE_NS, 'style'))) this.addStyle(style);
      for (const list of elements(document.getElementsByTagNameNS(TEXT_NS, 'list-style'))) this.addListStyle(list);
    }
  }

  /** Bold and italic as the style and its parents set them, the nearest setting winning. */
  emphasisOf(name: string | null, family: 'paragraph' | 'text'): StyleEmphasis {
    const emphasis: StyleEmphasis = {};
    let current = name;
    for (let depth = 0; current && depth < MAX_PARENT_DEPTH; depth++) {
      const style = this.styles.get(`${family}:${current}`);
      if (!style) break;
      if (emphasis.bold === undefined && style.bold !== undefined) emphasis.bold = style.bold;
      if (emphasis.italic === undefined && style.italic !== undefined) emphasis.italic = style.italic;
      current = style.parent;
    }
    return emphasis;
  }

  /** The list style a paragraph style attaches (Writer's "Numbering" paragraph setting), through its parents. */
  listStyleOf(paragraphStyle: string | null): string | null {
    let current = paragraphStyle;
    for (let depth = 0; current && depth < MAX_PARENT_DEPTH; depth++) {
      const style = this.styles.get(`paragraph:${current}`);
      if (!style) break;
      if (style.listStyle) return style.listStyle;
      current = style.parent;
    }
    return null;
  }

  /** A list style's level (1-based), or null when the style or level is not defined. */
  listLevel(listStyle: string | null, level: number): ListLevel | null {
    return (listStyle && this.lists.get(listStyle)?.get(level)) || null;
  }

  private addStyle(style: XmlElement): void {
    const name = style.getAttributeNS(STYLE_NS, 'name');
    if (!name) return;
    const entry: StyleEntry = { parent: style.getAttributeNS(STYLE_NS, 'parent-style-name') || null };
    const listStyle = style.getAttributeNS(STYLE_NS, 'list-style-name');
    if (listStyle) entry.listStyle = listStyle;
    for (let node = style.firstChild; node; node = node.nextSibling) {
      if (!isElement(node) || node.localName !== 'text-properties') continue;
      const props = node;
      const weight = props.getAttributeNS(FO_NS, 'font-weight');
      if (weight) entry.bold = weight === 'bold' || Number(weight) >= 600;
      const fontStyle = props.getAttributeNS(FO_NS, 'font-style');
      if (fontStyle) entry.italic = fontStyle === 'italic' || fontStyle === 'oblique';
    }
    // Names are unique within a family only: a paragraph and a character style may both be called "Quotation".
    this.styles.set(`${style.getAttributeNS(STYLE_NS, 'family') ?? ''}:${name}`, entry);
  }

  private addListStyle(list: XmlElement): void {
    const name = list.getAttributeNS(STYLE_NS, 'name');
    if (!name) return;
    const levels = new Map<number, ListLevel>();
    for (let node = list.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      const level = node;
      const index = Number.parseInt(level.getAttributeNS(TEXT_NS, 'level') ?? '', 10);
      if (!Number.isFinite(index)) continue;
      const numbered =
        level.localName === 'list-level-style-number' && (level.getAttributeNS(STYLE_NS, 'num-format') ?? '1') !== '';
      const start = Number.parseInt(level.getAttributeNS(TEXT_NS, 'start-value') ?? '1', 10);
      levels.set(index, {
        numbered,
        start: Number.isFinite(start) ? start : 1,
        prefix: level.getAttributeNS(STYLE_NS, 'num-prefix') ?? '',
        suffix: level.getAttributeNS(STYLE_NS, 'num-suffix') ?? '',
      });
    }
    this.lists.set(name, levels);
  }
}
