import type { Block } from '../../blocks/model.js';

/**
 * Preparing Markdown text for the CommonMark parser: YAML front matter out,
 * pathological input measured or defused, large files cut into sections.
 * Every change keeps the text's length and line breaks, so offsets and line
 * numbers of the parsed tree still point into the file.
 */

/**
 * Estimated parse time, in microseconds, above which nesting is taken for an
 * attack rather than a report (see `nestingCost`). Real reports nest two or
 * three levels and stay far below it even at several megabytes.
 */
export const MAX_NESTING_COST = 10_000_000;
/** Emphasis runs longer than this are decoration; micromark matches their delimiters in quadratic time. */
const LONG_DELIMITER_RUN = /\*{17,}|_{17,}/g;
/**
 * micromark's inline parsing grows with the square of the emphasis, link and
 * code marks in one paragraph (5,000 links in a paragraph take seconds; each
 * unmatched backtick looks for its closing run to the paragraph's end, so a
 * megabyte line of them takes minutes and gigabytes); a paragraph with more
 * marks than this is read as plain text.
 */
const MAX_INLINE_MARKS = 256;
const INLINE_MARK = /[*_[\]`]/g;
const INLINE_MARK_BUT_BACKTICK = /[*_[\]]/g;
const MASK: Record<string, string> = { '*': '\ue001', _: '\ue002', '[': '\ue003', ']': '\ue004', '`': '\ue005' };
const UNMASK: Record<string, string> = Object.fromEntries(Object.entries(MASK).map(([mark, masked]) => [masked, mark]));
const CHUNK_CHARS = 256 * 1024;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Cuts the text before ATX headings that follow a blank line outside fenced
 * code: such a heading always starts a new top-level block, so the pieces parse
 * as the whole would (link reference definitions aside).
 */
export function chunksOf(text: string): { text: string; firstLine: number }[] {
  if (text.length <= CHUNK_CHARS) return [{ text, firstLine: 1 }];
  const chunks: { text: string; firstLine: number }[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let fence: string | null = null;
  let previousBlank = false;
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const lineEnd = end < 0 ? text.length : end;
    const content = text.slice(pos, Math.min(lineEnd, pos + 64));
    const fenceMark = FENCE.exec(content)?.[1];
    if (fence === null && previousBlank && pos - chunkStart >= CHUNK_CHARS && ATX_HEADING.test(content)) {
      chunks.push({ text: text.slice(chunkStart, pos), firstLine: chunkLine });
      chunkStart = pos;
      chunkLine = line;
    }
    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    }
    previousBlank = content.trim() === '' && lineEnd - pos < 64;
    if (end < 0) break;
    pos = end + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), firstLine: chunkLine });
  return chunks;
}

/**
 * YAML front matter at the top: each `key: value` line becomes a paragraph
 * `Key: value`; nested or list values are skipped. The block is blanked in the
 * text handed to the parser so that offsets and line numbers stay true.
 */
export function frontMatterSplit(text: string): { frontMatter: Block[]; body: string } {
  if (!/^---[ \t]*\n/.test(text)) return { frontMatter: [], body: text };
  const lines = text.split('\n', 200);
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
  if (close < 0) return { frontMatter: [], body: text };
  const frontMatter: Block[] = [];
  for (let i = 1; i < close; i++) {
    const m = /^([A-Za-z][\w -]*?)[ \t]*:[ \t]+(.+?)[ \t]*$/.exec(lines[i]!);
    if (!m) continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
    const label = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
    const line = `${label}: ${value}`;
    frontMatter.push({ kind: 'paragraph', text: line, spans: [{ text: line }], source: { line: i + 1 } });
  }
  const length = lines.slice(0, close + 1).join('\n').length;
  return { frontMatter, body: text.slice(0, length).replace(/[^\n]/g, ' ') + text.slice(length) };
}

/** Lines of their own (thematic breaks) are fast and keep their meaning; only runs inside text are masked. */
export function longDelimiterRunsMasked(text: string): string {
  LONG_DELIMITER_RUN.lastIndex = 0;
  if (!LONG_DELIMITER_RUN.test(text)) return text;
  return text.replace(LONG_DELIMITER_RUN, (run, offset: number) => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (line.trim() === run) return run;
    return MASK[run[0]!]!.repeat(run.length);
  });
}

/**
 * Masks the emphasis and link marks of blocks that carry too many of them. A
 * block ends at a blank line or where a list item or heading starts, since
 * inline markup cannot cross those.
 */
export function inlineHeavyBlocksMasked(text: string): string {
  const total = text.match(INLINE_MARK)?.length ?? 0;
  if (total <= MAX_INLINE_MARKS) return text;
  const lines = text.split('\n');
  let start = 0;
  const flush = (end: number): void => {
    let count = 0;
    for (let i = start; i < end; i++) count += lines[i]!.match(INLINE_MARK)?.length ?? 0;
    if (count > MAX_INLINE_MARKS) {
      // A fence line keeps its backticks: masked, it would stop being a fence.
      for (let i = start; i < end; i++)
        lines[i] = lines[i]!.replace(FENCE.test(lines[i]!) ? INLINE_MARK_BUT_BACKTICK : INLINE_MARK, (c) => MASK[c]!);
    }
  };
  lines.forEach((line, i) => {
    if (line.trim() === '' || /^\s{0,3}(?:[-+*]\s|\d{1,9}[.)]\s|#)/.test(line)) {
      flush(i);
      start = i;
    }
  });
  flush(lines.length);
  return lines.join('\n');
}

function unmaskText(text: string): string {
  return text.replace(/[\ue001-\ue005]/g, (c) => UNMASK[c]!);
}

export function unmasked(block: Block): Block {
  if (block.kind === 'table') return { ...block, rows: block.rows.map((row) => row.map(unmaskText)) };
  return {
    ...block,
    text: unmaskText(block.text),
    spans: block.spans.map((span) => ({ ...span, text: unmaskText(span.text) })),
  };
}

/**
 * Estimated time the container structure costs the parser, in microseconds.
 * micromark rechecks every open quote or list on each line (about 30 us per
 * container per line here) and opening containers costs about the square of
 * the depth (5 us units); measured on 10k-deep quotes and lists.
 */
export function nestingCost(text: string): { total: number; deepest: number; line: number } {
  let total = 0;
  let deepest = 0;
  let deepestLine = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    lineNo++;
    const end = text.indexOf('\n', pos);
    const lineEnd = end < 0 ? text.length : end;
    let depth = 0;
    let indent = -1;
    let i = pos;
    for (;;) {
      let columns = 0;
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) {
        columns += text[i] === '\t' ? 4 : 1;
        i++;
      }
      if (indent < 0) indent = columns;
      const c = text[i];
      if (c === '>') {
        depth++;
        i++;
        continue;
      }
      if ((c === '-' || c === '+' || c === '*') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        depth++;
        i += 2;
        continue;
      }
      let d = i;
      while (d < lineEnd && d - i < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
      if (d > i && (text[d] === '.' || text[d] === ')') && (text[d + 1] === ' ' || text[d + 1] === '\t')) {
        depth++;
        i = d + 2;
        continue;
      }
      break;
    }
    // Lists nest by indentation too: a marker indented 2n columns can sit n lists deep.
    if (depth > 0) depth += Math.floor(indent / 2);
    total += 30 * depth + 5 * depth * depth;
    if (depth > deepest) {
      deepest = depth;
      deepestLine = lineNo;
    }
    if (end < 0) break;
    pos = end + 1;
  }
  return { total, deepest, line: deepestLine };
}
