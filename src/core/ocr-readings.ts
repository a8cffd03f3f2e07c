import type { Answer } from '../record/types.js';
import { editDistance } from '../blocks/edit-distance.js';

/**
 * How OCR misreads the few things a score table can hold, and what the table must be
 * (a run of question labels, an answer vocabulary), used to read such cells anyway.
 * A repair is made only when it is unambiguous; anything else stays unread, and the
 * caller reports it quoting what was seen. A repaired value is less sure than what
 * the engine said, never more (see REPAIR_CONFIDENCE).
 */

/** Confidence of a repaired value is the engine's times this. */
export const REPAIR_CONFIDENCE = 0.85;

// Letters and signs Tesseract gives for digits in a label like "Q11" (measured: Ql, Qio, Qi2, QI, Qll).
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  ']': '1',
  '[': '1',
  j: '1',
  o: '0',
  O: '0',
  D: '0',
  S: '5',
  s: '5',
  Z: '2',
  z: '2',
  B: '8',
  g: '9',
  q: '9',
};

// A label the engine made of a Q (or a lookalike) and up to four more signs.
const NEAR_LABEL = /^[QO0@]\s*([^\s]{1,4})$/u;

/**
 * The question name an OCR'd header cell most likely says, from the cell itself with
 * its lookalike letters read as digits, and from its neighbours: a cell between Q10
 * and Q12 that reads "Ql11" or "Q|" is Q11. Null when neither settles it.
 */
export function metricNameFromMisread(raw: string, before: string | null, after: string | null): string | null {
  // Stray marks at the edges (dust read as "©", "'", "|") are no part of a label.
  const cell = raw.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const expectedHere = expectedBetween(before, after);
  // The Q lost altogether: a bare number standing where the run calls for exactly it.
  if (/^\d{1,3}$/.test(cell.trim())) return expectedHere === `Q${Number(cell.trim())}` ? expectedHere : null;
  const match = NEAR_LABEL.exec(cell.trim());
  if (!match) return null;
  const digits = [...match[1]!].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
  const expected = expectedBetween(before, after);
  if (/^\d{1,3}$/.test(digits)) {
    const name = `Q${Number(digits)}`;
    if (expected === null || expected === name) return name;
  }
  // The neighbours agree on what belongs here, and the cell is a label of about that length.
  if (expected !== null && digits.length <= expected.length) return expected;
  return null;
}

/** The label after `before` when `raw` reads as a label, its lookalike letters as digits (`Qs`, `Q38`), else null. */
function nextInRun(raw: string, before: string): string | null {
  const cell = raw.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const match = NEAR_LABEL.exec(cell);
  const digits = match ? [...match[1]!].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('') : '';
  return /^\d{1,3}$/.test(digits) ? `Q${Number(before.slice(1)) + 1}` : null;
}

function expectedBetween(before: string | null, after: string | null): string | null {
  const b = before ? Number(before.slice(1)) : null;
  const a = after ? Number(after.slice(1)) : null;
  if (b !== null && a !== null) return a - b === 2 ? `Q${b + 1}` : null;
  // The first column before Q2 is Q1; nothing else can be told from one side.
  if (b === null && a === 2) return 'Q1';
  return null;
}

// Signs OCR gives for the letters of an answer.
const LETTER_LOOKALIKES: Readonly<Record<string, string>> = {
  '¥': 'Y',
  '¢': 'c',
  '€': 'e',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

const ANSWER_WORDS: ReadonlyArray<readonly [string, Answer]> = [
  ['y', 'Y'],
  ['yes', 'Y'],
  ['p', 'P'],
  ['partly', 'P'],
  ['partial', 'P'],
  ['partially', 'P'],
  ['n', 'N'],
  ['no', 'N'],
];

/**
 * An answer cell OCR misread (`¥`, `Y.`, `N0`, `Partl y`, `Partiy`): the answer when
 * one reading fits, else null. Words of five letters or more may be one letter off;
 * shorter ones must match exactly once lookalikes are read as letters, since one letter
 * turns "no" into many other words.
 */
export function answerFromMisread(cell: string): Answer | null {
  const letters = [...cell.trim()]
    .map((c) => LETTER_LOOKALIKES[c] ?? c)
    .join('')
    .replace(/[\s.,;:'"`’_]+/gu, '')
    .toLowerCase();
  if (letters === '') return null;
  // A letter read twice ("¥Y", "NN") in a cell of one-letter answers is that letter.
  const single = /^(y|p|n)\1+$/u.exec(letters)?.[1];
  const key = single ?? letters;
  const exact = ANSWER_WORDS.find(([word]) => word === key);
  if (exact) return exact[1];
  // Near misses ("ne", "pardy", "Ye5"): words of six letters or more may be two edits off,
  // shorter ones one; one-letter answers are never guessed at. Only one answer may fit.
  if (key.length < 2) return null;
  const near = new Set(
    ANSWER_WORDS.filter(([word]) => editDistance(word, key) <= (word.length >= 6 ? 2 : 1)).map(([, answer]) => answer),
  );
  return near.size === 1 ? [...near][0]! : null;
}

/** Paths of values a repair produced, so their confidence can be lowered. */
export interface OcrRepairs {
  repaired: Set<string>;
}

/**
 * The metric columns of a recognised header row with misread labels read back:
 * a cell that is not a label on its own is named from its neighbours (see
 * metricNameFromMisread). Columns already named stay as they are.
 */
export function columnsWithMisreadLabels(
  header: readonly string[],
  columns: readonly { name: string; index: number }[],
  isLabel: (cell: string) => boolean,
): { name: string; index: number }[] {
  const named = new Map(columns.map((column) => [column.index, column.name]));
  const out = [...columns];
  for (let index = 0; index < header.length; index++) {
    if (named.has(index) || isLabel(header[index]!)) continue;
    const before = named.get(index - 1) ?? null;
    const after = named.get(index + 1) ?? null;
    const taken = (name: string | null): boolean => name === null || [...named.values()].includes(name);
    let name = metricNameFromMisread(header[index]!, before, after);
    // A label closing the run ("Qs" for Q8 after Q7, beside "Total") that reads as none or
    // as one already named continues the run from the label before it.
    if (taken(name) && before !== null && after === null) name = nextInRun(header[index]!, before);
    if (name !== null && !taken(name)) {
      named.set(index, name);
      out.push({ name, index });
    }
  }
  out.sort((a, b) => a.index - b.index);
  // A label read with a letter doubled ("Q111" for Q11, "Q112" for Q12) is a label of its
  // own to the plain reading; where the run of questions calls for the label whose digits
  // it holds, it is that one.
  for (let i = 1; i < out.length; i++) {
    const want = String(Number(out[i - 1]!.name.slice(1)) + 1);
    const digits = out[i]!.name.slice(1);
    if (digits.length === want.length + 1 && digits.includes(want) && !out.some((c) => c.name === `Q${want}`)) {
      out[i] = { ...out[i]!, name: `Q${want}` };
    }
  }
  return out;
}

/**
 * A year cell OCR misread: lookalike letters read as digits, stray marks at the
 * edges (`"2021`, `2O22.`, `2021|`) dropped. Only four digits from 1900 to 2199 count.
 */
export function yearFromMisread(cell: string): number | null {
  const core = cell.trim().replace(/^[^\dOolI|]+|[^\dOolI|]+$/gu, '');
  const digits = [...core].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
  return /^(19|20|21)\d\d$/.test(digits) ? Number(digits) : null;
}

/**
 * A total whose decimal point the engine lost ("25" for 2.5): when the printed number is
 * more than the table's answers could ever add up to and putting the point back before
 * the last digit makes it possible, that is the total. Null otherwise.
 */
export function totalFromMisread(cell: string, maximum: number): number | null {
  const digits = cell.trim();
  if (!/^\d{2,3}$/.test(digits) || Number(digits) <= maximum) return null;
  const total = Number(`${digits.slice(0, -1)}.${digits.slice(-1)}`);
  return total <= maximum ? total : null;
}
