import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newSha256 } from '../../record/record-id.js';

export interface SavedUpload {
  /** `<uploads>/<sha256><ext>`, once kept. */
  path: string;
  sha256: string;
  bytes: number;
  /** Renames the part file to `path`: the request was valid and the file goes on to intake. */
  keep(): Promise<void>;
  /** Removes the part file: the request failed after this file was read. */
  discard(): Promise<void>;
}

/**
 * Streams one uploaded file to `<uploads>/<random>.part` while hashing it; `keep()`
 * then renames it to its content name, once the whole request proved valid, so a
 * request refused later (a second file, a cut-off body) leaves nothing behind and
 * never replaces an earlier upload of the same content. Only a chunk at a time is
 * in memory. When `isTruncated()` says the size limit cut the stream short, the
 * part file is removed and null is returned.
 */
export async function saveUpload(
  file: Readable,
  uploadsDir: string,
  extension: string,
  isTruncated: () => boolean,
): Promise<SavedUpload | null> {
  await mkdir(uploadsDir, { recursive: true });
  const partPath = join(uploadsDir, `${randomBytes(12).toString('hex')}.part`);
  const hash = newSha256();
  let bytes = 0;
  try {
    await pipeline(
      file,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(partPath, { flags: 'wx' }),
    );
    if (isTruncated()) {
      await unlink(partPath);
      return null;
    }
    const sha256 = hash.digest('hex');
    const path = join(uploadsDir, `${sha256}${extension}`);
    return {
      path,
      sha256,
      bytes,
      // Same bytes give the same name, so replacing an earlier copy loses nothing.
      keep: () => rename(partPath, path),
      discard: () => unlink(partPath).catch(() => {}),
    };
  } catch (error) {
    await unlink(partPath).catch(() => {});
    throw error;
  }
}
