/** The few XML reading helpers the Word part readers share. */
import { createRequire } from 'node:module';

// Loaded without its type declarations: they pull the browser DOM library into
// every file of the program. The few members used here are typed below.
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- see above
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as { DOMParser: DomParserClass };

export interface XmlNode {
  nodeType: number;
  parentNode: XmlNode | null;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
}
export interface XmlElement extends XmlNode {
  localName: string;
  namespaceURI: string | null;
  getAttributeNS(ns: string, name: string): string | null;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(ns: string, name: string): XmlNodeList;
}
export interface XmlNodeList {
  length: number;
  item(i: number): XmlElement | null;
}
export type XmlDocument = Pick<XmlElement, 'getElementsByTagNameNS'>;
interface DomParserClass {
  new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', (message: unknown) => void> }): {
    parseFromString(text: string, mimeType: string): XmlDocument;
  };
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function parseXml(text: string): XmlDocument {
  // The archive was checked for DOCTYPE and entity declarations before this point.
  return new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined, fatalError: (e: unknown) => { throw e; } } })
    .parseFromString(text, 'application/xml');
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.nodeType === 1; // ELEMENT_NODE
}

export function elements(list: XmlNodeList): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

export function child(element: XmlElement | null | undefined, localName: string): XmlElement | null {
  if (!element) return null;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.localName === localName && node.namespaceURI === W_NS) return node;
  }
  return null;
}

export function val(element: XmlElement | null): string | null {
  return element ? element.getAttributeNS(W_NS, 'val') || element.getAttribute('w:val') : null;
}
