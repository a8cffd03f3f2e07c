/** Knobs of the extraction core. Defaults follow the record contract. */
export interface ExtractOptions {
  /** Points per answer when computing a row's total. */
  weights: { Y: number; P: number; N: number };
  /** Reported and computed totals may differ by this much before TOTAL_MISMATCH. */
  totalTolerance: number;
  /** A value read by OCR with a confidence (0–1) below this is flagged LOW_CONFIDENCE. */
  lowConfidence: number;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  weights: { Y: 1, P: 0.5, N: 0 },
  totalTolerance: 0.01,
  lowConfidence: 0.8,
};
