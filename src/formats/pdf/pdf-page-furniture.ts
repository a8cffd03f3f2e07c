import { editDistance } from '../../blocks/edit-distance.js';
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
// The gap before a running head or foot is this many times the pitch of the lines beyond it.
const CLEARLY_WIDER = 1.3;
// The body's pitch is taken from this many gaps past the widest.
const PITCH_LINES = 3;
// Lines split into this many segments look like table rows rather than running heads.
const TABLE_LIKE_SEGMENTS = 4;

// A bare number has at most three digits: a year standing alone ("2023") is a date line.
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,3}\s*[-–—]?$/,
  /^(page|p\.|seite|página|pagina|страница|стр\.)\s*\d{1,4}(\s*(of|von|de|из|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(\/|of)\s*\d{1,4}$/i,
  /^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$/i,
];

// A recognised "Page 1 of 2" whose middle the engine ran together or misread ("Page Lot 2",
// "Page l 0f 2"): the word, at most two short pieces, the page count.
const RECOGNISED_PAGE_NUMBER = /^page\s+\S{1,4}(\s+\S{1,3})?\s+\d{1,4}$/i;

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
  // The body's own pitch beyond the gap (the closest of its next lines: a heading stands
  // apart): rows of a table stand as far apart as a footer stands from the text.
  let inside = Infinity;
  for (let k = cut + 1; k < Math.min(lines.length - 1, cut + 1 + PITCH_LINES); k++)
    inside = Math.min(inside, Math.abs(lines[k]!.y - lines[k + 1]!.y));
  if (!Number.isFinite(inside)) inside = 0;
  const detached = widest > DETACHED_GAP * lines[cut]!.size && widest > CLEARLY_WIDER * inside;
  return detached ? edge.slice(0, cut + 1) : [];
}

// A footnote's number is set at most this share of its text's size.
const FOOTNOTE_NUMBER_SIZE = 0.85;
// The number sits on its own baseline at most this many text sizes above the footnote's first line.
const FOOTNOTE_NUMBER_RAISE = 1.2;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Numbers written in superscript digits in the line: footnote references (see pdf-lines.ts). */
function referencesIn(text: string): number[] {
  return [...text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)].map((match) =>
    Number([...match[0]].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('')),
  );
}

/** The number a footnote starting at `lines[k]` carries, or null: a small number above or before its text. */
function footnoteNumberAt(lines: readonly PdfLine[], k: number): number | null {
  const line = lines[k]!;
  const lead = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S/.exec(line.text);
  if (lead) return referencesIn(lead[1]!)[0]!;
  // Some styles print the note's number in the note's own (smaller) size, not raised:
  // "1Complaint figures …", "1 Complaint figures …"; "1." or "1)" would be a list number.
  const plain = /^(\d{1,2})\s?[^\d\s.)]/.exec(line.text);
  const above = lines[k - 1];
  if (plain && above && line.size <= FOOTNOTE_NUMBER_SIZE * above.size) return Number(plain[1]);
  const next = lines[k + 1];
  if (!/^\d{1,2}$/.test(line.text.trim()) || !next || next.area !== line.area) return null;
  const small = line.size <= FOOTNOTE_NUMBER_SIZE * next.size;
  const close = line.y > next.y && line.y - next.y <= FOOTNOTE_NUMBER_RAISE * next.size;
  return small && close && line.x <= next.x ? Number(line.text.trim()) : null;
}

/**
 * The page's lines without the footnotes at its foot. A footnote starts with a small
 * number that a superscript reference higher up on the page already gave; it and every
 * line below it belong to the footnote area, which must not run into the body text
 * (a list item crossing the page break would take the footnote in).
 */
function linesWithoutFootnotes(page: PageLines, lines: readonly PdfLine[]): PdfLine[] {
  const ordered = [...lines].sort((a, b) => b.y - a.y);
  const middle = (page.top + page.bottom) / 2;
  const referenced = new Set<number>();
  for (let k = 0; k < ordered.length; k++) {
    const line = ordered[k]!;
    if (line.y < middle && referenced.size > 0) {
      const number = footnoteNumberAt(ordered, k);
      if (number !== null && referenced.has(number)) {
        const foot = new Set(ordered.slice(k));
        return lines.filter((l) => !foot.has(l));
      }
    }
    for (const n of referencesIn(line.text)) referenced.add(n);
  }
  return [...lines];
}

/** Each page's lines without its header, footer and page number lines, and without its footnotes. */
export function pagesWithoutFurniture(pages: readonly PageLines[]): PdfLine[][] {
  const edges = pages.map(edgeLines);
  const keyOf = marginKeys(edges);
  const pagesByKey = new Map<string, Set<number>>();
  edges.forEach((lines, index) => {
    for (const line of lines) {
      const key = keyOf.get(line)!;
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
          (line.confidence !== undefined && RECOGNISED_PAGE_NUMBER.test(line.text.trim())) ||
          // A margin line that ends or starts with the page number ("Report 2023   3", "file:… 1/2"),
          // not a table's row that ends in a small total.
          (line.segments.length > 1 &&
            line.segments.length < TABLE_LIKE_SEGMENTS &&
            [line.segments[0]!, line.segments[line.segments.length - 1]!].some((s) => isPageNumberText(s.text))) ||
          // A table header row repeated on every page is table content, not a page header.
          (line.segments.length < TABLE_LIKE_SEGMENTS && pagesByKey.get(keyOf.get(line)!)!.size >= needed),
      ),
    );
    return linesWithoutFootnotes(
      page,
      page.lines.filter((line) => !drop.has(line)),
    );
  });
}

// OCR misreads a letter here and there ("AI" as "Al"): a recognised margin line at most
// this many edits per character away from a margin line of another page repeats it.
const MISREAD_SHARE = 0.1;
// Shorter lines ("Draft", a date) must repeat letter for letter.
const MIN_MISREAD_LENGTH = 10;

/**
 * The repeat key of every margin line. A recognised line that repeats no other page's
 * margin line exactly takes the key of one it nearly repeats, so a running head read by
 * OCR on a scanned page is still known for the one the text pages print.
 */
function marginKeys(edges: readonly PdfLine[][]): Map<PdfLine, string> {
  const keyOf = new Map<PdfLine, string>();
  const pagesByKey = new Map<string, Set<number>>();
  const note = (line: PdfLine, key: string, index: number): void => {
    keyOf.set(line, key);
    if (!pagesByKey.has(key)) pagesByKey.set(key, new Set());
    pagesByKey.get(key)!.add(index);
  };
  edges.forEach((lines, index) => {
    for (const line of lines) note(line, repeatKey(line.text), index);
  });
  edges.forEach((lines, index) => {
    for (const line of lines) {
      const key = keyOf.get(line)!;
      const elsewhere = (k: string): boolean => [...pagesByKey.get(k)!].some((page) => page !== index);
      if (line.confidence === undefined || key.length < MIN_MISREAD_LENGTH || elsewhere(key)) continue;
      const allowed = Math.floor(MISREAD_SHARE * key.length);
      let best: { key: string; distance: number } | null = null;
      for (const other of pagesByKey.keys()) {
        if (Math.abs(other.length - key.length) > allowed || !elsewhere(other)) continue;
        const distance = editDistance(key, other);
        if (distance <= allowed && (!best || distance < best.distance)) best = { key: other, distance };
      }
      if (best) note(line, best.key, index);
    }
  });
  return keyOf;
}
