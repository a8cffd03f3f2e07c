import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import type { ExtractOptions } from '../core/options.js';
import type { Profile } from '../core/profile.js';
import { errnoCode, messageOf } from '../service/error-details.js';
import { validate } from './profile-validator.js';

/**
 * Scorecard profiles from disk: every `*.json` in a folder (the schema aside),
 * each checked against profiles/profile.schema.json (by its code compiled ahead of time,
 * profile-validator.js). This is the IO edge of the profiles; the core only ever receives
 * them as data.
 */

/** The profile a report is read with when no other one's words match it better. */
export const DEFAULT_PROFILE_ID = 'caidp-aidv';
const SCHEMA_FILE = 'profile.schema.json';

/** The profiles folder shipped with the package (found from this module, in src/ or dist/src/). */
export const SHIPPED_PROFILES_DIR = join(packageRoot(), 'profiles');

export class ProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid profiles:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProfileError';
  }
}

/** A profile checked against the schema: the profile, or the problems as `path: message` lines. */
export function checkedProfile(
  data: unknown,
): { profile: Profile; problems: [] } | { profile: null; problems: string[] } {
  if (!validate(data)) return { profile: null, problems: (validate.errors ?? []).map(describeError) };
  const problems = checkedMeaning(data);
  return problems.length > 0 ? { profile: null, problems } : { profile: data, problems: [] };
}

/** Schema problems of one profile; empty when it is valid. */
export function profileProblems(data: unknown): string[] {
  return checkedProfile(data).problems;
}

/** One profile file, parsed and checked; throws ProfileError listing what is wrong. */
export function profileFromFile(file: string): Profile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProfileError([`${file}: ${messageOf(error)}`]);
  }
  const checked = checkedProfile(data);
  if (checked.profile === null) throw new ProfileError(checked.problems.map((p) => `${file}: ${p}`));
  return checked.profile;
}

/**
 * Every profile of a folder, the default profile first, then by id. Problems of all
 * files are collected and thrown together, so one run names every bad file.
 */
export function profilesFromDir(dir: string): Profile[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
      .sort();
  } catch (error) {
    throw new ProfileError([`${dir}: ${errnoCode(error) ?? messageOf(error)}`]);
  }
  const profiles: Profile[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      profiles.push(profileFromFile(join(dir, file)));
    } catch (error) {
      if (error instanceof ProfileError) problems.push(...error.problems);
      else throw error;
    }
  }
  const ids = profiles.map((p) => p.id);
  for (const id of new Set(ids))
    if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${dir}: two profiles have the id ${id}`);
  if (profiles.length === 0 && problems.length === 0) problems.push(`${dir}: no profile (*.json) found`);
  if (problems.length > 0) throw new ProfileError(problems);
  return profiles.sort(
    (a, b) => Number(b.id === DEFAULT_PROFILE_ID) - Number(a.id === DEFAULT_PROFILE_ID) || a.id.localeCompare(b.id),
  );
}

let shipped: Profile[] | null = null;

/** The profiles shipped in profiles/, loaded once. */
export function shippedProfiles(): Profile[] {
  shipped ??= profilesFromDir(SHIPPED_PROFILES_DIR);
  return shipped;
}

/** Whether `forced` ("caidp-aidv" or "caidp-aidv/es") names a loaded profile; the problem when it does not. */
export function forcedProfileProblem(forced: string, profiles: readonly Profile[]): string | null {
  const [id, language] = forced.split('/');
  const profile = profiles.find((p) => p.id === id);
  if (!profile) return `no profile ${id} (loaded: ${profiles.map((p) => p.id).join(', ')})`;
  if (language !== undefined && !(language in profile.languages)) {
    return `profile ${id} has no language ${language} (it has ${Object.keys(profile.languages).join(', ')})`;
  }
  return null;
}

// What the schema cannot say: every language's months are real month lists.
function checkedMeaning(profile: Profile): string[] {
  const problems: string[] = [];
  for (const [language, words] of Object.entries(profile.languages)) {
    words.dates.months.forEach((names, index) => {
      if (names.length === 0)
        problems.push(`/languages/${language}/dates/months/${index}: a month needs at least one name`);
    });
  }
  return problems;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top)' : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
  return `${where}: ${error.message ?? error.keyword}${extra}`;
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('reportflow: package root not found');
}

/** What the parser reads with when nobody says otherwise: the shipped profiles, chosen by the document's words. */
export function defaultExtractOptions(): ExtractOptions {
  return { profiles: shippedProfiles(), profile: null, weights: null, totalTolerance: null };
}
