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
 * line of the file its element starts on.
 */
export function blocksFromHtmlPage(text: string): BlocksResult {
  const root = fromHtml(text);
  let lastLine = 1;
  const pieces = piecesFromHast(root, {
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

/** The text of every `<style>` element, in document order. */
function styleSheetsOf(root: Root): string {
  const sheets: string[] = [];
  const queue: (Root | Element)[] = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const child of queue[i]!.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'style') sheets.push(child.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
      else queue.push(child);
    }
  }
  return sheets.join('\n');
}
