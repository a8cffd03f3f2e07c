import type { TextRun } from '../pdf/pdf-text-items.js';

/**
 * `AI` as OCR reads it in sans-serif type: capital I and small l are the same stroke, and
 * the engine's dictionary knows the name `Al`, so "AI Act" comes back as "Al Act" on every
 * line of an English report. In these reports the word is AI; `Al` is kept only where it
 * stands as a name would: before a hyphen and a capital (`Al-Sisi`), or between two
 * capitalised words when the one after it is not a word that names things AI
 * (`Omar Sultan Al Olama`, but `National AI Strategy`).
 */

const MISREAD = /^(["“‘(]?)Al(?=$|[-–’'.,;:!?)”"])/u;
// Capitalised words that follow AI in the names of laws, bodies and plans.
const NAMED_AFTER_AI = new Set(
  (
    'Act Acts Agency Agenda Alliance Assessment Board Bill Centre Center Charter Code Commission Committee ' +
    'Compute Council Directive Ethics Expert Experts Forum Framework Fund Governance Guidelines Hub Index ' +
    'Initiative Innovation Institute Lab Law Laws Liability Mission Model Models Observatory Office Pact ' +
    'Partnership Plan Policy Principles Program Programme Readiness Regulation Research Roadmap Safety ' +
    'Sandbox Security Strategy Summit Task Unit Watch Week'
  ).split(' '),
);
// A repaired word is less sure than the engine said (as other repairs of recognised text are).
const REPAIR_CONFIDENCE = 0.85;

/**
 * Recognised runs (one word each, in the engine's reading order) with `Al` read as `AI`
 * where it stands as the abbreviation. Only English pages: in Spanish `Al` starts sentences.
 */
export function recognisedRunsInDomainSpelling(runs: TextRun[], languages: readonly string[]): void {
  if (!languages.includes('eng') || languages.some((code) => code !== 'eng' && code !== 'osd')) return;
  runs.forEach((run, i) => {
    const match = MISREAD.exec(run.text);
    if (!match) return;
    const after = run.text.slice(match[0].length);
    if (/^[-–][\p{Lu}]/u.test(after)) return;
    if (after === '' && standsAsName(neighbour(runs, i, -1), neighbour(runs, i, 1))) return;
    run.text = `${match[1]}AI${after}`;
    if (run.confidence !== undefined) run.confidence = Math.round(run.confidence * REPAIR_CONFIDENCE * 1000) / 1000;
  });
}

/** The word before or after a run on its line, or null at the line's end. */
function neighbour(runs: readonly TextRun[], at: number, step: -1 | 1): string | null {
  const other = runs[at + step];
  const run = runs[at]!;
  if (!other || Math.abs(other.y - run.y) > 0.5 * run.size) return null;
  return other.text;
}

function standsAsName(before: string | null, after: string | null): boolean {
  const capitalised = (word: string | null): word is string => word !== null && /^\p{Lu}\p{Ll}/u.test(word);
  return capitalised(before) && capitalised(after) && !NAMED_AFTER_AI.has(after.replace(/[^\p{L}]+$/u, ''));
}
