/** The XML reader every format that parses XML parts shares (Word, OpenDocument). */
import { createRequire } from 'node:module';

// Loaded without its type declarations: they pull the browser DOM library into
// every file of the program. The few members used here are typed below.
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- see above
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as { DOMParser: DomParserClass };

export interface XmlNode {
  nodeType: number;
  nodeValue: string | null;
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

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a part whose archive was checked for DOCTYPE and entity declarations (zip-safety) before this point. */
export function parseXml(text: string): XmlDocument {
  return new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => undefined,
      fatalError: (e: unknown) => {
        throw e;
      },
    },
  }).parseFromString(text, 'application/xml');
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.nodeType === ELEMENT_NODE;
}

export function elements(list: XmlNodeList): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}
