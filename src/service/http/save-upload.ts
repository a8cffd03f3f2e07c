import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newSha256 } from '../../record/record-id.js';

export interface SavedUpload {
  /** `<uploads>/<sha256><ext>` */
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Streams one uploaded file to `<uploads>/<random>.part` while hashing it, then
 * renames it to its content name. Only a chunk at a time is in memory. When
 * `isTruncated()` says the size limit cut the stream short, the part file is
 * removed and null is returned.
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
    // Same bytes give the same name, so replacing an earlier copy loses nothing.
    await rename(partPath, path);
    return { path, sha256, bytes };
  } catch (error) {
    await unlink(partPath).catch(() => {});
    throw error;
  }
}
