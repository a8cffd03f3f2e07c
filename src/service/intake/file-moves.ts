import { copyFile, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { errnoCode } from '../error-details.js';

/**
 * Moves a file into `folder` under its own name, or `<stem>.<hash12><ext>` when that
 * name is taken, so two different files called "report.pdf" both survive.
 * Returns the new path, or null when the file is already gone.
 */
export async function moveIntoFolder(path: string, folder: string, fileName: string, sha256: string): Promise<string | null> {
  await mkdir(folder, { recursive: true });
  const name = basename(fileName) || sha256;
  const ext = extname(name);
  const candidates = [join(folder, name), join(folder, `${name.slice(0, name.length - ext.length)}.${sha256.slice(0, 12)}${ext}`)];
  for (const [i, target] of candidates.entries()) {
    try {
      await moveNoClobber(path, target);
      return target;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return null;
      // The hashed name means the same content is archived already: the copy can go.
      if (code === 'EEXIST' && i === candidates.length - 1) {
        await unlink(path).catch(() => {});
        return target;
      }
      if (code !== 'EEXIST') throw error;
    }
  }
  return null;
}

/** Moves a file into failed/ and writes `<name>.reason.txt` beside it. */
export async function moveToFailed(path: string, folder: string, fileName: string, sha256: string, reason: string): Promise<string | null> {
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
