import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { TextRun } from '../pdf/pdf-text-items.js';
import { withoutMarks } from './accents.js';
import { repairedConfidence } from './repaired-confidence.js';

/**
 * `AI` as OCR reads it in sans-serif type: capital I and small l are the same stroke, and
 * the engine's dictionary knows the name `Al`, so "AI Act" comes back as "Al Act" on every
 * line of an English report. In these reports the word is AI; `Al` is kept only where it
 * stands as a name would: before a hyphen and a capital (`Al-Sisi`), or between two
 * capitalised words when the one after it is not a word that names things AI
 * (`Omar Sultan Al Olama`, but `National AI Strategy`).
 */

const MISREAD = /^(["“‘(]?)Al(?=$|[-–’'.,;:!?)”"])/u;
// A capital A after a small letter starts the second part of a joined name; no English word
// ends so (`OpenAl` is OpenAI).
const JOINED_MISREAD = /(\p{Ll})Al(?=$|[-–’'.,;:!?)”"])/u;
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

/**
 * Recognised runs (one word each, in the engine's reading order) with `Al` read as `AI`
 * where it stands as the abbreviation, and country names given their marks. Only English
 * pages: in Spanish `Al` starts sentences, and other languages' data has the marks.
 */
export function recognisedRunsInDomainSpelling(runs: TextRun[], languages: readonly string[]): void {
  if (!languages.includes('eng') || languages.some((code) => code !== 'eng' && code !== 'osd')) return;
  runsWithCountryMarks(runs);
  runs.forEach((run, i) => {
    // Joined to a name before it (`IndiaAl`, `OpenAl`, `#KrattAl`), `Al` after a small letter is AI.
    const joined = run.text.replace(JOINED_MISREAD, '$1AI');
    if (joined !== run.text) {
      run.text = joined;
      if (run.confidence !== undefined) run.confidence = repairedConfidence(run.confidence);
      return;
    }
    const match = MISREAD.exec(run.text);
    if (!match) return;
    const after = run.text.slice(match[0].length);
    if (/^[-–][\p{Lu}]/u.test(after)) return;
    if (after === '' && standsAsName(neighbour(runs, i, -1), neighbour(runs, i, 1))) return;
    run.text = `${match[1]}AI${after}`;
    if (run.confidence !== undefined) run.confidence = repairedConfidence(run.confidence);
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

/**
 * Country names whose English spelling has marks (`Türkiye`, `Côte d'Ivoire`, `Curaçao`,
 * `Réunion`, `São Tomé & Príncipe`), from the country library's English names and CLDR's,
 * as word lists. The English trained data has no `ü`, `ô`, `ç` and reads them plain, so a
 * report on Türkiye comes back about Turkiye in its title, its table and its items.
 */
const MARKED_NAMES: readonly string[][] = (() => {
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const names = new Set<string>();
  for (const [code, value] of Object.entries(english.countries)) {
    for (const name of [value].flat()) names.add(name);
    try {
      const common = display.of(code);
      if (common) names.add(common);
    } catch {
      // A code CLDR does not know.
    }
  }
  return [...names].filter((name) => withoutMarks(name) !== name).map((name) => name.replace(/’/gu, "'").split(' '));
})();

// Letters of a word and what stands around them (quotes, brackets, punctuation, a possessive).
const WORD_CORE = /^([^\p{L}]*)([\p{L}'’.-]*\p{L})(.*)$/u;

/** Runs that spell a marked country name without its marks take the name's letters, less sure than the engine said. */
function runsWithCountryMarks(runs: TextRun[]): void {
  for (let i = 0; i < runs.length; i++) {
    for (const name of MARKED_NAMES) {
      if (i + name.length > runs.length) continue;
      const parts = name.map((_, k) => WORD_CORE.exec(runs[i + k]!.text));
      const fits = name.every((word, k) => {
        const part = parts[k];
        // A sign of the name (`&`) stands as it is.
        if (!/\p{L}/u.test(word)) return runs[i + k]!.text === word;
        if (!part) return false;
        const core = part[2]!.replace(/’/gu, "'");
        // The possessive of the name's last word ("Türkiye's") stays with it.
        return (k === name.length - 1 ? core.replace(/'s$/u, '') : core) === withoutMarks(word);
      });
      if (!fits || name.every((word, k) => parts[k]?.[2] === word)) continue;
      name.forEach((word, k) => {
        const run = runs[i + k]!;
        const part = parts[k];
        if (!part || part[2] === word) return;
        const [, before, core, after] = part;
        run.text = `${before}${word}${core!.slice(word.length)}${after}`;
        if (run.confidence !== undefined) run.confidence = repairedConfidence(run.confidence);
      });
      i += name.length - 1;
      break;
    }
  }
}
