import type { Span } from './model.js';

/** Emphasis in force while walking inline content. */
export interface Emphasis {
  bold: boolean;
  italic: boolean;
}

export const PLAIN: Emphasis = { bold: false, italic: false };

export function spanOf(text: string, emphasis: Emphasis): Span {
  const span: Span = { text };
  if (emphasis.bold) span.bold = true;
  if (emphasis.italic) span.italic = true;
  return span;
}

function sameStyle(a: Span, b: Span): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic);
}

/** Joins neighbouring spans of one style and drops empty ones, so a reader sees emphasis as printed runs. */
export function spansMerged(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    if (span.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, span)) out[out.length - 1] = { ...last, text: last.text + span.text };
    else out.push({ ...span });
  }
  return out;
}

export function textOfSpans(spans: readonly Span[]): string {
  let text = '';
  for (const span of spans) text += span.text;
  return text;
}

/** Removes white space at both ends of the run of spans (inner white space is the core's to normalise). */
export function spansTrimmed(spans: readonly Span[]): Span[] {
  const out = spansMerged(spans);
  while (out.length > 0) {
    const first = out[0]!;
    const text = first.text.replace(/^\s+/, '');
    if (text !== '') {
      out[0] = { ...first, text };
      break;
    }
    out.shift();
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const text = last.text.replace(/\s+$/, '');
    if (text !== '') {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}

/** Cuts spans at '\n' into one list of spans per line (the '\n' themselves dropped). */
export function spansSplitByLine(spans: readonly Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    const parts = span.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...span, text: part });
    });
  }
  return lines;
}

/** Joins lines of spans back with '\n'. */
export function spansJoinedByLine(lines: readonly Span[][]): Span[] {
  const out: Span[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ text: '\n' });
    out.push(...line);
  });
  return spansMerged(out);
}

/** Drops the first `count` characters from a run of spans (used to cut a typed list marker off). */
/** The spans of the characters from `start` up to `end` of their text. */
export function spansBetween(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const span of spans) {
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, span.text.length);
    if (to > from) out.push({ ...span, text: span.text.slice(from, to) });
    at += span.text.length;
  }
  return out;
}

export function spansWithoutPrefix(spans: readonly Span[], count: number): Span[] {
  const out: Span[] = [];
  let left = count;
  for (const span of spans) {
    if (left >= span.text.length) {
      left -= span.text.length;
      continue;
    }
    out.push({ ...span, text: span.text.slice(left) });
    left = 0;
  }
  return out;
}
