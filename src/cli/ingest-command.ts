import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { apiTokenFromEnv, dataDirFromEnv } from '../service/config.js';
import { tokenFileFromDataDir, tokenInFile } from '../service/http/stored-token.js';
import { filesFromPaths, MissingPathError } from './ingest-files.js';
import { progressFor, type Tally } from './ingest-progress.js';
import { errorAnomalies, reportOutcome, serviceInfo, uploadReport, type UploadOutcome } from './service-client.js';

const USAGE_ERROR = 2;
const SOME_NOT_UPLOADED = 1;
const UPLOAD_CONCURRENCY = 4;
const POLL_CONCURRENCY = 8;
const POLL_INTERVAL_MS = 500;
/** A job the service forgets (removed by hand, Redis flushed) ends the wait for it after this many polls. */
const UNKNOWN_POLLS_LIMIT = 20;
const UNREACHABLE_LIMIT_MS = 60_000;

interface IngestFlags {
  url: URL;
  /** Sent as Bearer token; from REPORTFLOW_API_TOKEN. */
  token?: string | null;
  force?: boolean;
  wait: boolean;
  timeout: number;
  json?: boolean;
}

interface Accepted {
  id: string;
  files: string[];
  state: string;
}

interface Finished {
  id: string;
  files: string[];
  outcome: 'ok' | 'needs_review' | 'failed';
  reason: string | null;
}

export interface IngestSummary {
  files: number;
  uploaded: number;
  records: number;
  ok: number;
  needsReview: number;
  failed: Array<{ id: string; files: string[]; reason: string | null }>;
  notUploaded: Array<{ file: string; reason: string }>;
  pending: string[];
}

/** `reportflow ingest PATH...`: loads a backlog into a running service and reports how it went. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('send report files or whole folders to a running service, wait for their records and print a summary')
    .argument('<paths...>', 'files or folders (folders are walked recursively; hidden and temporary files are skipped)')
    .option('--url <url>', 'the running service', parseServiceUrl, new URL('http://127.0.0.1:3000'))
    .option('--force', 'parse again even when a record for the same content exists')
    .option('--no-wait', 'upload only; do not wait for the records')
    .option('--timeout <seconds>', 'stop waiting for records after this long', parseSeconds, 1800)
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nEnvironment:\n' +
        "  REPORTFLOW_API_TOKEN  the service's API token; without it, the token a service started here keeps in\n" +
        '                        $REPORTFLOW_DATA_DIR/api-token (default ./data/api-token) is used when readable',
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      const summary = await ingest(paths, { ...flags, token: await clientToken() });
      process.stdout.write(flags.json ? JSON.stringify(summary, null, 2) + '\n' : textFromSummary(summary, flags));
      if (summary.notUploaded.length > 0) process.exitCode = SOME_NOT_UPLOADED;
    });
}

/** REPORTFLOW_API_TOKEN, else the token file of a service started from this folder, else none. */
async function clientToken(): Promise<string | null> {
  return apiTokenFromEnv() ?? (await tokenInFile(tokenFileFromDataDir(dataDirFromEnv())));
}

async function ingest(paths: string[], flags: IngestFlags): Promise<IngestSummary> {
  const files = await filesOrUsageError(paths);
  const notUploaded: IngestSummary['notUploaded'] = [];
  const accepted = new Map<string, Accepted>();
  if (files.length === 0) return summaryOf(files, accepted, [], notUploaded, []);

  const info = await serviceInfo(flags.url, flags.token);
  if (!info.ok) {
    const hint = info.kind === 'unreachable' ? '; start one with `npm start` or point --url at it' : '';
    process.stderr.write(`reportflow: ${info.reason}${hint}\n`);
    for (const file of files) notUploaded.push({ file, reason: info.reason });
    return summaryOf(files, accepted, [], notUploaded, []);
  }

  const progress = progressFor(process.stderr, 'uploading');
  let sent = 0;
  const failures: string[] = [];
  progress.start(files.length);
  try {
    await forEachLimited(files, UPLOAD_CONCURRENCY, async (file) => {
      const result = await uploadWithinLimit(flags, file, info.maxUploadBytes);
      if (result.ok) {
        const entry = accepted.get(result.id) ?? { id: result.id, files: [], state: result.state };
        entry.files.push(file);
        accepted.set(result.id, entry);
      } else {
        notUploaded.push({ file, reason: result.reason });
        failures.push(`not uploaded: ${file}: ${result.reason}`);
      }
      progress.step(null, ++sent);
    });
  } finally {
    progress.stop();
  }
  for (const line of failures) process.stderr.write(line + '\n');

  if (!flags.wait) return summaryOf(files, accepted, [], notUploaded, [...accepted.keys()]);
  const { finished, pending } = await waitForRecords([...accepted.values()], flags);
  return summaryOf(files, accepted, finished, notUploaded, pending);
}

/** A file over the service's limit is not sent: the service would refuse it after reading its start anyway. */
async function uploadWithinLimit(flags: IngestFlags, file: string, maxUploadBytes: number): Promise<UploadOutcome> {
  const { size } = await stat(file);
  if (size > maxUploadBytes) return { ok: false, reason: `upload is larger than ${maxUploadBytes} bytes` };
  return uploadReport(flags.url, file, flags.force ?? false, flags.token);
}

async function waitForRecords(
  jobs: Accepted[],
  flags: IngestFlags,
): Promise<{ finished: Finished[]; pending: string[] }> {
  const progress = progressFor(process.stderr, 'parsing');
  const pending = new Map(jobs.map((j) => [j.id, j]));
  const unknownPolls = new Map<string, number>();
  const finished: Finished[] = [];
  const tally: Tally = { ok: 0, review: 0, failed: 0 };
  const deadline = Date.now() + flags.timeout * 1000;
  let lastAnswer = Date.now();

  const finish = (job: Accepted, outcome: Finished['outcome'], reason: string | null) => {
    pending.delete(job.id);
    finished.push({ id: job.id, files: job.files, outcome, reason });
    if (outcome === 'ok') tally.ok++;
    else if (outcome === 'needs_review') tally.review++;
    else tally.failed++;
    const name = job.files.map((f) => basename(f)).join(', ');
    progress.step(`${name} -> ${outcome.replace('_', ' ')}${reason ? ` (${reason})` : ''}`, finished.length, tally);
  };

  progress.start(jobs.length);
  try {
    while (pending.size > 0 && Date.now() < deadline) {
      await forEachLimited([...pending.values()], POLL_CONCURRENCY, async (job) => {
        const answer = await reportOutcome(flags.url, job.id, flags.token);
        if (answer.kind !== 'unreachable') lastAnswer = Date.now();
        switch (answer.kind) {
          case 'done': {
            const errors = errorAnomalies(answer.record);
            if (errors.length > 0) finish(job, 'failed', errors.map((a) => `${a.code}: ${a.message}`).join('; '));
            else finish(job, answer.record.status, null);
            break;
          }
          case 'failed':
            finish(job, 'failed', answer.reason);
            break;
          case 'unknown': {
            const polls = (unknownPolls.get(job.id) ?? 0) + 1;
            unknownPolls.set(job.id, polls);
            if (polls >= UNKNOWN_POLLS_LIMIT) finish(job, 'failed', 'the service no longer knows this job');
            break;
          }
        }
      });
      if (Date.now() - lastAnswer > UNREACHABLE_LIMIT_MS) {
        process.stderr.write(
          `\nreportflow: the service at ${flags.url.origin} stopped answering; giving up the wait\n`,
        );
        break;
      }
      if (pending.size > 0) await sleep(POLL_INTERVAL_MS);
    }
  } finally {
    progress.stop();
  }
  return { finished, pending: [...pending.keys()] };
}

function summaryOf(
  files: string[],
  accepted: Map<string, Accepted>,
  finished: Finished[],
  notUploaded: IngestSummary['notUploaded'],
  pending: string[],
): IngestSummary {
  return {
    files: files.length,
    uploaded: files.length - notUploaded.length,
    records: accepted.size,
    ok: finished.filter((f) => f.outcome === 'ok').length,
    needsReview: finished.filter((f) => f.outcome === 'needs_review').length,
    failed: finished
      .filter((f) => f.outcome === 'failed')
      .map(({ id, files: fs, reason }) => ({ id, files: fs, reason })),
    notUploaded,
    pending,
  };
}

export function textFromSummary(s: IngestSummary, flags: Pick<IngestFlags, 'wait' | 'timeout'>): string {
  if (s.files === 0) return 'no files to ingest\n';
  const lines = [
    `uploaded ${s.uploaded} of ${s.files} files (${s.records} distinct record${s.records === 1 ? '' : 's'})`,
  ];
  if (flags.wait && s.records > 0)
    lines.push(`summary: ${s.ok} ok, ${s.needsReview} needs review, ${s.failed.length} failed`);
  if (s.failed.length > 0) {
    lines.push('failed:');
    for (const f of s.failed)
      lines.push(`  ${f.id}  ${f.files.map((p) => basename(p)).join(', ')}${f.reason ? `  ${f.reason}` : ''}`);
  }
  if (s.notUploaded.length > 0) {
    lines.push('not uploaded:');
    for (const n of s.notUploaded) lines.push(`  ${n.file}  ${n.reason}`);
  }
  if (s.pending.length > 0) {
    lines.push(
      flags.wait ? `still being parsed after ${flags.timeout} s: ${s.pending.length}` : `queued: ${s.pending.length}`,
    );
    for (const id of s.pending) lines.push(`  ${id}`);
  }
  return lines.join('\n') + '\n';
}

async function filesOrUsageError(paths: string[]): Promise<string[]> {
  try {
    return await filesFromPaths(paths);
  } catch (error) {
    if (!(error instanceof MissingPathError)) throw error;
    process.stderr.write(`reportflow ingest: ${error.message}\n`);
    throw new CommanderError(USAGE_ERROR, 'reportflow.ingest.path', error.message);
  }
}

function parseServiceUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidArgumentError('expected an http:// or https:// URL');
  return url;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return n;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
