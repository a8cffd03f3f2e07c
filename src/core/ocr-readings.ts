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
  const cell = labelCore(raw);
  const expectedHere = expectedBetween(before, after);
  // The Q lost altogether: a bare number standing where the run calls for exactly it. A
  // number opening with 0 is none printed: its 0 is the Q, read as the figure it looks like.
  if (/^[1-9]\d{0,2}$/.test(cell.trim())) return expectedHere === `Q${Number(cell.trim())}` ? expectedHere : null;
  // The number lost altogether (a thin 1 in a shaded header): a bare Q where the run calls for one label.
  if (cell === 'Q') return expectedHere;
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

/**
 * The label after `before` when `raw` reads as a label, its lookalike letters as digits
 * (`Qs`, `Q38`, `Ql1l2` with a digit read twice), else null.
 */
function nextInRun(raw: string, before: string): string | null {
  const cell = labelCore(raw);
  const match = NEAR_LABEL.exec(cell);
  const digits = match ? [...match[1]!].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('') : '';
  return /^\d{1,4}$/.test(digits) ? `Q${Number(before.slice(1)) + 1}` : null;
}

/**
 * What of a header cell may be a label: stray marks at the edges (dust read as "©", "'",
 * "|") are no part of one, nor is a letter standing before its Q (a cell's light rule
 * beside it, read as `A` in "AQ12").
 */
function labelCore(raw: string): string {
  const cell = raw.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return /^(?!Q)\p{L}Q\S{1,4}$/u.test(cell) ? cell.slice(1) : cell;
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
  // Check marks and crosses as the engine's Latin letters take them (✓ ✔ as `v`, ✗ ✘ as
  // `X`, `Xx`; a tick also as `/`): a tick is Y and a cross N, as the symbols are; a `V` misread for `Y` is Y too.
  const mark = cell.trim().replace(/[\s.,;:'"`’_]+/gu, '');
  if (/^[vV√/]+$/u.test(mark)) return 'Y';
  if (/^[xX×]+$/u.test(mark)) return 'N';
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
  // shorter ones one; one-letter answers are never guessed at. The first letter, which tells
  // the answers apart, must be the answer's own (a speck's mark before it aside): "vo" (a tick
  // and a speck) is not "no". Only one answer may fit.
  if (key.length < 2) return null;
  const close = ANSWER_WORDS.filter(([word]) => editDistance(word, key) <= (word.length >= 6 ? 2 : 1));
  const near = new Set(close.map(([, answer]) => answer));
  const first = /\p{L}/u.exec(key)?.[0];
  return near.size === 1 && close.some(([word]) => word[0] === first) ? [...near][0]! : null;
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
  out.push(...runsBetweenLabels(header, named, isLabel));
  out.sort((a, b) => a.index - b.index);
  // A label read with a letter doubled ("Q111" for Q11, "Q112" for Q12, "Ql1l2" for Q12) is
  // a label of its own to the plain reading; where the run of questions calls for the label
  // whose digits it holds, with one or two more, it is that one.
  for (let i = 1; i < out.length; i++) {
    const want = String(Number(out[i - 1]!.name.slice(1)) + 1);
    const digits = out[i]!.name.slice(1);
    const extra = digits.length - want.length;
    if (extra >= 1 && extra <= 2 && digits.includes(want) && !out.some((c) => c.name === `Q${want}`)) {
      out[i] = { ...out[i]!, name: `Q${want}` };
    }
  }
  return out;
}

// A misread label is at most this many characters ("QL", "0O9", "1").
const MAX_MISREAD_LABEL = 4;

/**
 * Labels of several misread cells side by side ("1", "QL" between Q3 and Q6), which
 * their neighbours alone cannot name: where two named columns stand exactly as many
 * places apart as their numbers, the cells between them are the questions between, in
 * order, each being short enough for a label. `named` gains them.
 */
function runsBetweenLabels(
  header: readonly string[],
  named: Map<number, string>,
  isLabel: (cell: string) => boolean,
): { name: string; index: number }[] {
  const found: { name: string; index: number }[] = [];
  const indexes = [...named.keys()].sort((a, b) => a - b);
  const taken = new Set(named.values());
  for (let k = 1; k < indexes.length; k++) {
    const [from, to] = [indexes[k - 1]!, indexes[k]!];
    const [first, last] = [Number(named.get(from)!.slice(1)), Number(named.get(to)!.slice(1))];
    if (to - from < 3 || last - first !== to - from) continue;
    const between = header
      .slice(from + 1, to)
      .map((cell) => cell.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    const names = between.map((_, i) => `Q${first + 1 + i}`);
    const fits = between.every(
      (cell, i) =>
        cell !== '' && cell.length <= MAX_MISREAD_LABEL && !isLabel(header[from + 1 + i]!) && !taken.has(names[i]!),
    );
    if (!fits) continue;
    names.forEach((name, i) => {
      named.set(from + 1 + i, name);
      found.push({ name, index: from + 1 + i });
    });
  }
  return found;
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
 * A total the engine misread. Letters in a cell of numbers are digits they look like
 * ("S" for 5, "O" for 0, "l" for 1). A total whose decimal point was lost ("25" for 2.5,
 * "05" for 0.5): when the printed number is more than the table's answers could ever add
 * up to, or starts with a zero no total is printed with, and putting the point back
 * before the last digit, or else the last two ("533" for 5.33), makes it possible, that
 * is the total. Null otherwise.
 */
export function totalFromMisread(cell: string, maximum: number): number | null {
  // A total printed out of the maximum ("2.5/12") keeps its "/12".
  const printed = cell.trim().replace(/\s*\/\s*\d{1,3}$/u, '');
  const digits = /^[\d.,]*$/.test(printed) ? printed : [...printed].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
  if (digits !== printed && /^\d+([.,]\d+)?$/.test(digits)) {
    const total = Number(digits.replace(',', '.'));
    if (total <= maximum && !/^0\d/.test(digits)) return total;
  }
  if (!/^\d{2,4}$/.test(digits)) return null;
  if (Number(digits) <= maximum && !/^0\d$/.test(digits)) return null;
  // One decimal first (halves are the common case), then two (thirds: "533" for 5.33).
  for (const decimals of [1, 2]) {
    if (digits.length <= decimals) continue;
    const total = Number(`${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`);
    if (total <= maximum) return total;
  }
  return null;
}

/**
 * The digits a misread year cell holds ("202", "2O56", "20200"): lookalike letters read
 * as digits, stray marks at the edges dropped; null unless three to five digits remain.
 */
function yearLikeDigits(cell: string): string | null {
  const core = cell.trim().replace(/^[^\dOolI|]+|[^\dOolI|]+$/gu, '');
  const digits = [...core].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
  return /^\d{3,5}$/.test(digits) ? digits : null;
}

/** Whether a year cell holds something the engine could have made of a year (see yearLikeDigits). */
export function isYearLike(cell: string): boolean {
  return yearLikeDigits(cell) !== null;
}

/**
 * The years of a recognised score table's rows, read with what the table must be: one
 * row per year, the years running one by one up (or down) the table. `cells` are the year
 * cells of the rows that hold a year or something like one (see isYearLike), in order;
 * `read` what each says on its own (null: not a year).
 *
 * The years read whole are sorted into runs, each row a year after the one before (or
 * before, in a table running down): the largest set of readings whose runs follow one
 * another in order is kept, a run of two rows or more weighing more than as many rows
 * each on its own, and the readings of its runs of two or more are trusted (2017, 2020
 * and 2021 three and four rows apart; not a lone "2056" two rows before 2017). A row that
 * is not trusted takes the year its place in the run gives it when the trusted rows
 * around it pin that year down (the same run on both sides, or the run's end at the
 * table's edge) and what the engine read is that year with a digit dropped, added or
 * changed ("202" for 2012, "2056" for 2015, "20200" for 2020), keeping its last digit,
 * the one that tells it from its neighbours. A year read whole but not trusted is
 * replaced only between two trusted rows of one run, or where its place makes it
 * impossible ("2056" two rows before 2017): a table that leaves out a year (2010, 2015,
 * 2016) keeps its readings. Between two trusted rows of one run, a year read whole that
 * cannot stand there ("2013" between 2018 and 2020) may have changed its last digit too.
 * Rows without a trusted year in reach stay as read; a table with no trusted run at all is
 * read from its lone years (see yearsBesideLoneYears).
 */
export function yearsInSequence(cells: readonly string[], read: readonly (number | null)[]): (number | null)[] {
  const years = [...read];
  const up = trustedRuns(read, 1);
  const down = trustedRuns(read, -1);
  if (
    up.score === down.score ||
    (up.start.every((start) => start === null) && down.start.every((start) => start === null))
  )
    return yearsBesideLoneYears(cells, read);
  const { direction, start } = up.score > down.score ? up : down;
  const trusted = (i: number) => start[i] !== null;
  for (let i = 0; i < read.length; i++) {
    if (trusted(i)) continue;
    let before = i - 1;
    while (before >= 0 && !trusted(before)) before--;
    let after = i + 1;
    while (after < read.length && !trusted(after)) after++;
    if (after === read.length) after = -1;
    const anchor = before >= 0 ? before : after;
    if (anchor < 0) continue;
    const between = before >= 0 && after >= 0;
    if (between && start[before] !== start[after]) continue;
    const year = start[anchor]! + direction * i;
    if (read[i] !== null && !between && !outOfPlace(read, i, anchor, direction)) continue;
    const digits = yearLikeDigits(cells[i] ?? '');
    if (year < 1900 || year > 2199 || digits === null) continue;
    // Between two rows of one run a whole year that cannot stand there (2013 between 2018 and
    // 2020) is the pinned year misread, even in its last digit (a fax's 9 read as 3), when
    // it keeps the other three digits in their places. A year printed twice (2020, 2020,
    // 2022) can stand there, and stays.
    const misplaced =
      between &&
      read[i] !== null &&
      (direction * (read[i]! - read[before]!) < 0 || direction * (read[after]! - read[i]!) < 0);
    if (couldBeMisread(digits, String(year)) || (misplaced && oneDigitChanged(digits, String(year)))) years[i] = year;
  }
  return years;
}

/**
 * The years of a table with no run of two years read whole to go by (a table of two rows,
 * one of them misread): a row the engine made no year of, right beside a row read whole,
 * is the year before or after that one, whichever direction the table runs. Where only one
 * of those years could have been misread so (the reading keeps its last digit and three of
 * its digits in order) and the table has it nowhere else, the row is that year: "221" over
 * 2022 is 2021, as 2023 keeps no 3. Anything less certain stays unread.
 */
function yearsBesideLoneYears(cells: readonly string[], read: readonly (number | null)[]): (number | null)[] {
  const years = [...read];
  for (let i = 0; i < read.length; i++) {
    const digits = yearLikeDigits(cells[i] ?? '');
    if (read[i] !== null || digits === null) continue;
    const fits = new Set<number>();
    for (const beside of [i - 1, i + 1]) {
      const year = read[beside];
      if (year === null || year === undefined) continue;
      for (const step of [1, -1]) {
        const candidate = year + step * (i - beside);
        if (couldBeMisread(digits, String(candidate)) && !read.includes(candidate)) fits.add(candidate);
      }
    }
    if (fits.size === 1) years[i] = [...fits][0]!;
  }
  return years;
}

function oneDigitChanged(digits: string, year: string): boolean {
  return digits.length === year.length && [...digits].filter((digit, k) => digit !== year[k]).length === 1;
}

interface TrustedRuns {
  direction: 1 | -1;
  /** How well the readings kept fit one table (see yearsInSequence). */
  score: number;
  /** For each trusted row, the year its run would give the first row (null: not trusted). */
  start: (number | null)[];
}

/**
 * The readings that make the best table running in `direction`: each reading says where
 * its run starts (its year less one a row), and runs must follow one another in order.
 * Of the chains of readings whose starts never go back, the one keeping the most rows,
 * each run costing one, is kept: a run of two rows scores 3, two lone rows 2.
 */
function trustedRuns(read: readonly (number | null)[], direction: 1 | -1): TrustedRuns {
  const rows = read.flatMap((year, i) => (year === null ? [] : [{ i, start: year - direction * i }]));
  const score: number[] = [];
  const previous: number[] = [];
  rows.forEach((row, k) => {
    score[k] = 1;
    previous[k] = -1;
    for (let m = 0; m < k; m++) {
      const step = direction * (row.start - rows[m]!.start);
      if (step < 0) continue;
      const gain = score[m]! + (step === 0 ? 2 : 1);
      if (gain > score[k]!) [score[k], previous[k]] = [gain, m];
    }
  });
  const start: (number | null)[] = read.map(() => null);
  let best = -1;
  score.forEach((value, k) => {
    if (best < 0 || value > score[best]!) best = k;
  });
  const chain: number[] = [];
  for (let k = best; k >= 0; k = previous[k]!) chain.unshift(k);
  chain.forEach((k, n) => {
    const shared = [chain[n - 1], chain[n + 1]].some((m) => m !== undefined && rows[m]!.start === rows[k]!.start);
    if (shared) start[rows[k]!.i] = rows[k]!.start;
  });
  return { direction, score: best < 0 ? 0 : score[best]!, start };
}

// A year that cannot stand where it does: the rows between it and the anchor leave no room for one year each.
function outOfPlace(read: readonly (number | null)[], i: number, anchor: number, direction: 1 | -1): boolean {
  return direction * (read[anchor]! - read[i]!) * Math.sign(anchor - i) < Math.abs(anchor - i);
}

// The engine's reading keeps three of the year's four digits in order, and its last digit.
function couldBeMisread(digits: string, year: string): boolean {
  return digits.includes(year.at(-1)!) && commonInOrder(digits, year) >= 3;
}

/** Length of the longest run of characters two strings share in the same order. */
function commonInOrder(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i++) {
    const next = [0];
    for (let j = 1; j <= b.length; j++)
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    row = next;
  }
  return row[b.length]!;
}

// A misread Total label keeps at least this many letters.
const MIN_TOTAL_LABEL = 4;

/**
 * Whether a recognised header cell is a Total label the engine misread by a letter: `Tota`
 * for a label the column wrapped (`Tota` / `l`) whose lone last letter the engine dropped,
 * `Totai`, `T0tal`. `words` are the Total header words as compared (lower case).
 */
export function isMisreadTotalLabel(cell: string, words: readonly string[]): boolean {
  const label = cell.trim().toLowerCase();
  return label.length >= MIN_TOTAL_LABEL && words.some((word) => editDistance(label, word) === 1);
}
