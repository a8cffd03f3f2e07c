/**
 * Footnote marks printed after a value in a table cell: asterisks, daggers, `§`,
 * `¶`, `#`, superscript digits, `[1]`, `[a]`, `(1)`, `^1`, a Markdown footnote
 * reference `[^1]` or `[^note]`, a pandoc inline note `^[…]`. A bare trailing digit
 * ("Y1", "Y 1", "✓2") counts only where the caller knows the value holds no digits.
 */

// Asterisk look-alikes too: PDF text and East Asian fonts give `∗`, `⁎` or `＊` for `*`.
const SYMBOL_MARKS = String.raw`(?:[*∗⁎＊†‡§¶#]+|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[\^[^\]\s]{1,20}\]|\^\[[^\]]{1,30}\]|\[(?:\d{1,2}|[a-z])\]|\((?:\d{1,2}|[a-z])\)|\^\d{1,2})`;
const TRAILING_SYMBOL_MARKS = new RegExp(String.raw`\s*${SYMBOL_MARKS}(?:\s*${SYMBOL_MARKS})*$`, 'u');
// A value that holds no digit and ends in a letter or a symbol (a tick), then one or two digits.
const TRAILING_DIGITS = /^(\D*[\p{L}\p{So}])[ \t\u00a0]*(\d{1,2})$/u;

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
    const digits = TRAILING_DIGITS.exec(trimmed);
    if (digits) return { value: digits[1]!.trim(), mark: digits[2]! };
  }
  return { value: trimmed, mark: null };
}
