import type { Provenance } from '../blocks/model.js';
import type { RecordProvenance, ValueSource } from '../record/types.js';

/**
 * The record's `provenance` map: each extracted value's JSON Pointer to the place in
 * the file it was read from. Values take the place of the block (or table cell) they
 * came from; a value read from a later line of a block gets that line.
 */

export function valueSourceFrom(provenance: Provenance, lineInBlock = 0): ValueSource {
  const out: ValueSource = {};
  if (provenance.page !== undefined) out.page = provenance.page;
  if (provenance.line !== undefined) out.line = provenance.line + lineInBlock;
  if (provenance.paragraph !== undefined) out.paragraph = provenance.paragraph;
  if (provenance.box !== undefined) out.box = [...provenance.box];
  if (provenance.confidence !== undefined) out.confidence = provenance.confidence;
  return out;
}

/** Notes a value's place; a value with no known place is left out rather than given an empty one. */
export function noteSource(
  map: RecordProvenance,
  pointer: string,
  provenance: Provenance | undefined,
  lineInBlock = 0,
): void {
  if (provenance === undefined) return;
  const source = valueSourceFrom(provenance, lineInBlock);
  if (Object.keys(source).length > 0) map[pointer] = source;
}
