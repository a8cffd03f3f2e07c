import type { RecordProvenance, ValueSource } from '../../record/types.js';

/** A value's place in the file, and the pointer whose provenance entry gave it. */
export interface ValueSpot {
  pointer: string;
  source: ValueSource;
}

/**
 * Where the value at `pointer` was read, from the record's own provenance: its
 * entry, else the first entry inside it (a row's year for the row, an item's
 * text for the item), else the same for the member holding it, up to a table or
 * list (never the whole `report`, whose fields were read in different places).
 */
export function valueSpotFrom(provenance: RecordProvenance | undefined, pointer: string | null): ValueSpot | null {
  if (!provenance || !pointer) return null;
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
  const lines = all.slice(first - 1, last).map((l) => (l.length > MAX_LINE_CHARS ? `${l.slice(0, MAX_LINE_CHARS)}…` : l));
  return { first, focus: line, lines };
}
