/** The index pages' one style sheet, served from the service so the pages work offline. */
export const INDEX_STYLE_PATH = '/index/assets/index.css';

export const INDEX_STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --focus: #1a5fd0; --warn: #8a5a00; --accent: #1a4fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fbfbfc; }
.top { display: flex; gap: 1.4rem; align-items: baseline; padding: .6rem 1.2rem; background: #1d2430; }
.top a { color: #dfe6f0; text-decoration: none; }
.top a.home { color: #fff; font-weight: 600; }
.top a[aria-current=page] { color: #fff; text-decoration: underline; text-underline-offset: 4px; }
main { max-width: 76rem; margin: 0 auto; padding: 1rem 1.2rem 4rem; }
h1 { font-size: 1.5rem; margin: .6rem 0; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: middle; }
thead th { background: #eef1f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
table.ranking { width: 100%; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .88em; }
.muted { color: var(--muted); }
.summary { color: var(--muted); margin: .2rem 0 1rem; }
.downloads a { margin-right: .7rem; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .4rem; }
svg.chart { display: block; font: 12px system-ui, sans-serif; }
svg.chart .axis { fill: var(--muted); }
svg.chart .cell-text { font-weight: 700; font-size: 13px; }
svg.chart .gridline { stroke: #e3e7ec; }
svg.chart .total-line { stroke: var(--accent); stroke-width: 2.5; }
svg.chart .total-point { fill: var(--accent); }
svg.chart .reported-point { fill: #fff; stroke: var(--warn); stroke-width: 2; }
svg.chart .point-label { fill: var(--ink); font-weight: 600; }
svg.chart .bar { fill: var(--accent); }
svg.chart .spark { stroke: var(--accent); stroke-width: 1.6; }
svg.chart .spark-end { fill: var(--accent); }
.bar-cell { display: flex; gap: .6rem; align-items: center; }
ul.legend { list-style: none; padding: 0; display: flex; gap: 1rem; margin: .5rem 0 0; color: var(--muted); }
ul.legend li { display: flex; gap: .3rem; align-items: center; }
ul.legend .reported { display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 2px solid var(--warn); }
ul.legend .computed { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
.finding-code { font-size: .75rem; color: var(--muted); text-transform: uppercase; }
.answer { display: inline-block; min-width: 1.4rem; text-align: center; border-radius: 3px; font-weight: 700; padding: 0 .2rem; }
.answer.Y { background: #2e7d32; color: #fff; }
.answer.P { background: #f2b233; color: #1d2430; }
.answer.N { background: #c0392b; color: #fff; }
.notice { padding: .5rem .7rem; border-radius: 4px; border: 1px solid var(--line); background: #fff; }
`;
