import type { RecordProvenance, ValueSource } from '../../record/types.js';

/** The pointers the contract gives provenance for: each report field, row year, answer, reported total and item text. */
const EXTRACTED_VALUE =
  /^\/report\/[^/]+$|^\/scoreTables\/\d+\/rows\/\d+\/(year|reportedTotal|answers\/[^/]+)$|^\/developmentLists\/\d+\/items\/\d+\/text$/;

/** A value's place in the file, and the pointer whose provenance entry gave it. */
export interface ValueSpot {
  pointer: string;
  source: ValueSource;
}

/**
 * Where the value at `pointer` was read, from the record's own provenance. An
 * extracted value has its own entry or none: a neighbour's place would point
 * the reviewer at the wrong cell. Anything else (a row, an item, an item's
 * number) is shown by the first entry inside it (the row's year, the item's
 * text), else by the member holding it, up to a table or list (never the whole
 * `report`, whose fields were read in different places).
 */
export function valueSpotFrom(provenance: RecordProvenance | undefined, pointer: string | null): ValueSpot | null {
  if (!provenance || !pointer) return null;
  if (EXTRACTED_VALUE.test(pointer)) return provenance[pointer] ? { pointer, source: provenance[pointer] } : null;
  const keys = Object.keys(provenance);
  for (let at = pointer; at.split('/').length > 2; at = at.slice(0, at.lastIndexOf('/'))) {
    const own = provenance[at];
    if (own) return { pointer: at, source: own };
    const inside = keys.find((k) => k.startsWith(`${at}/`));
    if (inside) return { pointer: inside, source: provenance[inside]! };
  }
  return null;
}

/** The lines of a text file around `line` (1-based), for showing a value in its place. */
export interface SourceLines {
  /** Number of the first line shown. */
  first: number;
  /** Number of the line the value is on. */
  focus: number;
  lines: string[];
}

const MAX_LINE_CHARS = 400;

export function sourceLinesFrom(text: string, line: number, around = 2): SourceLines | null {
  const all = text.split(/\r\n|\r|\n/);
  if (!Number.isInteger(line) || line < 1 || line > all.length) return null;
  const first = Math.max(1, line - around);
  const last = Math.min(all.length, line + around);
  const lines = all
    .slice(first - 1, last)
    .map((l) => (l.length > MAX_LINE_CHARS ? `${l.slice(0, MAX_LINE_CHARS)}…` : l));
  return { first, focus: line, lines };
}
