// A word the text around it or its ink made something else than the engine read is less
// sure than the engine said: every such repair of recognised text takes this share.
const REPAIR_CONFIDENCE = 0.85;

/** The confidence of a repaired word, from the engine's (0–1, three decimals). */
export function repairedConfidence(confidence: number): number {
  return Math.round(confidence * REPAIR_CONFIDENCE * 1000) / 1000;
}
