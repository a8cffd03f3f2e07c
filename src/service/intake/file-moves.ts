import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { newSha256 } from '../../record/record-id.js';
import { errnoCode } from '../error-details.js';

/** Numbered names tried after the hashed ones, before giving up on a folder someone filled on purpose. */
const MAX_NUMBERED_NAMES = 20;

/**
 * Moves a file into `folder` under its own name, or `<stem>.<hash12><ext>` when that
 * name is taken, so two different files called "report.pdf" both survive. A name
 * taken by the same content means the file is there already, and this copy goes;
 * one taken by other content (a file that happens to carry that name) is passed
 * over for `<stem>.<sha256><ext>`, then numbered names. Nothing is deleted unless
 * its content is kept. Returns the new path, or null when the file is already gone.
 */
export async function moveIntoFolder(
  path: string,
  folder: string,
  fileName: string,
  sha256: string,
): Promise<string | null> {
  await mkdir(folder, { recursive: true });
  for (const name of keptNamesFor(fileName, sha256)) {
    const target = join(folder, name);
    try {
      await moveNoClobber(path, target);
      return target;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return null;
      if (code !== 'EEXIST') throw error;
      // Taken: by this very content (kept already, the copy can go), or by another file (try the next name).
      if ((await sha256OfFile(target).catch(() => null)) === sha256) {
        await unlink(path).catch(() => {});
        return target;
      }
    }
  }
  throw new Error(
    `no free name for ${basename(fileName)} in ${folder}: every name it may have is taken by other files`,
  );
}

/** The names a file may have in archive/ or failed/, in the order moveIntoFolder tries them. */
export function keptNamesFor(fileName: string, sha256: string): string[] {
  const name = basename(fileName) || sha256;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const numbered = Array.from({ length: MAX_NUMBERED_NAMES - 1 }, (_, i) => `${stem}.${sha256}.${i + 2}${ext}`);
  return [name, `${stem}.${sha256.slice(0, 12)}${ext}`, `${stem}.${sha256}${ext}`, ...numbered];
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = newSha256();
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Moves a file into failed/ and writes `<name>.reason.txt` beside it. */
export async function moveToFailed(
  path: string,
  folder: string,
  fileName: string,
  sha256: string,
  reason: string,
): Promise<string | null> {
  const moved = await moveIntoFolder(path, folder, fileName, sha256);
  if (moved) await writeFile(`${moved}.reason.txt`, reason.endsWith('\n') ? reason : reason + '\n');
  return moved;
}

/** link + unlink refuses to overwrite; across filesystems it falls back to copy + unlink. */
async function moveNoClobber(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyFile(from, to, 1 /* COPYFILE_EXCL */);
  }
  await unlink(from).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
