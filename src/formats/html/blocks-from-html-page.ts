import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlocksResult } from '../../blocks/model.js';
import { blocksFromPieces } from '../../blocks/table-from-lines.js';
import { piecesFromHast } from './blocks-from-html.js';
import { classRulesFromCss } from './css-emphasis.js';

/**
 * A saved web page (Google Docs export, CMS page, Word's "Save as Web Page") to
 * blocks, through the same HTML reader that reads Word files and HTML inside
 * Markdown. White space collapses as a browser shows it; bold and italic come
 * from tags, inline styles and the page's class rules; each block carries the
 * line of the file its element starts on. A site's page around the report (menus,
 * site header and footer) is not the report: the page's one `<main>` or
 * `<article>` is read when it has one, and navigation never is.
 */
export function blocksFromHtmlPage(text: string): BlocksResult {
  let root: Root;
  try {
    root = fromHtml(text);
  } catch (error) {
    // The tree builder recurses once per level of nesting; thousands of levels are no document.
    if (!(error instanceof RangeError)) throw error;
    return {
      blocks: [],
      pages: null,
      problem: {
        code: 'UNREADABLE_FILE',
        message: 'The web page nests its elements thousands of levels deep, too deep to read.',
      },
    };
  }
  withoutNavigation(root);
  const content = soleElement(root, 'main') ?? soleElement(root, 'article');
  let lastLine = 1;
  const pieces = piecesFromHast(content ? { type: 'root', children: [content] } : root, {
    whitespace: 'collapse',
    classRules: classRulesFromCss(styleSheetsOf(root)),
    // Loose text between blocks has no element of its own: it takes the line of the element before it.
    provenance: (element) => {
      lastLine = element?.position?.start.line ?? lastLine;
      return { line: lastLine };
    },
  });
  return { blocks: blocksFromPieces(pieces), pages: null };
}

/** Removes `<nav>` elements: a site's menus, never part of a document. */
function withoutNavigation(root: Root): void {
  for (const parent of elementsOf(root)) {
    if (parent.children.some((c) => c.type === 'element' && c.tagName === 'nav')) {
      parent.children = parent.children.filter(
        (c) => c.type !== 'element' || c.tagName !== 'nav',
      ) as typeof parent.children;
    }
  }
}

/** The one element with this tag in the page, or null when there is none or several. */
function soleElement(root: Root, tagName: string): Element | null {
  const found = elementsOf(root).filter((node): node is Element => node.type === 'element' && node.tagName === tagName);
  return found.length === 1 ? found[0]! : null;
}

/** The root and every element under it, parents before children, without recursion. */
function elementsOf(root: Root): (Root | Element)[] {
  const queue: (Root | Element)[] = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const child of queue[i]!.children) if (child.type === 'element') queue.push(child);
  }
  return queue;
}

/** The text of every `<style>` element, in document order. */
function styleSheetsOf(root: Root): string {
  return elementsOf(root)
    .filter((node): node is Element => node.type === 'element' && node.tagName === 'style')
    .map((style) => style.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))
    .join('\n');
}
