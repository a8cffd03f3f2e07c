import type { PdfLine } from './pdf-lines.js';

/**
 * Page headers, footers and page numbers: text a word processor repeats in the
 * margins of every page. They must not end up inside the paragraph or list item
 * that runs over the page break, so they are dropped before blocks are built.
 */

export interface PageLines {
  bottom: number;
  top: number;
  lines: PdfLine[];
}

// Share of the page height, from the top or the bottom edge, where headers and footers sit.
const BAND = 0.13;
// How many lines at each end of a page may be furniture (a header can have two lines).
const EDGE_LINES = 3;
// A running head or foot is further from the body than this many font sizes.
const DETACHED_GAP = 1.8;
// Lines split into this many segments look like table rows rather than running heads.
const TABLE_LIKE_SEGMENTS = 4;

// A bare number has at most three digits: a year standing alone ("2023") is a date line.
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,3}\s*[-–—]?$/,
  /^(page|p\.|seite|página|pagina|страница|стр\.)\s*\d{1,4}(\s*(of|von|de|из|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(\/|of)\s*\d{1,4}$/i,
  /^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$/i,
];

export function isPageNumberText(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER.some((pattern) => pattern.test(trimmed));
}

function repeatKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Lines at the top or bottom edge of their page that stand apart from the body:
 * within the margin band, at most EDGE_LINES of them, before the widest gap between
 * lines there, and only when that gap is clearly wider than a line pitch (a running
 * head sits in the margin; the first line of the body does not).
 */
function edgeLines(page: PageLines): PdfLine[] {
  const height = page.top - page.bottom;
  const ordered = [...page.lines].sort((a, b) => b.y - a.y);
  const top = detachedLines(ordered, (line) => line.y >= page.top - BAND * height);
  const bottom = detachedLines([...ordered].reverse(), (line) => line.y <= page.bottom + BAND * height);
  return [...new Set([...top, ...bottom])];
}

/** `lines` run from the page edge inwards. */
function detachedLines(lines: readonly PdfLine[], inBand: (line: PdfLine) => boolean): PdfLine[] {
  const edge: PdfLine[] = [];
  for (const line of lines.slice(0, EDGE_LINES)) {
    if (!inBand(line)) break;
    edge.push(line);
  }
  if (edge.length === 0 || lines.length === edge.length) return edge;
  let cut = -1;
  let widest = 0;
  for (let k = 0; k < edge.length; k++) {
    const gap = Math.abs(lines[k]!.y - lines[k + 1]!.y);
    if (gap > widest) [cut, widest] = [k, gap];
  }
  return widest > DETACHED_GAP * lines[cut]!.size ? edge.slice(0, cut + 1) : [];
}

/** Each page's lines without its header, footer and page number lines. */
export function pagesWithoutFurniture(pages: readonly PageLines[]): PdfLine[][] {
  const edges = pages.map(edgeLines);
  const pagesByKey = new Map<string, Set<number>>();
  edges.forEach((lines, index) => {
    for (const line of lines) {
      const key = repeatKey(line.text);
      if (!pagesByKey.has(key)) pagesByKey.set(key, new Set());
      pagesByKey.get(key)!.add(index);
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, index) => {
    const drop = new Set(
      edges[index]!.filter(
        (line) =>
          isPageNumberText(line.text) ||
          // A margin line that ends or starts with the page number ("Report 2023   3", "file:… 1/2").
          (line.segments.length > 1 && [line.segments[0]!, line.segments[line.segments.length - 1]!].some((s) => isPageNumberText(s.text))) ||
          // A table header row repeated on every page is table content, not a page header.
          (line.segments.length < TABLE_LIKE_SEGMENTS && pagesByKey.get(repeatKey(line.text))!.size >= needed),
      ),
    );
    return page.lines.filter((line) => !drop.has(line));
  });
}
