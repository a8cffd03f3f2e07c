import type { Answer } from '../record/types.js';
import { markedValueFromCell } from './footnote-marks.js';

/** What one score cell says, before it is placed in the record. */
export type CellReading =
  | { kind: 'answer'; answer: Answer; mark: string | null }
  | { kind: 'missing'; mark: string | null }
  | { kind: 'unknown'; mark: string | null };

// The contract's answer table, keys lower case, with the glyph variants fonts and
// converters give for a tick or a cross (Wingdings through mammoth gives 🗸 and 🗶,
// Word's check boxes ☑ and ☒). `x` and `×` stay unknown: a cross may mean "no" or "this one".
const ANSWERS: ReadonlyMap<string, Answer> = new Map<string, Answer>([
  ['y', 'Y'], ['yes', 'Y'], ['✓', 'Y'], ['✔', 'Y'], ['✅', 'Y'], ['☑', 'Y'], ['🗸', 'Y'], ['🗹', 'Y'], ['√', 'Y'],
  ['p', 'P'], ['partly', 'P'], ['partial', 'P'], ['partially', 'P'], ['½', 'P'], ['1/2', 'P'], ['1⁄2', 'P'],
  ['n', 'N'], ['no', 'N'], ['✗', 'N'], ['✘', 'N'], ['❌', 'N'], ['❎', 'N'], ['☒', 'N'], ['☓', 'N'], ['✕', 'N'],
  ['✖', 'N'], ['🗴', 'N'], ['🗵', 'N'], ['🗶', 'N'], ['🗷', 'N'],
]);

// Longer cells are prose, not answers; the limit also keeps mark matching cheap.
const MAX_CELL_CHARS = 40;

// Blank or a dash: the cell is there but says nothing.
const MISSING = new Set(['', '-', '–', '—', '‒', '−', 'n/a', 'n.a.', 'n.a']);

/** Reads a score cell per the contract: case and surrounding space ignored, footnote marks dropped. */
export function answerFromCell(cell: string): CellReading {
  if (cell.length > MAX_CELL_CHARS) return { kind: 'unknown', mark: null };
  const direct = answerFromKey(normalised(cell));
  if (direct) return { kind: 'answer', answer: direct, mark: null };
  if (MISSING.has(normalised(cell))) return { kind: 'missing', mark: null };
  const { value, mark } = markedValueFromCell(cell, true);
  if (mark === null) return { kind: 'unknown', mark: null };
  const key = normalised(value);
  const answer = answerFromKey(key);
  if (answer) return { kind: 'answer', answer, mark };
  if (MISSING.has(key)) return { kind: 'missing', mark };
  return { kind: 'unknown', mark: null };
}

// A full stop after a word answer ("Yes.", "No.") ends the sentence, it is not part of the answer.
function answerFromKey(key: string): Answer | undefined {
  return ANSWERS.get(key) ?? (key.endsWith('.') ? ANSWERS.get(key.slice(0, -1).trimEnd()) : undefined);
}

function normalised(cell: string): string {
  // Emoji presentation selectors ("✔️") change how a mark looks, not what it says;
  // full-width letters ("Ｙ") are the same letters (NFKC).
  return cell
    .replace(/[\ufe0e\ufe0f]/gu, '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ')
    .trim()
    .toLowerCase();
}
