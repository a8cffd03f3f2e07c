/**
 * Footnote marks printed after a value in a table cell: `*`, `†`, `‡`, `§`, `¶`,
 * `#`, superscript digits, `[1]`, `(1)`, `^1`. A bare trailing digit ("Y1") counts
 * only where the caller knows the value itself holds no digits.
 */

const SYMBOL_MARKS = String.raw`(?:[*†‡§¶#]+|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[\d{1,2}\]|\(\d{1,2}\)|\^\d{1,2})`;
const TRAILING_SYMBOL_MARKS = new RegExp(String.raw`\s*${SYMBOL_MARKS}(?:\s*${SYMBOL_MARKS})*$`, 'u');

const MAX_MARKED_CHARS = 40;

export interface MarkedValue {
  /** The value without its mark, trimmed. */
  value: string;
  /** The mark that was removed, or null. */
  mark: string | null;
}

/** Splits a trailing footnote mark off a cell; with `bareDigits`, `Y1` gives `Y` + `1`. */
export function markedValueFromCell(cell: string, bareDigits: boolean): MarkedValue {
  const trimmed = cell.trim();
  // Values with marks are short; a long cell is returned as it is.
  if (trimmed.length > MAX_MARKED_CHARS) return { value: trimmed, mark: null };
  const symbol = TRAILING_SYMBOL_MARKS.exec(trimmed);
  if (symbol && symbol.index > 0) {
    return { value: trimmed.slice(0, symbol.index).trim(), mark: symbol[0].trim() };
  }
  if (bareDigits) {
    const digits = /^(\D*\p{L})(\d{1,2})$/u.exec(trimmed);
    if (digits) return { value: digits[1]!.trim(), mark: digits[2]! };
  }
  return { value: trimmed, mark: null };
}
