import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { Piscina } from 'piscina';
import type { PageImageDone, PageImageTask } from '../../../workers/page-image-thread.js';
import { messageOf } from '../error-details.js';
import { compiledFile } from '../parse/compiled-path.js';

export interface PageImagesOptions {
  /** Folder of the drawn pages; what is in it at start is kept and counted. */
  cacheDir: string;
  /** The folder holds at most this many bytes; the least recently shown pages go first. */
  maxCacheBytes: number;
  /** Longer side of a drawn page, in pixels. */
  maxSide: number;
  /** Drawing threads; each holds one document at a time. */
  threads: number;
  /** Pages waiting for a thread beyond this are refused (PageImagesBusyError), not queued without end. */
  maxQueue: number;
  /** A page that takes longer is given up and its thread replaced. */
  timeoutMs: number;
  /** A thread with nothing to draw for this long ends, giving its memory back. */
  idleMs: number;
}

export const DEFAULT_PAGE_IMAGES: Omit<PageImagesOptions, 'cacheDir'> = {
  maxCacheBytes: 256 * 1024 * 1024,
  maxSide: 1600,
  threads: 1,
  maxQueue: 16,
  timeoutMs: 30_000,
  idleMs: 60_000,
};

/** Heap of a drawing thread: a page that needs more is refused like one that takes too long. */
const THREAD_HEAP_MB = 768;

export class PageImagesBusyError extends Error {
  constructor() {
    super('too many pages are being drawn; try again shortly');
    this.name = 'PageImagesBusyError';
  }
}

export interface PageRequest {
  /** The record id (sha256 of the source), also the key of its pages in the cache. */
  id: string;
  source: string;
  kind: 'pdf' | 'image';
  page: number;
}

/**
 * Pictures of source pages for the review desk, drawn in worker threads and
 * kept on disk. The same page asked for twice while it is drawn is drawn once.
 */
export class PageImages {
  private readonly pool: Piscina<PageImageTask, PageImageDone>;
  private readonly files: LRUCache<string, number>;
  private readonly drawing = new Map<string, Promise<string>>();
  private ready: Promise<void> | null = null;

  constructor(private readonly options: PageImagesOptions) {
    this.pool = new Piscina({
      filename: compiledFile('workers/page-image-thread.js'),
      minThreads: 0,
      maxThreads: options.threads,
      maxQueue: options.maxQueue,
      idleTimeout: options.idleMs,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    this.files = new LRUCache<string, number>({
      maxSize: options.maxCacheBytes,
      sizeCalculation: (bytes) => Math.max(1, bytes),
      dispose: (_bytes, path, reason) => {
        if (reason !== 'set') void unlink(path).catch(() => undefined);
      },
    });
  }

  /** Path of the page's picture (WebP), drawing it first when it is not in the cache. */
  async pagePath(request: PageRequest): Promise<string> {
    await (this.ready ??= this.countKept());
    const path = join(this.options.cacheDir, `${request.id}-${request.page}-${this.options.maxSide}.webp`);
    if (this.files.get(path) !== undefined) return path;
    let pending = this.drawing.get(path);
    if (!pending) {
      // Counted here rather than left to the pool, which lets a burst in while its thread starts.
      if (this.drawing.size >= this.options.threads + this.options.maxQueue) throw new PageImagesBusyError();
      pending = this.draw(request, path).finally(() => this.drawing.delete(path));
      this.drawing.set(path, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    await this.pool.close({ force: true });
  }

  private async draw(request: PageRequest, path: string): Promise<string> {
    const task: PageImageTask = {
      source: request.source,
      sha256: request.id,
      kind: request.kind,
      page: request.page,
      maxSide: this.options.maxSide,
      target: path,
    };
    let done: PageImageDone;
    try {
      done = await this.pool.run(task, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      if (/queue is at limit/i.test(messageOf(error))) throw new PageImagesBusyError();
      throw error;
    }
    this.files.set(path, done.bytes);
    return path;
  }

  /** Pages drawn by an earlier run count against the limit, oldest first in line to go. */
  private async countKept(): Promise<void> {
    await mkdir(this.options.cacheDir, { recursive: true });
    const kept: Array<{ path: string; bytes: number; mtime: number }> = [];
    for (const name of await readdir(this.options.cacheDir)) {
      const path = join(this.options.cacheDir, name);
      if (name.endsWith('.tmp')) {
        await rm(path, { force: true });
        continue;
      }
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && name.endsWith('.webp')) kept.push({ path, bytes: info.size, mtime: info.mtimeMs });
    }
    for (const file of kept.sort((a, b) => a.mtime - b.mtime)) this.files.set(file.path, file.bytes);
  }
}
