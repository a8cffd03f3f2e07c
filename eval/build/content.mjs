// Small helpers over the hand-written report content: the plain text and emphasis of an
// item, the contract's answer table, and item numbers.

export function itemRuns(item) {
  return Array.isArray(item) ? item : item.runs;
}

export function itemNumber(item, index) {
  return Array.isArray(item) ? index + 1 : item.n;
}

export function runText(run) {
  if (typeof run === 'string') return run;
  if (run.p) return ' ';
  return run.b ?? run.i ?? run.bi ?? run.ins ?? '';
}

/** A tracked insertion reads as plain text and a tracked deletion is not there: the document as accepted. */
export function visibleRuns(runs) {
  return runs.filter((r) => typeof r === 'string' || !('del' in r)).map((r) => (typeof r !== 'string' && 'ins' in r ? r.ins : r));
}

export function plainText(runs) {
  return visibleRuns(runs).map(runText).join('').replace(/\s+/g, ' ').trim();
}

export function emphasisOf(runs) {
  return visibleRuns(runs).filter((r) => typeof r !== 'string' && !r.p).map(runText);
}

// A footnote mark after an answer: a symbol, a superscript digit, or a Markdown/Word footnote reference.
const FOOTNOTE = /(?:[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\])$/u;

/** The answer a cell stands for, per the contract's answers table. */
export function answerFromCell(raw) {
  const mark = FOOTNOTE.test(raw.trim()) && raw.trim().replace(FOOTNOTE, '') !== '';
  const cell = raw.trim().replace(FOOTNOTE, '').toLowerCase();
  if (['y', 'yes', '✓', '✔'].includes(cell)) return { answer: 'Y', mark };
  if (['p', 'partly', 'partial', 'partially', '½'].includes(cell)) return { answer: 'P', mark };
  if (['n', 'no', '✗', '✘'].includes(cell)) return { answer: 'N', mark };
  if (['', '-', '—', 'n/a'].includes(cell)) return { answer: null, missing: true, mark };
  return { answer: null, unknown: true, mark };
}
