import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { keptNamesFor, sha256OfFile } from '../intake/file-moves.js';

/** Where the service keeps a parsed file: archive/ when it was read, failed/ when it was not. */
const KEPT_FOLDERS = ['archive', 'failed'];
const REMEMBERED = 256;

/**
 * The file a record was read from, as the pipeline kept it, or null when it is
 * gone. A file of the same name but other content (a later upload) is not it:
 * the candidate's size and sha256 must match the record's.
 */
export class KeptSources {
  private readonly found = new Map<string, { path: string; mtimeMs: number }>();

  constructor(private readonly dataDir: string) {}

  async pathOf(source: { sha256: string; fileName: string; bytes: number }): Promise<string | null> {
    const known = this.found.get(source.sha256);
    if (known && (await stat(known.path).catch(() => null))?.mtimeMs === known.mtimeMs) return known.path;
    this.found.delete(source.sha256);
    for (const folder of KEPT_FOLDERS) {
      for (const name of keptNamesFor(source.fileName, source.sha256)) {
        const path = join(this.dataDir, folder, name);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile() || info.size !== source.bytes) continue;
        if ((await sha256OfFile(path)) !== source.sha256) continue;
        this.found.set(source.sha256, { path, mtimeMs: info.mtimeMs });
        if (this.found.size > REMEMBERED) this.found.delete(this.found.keys().next().value!);
        return path;
      }
    }
    return null;
  }
}
