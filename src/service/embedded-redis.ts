import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import type { ServiceConfig } from './config.js';

/** Where the service's Redis came from, and how to let go of it. */
export interface ResolvedRedis {
  url: string;
  origin: 'configured' | 'local' | 'embedded';
  /** Stops a private redis-server (SIGTERM, then waits); does nothing for other origins. */
  stop(): Promise<void>;
}

export interface ResolveRedisOptions {
  /** Skip the 127.0.0.1:6379 probe and always start a private server (tests, isolated runs). */
  preferEmbedded?: boolean;
  /** Program to start; looked up on PATH unless it contains a slash. */
  command?: string;
  /** PATH to search, process.env.PATH by default. */
  searchPath?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export const HOW_TO_GET_REDIS = [
  'Install one of:',
  '  Debian/Ubuntu: sudo apt-get install redis-server',
  '  macOS:         brew install redis',
  'or point the service at an existing Redis:',
  '  REDIS_URL=redis://host:6379 npm start',
  '  docker compose up -d redis   (then REDIS_URL=redis://127.0.0.1:6379)',
].join('\n');

const LOCAL_REDIS = { host: '127.0.0.1', port: 6379 };

/**
 * Picks the Redis the service talks to: the configured REDIS_URL, else a Redis already
 * answering on 127.0.0.1:6379, else a private redis-server with append-only persistence
 * under <data>/redis, so a fresh checkout runs with `npm start` alone.
 */
export async function resolveRedis(
  config: Pick<ServiceConfig, 'redisUrl' | 'dirs'>,
  options: ResolveRedisOptions = {},
): Promise<ResolvedRedis> {
  const nothingToStop = async () => {};
  if (config.redisUrl) return { url: config.redisUrl, origin: 'configured', stop: nothingToStop };
  if (!options.preferEmbedded && (await redisAnswers(LOCAL_REDIS.host, LOCAL_REDIS.port))) {
    return { url: `redis://${LOCAL_REDIS.host}:${LOCAL_REDIS.port}`, origin: 'local', stop: nothingToStop };
  }
  return startPrivateRedis(join(config.dirs.data, 'redis'), options);
}

/** True when a Redis at host:port replies +PONG; a raw socket keeps this free of client retries. */
export function redisAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolvePing) => {
    const socket = createConnection({ host, port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolvePing(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

async function startPrivateRedis(dir: string, options: ResolveRedisOptions): Promise<ResolvedRedis> {
  const program = await programOnPath(options.command ?? 'redis-server', options.searchPath ?? process.env.PATH ?? '');
  if (!program) {
    const why = options.preferEmbedded
      ? 'A private Redis was asked for'
      : 'No Redis is configured (REDIS_URL) and none answers on 127.0.0.1:6379';
    throw new RedisUnavailableError(
      `${why}, but there is no "${options.command ?? 'redis-server'}" on PATH to start one.\n${HOW_TO_GET_REDIS}`,
    );
  }
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  // Own process group: a Ctrl-C in the terminal reaches the service only, which then
  // closes its workers while Redis is still up and stops Redis last.
  // fsync on every write: a queued job survives even a hard kill of Redis (the queue
  // writes a handful of keys per file, so the cost does not show next to parsing).
  const child = spawn(
    program,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const output = tailOf(child);
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  try {
    await waitUntilReady(child, port, options.startTimeoutMs ?? 10_000, output);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await stopChild(child, 2_000);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    origin: 'embedded',
    stop: () => {
      stopping ??= stopChild(child, options.stopTimeoutMs ?? 10_000).finally(() =>
        process.removeListener('exit', killOnExit),
      );
      return stopping;
    },
  };
}

async function waitUntilReady(child: ChildProcess, port: number, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  while (Date.now() < deadline) {
    if (spawnError) throw new RedisUnavailableError(`redis-server could not start: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new RedisUnavailableError(
        `redis-server exited at start (${child.exitCode ?? child.signalCode}):\n${output()}`,
      );
    }
    if (await redisAnswers('127.0.0.1', port, 200)) return;
    await sleep(50);
  }
  throw new RedisUnavailableError(`redis-server did not answer on port ${port} within ${timeoutMs} ms:\n${output()}`);
}

/** SIGTERM lets Redis flush its append-only file; SIGKILL only if it does not go in time. */
async function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last few KB of the server's output for error messages, and keeps its pipes drained. */
function tailOf(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

async function programOnPath(command: string, searchPath: string): Promise<string | null> {
  const candidates = command.includes('/')
    ? [command]
    : searchPath
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, command));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return null;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
