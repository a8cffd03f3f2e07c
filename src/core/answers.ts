import type { Answer } from '../record/types.js';
import { markedValueFromCell } from './footnote-marks.js';
import { keyFromCell, type Reading } from './reading.js';

/** What one score cell says, before it is placed in the record. */
export type CellReading =
  | { kind: 'answer'; answer: Answer; mark: string | null }
  | { kind: 'missing'; mark: string | null }
  | { kind: 'unknown'; mark: string | null };

// The answer words come from the profile: the contract's table in English, the report's
// own words in other languages, and the glyph variants fonts and converters give for a
// tick or a cross (Wingdings through mammoth gives 🗸 and 🗶, Word's check boxes ☑ and ☒).

// Longer cells are prose, not answers; the limit also keeps mark matching cheap.
const MAX_CELL_CHARS = 40;

/** Reads a score cell with the profile's words: case and surrounding space ignored, footnote marks dropped. */
export function answerFromCell(cell: string, reading: Reading): CellReading {
  if (cell.length > MAX_CELL_CHARS) return { kind: 'unknown', mark: null };
  const { answers, missing } = reading.cells;
  const direct = answerFromKey(keyFromCell(cell), answers);
  if (direct) return { kind: 'answer', answer: direct, mark: null };
  if (missing.has(keyFromCell(cell))) return { kind: 'missing', mark: null };
  const { value, mark } = markedValueFromCell(cell, true);
  if (mark === null) return { kind: 'unknown', mark: null };
  const key = keyFromCell(value);
  const answer = answerFromKey(key, answers);
  if (answer) return { kind: 'answer', answer, mark };
  if (missing.has(key)) return { kind: 'missing', mark };
  return { kind: 'unknown', mark: null };
}

// A full stop after a word answer ("Yes.", "No.") ends the sentence, it is not part of the answer.
// A word longer than its column is narrow is broken over two lines of the cell by the layout
// ("Parci" / "al" in a PDF), which reads as two words: joined, they are the answer again.
function answerFromKey(key: string, answers: ReadonlyMap<string, Answer>): Answer | undefined {
  const answer = answers.get(key) ?? (key.endsWith('.') ? answers.get(key.slice(0, -1).trimEnd()) : undefined);
  if (answer !== undefined || !key.includes(' ')) return answer;
  const joined = key.replace(/ /gu, '');
  return answers.get(joined) ?? (joined.endsWith('.') ? answers.get(joined.slice(0, -1)) : undefined);
}
