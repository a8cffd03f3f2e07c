// The expected record of one report, from its hand-written content. Totals and changes
// are worked out here the way the fixtures' were checked: a small calculator over the
// answers as printed, Y = 1, P = 0.5, N = 0.
import { answerFromCell, emphasisOf, itemNumber, itemRuns, plainText } from './content.mjs';

const SEVERITY = {
  TOTAL_MISMATCH: 'warning', MISSING_TOTAL: 'warning', MISSING_ANSWER: 'warning', UNKNOWN_ANSWER: 'warning',
  FOOTNOTE_MARK: 'info', ROW_SHAPE: 'warning', DUPLICATE_YEAR: 'warning', NUMBERING_GAP: 'warning',
  NO_SCORE_TABLE: 'warning', NO_DEVELOPMENTS: 'warning', MISSING_DATE: 'info', UNPARSEABLE_DATE: 'warning',
  UNKNOWN_COUNTRY: 'info',
};
const WEIGHT = { Y: 1, P: 0.5, N: 0 };

export function expectedRecord(report) {
  const anomalies = [];
  const add = (a) => anomalies.push({ code: a.code, severity: SEVERITY[a.code], message: a.message ?? a.code, path: a.path ?? null, ...('expected' in a ? { expected: a.expected } : {}), ...('found' in a ? { found: a.found } : {}) });
  const handReport = report.anomalies.filter((a) => a.path?.startsWith('/report'));
  const handOther = report.anomalies.filter((a) => !a.path?.startsWith('/report'));
  handReport.forEach(add);

  const scoreTables = report.tables.map((table, t) => {
    const seen = new Set();
    const rows = table.rows.map((row, r) => {
      const base = `/scoreTables/${t}/rows/${r}`;
      const answers = {};
      let computed = 0;
      const width = table.columns.length + 2;
      const printed = 1 + row.cells.length + ('total' in row ? 1 : 0);
      if (printed !== width) add({ code: 'ROW_SHAPE', path: base, expected: width, found: printed });
      const year = Number(row.year);
      if (seen.has(year)) add({ code: 'DUPLICATE_YEAR', path: `${base}/year`, found: year });
      seen.add(year);
      table.columns.forEach((c, i) => {
        const raw = row.cells[i] ?? '';
        const a = answerFromCell(raw);
        answers[c] = a.answer;
        computed += a.answer ? WEIGHT[a.answer] : 0;
        if (a.missing) add({ code: 'MISSING_ANSWER', path: `${base}/answers/${c}`, found: raw });
        if (a.unknown) add({ code: 'UNKNOWN_ANSWER', path: `${base}/answers/${c}`, found: raw });
        if (a.mark) add({ code: 'FOOTNOTE_MARK', path: `${base}/answers/${c}`, found: raw });
      });
      const reported = row.total === undefined || row.total === '' ? null : Number(row.total.replace(',', '.'));
      if (reported === null) add({ code: 'MISSING_TOTAL', path: `${base}/reportedTotal` });
      else if (Math.abs(reported - computed) > 0.01) add({ code: 'TOTAL_MISMATCH', path: `${base}/reportedTotal`, expected: computed, found: reported });
      return { year, answers, reportedTotal: reported, computedTotal: computed };
    });
    const changes = [];
    for (let r = 1; r < rows.length; r++) {
      for (const c of table.columns) {
        const from = rows[r - 1].answers[c];
        const to = rows[r].answers[c];
        if (from !== to) changes.push({ column: c, fromYear: rows[r - 1].year, toYear: rows[r].year, from, to });
      }
    }
    return { section: table.section, subject: table.subject, columns: table.columns, rows, changes, commentary: table.commentary.map((c) => c.replace(/\s+/g, ' ').trim()) };
  });

  const developmentLists = report.lists.map((list) => ({
    section: list.section,
    subject: list.subject,
    items: list.items.map((item, i) => ({ number: itemNumber(item, i), text: plainText(itemRuns(item)), emphasis: emphasisOf(itemRuns(item)) })),
  }));
  handOther.forEach(add);

  return {
    schemaVersion: '1.0',
    id: '0'.repeat(64),
    source: { fileName: '', format: 'markdown', bytes: 0, sha256: '0'.repeat(64), pages: null },
    report: { title: report.title, country: report.country, author: report.author, date: report.date, dateText: report.dateText },
    scoreTables,
    developmentLists,
    anomalies,
    status: anomalies.some((a) => a.severity !== 'info') ? 'needs_review' : 'ok',
  };
}
