import { repairedConfidence } from '../ocr/repaired-confidence.js';
import type { TextRun } from './pdf-text-items.js';

// Letters OCR takes for one another in most faces: capital I, small l, one and the bar;
// capital O and zero.
const LOOK_ALIKE: Record<string, string> = { I: 'l', '1': 'l', '|': 'l', O: 'o', '0': 'o' };
const WORD = /[\p{L}\p{N}|]+/gu;
// A spelling is the document's own when its stored pages use it this often.
const MIN_USES = 2;

/**
 * Words of pages OCR read in a PDF whose other pages keep their text layer, spelt as the
 * stored pages spell them where the engine took one letter for a look-alike: `Al` for
 * `AI`, `2O23` for `2023`. Only a word the stored pages never use is changed, only into
 * the one stored word it can be read as, and only when the stored pages use that word
 * more than once; its confidence is lowered, since the picture did not say so itself.
 */
export function recognisedWordsInStoredSpelling(recognised: TextRun[], stored: readonly TextRun[]): void {
  const uses = new Map<string, number>();
  for (const run of stored) for (const [word] of run.text.matchAll(WORD)) uses.set(word, (uses.get(word) ?? 0) + 1);
  const byShape = new Map<string, string[]>();
  for (const [word, count] of uses) {
    if (count < MIN_USES || word.length < 2) continue;
    const shape = shapeOf(word);
    byShape.set(shape, [...(byShape.get(shape) ?? []), word]);
  }
  if (byShape.size === 0) return;
  for (const run of recognised) {
    let repaired = false;
    const text = run.text.replace(WORD, (word) => {
      if (word.length < 2 || uses.has(word)) return word;
      const spellings = byShape.get(shapeOf(word));
      if (spellings?.length !== 1) return word;
      repaired = true;
      return spellings[0]!;
    });
    if (!repaired) continue;
    run.text = text;
    if (run.confidence !== undefined) run.confidence = repairedConfidence(run.confidence);
  }
}

function shapeOf(word: string): string {
  return [...word].map((c) => LOOK_ALIKE[c] ?? c).join('');
}
