/**
 * Heights in common text faces as shares of the type size: how tall lower-case letters,
 * capitals and ascenders stand above the baseline, and how far descenders fall below it.
 * Sizes are measured from recognised letters with these.
 */
export const X_HEIGHT_SHARE = 0.53;
export const ASCENDER_SHARE = 0.72;
export const DESCENDER_SHARE = 0.21;
