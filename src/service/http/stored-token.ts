import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../error-details.js';

/** Where `serve` keeps the API token it made, inside the data folder. */
export function tokenFileFromDataDir(dataDir: string): string {
  return join(dataDir, 'api-token');
}

/** A fresh random API token. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const OWNER_ONLY = 0o600;
const MIN_TOKEN_CHARS = 16;

/**
 * The token kept in `<data>/api-token`, made (owner-only, 0600) when there is none,
 * so a service restarted on the same data folder keeps answering to the token
 * clients and browsers already hold. A file whose permissions let others read it
 * is narrowed to the owner. Returns whether the token was made just now.
 */
export async function storedOrNewToken(dataDir: string): Promise<{ token: string; path: string; created: boolean }> {
  const path = tokenFileFromDataDir(dataDir);
  const kept = await tokenInFile(path);
  if (kept) {
    if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, OWNER_ONLY);
    return { token: kept, path, created: false };
  }
  await mkdir(dataDir, { recursive: true });
  const token = newToken();
  let handle;
  try {
    // Exclusive create: of two services starting on one folder, both end with the first one's token.
    handle = await open(path, 'wx', OWNER_ONLY);
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw error;
    const other = await tokenInFile(path);
    if (!other)
      throw new Error(`${path} exists but holds no usable token (16+ characters); remove it to have a new one made`, {
        cause: error,
      });
    return { token: other, path, created: false };
  }
  try {
    await handle.writeFile(`${token}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { token, path, created: true };
}

/** The token in `path`, or null when the file is missing, unreadable or holds no usable token. */
export async function tokenInFile(path: string): Promise<string | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  const token = text?.trim() ?? '';
  return token.length >= MIN_TOKEN_CHARS && !/\s/.test(token) ? token : null;
}
