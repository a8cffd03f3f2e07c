import type { Answer } from '../record/types.js';
import type { Profile } from './profile.js';

/**
 * Knobs of the extraction core. The profiles are data the IO edge loads
 * (profiles/*.json) and passes in; the core never reads them from anywhere itself.
 */
export interface ExtractOptions {
  /** The scorecard profiles a report may be written for, in order of preference (the first is the default). */
  profiles: readonly Profile[];
  /**
   * Read every report with this profile ("caidp-aidv"), or with one of its languages
   * ("caidp-aidv/es"); null lets the document's words choose.
   */
  profile?: string | null;
  /** Points per answer when computing a row's total; null or absent takes the profile's. */
  weights?: Record<Answer, number> | null;
  /** Reported and computed totals may differ by this much before TOTAL_MISMATCH; null or absent takes the profile's. */
  totalTolerance?: number | null;
  /** A value read by OCR with a confidence (0–1) below this is flagged LOW_CONFIDENCE; null or absent takes DEFAULT_LOW_CONFIDENCE. */
  lowConfidence?: number | null;
}

export const DEFAULT_LOW_CONFIDENCE = 0.8;
