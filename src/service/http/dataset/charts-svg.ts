import type { CountryHistory, YearTotal } from '../../../dataset/country-overview.js';
import type { Answer } from '../../../record/types.js';
import { esc } from '../review-desk/html.js';

/**
 * The index's charts, drawn on the server as inline SVG: no script, no chart library,
 * nothing fetched, so the pages work offline and under the desk's strict CSP. Each
 * cell and point carries its value as text or a <title>, not only as colour.
 */

export const ANSWER_COLOURS: Readonly<Record<Answer | 'none', { fill: string; ink: string; label: string }>> = {
  Y: { fill: '#2e7d32', ink: '#ffffff', label: 'Yes' },
  P: { fill: '#f2b233', ink: '#1d2430', label: 'Partly' },
  N: { fill: '#c0392b', ink: '#ffffff', label: 'No' },
  none: { fill: '#eceff3', ink: '#5b6575', label: 'no answer' },
};

const CELL_W = 46;
const CELL_H = 26;
const LABEL_W = 52;
const HEAD_H = 24;

/** Questions down, years across, each cell coloured by the answer of the record that speaks for that year. */
export function answerGridSvg(history: CountryHistory): string {
  const width = LABEL_W + history.years.length * CELL_W;
  const height = HEAD_H + history.questions.length * CELL_H;
  const parts: string[] = [];
  history.years.forEach((year, i) => {
    parts.push(
      `<text x="${LABEL_W + i * CELL_W + CELL_W / 2}" y="${HEAD_H - 8}" text-anchor="middle" class="axis">${year}</text>`,
    );
  });
  history.questions.forEach((question, row) => {
    const y = HEAD_H + row * CELL_H;
    parts.push(
      `<text x="${LABEL_W - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end" class="axis">${esc(question)}</text>`,
    );
    history.cells[question]!.forEach((cell, col) => {
      const x = LABEL_W + col * CELL_W;
      if (cell === null) {
        parts.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="#ffffff" stroke="#d5dae1"><title>${esc(question)} ${history.years[col]}: not asked</title></rect>`,
        );
        return;
      }
      const colour = ANSWER_COLOURS[cell.answer ?? 'none'];
      const letter = cell.answer ?? '–';
      const title = `${question} ${history.years[col]}: ${colour.label} (${cell.fileName})`;
      parts.push(
        `<g class="cell" data-answer="${esc(cell.answer ?? '')}"><title>${esc(title)}</title>` +
          `<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="3" fill="${colour.fill}"/>` +
          `<text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 5}" text-anchor="middle" fill="${colour.ink}" class="cell-text">${esc(letter)}</text></g>`,
      );
    });
  });
  return svg(width, height, `Answers of ${history.country.name} by question and year`, parts.join(''), 'grid');
}

/** The legend for the grid's colours. */
export function answerLegendHtml(): string {
  return `<ul class="legend">${(['Y', 'P', 'N', 'none'] as const)
    .map(
      (key) =>
        `<li><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="2" fill="${ANSWER_COLOURS[key].fill}"/></svg> ${key === 'none' ? '–' : key} ${esc(ANSWER_COLOURS[key].label)}</li>`,
    )
    .join('')}</ul>`;
}

const LINE_W = 600;
const LINE_H = 230;
const PAD = { left: 44, right: 20, top: 16, bottom: 34 };

/** The total over the years (under the configured weights), with the totals the reports printed where they differ. */
export function totalLineSvg(countryName: string, totals: readonly YearTotal[]): string {
  const max = niceMax(Math.max(1, ...totals.map((t) => Math.max(t.maxTotal, t.total, t.reportedTotal ?? 0))));
  const first = totals[0]!.year;
  const last = totals.at(-1)!.year;
  const plotW = LINE_W - PAD.left - PAD.right;
  const plotH = LINE_H - PAD.top - PAD.bottom;
  const x = (year: number) => PAD.left + (last === first ? plotW / 2 : ((year - first) / (last - first)) * plotW);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const parts: string[] = [];
  for (const tick of ticks(max)) {
    parts.push(`<line x1="${PAD.left}" x2="${LINE_W - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" class="gridline"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end" class="axis">${number(tick)}</text>`);
  }
  for (const t of totals)
    parts.push(`<text x="${x(t.year)}" y="${LINE_H - 12}" text-anchor="middle" class="axis">${t.year}</text>`);
  parts.push(
    `<polyline class="total-line" fill="none" points="${totals.map((t) => `${x(t.year)},${y(t.total)}`).join(' ')}"/>`,
  );
  for (const t of totals) {
    parts.push(
      `<circle class="total-point" cx="${x(t.year)}" cy="${y(t.total)}" r="4.5"><title>${t.year}: total ${number(t.total)} of ${number(t.maxTotal)}</title></circle>`,
    );
    parts.push(
      `<text x="${x(t.year)}" y="${y(t.total) - 9}" text-anchor="middle" class="point-label">${number(t.total)}</text>`,
    );
    if (t.reportedTotal !== null && Math.abs(t.reportedTotal - t.total) > 1e-9) {
      parts.push(
        `<circle class="reported-point" cx="${x(t.year)}" cy="${y(t.reportedTotal)}" r="4"><title>${t.year}: the report printed ${number(t.reportedTotal)}</title></circle>`,
      );
    }
  }
  return svg(LINE_W, LINE_H, `Total of ${countryName} over the years`, parts.join(''), 'line');
}

/** A horizontal bar: the total against the most the table allows. */
export function totalBarSvg(total: number, maxTotal: number): string {
  const width = 150;
  const filled = maxTotal > 0 ? Math.max(0, Math.min(1, total / maxTotal)) * width : 0;
  return svg(
    width,
    14,
    `${number(total)} of ${number(maxTotal)}`,
    `<rect width="${width}" height="14" rx="2" fill="#eceff3"/><rect width="${filled.toFixed(1)}" height="14" rx="2" class="bar"/>`,
    'bar',
  );
}

/** The totals of a country's years as a small line, scaled to the most its tables allow. */
export function sparklineSvg(totals: readonly YearTotal[]): string {
  const width = 110;
  const height = 26;
  const max = Math.max(1, ...totals.map((t) => t.maxTotal));
  const step = totals.length > 1 ? (width - 8) / (totals.length - 1) : 0;
  const points = totals.map(
    (t, i) =>
      `${(4 + (totals.length > 1 ? i * step : (width - 8) / 2)).toFixed(1)},${(height - 3 - (t.total / max) * (height - 6)).toFixed(1)}`,
  );
  const label = totals.map((t) => `${t.year}: ${number(t.total)}`).join(', ');
  const last = points.at(-1)!.split(',');
  return svg(
    width,
    height,
    label,
    `<polyline class="spark" fill="none" points="${points.join(' ')}"/><circle cx="${last[0]}" cy="${last[1]}" r="2.5" class="spark-end"/>`,
    'spark',
  );
}

/** Totals print as the reports print them: `4.5`, `3`, `4.33`. */
export function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function svg(width: number, height: number, label: string, body: string, kind: string): string {
  return `<svg class="chart ${kind}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">${body}</svg>`;
}

function niceMax(value: number): number {
  if (value <= 5) return Math.ceil(value);
  return Math.ceil(value / 2) * 2;
}

function ticks(max: number): number[] {
  const step = max <= 6 ? 1 : max <= 12 ? 2 : Math.ceil(max / 6);
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}
