import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The release ledger: a record about to be released (written to the outbox,
 * parsed clean or approved) is first marked here, durably, and the mark is
 * cleared only once its delivery jobs are in the queue. A crash anywhere in
 * between leaves the mark, and a sweep delivers what the outbox holds for it.
 * Each mark holds the revision being released, so clearing an older release
 * does not clear a newer one.
 */
export class PendingReleases {
  constructor(private readonly dir: string) {}

  /** Marks `id` as being released at `revision`; on disk (fsynced) before it resolves. */
  async mark(id: string, revision: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `.${id}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(revision);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(this.dir, id));
    await syncDir(this.dir);
  }

  /** Clears the mark of `id` if it is still for `revision`. */
  async clear(id: string, revision: string): Promise<void> {
    const path = join(this.dir, id);
    const marked = await readFile(path, 'utf8').catch(() => null);
    if (marked === revision) await unlink(path).catch(() => {});
  }

  /** Clears the mark of `id`, whatever it holds (the record is no longer in the outbox). */
  async drop(id: string): Promise<void> {
    await unlink(join(this.dir, id)).catch(() => {});
  }

  /** Ids marked, with the age of each mark in ms. */
  async list(): Promise<Array<{ id: string; ageMs: number }>> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: Array<{ id: string; ageMs: number }> = [];
    for (const name of names) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (info) out.push({ id: name, ageMs: Date.now() - info.mtimeMs });
    }
    return out;
  }
}

/** Makes a rename or unlink in `dir` durable: the entry itself lives in the folder. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
