import type { OcrPage, OcrWord } from './ocr-engine.js';

/**
 * Accents from a second reading of the same page in the document's own language. The
 * page is read first with English data, on which every table and list rule here was
 * measured, but English data has no `á í ó ú ñ ç ã õ ô â è ü` and writes `Lucia`, `publicé`
 * for `Lucía`, `publicó`. The language's data reads those letters and, on their own
 * terms, misreads other things (years in ruled cells, lone letters by rules), so it
 * lends only what it alone can see: a word of the first reading takes the second's
 * spelling where the two stand on the same place and differ only in marked letters.
 */
export function pageWithAccents(base: OcrPage, other: OcrPage): OcrPage {
  const marked = other.lines.flatMap((line) => line.words).filter((word) => hasMarks(word.text));
  if (marked.length === 0) return base;
  return {
    ...base,
    lines: base.lines.map((line) => ({ ...line, words: line.words.map((word) => accented(word, marked)) })),
  };
}

function accented(word: OcrWord, marked: readonly OcrWord[]): OcrWord {
  const same = marked.filter((other) => standTogether(word, other) && differsInMarksOnly(word.text, other.text));
  return same.length === 1 && same[0]!.text !== word.text ? { ...word, text: same[0]!.text } : word;
}

/** Each word's middle lies inside the other's box. */
function standTogether(a: OcrWord, b: OcrWord): boolean {
  const inside = (p: OcrWord, q: OcrWord): boolean => {
    const x = (p.x0 + p.x1) / 2;
    const y = (p.y0 + p.y1) / 2;
    return x >= q.x0 && x <= q.x1 && y >= q.y0 && y <= q.y1;
  };
  return inside(a, b) && inside(b, a);
}

const MARKS = /\p{M}/gu;

/** Text with its marks taken off its letters (`Türkiye` → `Turkiye`), decomposed. */
export function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(MARKS, '');
}

function hasMarks(text: string): boolean {
  return withoutMarks(text) !== text.normalize('NFD');
}

// What English data was seen to write for marked letters it lacks, besides their plain
// letter, another marked vowel (`é` for `ó`) or a digit or sign (`6` for `ó`, `¢` for `ç`).
const READ_FOR: Readonly<Record<string, string>> = { ç: 'gc', ã: 'd', õ: 'df', ó: 'd', û: 'd', ú: 'd' };

/**
 * The same word but for its marked letters in the second reading: where the second has a
 * marked letter, the first has its plain letter or what English data writes for it, one
 * character or two (`publicé`, `apoy6`, `Comunicagdo`, `Informacgao`, `inici6é` for `publicó`,
 * `apoyó`, `Comunicação`, `Informação`, `inició`). A year or a cell's one-letter answer is
 * never respelt; a lone vowel may take its mark (`a` → `à`).
 */
export function differsInMarksOnly(base: string, other: string): boolean {
  const a = [...base.normalize('NFC')];
  const b = [...other.normalize('NFC')];
  const letters = a.filter(isLetter).length;
  if (letters === 1 && a.length === 1)
    return VOWELS.includes(a[0]!) && a[0] === a[0]!.toLowerCase() && withoutMarks(b.join('')) === a[0];
  if (letters < 2 || a.length < b.length || a.length > b.length + 2) return false;
  const alike = (i: number, j: number): boolean => {
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    const theirs = b[j]!;
    if (a[i] === theirs) return alike(i + 1, j + 1);
    if (withoutMarks(theirs) === theirs) return withoutMarks(a[i]!) === theirs && alike(i + 1, j + 1);
    if (!standsFor(a[i]!, theirs)) return false;
    return alike(i + 1, j + 1) || (i + 1 < a.length && standsFor(a[i + 1]!, theirs) && alike(i + 2, j + 1));
  };
  return alike(0, 0);
}

/** A character English data may have written for the marked letter `theirs`. */
function standsFor(letter: string, theirs: string): boolean {
  if (!isLetter(letter) || withoutMarks(letter) === withoutMarks(theirs)) return true;
  const markedVowels =
    withoutMarks(letter) !== letter && VOWELS.includes(withoutMarks(letter)) && VOWELS.includes(withoutMarks(theirs));
  return markedVowels || (READ_FOR[theirs.toLowerCase()] ?? '').includes(letter.toLowerCase());
}

const VOWELS = 'aeiouyAEIOUY';

function isLetter(character: string): boolean {
  return /\p{L}/u.test(character);
}
