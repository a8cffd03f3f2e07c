/**
 * Plain-text normalisation shared by every field that holds prose: one line,
 * single spaces, soft hyphens gone, words split at a line end joined again.
 */

// A soft hyphen marks a possible break inside one word, so a line break after it joins.
const SOFT_HYPHEN = /\u00ad(?:[ \t\u00a0]*\r?\n[ \t\u00a0]*)?/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
// Word's non-breaking hyphen prints as a plain hyphen; it only forbids a line break there.
const NON_BREAKING_HYPHEN = /\u2011/g;
// A whole word, a hyphen at the end of the line, then the next word (captured ahead).
// The look-behind keeps matching linear on very long words. A hyphen followed by a
// space inside a line is the same break after a converter turned the line end into
// a space ("develop- ment"), except before "and"/"or"/"to" ("short- and long-term").
const LINE_END_HYPHEN =
  /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)[-\u2010](?:[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \u00a0](?!(?:and|or|nor|to|as well as|und|et)\b))(?=([\p{L}\p{N}]+))/gu;

// Words that follow a hyphen as the second half of a compound far more often than
// they end a word split by hyphenation ("AI-based", "data-driven", "long-term").
const COMPOUND_HEADS = new Set([
  'based',
  'driven',
  'related',
  'led',
  'making',
  'maker',
  'makers',
  'level',
  'scale',
  'term',
  'wide',
  'specific',
  'oriented',
  'powered',
  'enabled',
  'owned',
  'funded',
  'sector',
  'friendly',
  'free',
  'like',
  'sized',
  'run',
  'centred',
  'centered',
  'centric',
  'focused',
  'intensive',
  'bound',
  'ready',
  'backed',
  'assisted',
  'generated',
  'facing',
  'sharing',
  'building',
  'governed',
  'sensitive',
  'aware',
  'compliant',
  'proof',
  'time',
  'party',
  'step',
  'year',
  'month',
  'up',
  'the',
  'of',
  'hoc',
  'edge',
  'alone',
  'made',
  'stakeholder',
  'stakeholders',
  'risk',
  // Whole participles that head compounds ("privacy-enhancing", "time-consuming"). Only those
  // that are not also the tail of a longer word split after a prefix: "re-" + "solving" and
  // "up-" + "setting" are hyphenation, so "solving" and "setting" are left out.
  'enhancing',
  'preserving',
  'protecting',
  'consuming',
  'saving',
  'respecting',
]);

// Prefixes written with their own hyphen in policy prose; a line break right after
// them is almost always that hyphen, not a syllable break ("non-binding", "self-regulation").
const HYPHENATED_PREFIXES = new Set(['self', 'cross', 'well', 'so', 'ex', 'non', 'all', 'anti']);

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * Whether `before-` + line break + `after` was a compound that keeps its hyphen.
 * `compoundParts` are the report language's own second parts ("se" of "comprometeu-se").
 */
export function keepsHyphen(before: string, after: string, compoundParts: ReadonlySet<string> = NO_WORDS): boolean {
  if (before.length < 2) return true; // hyphenation never leaves one letter behind
  if (/\d/.test(before) || /\d/.test(after)) return true;
  // Acronyms keep their hyphen ("AI-", "ICT-"); a merely capitalised part does not,
  // since long names are split like any word ("Kazakh-" + "stan").
  if (/^\p{Lu}{2,}$/u.test(before)) return true;
  if (/^\p{Lu}/u.test(after)) return true; // "non-EU", "pro-European"
  const head = after.toLowerCase();
  if (COMPOUND_HEADS.has(head) || compoundParts.has(head)) return true;
  return HYPHENATED_PREFIXES.has(before.toLowerCase());
}

/** Joins words split at line ends; keeps the hyphen of real compounds. Line breaks stay. */
export function joinLineEndHyphens(text: string, compoundParts: ReadonlySet<string> = NO_WORDS): string {
  // Most texts have no hyphen at all; the Unicode-aware search is the costly part.
  if (!text.includes('-') && !text.includes('\u2010')) return text;
  return text.replace(LINE_END_HYPHEN, (_match, before: string, after: string) =>
    keepsHyphen(before, after, compoundParts) ? `${before}-` : before,
  );
}

/** One line, single spaces, no soft hyphens, plain hyphens, line-end hyphenation undone. */
export function oneLineFromText(text: string, compoundParts: ReadonlySet<string> = NO_WORDS): string {
  const cleaned = text.replace(SOFT_HYPHEN, '').replace(INVISIBLE, '').replace(/\r\n?/g, '\n');
  return joinLineEndHyphens(cleaned, compoundParts).replace(NON_BREAKING_HYPHEN, '-').replace(/\s+/gu, ' ').trim();
}

/** The text with surrounding white space removed and inner runs collapsed, for matching. */
export function squashed(text: string): string {
  return text.replace(SOFT_HYPHEN, '').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** A paragraph that opens in lower case carries on the text before it (cut by a page break). */
export function isContinuation(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text);
}

/** A line that is only a page number ("3", "- 3 -", "Page 3 of 10", "3/10"). */
export function isPageNumber(text: string): boolean {
  return /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/iu.test(text.trim());
}
