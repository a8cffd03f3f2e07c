import type { Provenance } from '../../blocks/model.js';
import type { PdfLine } from './pdf-lines.js';

// Share of the type size that letters reach above the baseline and below it.
const ASCENT = 0.8;
const DESCENT = 0.25;

/**
 * Where a block's lines sit: their page, the box around those on that page as
 * fractions of the page (origin top left), and for recognised text how sure the
 * engine was, the mean over the characters.
 */
export function provenanceOfLines(lines: readonly PdfLine[]): Provenance {
  const first = lines[0]!;
  const source: Provenance = { page: first.page };
  const onPage = lines.filter((line) => line.page === first.page);
  const frame = first.frame;
  if (frame && frame.right > frame.left && frame.top > frame.bottom) {
    const width = frame.right - frame.left;
    const height = frame.top - frame.bottom;
    const x0 = Math.min(...onPage.map((line) => line.x));
    const x1 = Math.max(...onPage.map((line) => line.right));
    const top = Math.max(...onPage.map((line) => line.y + ASCENT * line.size));
    const bottom = Math.min(...onPage.map((line) => line.y - DESCENT * line.size));
    source.box = [fraction((x0 - frame.left) / width), fraction((frame.top - top) / height), fraction((x1 - frame.left) / width), fraction((frame.top - bottom) / height)];
  }
  let sum = 0;
  let chars = 0;
  for (const line of lines) {
    if (line.confidence === undefined) continue;
    sum += line.confidence * line.text.length;
    chars += line.text.length;
  }
  if (chars > 0) source.confidence = Math.round((sum / chars) * 1000) / 1000;
  return source;
}

function fraction(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10000) / 10000;
}
