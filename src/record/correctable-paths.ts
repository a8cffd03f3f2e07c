/**
 * Which values of a record a reviewer may correct: the values read from the
 * report (those the contract's `provenance` keys), nothing the pipeline derives
 * or sets itself (`id`, `source`, `status`, `anomalies`, `provenance`, computed
 * totals, changes) and nothing new: a correction replaces a value that is there.
 * Each pattern is a JSON Pointer with `*` for one token.
 */
const CORRECTABLE: readonly (readonly string[])[] = [
  ['report', 'title'],
  ['report', 'author'],
  ['report', 'date'],
  ['report', 'dateText'],
  ['report', 'language'],
  ['report', 'country'],
  ['report', 'country', 'name'],
  ['report', 'country', 'iso2'],
  ['report', 'country', 'iso3'],
  ['scoreTables', '#', 'rows', '#', 'year'],
  ['scoreTables', '#', 'rows', '#', 'answers', '*'],
  ['scoreTables', '#', 'rows', '#', 'reportedTotal'],
  ['developmentLists', '#', 'items', '#', 'number'],
  ['developmentLists', '#', 'items', '#', 'text'],
];

/** True when `tokens` (a parsed JSON Pointer) names a value a reviewer may correct; whether it exists is checked apart. */
export function isCorrectablePath(tokens: readonly string[]): boolean {
  return CORRECTABLE.some(
    (pattern) =>
      pattern.length === tokens.length &&
      pattern.every((part, i) =>
        part === '#' ? /^(0|[1-9]\d*)$/.test(tokens[i]!) : part === '*' || part === tokens[i],
      ),
  );
}

/** A correction's value must survive JSON as itself: no objects or arrays (but a country), no NaN or Infinity. */
export function correctionValueProblem(tokens: readonly string[], value: unknown): string | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'the value is not a finite number';
  const isCountry = tokens.length === 2 && tokens[1] === 'country';
  if (value !== null && typeof value === 'object' && !isCountry)
    return 'the value must be a string, number or null, not an object or list';
  return null;
}
