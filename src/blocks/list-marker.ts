/**
 * Recognises a list number typed by hand at the start of a text: `1.`, `1)` or
 * `(1)`, followed by white space or the end of the text. Shared by every adapter
 * that meets numbered items the format itself does not mark as a list (Word
 * paragraphs with typed numbers, `(1)` paragraphs in Markdown, PDF text lines).
 */

export interface ListMarker {
  /** The marker as printed, without surrounding space: "1.", "2)", "(3)". */
  marker: string;
  /** Its numeric value. */
  number: number;
  /** The text after the marker and the white space that follows it. */
  rest: string;
}

// At most three digits: a four-digit number followed by a dot is far more often a
// year opening a sentence ("2022. The ministry …") than the 1000th item of a list.
const MARKER = /^[ \t\u00a0]*(\((\d{1,3})\)|(\d{1,3})[.)])(?:[ \t\u00a0]+|$)/;

export function listMarkerFromText(text: string): ListMarker | null {
  const match = MARKER.exec(text);
  if (!match) return null;
  const digits = match[2] ?? match[3]!;
  return { marker: match[1]!, number: Number.parseInt(digits, 10), rest: text.slice(match[0].length) };
}
