/** The few XML reading helpers the Word part readers share. */
import {
  elements,
  isElement,
  parseXml,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
  type XmlNodeList,
} from '../shared/xml-dom.js';

export { elements, isElement, parseXml };
export type { XmlDocument, XmlElement, XmlNode, XmlNodeList };

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

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
