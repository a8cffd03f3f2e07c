import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CommanderError, type Command } from 'commander';
import type { ExtractOptions } from '../core/options.js';
import type { Profile } from '../core/profile.js';
import { ProfileError, profileFromFile } from '../profiles/load-profiles.js';
import type { ReportRecord } from '../record/types.js';
import { errnoCode, messageOf } from '../service/error-details.js';
import { extractConfigOrUsageError } from './config-or-usage-error.js';

interface CheckFlags {
  profile?: string;
  profilesDir?: string;
}

const INVALID = 1;

/**
 * `reportflow profile check FILE…`: a profile file (*.json) is checked against the
 * profile schema; a report is read with every profile and language (or the one
 * --profile names) and what each would read is shown side by side, the one the
 * parser would choose marked, then in full what that one reads.
 */
export function registerProfileCommand(program: Command): void {
  const profile = program.command('profile').description('scorecard profiles: the words reports are read with');
  profile
    .command('check')
    .description('check profile files (*.json) against the schema, or show what the profiles read in report files')
    .argument('<files...>', 'profile files or report files')
    .option('--profile <id|file>', 'the profile to read with: an id (caidp-aidv, caidp-aidv/es) or a profile file')
    .option('--profiles-dir <dir>', 'folder of profile files to use instead of the shipped profiles/')
    .action(async (files: string[], flags: CheckFlags) => {
      let failed = false;
      const given = flags.profile?.endsWith('.json') ? loadedOrNull(flags.profile) : undefined;
      if (given === null) throw new CommanderError(INVALID, 'reportflow.profile', 'invalid profile');
      const extract = extractConfigOrUsageError({
        REPORTFLOW_PROFILE: given ? undefined : flags.profile,
        REPORTFLOW_PROFILES_DIR: flags.profilesDir,
      });
      const options: ExtractOptions = given
        ? { ...extract, profiles: [given, ...extract.profiles.filter((p) => p.id !== given.id)], profile: given.id }
        : extract;
      for (const file of files) {
        if (file.endsWith('.json')) failed = loadedOrNull(file) === null || failed;
        else await showReading(file, options);
      }
      if (failed) process.exitCode = INVALID;
    });
}

function loadedOrNull(file: string): Profile | null {
  try {
    const profile = profileFromFile(file);
    const languages = Object.keys(profile.languages).join(', ');
    const ids = [1, 2].map((n) => profile.questions.id.replace('{n}', String(n)));
    process.stdout.write(
      `${file}: valid profile ${profile.id}; languages ${languages}; ${profile.questions.count} questions ${ids.join(', ')} …\n`,
    );
    return profile;
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    process.stdout.write(`${file}: not a valid profile\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return null;
  }
}

async function showReading(file: string, options: ExtractOptions): Promise<void> {
  // Loaded on use, as `parse` does: the readers take a while to load.
  const { recordFromBytes } = await import('../parse-report.js');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    process.stdout.write(`${file}: cannot be opened (${errnoCode(error) ?? messageOf(error)})\n`);
    process.exitCode = INVALID;
    return;
  }
  const name = basename(file);
  const chosen = await recordFromBytes(bytes, name, { extract: options });
  const [forcedId, forcedLanguage] = (options.profile ?? '').split('/');
  const candidates = options.profiles
    .filter((p) => !forcedId || p.id === forcedId)
    .flatMap((p) =>
      Object.keys(p.languages)
        .filter((l) => !forcedLanguage || l === forcedLanguage)
        .map((language) => `${p.id}/${language}`),
    );
  process.stdout.write(`${file}\n`);
  for (const candidate of candidates) {
    const record = await recordFromBytes(bytes, name, { extract: { ...options, profile: candidate } });
    const mark =
      `${record.report.profile}/${record.report.language}` === `${chosen.report.profile}/${chosen.report.language}`
        ? '*'
        : ' ';
    process.stdout.write(`  ${mark} ${candidate.padEnd(18)} ${summaryOf(record)}\n`);
  }
  process.stdout.write(
    `  * read with ${chosen.report.profile}${chosen.report.language ? ` in ${chosen.report.language}` : ' (no language matched)'}\n`,
  );
  for (const line of detailsOf(chosen)) process.stdout.write(`    ${line}\n`);
}

function summaryOf(record: ReportRecord): string {
  const rows = record.scoreTables.flatMap((t) => t.rows);
  const answers = rows.flatMap((r) => Object.values(r.answers));
  const read = answers.filter((a) => a !== null).length;
  const items = record.developmentLists.reduce((n, l) => n + l.items.length, 0);
  const codes = [...new Set(record.anomalies.map((a) => a.code))].join(' ') || 'no anomalies';
  return `tables ${record.scoreTables.length}, rows ${rows.length}, answers ${read}/${answers.length}, date ${record.report.date ?? '-'}, items ${items}; ${codes}`;
}

function detailsOf(record: ReportRecord): string[] {
  const r = record.report;
  const lines = [
    `title    ${r.title ?? '-'}${r.country ? ` (${r.country.iso2 ?? r.country.name})` : ''}`,
    `author   ${r.author ?? '-'}`,
    `date     ${r.date ?? '-'}${r.dateText ? ` (printed "${r.dateText}")` : ''}`,
  ];
  record.scoreTables.forEach((table, t) => {
    lines.push(`table ${t + 1}  ${table.section ?? '-'} / ${table.subject ?? '-'}: ${table.columns.join(' ')}`);
    for (const row of table.rows) {
      const cells = table.columns.map((c) => row.answers[c] ?? '·').join(' ');
      lines.push(`  ${row.year}  ${cells}  total ${row.reportedTotal ?? '-'} (computed ${row.computedTotal})`);
    }
  });
  for (const list of record.developmentLists)
    lines.push(`list     ${list.section ?? '-'} / ${list.subject ?? '-'}: ${list.items.length} items`);
  for (const a of record.anomalies) lines.push(`${a.severity.padEnd(8)} ${a.code} ${a.path ?? ''} ${a.message}`);
  return lines;
}
