import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface FixtureFolder {
  name: string;
  dir: string;
  /** Report files in the folder, every file except the expected record and notes. */
  files: string[];
}

const NOT_REPORTS = new Set(['expected.json', 'README.md', 'NOTES.md']);

/** Every fixture folder with the report files it holds, sorted so test names are stable. */
export function fixtureFolders(): FixtureFolder[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => statSync(join(FIXTURES_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      const files = readdirSync(dir)
        .filter((f) => !NOT_REPORTS.has(f) && !f.startsWith('.') && statSync(join(dir, f)).isFile())
        .sort(byFormatOrder);
      return { name, dir, files };
    });
}

/** Markdown first, then DOCX, then PDF: the Markdown file is the one an expected record's `source` describes. */
function byFormatOrder(a: string, b: string): number {
  const rank = (f: string) => ['md', 'docx', 'pdf'].indexOf(f.split('.').pop() ?? '') >>> 0;
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Case, diacritics and punctuation do not decide whether two country names are the same name. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The differences between two JSON values as readable lines, each with the JSON
 * Pointer where they part; the first few are enough to see what went wrong.
 */
export function jsonDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (Object.is(expected, actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: string[] = [];
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      if (i >= expected.length) out.push(`${path}/${i}: unexpected ${show(actual[i])}`);
      else if (i >= actual.length) out.push(`${path}/${i}: missing, expected ${show(expected[i])}`);
      else out.push(...jsonDifferences(expected[i], actual[i], `${path}/${i}`));
    }
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    const out: string[] = [];
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) {
      const p = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(key in actual)) out.push(`${p}: missing, expected ${show(expected[key])}`);
      else if (!(key in expected)) out.push(`${p}: unexpected ${show(actual[key])}`);
      else out.push(...jsonDifferences(expected[key], actual[key], p));
    }
    return out;
  }
  return [`${path || '/'}: expected ${show(expected)}, got ${show(actual)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** A readable failure text: how many differences and the first ones. */
export function describeDifferences(label: string, diffs: string[], shown = 12): string {
  const more = diffs.length > shown ? `\n  … and ${diffs.length - shown} more` : '';
  return `${label}: ${diffs.length} difference(s)\n  ${diffs.slice(0, shown).join('\n  ')}${more}`;
}
