import type { Answer, ReportRecord } from '../record/types.js';

export type Weights = Readonly<Record<Answer, number>>;

/**
 * How the index scores: the weights each record's answers are scored with (the
 * configured ones, or those of the profile a record was read with) and how far two
 * printed totals may be apart before two reports disagree.
 */
export interface IndexScoring {
  weightsFor(record: ReportRecord): Weights;
  totalTolerance: number;
}

/** The same weights for every record. */
export function fixedScoring(weights: Weights, totalTolerance = 0.01): IndexScoring {
  return { weightsFor: () => weights, totalTolerance };
}
