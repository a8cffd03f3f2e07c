import { watch, type FSWatcher } from 'chokidar';
import { lstat, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config.js';
import { isIgnoredName } from './ignored-names.js';
import type { IntakeRequest, IntakeResult } from './intake.js';
import { errnoCode, messageOf } from '../error-details.js';

export interface InboxWatcher {
  close(): Promise<void>;
}

export interface InboxWatcherDeps {
  intake: { submit(request: IntakeRequest): Promise<IntakeResult> };
  logger: Logger;
}

/**
 * Watches the inbox folder (created if missing): files present at start and files
 * dropped in later are submitted once their size and mtime have not changed for
 * `stableMs`, so a file still being copied is never parsed half-written.
 * Sub-folders are not watched. On a restart every file still in the inbox is
 * submitted again; job ids are content hashes, so that queues nothing twice.
 * Resolves once the initial scan is done.
 */
export async function startInboxWatcher(
  inbox: Pick<ServiceConfig['inbox'], 'stableMs' | 'pollMs'> &
    Partial<Pick<ServiceConfig['inbox'], 'followSymlinks'>> & { dir: string },
  deps: InboxWatcherDeps,
): Promise<InboxWatcher> {
  const dir = resolve(inbox.dir);
  await mkdir(dir, { recursive: true });
  const log = deps.logger.child({ component: 'inbox' });
  const pending = new Map<string, NodeJS.Timeout>();
  // Bumped on every event for a path, so an older settling check that is mid-await gives way.
  const generation = new Map<string, number>();
  let closed = false;
  const skippedLinks = new Set<string>();

  const inThisFolder = (path: string) => resolve(dirname(path)) === dir;

  // Polls the file until it has stood still for stableMs, then submits it.
  const settle = (path: string, last: { size: number; mtimeMs: number } | null, stillSince: number) => {
    const gen = generation.get(path);
    const superseded = () => closed || generation.get(path) !== gen;
    const check = async () => {
      pending.delete(path);
      if (superseded()) return;
      // A link would hand the pipeline whatever file it points to (/etc/…), not one dropped here.
      if (!inbox.followSymlinks && (await lstat(path).catch(() => null))?.isSymbolicLink()) {
        if (!skippedLinks.has(path))
          log.warn(
            { file: basename(path) },
            'skipped a symbolic link in the inbox (REPORTFLOW_INBOX_FOLLOW_SYMLINKS=true reads what links point to)',
          );
        skippedLinks.add(path);
        return;
      }
      const now = await stat(path).catch(() => null);
      if (!now || !now.isFile() || superseded()) return;
      const same = last !== null && now.size === last.size && now.mtimeMs === last.mtimeMs;
      const since = same ? stillSince : Date.now();
      if (!same || Date.now() - since < inbox.stableMs) {
        settle(path, { size: now.size, mtimeMs: now.mtimeMs }, since);
        return;
      }
      try {
        await deps.intake.submit({ path, fileName: basename(path), source: 'inbox' });
      } catch (error) {
        const code = errnoCode(error);
        // Gone in the meantime (moved away by its owner): nothing to do.
        if (code === 'ENOENT') return;
        log.error({ file: basename(path), reason: messageOf(error) }, 'could not queue file, will try again');
        if (!superseded()) settle(path, null, Date.now());
      }
    };
    const timer = setTimeout(() => {
      check().catch((error: unknown) =>
        log.error({ file: basename(path), reason: messageOf(error) }, 'could not check file'),
      );
    }, inbox.pollMs);
    pending.set(path, timer);
  };

  const consider = (path: string) => {
    if (closed || !inThisFolder(path) || isIgnoredName(basename(path))) return;
    clearTimeout(pending.get(path));
    generation.set(path, (generation.get(path) ?? 0) + 1);
    settle(path, null, Date.now());
  };

  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: false,
    depth: 0,
    followSymlinks: inbox.followSymlinks ?? false,
    ignored: (path, stats) => path !== dir && (isIgnoredName(basename(path)) || Boolean(stats?.isDirectory())),
  });
  watcher.on('add', consider);
  watcher.on('change', consider);
  watcher.on('unlink', (path) => {
    skippedLinks.delete(path);
    clearTimeout(pending.get(path));
    pending.delete(path);
    generation.delete(path);
  });
  watcher.on('error', (error) => log.error({ reason: messageOf(error) }, 'inbox watcher error'));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  log.info({ dir }, 'watching inbox');

  return {
    async close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      await watcher.close();
    },
  };
}
