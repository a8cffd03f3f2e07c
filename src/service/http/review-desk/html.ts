/** Markup helpers for the desk's server-rendered pages: every value goes through `esc`. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export const DESK_SCRIPT_PATH = '/review/assets/desk.js';
export const DESK_STYLE_PATH = '/review/assets/desk.css';

/** A whole page; `body` is markup already escaped by its builder. */
export function pageHtml(title: string, body: string, pageKind: 'list' | 'record' | 'records'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · reportflow review</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${DESK_STYLE_PATH}">
<script src="${DESK_SCRIPT_PATH}" defer></script>
</head>
<body data-page="${pageKind}">
<header class="top"><a href="/review">reportflow · review desk</a> <nav aria-label="Desk"><a href="/review">Waiting for review</a> <a href="/review/records">All records</a> <a href="/index">Countries</a></nav></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

/** "4 min", "3 h", "2 d": how long ago `iso` was, for a list that is scanned, not read. */
export function ageFrom(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** A JSON Pointer token, escaped per RFC 6901. */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}
