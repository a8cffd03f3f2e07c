import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOW_CONFIDENCE, type ExtractOptions } from '../core/options.js';
import type { Profile } from '../core/profile.js';
import { DEFAULT_LIBREOFFICE, type LibreOfficeSettings } from '../formats/libreoffice/docx-from-libreoffice.js';
import { DEFAULT_OCR_OPTIONS, type OcrOptions } from '../formats/ocr/ocr-options.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../formats/shared/limits.js';
import { forcedProfileProblem, ProfileError, profilesFromDir, shippedProfiles } from '../profiles/load-profiles.js';

/**
 * The service's whole configuration, read from the environment once at start
 * and passed down in slices. This is the only module that reads process.env.
 */
export interface ServiceConfig {
  /** Redis to use; null means "127.0.0.1:6379 if it answers, else a private redis-server". */
  redisUrl: string | null;
  /** Prefix of every BullMQ key, so several deployments (or tests) can share one Redis. */
  queuePrefix: string;
  http: { host: string; port: number; maxUploadBytes: number };
  dirs: {
    inbox: string;
    outbox: string;
    /** Holds review/, rejected/, archive/, failed/, uploads/ and the private Redis's files. */
    data: string;
  };
  worker: {
    concurrency: number;
    jobTimeoutMs: number;
    attempts: number;
    /** A job whose worker stops renewing its lock this long is handed to another worker. */
    lockMs: number;
    /** How parse sandboxes run: worker threads or child processes. */
    sandbox: 'thread' | 'process';
    /** On shutdown, in-flight jobs get this long to finish before they are handed back. */
    shutdownMs: number;
  };
  /** `followSymlinks`: read what a symbolic link in the inbox points to (off: such links are skipped and logged). */
  inbox: { enabled: boolean; stableMs: number; pollMs: number; followSymlinks: boolean };
  extract: ExtractOptions;
  limits: ParseLimits;
  /** How .doc and RTF files are converted before reading. */
  libreOffice: LibreOfficeSettings;
  ocr: OcrOptions;
  log: { level: string; pretty: boolean };
  sinks: SinksConfig;
  auth: AuthConfig;
}

/**
 * Who may use the HTTP API, the review desk and the dashboard. Every route but
 * GET /health asks for credentials unless `mode` is 'none', which only
 * REPORTFLOW_AUTH=none sets.
 */
export interface AuthConfig {
  mode: 'required' | 'none';
  /** Accepted as `Authorization: Bearer <token>`, and as the Basic password of user "reportflow". */
  token: string | null;
  basic: { user: string; password: string } | null;
  /**
   * Tokens of named people (REPORTFLOW_API_TOKENS=name:token,…): each works as a
   * bearer token and as the Basic password of its name, and a decision made with
   * it is recorded under that name.
   */
  namedTokens?: Array<{ name: string; token: string }>;
}

/** Where released records are delivered; each sink is on when its setting is present. */
export interface SinksConfig {
  webhook: {
    /** Every released record is POSTed to each of these; empty turns webhooks off. */
    urls: string[];
    /** HMAC-SHA256 key for X-Reportflow-Signature; required when urls is not empty. */
    secret: string | null;
    attempts: number;
    /** First retry delay; doubles on each further attempt. */
    backoffMs: number;
    timeoutMs: number;
  };
  /** postgres:// URL of the database that receives records; null turns the sink off. */
  databaseUrl: string | null;
  /** The append-only records.jsonl; null turns the sink off. */
  recordsJsonl: string | null;
  /** Retries of the local sinks (PostgreSQL, records.jsonl): many, with a capped delay, so an outage is waited out. */
  store: { attempts: number; backoffMs: number; maxBackoffMs: number };
}

/** Answer weights as written on the command line or in REPORTFLOW_WEIGHTS: `Y=1,P=0.5,N=0`. */
export const WEIGHTS_PATTERN = /^\s*[YPN]\s*=\s*-?\d+(\.\d+)?(\s*,\s*[YPN]\s*=\s*-?\d+(\.\d+)?)*\s*$/i;

const int = (min: number) => z.coerce.number().int().min(min);

// English first, then the document's own language when the text shows another one.
const OCR_LANGUAGES_AUTO = 'auto';

const OcrEnvShape = {
  REPORTFLOW_OCR: z.enum(['on', 'off']).default('on'),
  REPORTFLOW_OCR_LANGUAGES: z
    .string()
    .regex(/^[a-z_]{3,12}(\+[a-z_]{3,12})*$/, 'expected auto, or trained-data codes joined by +, like eng or eng+spa')
    .default(OCR_LANGUAGES_AUTO),
  REPORTFLOW_OCR_DPI: int(72).max(600).default(DEFAULT_OCR_OPTIONS.dpi),
  REPORTFLOW_OCR_ENGINE: z.enum(['auto', 'tesseract', 'tesseract.js']).default(DEFAULT_OCR_OPTIONS.engine),
  REPORTFLOW_OCR_PAGE_MS: int(0).default(DEFAULT_OCR_OPTIONS.msPerPage),
  REPORTFLOW_LOW_CONFIDENCE: z.coerce.number().min(0).max(1).default(DEFAULT_LOW_CONFIDENCE),
};

const EnvSchema = z.object({
  REDIS_URL: z.string().url().optional(),
  REPORTFLOW_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, _ . - only')
    .default('reportflow'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0).max(65535).default(3000),
  REPORTFLOW_MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  REPORTFLOW_INBOX: z.string().min(1).default('inbox'),
  REPORTFLOW_OUTBOX: z.string().min(1).default('outbox'),
  REPORTFLOW_DATA_DIR: z.string().min(1).default('data'),
  REPORTFLOW_CONCURRENCY: int(1).default(Math.max(1, availableParallelism())),
  REPORTFLOW_JOB_TIMEOUT_MS: int(1000).default(120_000),
  REPORTFLOW_ATTEMPTS: int(1).default(5),
  REPORTFLOW_LOCK_MS: int(1000).default(30_000),
  REPORTFLOW_SANDBOX: z.enum(['thread', 'process']).default('thread'),
  REPORTFLOW_SHUTDOWN_MS: int(0).default(10_000),
  REPORTFLOW_INBOX_STABLE_MS: int(50).default(1000),
  REPORTFLOW_INBOX_POLL_MS: int(20).default(250),
  REPORTFLOW_INBOX_ENABLED: z.enum(['true', 'false']).default('true'),
  REPORTFLOW_INBOX_FOLLOW_SYMLINKS: z.enum(['true', 'false']).default('false'),
  REPORTFLOW_WEIGHTS: z.string().regex(WEIGHTS_PATTERN, 'expected a list like Y=1,P=0.5,N=0').optional(),
  REPORTFLOW_TOTAL_TOLERANCE: z.coerce.number().min(0).optional(),
  REPORTFLOW_PROFILES_DIR: z.string().min(1).optional(),
  REPORTFLOW_PROFILE: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*(\/[A-Za-z0-9-]+)?$/,
      'expected a profile id, optionally with a language: caidp-aidv or caidp-aidv/es',
    )
    .optional(),
  REPORTFLOW_MAX_FILE_MB: z.coerce
    .number()
    .positive()
    .default(DEFAULT_PARSE_LIMITS.maxFileBytes / 1024 / 1024),
  REPORTFLOW_MAX_PDF_PAGES: int(1).default(DEFAULT_PARSE_LIMITS.maxPdfPages),
  REPORTFLOW_MAX_ZIP_ENTRIES: int(1).default(DEFAULT_PARSE_LIMITS.maxZipEntries),
  REPORTFLOW_MAX_UNZIPPED_MB: z.coerce
    .number()
    .positive()
    .default(DEFAULT_PARSE_LIMITS.maxUnzippedBytes / 1024 / 1024),
  REPORTFLOW_SOFFICE: z.string().min(1).default(DEFAULT_LIBREOFFICE.command),
  REPORTFLOW_CONVERT_TIMEOUT_MS: int(1000).optional(),
  REPORTFLOW_CONVERSIONS: int(1).default(DEFAULT_LIBREOFFICE.maxConcurrent),
  REPORTFLOW_MAX_OCR_PAGES: int(0).default(DEFAULT_PARSE_LIMITS.maxOcrPages),
  REPORTFLOW_MAX_IMAGE_MEGAPIXELS: z.coerce
    .number()
    .positive()
    .default(DEFAULT_PARSE_LIMITS.maxImagePixels / 1e6),
  ...OcrEnvShape,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.enum(['true', 'false', 'auto']).default('auto'),
  WEBHOOK_URLS: z
    .string()
    .refine(
      (v) => v.split(',').every((u) => /^https?:\/\/\S+$/.test(u.trim())),
      'expected comma-separated http(s) URLs',
    )
    .optional(),
  WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  WEBHOOK_ATTEMPTS: int(1).default(8),
  WEBHOOK_BACKOFF_MS: int(1).default(1000),
  WEBHOOK_TIMEOUT_MS: int(100).default(10_000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional(),
  REPORTFLOW_RECORDS_JSONL: z.string().min(1).optional(),
  REPORTFLOW_AUTH: z.enum(['required', 'none']).default('required'),
  REPORTFLOW_API_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  REPORTFLOW_BASIC_USER: z
    .string()
    .regex(/^[^:]+$/, 'must not contain ":"')
    .optional(),
  REPORTFLOW_BASIC_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  REPORTFLOW_API_TOKENS: z
    .string()
    .refine(
      (v) => v.split(',').every((pair) => /^[^:,\s]+:\S{16,}$/.test(pair.trim())),
      'expected name:token pairs separated by commas, each token 16+ characters',
    )
    .optional(),
});

function ocrOptionsFromSettings(e: {
  REPORTFLOW_OCR: 'on' | 'off';
  REPORTFLOW_OCR_LANGUAGES: string;
  REPORTFLOW_OCR_DPI: number;
  REPORTFLOW_OCR_ENGINE: OcrOptions['engine'];
  REPORTFLOW_OCR_PAGE_MS: number;
}): OcrOptions {
  return {
    enabled: e.REPORTFLOW_OCR === 'on',
    ...(e.REPORTFLOW_OCR_LANGUAGES === OCR_LANGUAGES_AUTO
      ? { languages: DEFAULT_OCR_OPTIONS.languages, documentLanguage: true }
      : { languages: e.REPORTFLOW_OCR_LANGUAGES.split('+'), documentLanguage: false }),
    dpi: e.REPORTFLOW_OCR_DPI,
    engine: e.REPORTFLOW_OCR_ENGINE,
    msPerPage: e.REPORTFLOW_OCR_PAGE_MS,
  };
}

/**
 * The OCR settings alone, for `reportflow parse`, which reads files without the
 * service and so validates only what concerns parsing.
 */
export function ocrSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): { ocr: OcrOptions; lowConfidence: number } {
  const parsed = z.object(OcrEnvShape).safeParse(pickKnown(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { ocr: ocrOptionsFromSettings(parsed.data), lowConfidence: parsed.data.REPORTFLOW_LOW_CONFIDENCE };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment (plus overrides from flags), listing every bad variable at once. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof z.input<typeof EnvSchema>, string>> = {},
  cwd: string = process.cwd(),
): ServiceConfig {
  const input = { ...pickKnown(env), ...dropUndefined(overrides) };
  const parsed = EnvSchema.safeParse(input);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (input.WEBHOOK_URLS && !input.WEBHOOK_SECRET) problems.push('WEBHOOK_SECRET: required when WEBHOOK_URLS is set');
  if (Boolean(input.REPORTFLOW_BASIC_USER) !== Boolean(input.REPORTFLOW_BASIC_PASSWORD)) {
    problems.push('REPORTFLOW_BASIC_USER and REPORTFLOW_BASIC_PASSWORD: set both or neither');
  }
  // A parse thread past the job's limit is terminated, and with it the timer that would stop its LibreOffice.
  const convertMs = parsed.success ? parsed.data.REPORTFLOW_CONVERT_TIMEOUT_MS : undefined;
  if (parsed.success && convertMs !== undefined && convertMs >= parsed.data.REPORTFLOW_JOB_TIMEOUT_MS) {
    problems.push('REPORTFLOW_CONVERT_TIMEOUT_MS: must be shorter than REPORTFLOW_JOB_TIMEOUT_MS');
  }
  const profiles = profilesOrProblems(input.REPORTFLOW_PROFILES_DIR, input.REPORTFLOW_PROFILE, cwd, problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const mb = (n: number) => Math.round(n * 1024 * 1024);
  return {
    redisUrl: e.REDIS_URL ?? null,
    queuePrefix: e.REPORTFLOW_QUEUE_PREFIX,
    http: { host: e.HOST, port: e.PORT, maxUploadBytes: mb(e.REPORTFLOW_MAX_UPLOAD_MB) },
    dirs: {
      inbox: resolve(cwd, e.REPORTFLOW_INBOX),
      outbox: resolve(cwd, e.REPORTFLOW_OUTBOX),
      data: resolve(cwd, e.REPORTFLOW_DATA_DIR),
    },
    worker: {
      concurrency: e.REPORTFLOW_CONCURRENCY,
      jobTimeoutMs: e.REPORTFLOW_JOB_TIMEOUT_MS,
      attempts: e.REPORTFLOW_ATTEMPTS,
      lockMs: e.REPORTFLOW_LOCK_MS,
      sandbox: e.REPORTFLOW_SANDBOX,
      shutdownMs: e.REPORTFLOW_SHUTDOWN_MS,
    },
    inbox: {
      enabled: e.REPORTFLOW_INBOX_ENABLED === 'true',
      stableMs: e.REPORTFLOW_INBOX_STABLE_MS,
      pollMs: e.REPORTFLOW_INBOX_POLL_MS,
      followSymlinks: e.REPORTFLOW_INBOX_FOLLOW_SYMLINKS === 'true',
    },
    extract: { ...extractOptionsFrom(e, profiles), lowConfidence: e.REPORTFLOW_LOW_CONFIDENCE },
    ocr: ocrOptionsFromSettings(e),
    limits: {
      maxFileBytes: mb(e.REPORTFLOW_MAX_FILE_MB),
      maxPdfPages: e.REPORTFLOW_MAX_PDF_PAGES,
      maxZipEntries: e.REPORTFLOW_MAX_ZIP_ENTRIES,
      maxUnzippedBytes: mb(e.REPORTFLOW_MAX_UNZIPPED_MB),
      maxOcrPages: e.REPORTFLOW_MAX_OCR_PAGES,
      maxImagePixels: Math.round(e.REPORTFLOW_MAX_IMAGE_MEGAPIXELS * 1e6),
    },
    libreOffice: {
      command: e.REPORTFLOW_SOFFICE,
      // Unset, it stays inside the job's limit, which may be set lower than a conversion's default.
      timeoutMs:
        e.REPORTFLOW_CONVERT_TIMEOUT_MS ??
        Math.min(DEFAULT_LIBREOFFICE.timeoutMs, Math.floor(e.REPORTFLOW_JOB_TIMEOUT_MS * 0.9)),
      maxConcurrent: e.REPORTFLOW_CONVERSIONS,
    },
    log: {
      level: e.LOG_LEVEL,
      pretty: e.LOG_PRETTY === 'auto' ? Boolean(process.stdout.isTTY) : e.LOG_PRETTY === 'true',
    },
    sinks: {
      webhook: {
        urls: e.WEBHOOK_URLS ? e.WEBHOOK_URLS.split(',').map((u) => u.trim()) : [],
        secret: e.WEBHOOK_SECRET ?? null,
        attempts: e.WEBHOOK_ATTEMPTS,
        backoffMs: e.WEBHOOK_BACKOFF_MS,
        timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      },
      databaseUrl: e.DATABASE_URL ?? null,
      recordsJsonl:
        e.REPORTFLOW_RECORDS_JSONL === 'false'
          ? null
          : e.REPORTFLOW_RECORDS_JSONL
            ? resolve(cwd, e.REPORTFLOW_RECORDS_JSONL)
            : resolve(cwd, e.REPORTFLOW_OUTBOX, 'records.jsonl'),
      store: { attempts: 200, backoffMs: 1000, maxBackoffMs: 5 * 60_000 },
    },
    auth: {
      mode: e.REPORTFLOW_AUTH,
      token: e.REPORTFLOW_API_TOKEN ?? null,
      basic:
        e.REPORTFLOW_BASIC_USER && e.REPORTFLOW_BASIC_PASSWORD
          ? { user: e.REPORTFLOW_BASIC_USER, password: e.REPORTFLOW_BASIC_PASSWORD }
          : null,
      namedTokens: namedTokensFromText(e.REPORTFLOW_API_TOKENS ?? ''),
    },
  };
}

/** `ana:token1,ben:token2` as name and token pairs; the token is everything after the first colon. */
export function namedTokensFromText(text: string): Array<{ name: string; token: string }> {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf(':')), token: pair.slice(pair.indexOf(':') + 1) }));
}

const EXTRACT_KEYS = [
  'REPORTFLOW_WEIGHTS',
  'REPORTFLOW_TOTAL_TOLERANCE',
  'REPORTFLOW_PROFILES_DIR',
  'REPORTFLOW_PROFILE',
] as const;
type ExtractKey = (typeof EXTRACT_KEYS)[number];

/**
 * Only the settings of extraction (profiles, weights, tolerance), for commands that parse
 * in-process (`reportflow parse`, `reportflow profile check`) and need nothing else of the service.
 */
/** LibreOffice's settings alone, from the environment (the `parse` command converts .doc and RTF in-process). */
export function loadLibreOfficeConfig(env: NodeJS.ProcessEnv = process.env): LibreOfficeSettings {
  const parsed = EnvSchema.pick({
    REPORTFLOW_SOFFICE: true,
    REPORTFLOW_CONVERT_TIMEOUT_MS: true,
    REPORTFLOW_CONVERSIONS: true,
  }).safeParse(pickKnown(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  return {
    command: e.REPORTFLOW_SOFFICE,
    timeoutMs: e.REPORTFLOW_CONVERT_TIMEOUT_MS ?? DEFAULT_LIBREOFFICE.timeoutMs,
    maxConcurrent: e.REPORTFLOW_CONVERSIONS,
  };
}

export function loadExtractConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<ExtractKey, string>> = {},
  cwd: string = process.cwd(),
): ExtractOptions {
  const known = pickKnown(env);
  const input = {
    ...Object.fromEntries(EXTRACT_KEYS.flatMap((k) => (known[k] === undefined ? [] : [[k, known[k]]]))),
    ...dropUndefined(overrides),
  };
  const parsed = EnvSchema.pick({
    REPORTFLOW_WEIGHTS: true,
    REPORTFLOW_TOTAL_TOLERANCE: true,
    REPORTFLOW_PROFILES_DIR: true,
    REPORTFLOW_PROFILE: true,
  }).safeParse(input);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const profiles = profilesOrProblems(input.REPORTFLOW_PROFILES_DIR, input.REPORTFLOW_PROFILE, cwd, problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return extractOptionsFrom(parsed.data, profiles);
}

function extractOptionsFrom(
  e: { [K in ExtractKey]?: K extends 'REPORTFLOW_TOTAL_TOLERANCE' ? number : string },
  profiles: Profile[],
): ExtractOptions {
  return {
    profiles,
    profile: e.REPORTFLOW_PROFILE ?? null,
    weights: e.REPORTFLOW_WEIGHTS ? weightsFromText(e.REPORTFLOW_WEIGHTS) : null,
    totalTolerance: e.REPORTFLOW_TOTAL_TOLERANCE ?? null,
  };
}

/** The contract's weights; a list that names only some answers keeps these for the others. */
const CONTRACT_WEIGHTS = { Y: 1, P: 0.5, N: 0 };

export function weightsFromText(text: string): NonNullable<ExtractOptions['weights']> {
  const weights = { ...CONTRACT_WEIGHTS };
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    const answer = key?.toUpperCase();
    if (answer === 'Y' || answer === 'P' || answer === 'N') weights[answer] = Number(value);
  }
  return weights;
}

/**
 * The profiles reports are read with: those of REPORTFLOW_PROFILES_DIR, else the shipped
 * ones. A bad profile file or a forced profile that is not there is a configuration problem.
 */
function profilesOrProblems(
  dir: string | undefined,
  forced: string | undefined,
  cwd: string,
  problems: string[],
): Profile[] {
  let profiles: Profile[] = [];
  try {
    profiles = dir ? profilesFromDir(resolve(cwd, dir)) : shippedProfiles();
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    problems.push(...error.problems.map((p) => `REPORTFLOW_PROFILES_DIR: ${p}`));
    return profiles;
  }
  const problem = forced ? forcedProfileProblem(forced, profiles) : null;
  if (problem) problems.push(`REPORTFLOW_PROFILE: ${problem}`);
  return profiles;
}

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string> {
  const known: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') known[key] = value;
  }
  return known;
}

function dropUndefined(o: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(o)) if (value !== undefined) kept[key] = value;
  return kept;
}

/** The API token a command-line client (ingest) sends, from REPORTFLOW_API_TOKEN; null when unset. */
export function apiTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.REPORTFLOW_API_TOKEN || null;
}

/** The data folder a local service uses (REPORTFLOW_DATA_DIR, default ./data), for clients that look for its token file. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, env.REPORTFLOW_DATA_DIR || 'data');
}

/** Env variable through which a parse sandbox (thread or child process) receives its settings. */
export const SANDBOX_SETTINGS_ENV = 'REPORTFLOW_SANDBOX_SETTINGS';

/** The settings text handed to this sandbox by the worker that started it, if any. */
export function sandboxSettingsText(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[SANDBOX_SETTINGS_ENV];
}
