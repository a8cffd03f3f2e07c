import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config.js';
import type { IntakeRequest, IntakeResult } from './intake.js';

export interface InboxWatcher {
  close(): Promise<void>;
}

export interface InboxWatcherDeps {
  intake: { submit(request: IntakeRequest): Promise<IntakeResult> };
  logger: Logger;
}

/** OS and editor litter, and files still being written by a download or copy. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.(tmp|temp|part|partial|crdownload|download|swp|swx)$/i.test(name) ||
    name.endsWith('~') ||
    /^(thumbs\.db|desktop\.ini)$/i.test(name)
  );
}

/** Safety net for change events the OS dropped (e.g. an overflowing inotify queue). */
const RESCAN_MS = 10_000;

/**
 * Watches the inbox folder (created if missing): files present at start and files
 * dropped in later are submitted once their size and mtime have not changed for
 * `stableMs`, so a file still being copied is never parsed half-written.
 * Sub-folders are not watched. On a restart every file still in the inbox is
 * submitted again; job ids are content hashes, so that queues nothing twice.
 * Resolves once the initial scan is done.
 *
 * One fs.watch on the folder, whose events name the file that changed: a burst
 * of N files costs N events, not a re-listing and lstat of the whole folder per
 * event (what a general-purpose watcher does, O(N²) for a burst).
 */
export async function startInboxWatcher(
  inbox: Pick<ServiceConfig['inbox'], 'stableMs' | 'pollMs'> & { dir: string },
  deps: InboxWatcherDeps,
): Promise<InboxWatcher> {
  const dir = resolve(inbox.dir);
  await mkdir(dir, { recursive: true });
  const log = deps.logger.child({ component: 'inbox' });
  const pending = new Map<string, NodeJS.Timeout>();
  // Bumped on every event for a path, so an older settling check that is mid-await gives way.
  const generation = new Map<string, number>();
  // Size and mtime of each file as submitted, so a rescan does not submit an unchanged file again.
  const submitted = new Map<string, string>();
  let closed = false;

  const forget = (path: string) => {
    clearTimeout(pending.get(path));
    pending.delete(path);
    generation.delete(path);
    submitted.delete(path);
  };

  // Polls the file until it has stood still for stableMs, then submits it.
  const settle = (path: string, last: { size: number; mtimeMs: number } | null, stillSince: number) => {
    const gen = generation.get(path);
    const superseded = () => closed || generation.get(path) !== gen;
    const timer = setTimeout(async () => {
      pending.delete(path);
      if (superseded()) return;
      const now = await stat(path).catch(() => null);
      if (superseded()) return;
      if (!now) return forget(path);
      if (!now.isFile()) return;
      const same = last !== null && now.size === last.size && now.mtimeMs === last.mtimeMs;
      const since = same ? stillSince : Date.now();
      if (!same || Date.now() - since < inbox.stableMs) {
        settle(path, { size: now.size, mtimeMs: now.mtimeMs }, since);
        return;
      }
      const version = `${now.size}:${now.mtimeMs}`;
      if (submitted.get(path) === version) return;
      try {
        await deps.intake.submit({ path, fileName: basename(path), source: 'inbox' });
        submitted.set(path, version);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Gone in the meantime (moved away by its owner): nothing to do.
        if (code === 'ENOENT') return forget(path);
        log.error({ file: basename(path), reason: (error as Error).message }, 'could not queue file, will try again');
        if (!superseded()) settle(path, null, Date.now());
      }
    }, inbox.pollMs);
    pending.set(path, timer);
  };

  // An event restarts the stability wait; a rescan only picks up files nobody is handling.
  const consider = (name: string, from: 'event' | 'scan') => {
    if (closed || isIgnoredName(name) || name.includes('/')) return;
    const path = join(dir, name);
    if (from === 'scan' && (pending.has(path) || submitted.has(path))) return;
    clearTimeout(pending.get(path));
    generation.set(path, (generation.get(path) ?? 0) + 1);
    settle(path, null, Date.now());
  };

  const rescan = async () => {
    try {
      for (const name of await readdir(dir)) consider(name, 'scan');
    } catch (error) {
      if (!closed) log.error({ reason: (error as Error).message }, 'could not list the inbox');
    }
  };

  // Watching starts before the first listing, so a file dropped in between is seen by one or the other.
  const watcher: FSWatcher = watch(dir, { persistent: true }, (_event, name) => {
    if (name) consider(name.toString(), 'event');
    else void rescan();
  });
  watcher.on('error', (error) => log.error({ reason: error.message }, 'inbox watcher error'));
  await rescan();
  const rescanTimer = setInterval(() => void rescan(), RESCAN_MS);
  log.info({ dir }, 'watching inbox');

  return {
    async close() {
      closed = true;
      clearInterval(rescanTimer);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      watcher.close();
    },
  };
}
