import { listMarkerFromText } from '../../blocks/list-marker.js';
import type { Block } from '../../blocks/model.js';
import { spansTrimmed, textOfSpans } from '../../blocks/spans.js';
import { cellSourcesOfRun, runsFromLines } from '../../blocks/table-from-lines.js';

/**
 * The plain parts of a Markdown file read line by line, without the CommonMark
 * parser: blank-line-separated stretches made only of ATX headings, markup-free
 * paragraphs, markup-free ordered list items, or one pipe or grid table. Most
 * of a report is such text, and the parser costs far more per character than
 * these checks (a syntax tree with positions per word). Everything else, and
 * every stretch whose reading could depend on its neighbours, is left to the
 * parser.
 *
 * A stretch is taken only when it starts at column 0 after a blank line (so it
 * begins a new top-level block and closes any list or quote before it), and the
 * next stretch starts at column 0 too (so taking it out cannot join an indented
 * stretch after it to a list before it). Outside fenced code and HTML blocks
 * that run across blank lines only.
 */

/** Characters that may start inline markup (strikethrough too), entities, HTML or table cells. */
const MARKUP = /[\\`*_&<[\]|\t~]/;
/**
 * Line starts that open, or may open, a block other than a paragraph: ATX
 * headings, quotes, bullets, thematic breaks and setext underlines, fences,
 * HTML, ordered items.
 */
const BLOCK_START = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|[>`~<|]|[-+*](?:[ \t]|$)|[-=_* \t]+$|\d{1,9}[.)](?:[ \t]|$))/;
const ATX_HEADING = /^(#{1,6})[ \t]+(.*)$/;
const ORDERED_ITEM = /^(\d{1,9})([.)]) {1,4}(?=\S)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML whose block runs across blank lines, by what ends it. */
const SPANNING_HTML: readonly [RegExp, RegExp][] = [
  [/<!--/, /-->/],
  [/<\?/, /\?>/],
  [/<!\[CDATA\[/, /\]\]>/],
  [/<(?:pre|script|style|textarea)\b/i, /<\/(?:pre|script|style|textarea)\s*>/i],
  [/<table\b/i, /<\/table\s*>/i],
];

export interface PlainSplit {
  /** Blocks of the plain stretches, in order, with their line numbers. */
  blocks: Block[];
  /**
   * The text between those stretches, for the parser, in pieces that each
   * parse on their own (a plain stretch is a top-level block boundary), with
   * the line each starts on. Small pieces also keep the parser fast: its cost
   * grows faster than the length of what it is given.
   */
  rest: { text: string; firstLine: number }[];
}

export function plainBlocksSplit(text: string, cellsCleaned: (rows: string[][]) => string[][]): PlainSplit {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const rest: { text: string; firstLine: number }[] = [];
  let restStart = 0;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  // Set when fence lines follow an HTML line in one stretch: whether they open code
  // depends on what kind of HTML block that is, so nothing after is taken.
  let unsure = false;
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    let open = fence !== null || htmlEnd !== null || unsure;
    let changesState = false;
    let htmlLine = false;
    for (; end < lines.length && !isBlank(lines[end]!); end++) {
      const line = lines[end]!;
      const fenceMark = FENCE.exec(line)?.[1];
      if (fenceMark && htmlLine && fence === null) unsure = true;
      if (/^ {0,3}</.test(line)) htmlLine = true;
      if (fence !== null) {
        if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
        changesState = true;
        continue;
      }
      if (fenceMark) {
        fence = fenceMark;
        changesState = true;
        continue;
      }
      if (htmlEnd !== null) {
        changesState = true;
        if (htmlEnd.test(line)) htmlEnd = null;
        continue;
      }
      if (line.includes('<')) {
        for (const [start, stop] of SPANNING_HTML) {
          const at = line.search(start);
          if (at >= 0 && !stop.test(line.slice(at))) {
            htmlEnd = stop;
            changesState = true;
            break;
          }
        }
      }
    }
    open = open || changesState;
    let next = end;
    while (next < lines.length && isBlank(lines[next]!)) next++;
    const startsFlush = (at: number): boolean => at >= lines.length || !/^[ \t]/.test(lines[at]!);
    const read = !open && startsFlush(i) && startsFlush(next) ? plainBlocksOf(lines, i, end, cellsCleaned) : null;
    if (read) {
      blocks.push(...read);
      if (i > restStart) rest.push({ text: lines.slice(restStart, i).join('\n'), firstLine: restStart + 1 });
      restStart = end;
    }
    i = end;
  }
  if (restStart === 0) return { blocks, rest: [{ text, firstLine: 1 }] };
  if (restStart < lines.length) rest.push({ text: lines.slice(restStart).join('\n'), firstLine: restStart + 1 });
  return { blocks, rest: rest.filter((piece) => !isBlank(piece.text.replace(/\n/g, ''))) };
}

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** A tab inside a line may make it a table row; tabs around it are only indentation. */
function isPlain(line: string): boolean {
  return !MARKUP.test(stripped(line)) && !BLOCK_START.test(line) && listMarkerFromText(line) === null;
}

/** Blocks of lines `from`..`to` (one stretch), or null when any part needs the parser. */
function plainBlocksOf(
  lines: readonly string[],
  from: number,
  to: number,
  cellsCleaned: (rows: string[][]) => string[][],
): Block[] | null {
  const blocks: Block[] = [];
  let at = from;
  for (; at < to; at++) {
    const heading = ATX_HEADING.exec(lines[at]!);
    if (!heading) break;
    const text = heading[2]!.replace(/[ \t]+#+[ \t]*$/, '').replace(/[ \t]+$/, '');
    if (text === '' || /^#+$/.test(text) || MARKUP.test(text)) return null;
    blocks.push({ kind: 'heading', level: heading[1]!.length, text, spans: [{ text }], source: { line: at + 1 } });
  }
  if (at === to) return blocks;
  const first = lines[at]!;
  // After a heading an indented line opens a code block, not a paragraph.
  if (/^[ \t]/.test(first)) return null;
  if (first[0] === '|' || first.startsWith('+-')) {
    // Every line a row or border: a line that opens another block (a quote, a list) ends the table's paragraph.
    for (let k = at; k < to; k++) if (!/^ {0,3}(?:\||\+[-=:])/.test(lines[k]!)) return null;
    const runs = runsFromLines(lines.slice(at, to));
    const only = runs[0];
    if (runs.length !== 1 || only?.kind !== 'pipe-table' || only.end !== to - at) return null;
    const source = { line: at + 1 };
    blocks.push({
      kind: 'table',
      rows: cellsCleaned(only.rows),
      headerRows: only.headerRows,
      source,
      cellSources: cellSourcesOfRun(only, source),
    });
    return blocks;
  }
  if (ORDERED_ITEM.test(first)) {
    let item: { marker: string; number: number; lines: string[]; line: number } | null = null;
    const flush = (): void => {
      if (!item) return;
      const spans = spansTrimmed([{ text: item.lines.join('\n') }]);
      blocks.push({
        kind: 'list-item',
        marker: item.marker,
        number: item.number,
        text: textOfSpans(spans),
        spans,
        depth: 0,
        source: { line: item.line },
      });
    };
    for (; at < to; at++) {
      const line = lines[at]!;
      const marker = ORDERED_ITEM.exec(line);
      if (marker) {
        const rest = line.slice(marker[0].length);
        if (!isPlain(rest)) return null;
        flush();
        item = {
          marker: marker[1]! + marker[2]!,
          number: Number.parseInt(marker[1]!, 10),
          lines: [stripped(rest)],
          line: at + 1,
        };
        continue;
      }
      if (!isPlain(line)) return null;
      item!.lines.push(stripped(line));
    }
    flush();
    return blocks;
  }
  const paragraph: string[] = [];
  for (; at < to; at++) {
    if (!isPlain(lines[at]!)) return null;
    paragraph.push(stripped(lines[at]!));
  }
  const spans = spansTrimmed([{ text: paragraph.join('\n') }]);
  if (spans.length > 0)
    blocks.push({ kind: 'paragraph', text: textOfSpans(spans), spans, source: { line: to - paragraph.length + 1 } });
  return blocks;
}

/** Spaces and tabs around a line go, as CommonMark strips them in a paragraph (other white space stays). */
function stripped(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/g, '');
}
