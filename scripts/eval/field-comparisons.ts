import type { ReportRecord, ScoreChange } from '../../src/record/types.js';

/** One leaf field of a record judged against its expected value. */
export interface FieldComparison {
  path: string;
  expected: unknown;
  actual: unknown;
  equal: boolean;
}

/**
 * The counted leaf fields of a record: report fields, each table's section, subject,
 * columns, each row's year, answers and totals, its changes (as a set) and commentary,
 * each list's section, subject and each item's number, text and emphasis. Tables, rows,
 * lists and items are paired by position; a missing or extra one counts all its fields
 * as wrong.
 */
export function fieldComparisonsFromRecords(expected: ReportRecord, actual: ReportRecord): FieldComparison[] {
  const out: FieldComparison[] = [];
  const push = (path: string, e: unknown, a: unknown, equal = sameJson(e, a)) =>
    out.push({ path, expected: e, actual: a, equal });

  const er = expected.report;
  const ar = actual.report;
  push('/report/title', er.title, ar.title);
  push('/report/author', er.author, ar.author);
  push('/report/date', er.date, ar.date);
  push('/report/dateText', er.dateText, ar.dateText);
  // Optional since 1.1: counted where the expected record states them (reports in other languages).
  if ('language' in er) push('/report/language', er.language, ar.language ?? null);
  if ('profile' in er) push('/report/profile', er.profile, ar.profile ?? null);
  push('/report/country/iso2', er.country?.iso2 ?? null, ar.country?.iso2 ?? null);
  push('/report/country/iso3', er.country?.iso3 ?? null, ar.country?.iso3 ?? null);
  const acceptedNames = [er.country?.name, er.title].filter((n): n is string => typeof n === 'string').map(foldName);
  const gotName = ar.country?.name ?? null;
  push(
    '/report/country/name',
    er.country?.name ?? null,
    gotName,
    er.country === null ? ar.country === null : gotName !== null && acceptedNames.includes(foldName(gotName)),
  );

  const tableCount = Math.max(expected.scoreTables.length, actual.scoreTables.length);
  for (let i = 0; i < tableCount; i++) {
    const et = expected.scoreTables[i];
    const at = actual.scoreTables[i];
    const base = `/scoreTables/${i}`;
    push(`${base}/section`, et?.section, at?.section);
    push(`${base}/subject`, et?.subject, at?.subject);
    push(`${base}/columns`, et?.columns, at?.columns);
    const rowCount = Math.max(et?.rows.length ?? 0, at?.rows.length ?? 0);
    for (let j = 0; j < rowCount; j++) {
      const erow = et?.rows[j];
      const arow = at?.rows[j];
      const rbase = `${base}/rows/${j}`;
      push(`${rbase}/year`, erow?.year, arow?.year);
      const columns = unique([...Object.keys(erow?.answers ?? {}), ...Object.keys(arow?.answers ?? {})]);
      for (const c of columns) push(`${rbase}/answers/${c}`, erow?.answers[c], arow?.answers[c]);
      push(`${rbase}/reportedTotal`, erow?.reportedTotal, arow?.reportedTotal);
      push(`${rbase}/computedTotal`, erow?.computedTotal, arow?.computedTotal);
    }
    const wantChanges = (et?.changes ?? []).map(changeKey);
    const gotChanges = (at?.changes ?? []).map(changeKey);
    for (const c of wantChanges) push(`${base}/changes/${c}`, c, gotChanges.includes(c) ? c : undefined);
    for (const c of gotChanges) if (!wantChanges.includes(c)) push(`${base}/changes/${c}`, undefined, c);
    const commentCount = Math.max(et?.commentary.length ?? 0, at?.commentary.length ?? 0);
    for (let k = 0; k < commentCount; k++) push(`${base}/commentary/${k}`, et?.commentary[k], at?.commentary[k]);
  }

  const listCount = Math.max(expected.developmentLists.length, actual.developmentLists.length);
  for (let i = 0; i < listCount; i++) {
    const el = expected.developmentLists[i];
    const al = actual.developmentLists[i];
    const base = `/developmentLists/${i}`;
    push(`${base}/section`, el?.section, al?.section);
    push(`${base}/subject`, el?.subject, al?.subject);
    const itemCount = Math.max(el?.items.length ?? 0, al?.items.length ?? 0);
    for (let j = 0; j < itemCount; j++) {
      const ei = el?.items[j];
      const ai = al?.items[j];
      push(`${base}/items/${j}/number`, ei?.number, ai?.number);
      push(`${base}/items/${j}/text`, ei?.text, ai?.text);
      push(`${base}/items/${j}/emphasis`, ei?.emphasis, ai?.emphasis);
    }
  }
  return out;
}

function changeKey(c: ScoreChange): string {
  return `${c.column}:${c.fromYear}>${c.toYear}:${c.from ?? 'null'}>${c.to ?? 'null'}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Case- and diacritics-insensitive form of a name. */
function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
