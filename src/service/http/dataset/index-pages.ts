import type { ConsistencyFinding, ReportedValue } from '../../../dataset/consistency.js';
import type { CountryHistory, CountrySummary } from '../../../dataset/country-overview.js';
import type { CountryYear, YearReading } from '../../../dataset/country-years.js';
import { esc } from '../review-desk/html.js';
import { answerGridSvg, answerLegendHtml, number, sparklineSvg, totalBarSvg, totalLineSvg } from './charts-svg.js';
import { INDEX_STYLE_PATH } from './index-style.js';

/** What every index page says about where its figures come from. */
export interface IndexFacts {
  source: string;
  records: number;
  unplaced: number;
  unreadable: number;
}

type Section = 'overview' | 'consistency' | 'country';

export const INDEX_PATH = '/index';
export const CONSISTENCY_PAGE_PATH = '/index/consistency';
export const countryPagePath = (key: string) => `/index/countries/${encodeURIComponent(key)}`;

/** GET /index: countries ranked by their latest total. */
export function overviewPageHtml(summaries: readonly CountrySummary[], findings: number, facts: IndexFacts): string {
  const countryYears = summaries.reduce((n, s) => n + s.totals.length, 0);
  const rows = summaries
    .map(
      (s, i) => `<tr data-country="${esc(s.country.key)}">
<td class="num">${i + 1}</td>
<td><a href="${esc(countryPagePath(s.country.key))}">${esc(s.country.name)}</a> <span class="muted">${esc(s.country.iso3 ?? '')}</span></td>
<td class="num">${s.latest.year}</td>
<td><div class="bar-cell">${totalBarSvg(s.latest.total, s.latest.maxTotal)}<span class="num"><strong>${number(s.latest.total)}</strong> <span class="muted">of ${number(s.latest.maxTotal)}</span></span></div></td>
<td>${sparklineSvg(s.totals)}</td>
<td class="num">${s.reports}</td>
<td class="num">${s.findings === 0 ? '<span class="muted">0</span>' : `<a href="${esc(CONSISTENCY_PAGE_PATH)}?country=${esc(encodeURIComponent(s.country.key))}">${s.findings}</a>`}</td>
</tr>`,
    )
    .join('\n');
  const body =
    summaries.length === 0
      ? '<p class="notice">No released record has a score table yet. Records reach the index when they are released: parsed clean, or approved on the review desk.</p>'
      : `<table class="ranking">
<caption>Latest total per country, highest first</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">Country</th><th scope="col" class="num">Latest year</th><th scope="col">Total</th><th scope="col">Over the years</th><th scope="col" class="num">Reports</th><th scope="col" class="num">Disagreements</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return indexPageHtml(
    'Countries',
    'overview',
    `<h1>Countries</h1>
${summaryHtml(facts, `${summaries.length} countries, ${countryYears} country-years`, findings)}
${downloadsHtml('')}
${body}`,
  );
}

/** GET /index/countries/:key: a heat map of answers by question and year, the total as a line, and who says what. */
export function countryPageHtml(history: CountryHistory, facts: IndexFacts): string {
  const { country } = history;
  const query = `country=${encodeURIComponent(country.key)}`;
  return indexPageHtml(
    country.name,
    'country',
    `<h1>${esc(country.name)} <span class="muted">${esc(country.iso3 ?? '')}</span></h1>
${summaryHtml(facts, `${history.years.length} years, ${history.years[0]}–${history.years.at(-1)}`, history.findings.length, query)}
${downloadsHtml(query)}
<div class="charts">
<figure><figcaption>Answers by question and year</figcaption>${answerGridSvg(history)}${answerLegendHtml()}</figure>
<figure><figcaption>Total over the years</figcaption>${totalLineSvg(country.name, history.totals)}
<ul class="legend"><li><span class="computed"></span> total of the answers</li><li><span class="reported"></span> total as printed, where it differs</li></ul></figure>
</div>
<h2>Years and the reports that give them</h2>
${yearsTableHtml(history)}
<h2>Disagreements between reports</h2>
${history.findings.length === 0 ? '<p class="muted">The released reports agree on every year they share.</p>' : findingsTableHtml(history.findings, false)}`,
  );
}

/** GET /index/consistency: every country-year two released reports give differently. */
export function consistencyPageHtml(
  findings: readonly ConsistencyFinding[],
  facts: IndexFacts,
  countryName: string | null,
): string {
  const title = countryName ? `Disagreements: ${countryName}` : 'Disagreements between reports';
  return indexPageHtml(
    title,
    'consistency',
    `<h1>${esc(title)}</h1>
<p class="summary">Where two released reports answer the same country and year differently, or print different totals for it. The report with the latest date counts; the other is shown beside it. Also as JSON: <a href="/consistency">/consistency</a>.</p>
${summaryHtml(facts, null, findings.length)}
${findings.length === 0 ? '<p class="notice">The released reports agree on every country-year they share.</p>' : findingsTableHtml(findings, true)}`,
  );
}

export function notFoundPageHtml(key: string): string {
  return indexPageHtml(
    'Not found',
    'country',
    `<h1>No such country in the index</h1><p>No released record gives scores for <code>${esc(key)}</code>. <a href="${INDEX_PATH}">All countries</a></p>`,
  );
}

function yearsTableHtml(history: CountryHistory): string {
  const rows = [...history.countryYears]
    .reverse()
    .map((cy: CountryYear, i) => {
      const total = history.totals[history.totals.length - 1 - i]!;
      return `<tr>
<td class="num">${cy.year}</td>
<td class="num">${number(total.total)}</td>
<td class="num">${total.reportedTotal === null ? '<span class="muted">–</span>' : number(total.reportedTotal)}</td>
<td>${readingHtml(cy.speaking)}</td>
<td>${cy.others.length === 0 ? '<span class="muted">–</span>' : cy.others.map(readingHtml).join('<br>')}</td>
</tr>`;
    })
    .join('\n');
  return `<table>
<thead><tr><th scope="col" class="num">Year</th><th scope="col" class="num">Total</th><th scope="col" class="num">Printed</th><th scope="col">Counted from</th><th scope="col">Also given by</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function readingHtml(reading: YearReading): string {
  const { record } = reading.released;
  return `<a href="/review/${esc(record.id)}">${esc(record.source.fileName)}</a> <span class="muted">${esc(record.report.date ?? 'no date')}</span>`;
}

function findingsTableHtml(findings: readonly ConsistencyFinding[], withCountry: boolean): string {
  const rows = findings
    .map(
      (f) => `<tr data-code="${esc(f.code)}">
${withCountry ? `<td><a href="${esc(countryPagePath(f.country.key))}">${esc(f.country.name)}</a></td>` : ''}
<td class="num">${f.year}</td>
<td>${esc(f.question ?? 'Total')} <span class="finding-code">${f.code === 'ANSWER_DIFFERS' ? 'answer' : 'total'}</span></td>
<td>${valueHtml(f.speaking)}</td>
<td>${valueHtml(f.other)}</td>
</tr>`,
    )
    .join('\n');
  return `<table class="findings">
<thead><tr>${withCountry ? '<th scope="col">Country</th>' : ''}<th scope="col" class="num">Year</th><th scope="col">What</th><th scope="col">Counted (latest report)</th><th scope="col">Other report</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function valueHtml(value: ReportedValue): string {
  const shown =
    typeof value.value === 'number'
      ? `<strong>${number(value.value)}</strong>`
      : `<span class="answer ${esc(value.value)}">${esc(value.value)}</span>`;
  const where = placeText(value.provenance);
  return `${shown} in <a href="/review/${esc(value.recordId)}">${esc(value.fileName)}</a> <span class="muted">${esc(value.reportDate ?? 'no date')}${where ? `, ${esc(where)}` : ''}</span>`;
}

/** `line 12`, `page 2`, `paragraph 14`, with the OCR confidence when there is one. */
export function placeText(provenance: unknown): string | null {
  if (!provenance || typeof provenance !== 'object') return null;
  const p = provenance as { line?: number; page?: number; paragraph?: number; confidence?: number };
  const where =
    p.line !== undefined
      ? `line ${p.line}`
      : p.page !== undefined
        ? `page ${p.page}`
        : p.paragraph !== undefined
          ? `paragraph ${p.paragraph}`
          : null;
  if (where === null) return null;
  return p.confidence === undefined ? where : `${where}, read with ${Math.round(p.confidence * 100)} % confidence`;
}

function summaryHtml(facts: IndexFacts, what: string | null, findings: number, query = ''): string {
  const parts = [
    what,
    `from ${facts.records} released record${facts.records === 1 ? '' : 's'} (${esc(facts.source)})`,
    findings === 0
      ? 'no disagreements'
      : `<a href="${esc(CONSISTENCY_PAGE_PATH)}${query ? `?${esc(query)}` : ''}">${findings} disagreement${findings === 1 ? '' : 's'}</a>`,
    facts.unplaced > 0
      ? `${facts.unplaced} record${facts.unplaced === 1 ? '' : 's'} with scores but no recognised country left out`
      : null,
    facts.unreadable > 0 ? `${facts.unreadable} unreadable entr${facts.unreadable === 1 ? 'y' : 'ies'} skipped` : null,
  ].filter(Boolean);
  return `<p class="summary">${parts.join(' · ')}</p>`;
}

function downloadsHtml(query: string): string {
  const links = (['wide', 'long'] as const).flatMap((shape) =>
    (['csv', 'parquet', 'jsonl'] as const).map((format) => {
      const href = `/dataset.${format}?shape=${shape}${query ? `&${query}` : ''}`;
      return `<a href="${esc(href)}" download>${shape} ${format.toUpperCase()}</a>`;
    }),
  );
  return `<p class="downloads">Download: ${links.join(' ')}</p>`;
}

function indexPageHtml(title: string, section: Section, body: string): string {
  const current = (s: Section) => (s === section ? ' aria-current="page"' : '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · reportflow index</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${INDEX_STYLE_PATH}">
</head>
<body data-page="index-${section}">
<nav class="top"><a class="home" href="${INDEX_PATH}"${current('overview')}>reportflow · index</a><a href="${CONSISTENCY_PAGE_PATH}"${current('consistency')}>Disagreements</a><a href="/review">Review desk</a></nav>
<main id="main">
${body}
</main>
</body>
</html>
`;
}
