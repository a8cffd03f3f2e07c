import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATION_FILE = /^(\d+)_[\w-]+\.sql$/;
/** Any constant works; it only keeps two starting processes from migrating at once. */
const MIGRATION_LOCK_KEY = 0x7265706f;

/**
 * The repository's `migrations/` folder, found by walking up from this module, so
 * it is the same from `src/` (tests) and from `dist/src/` (the built CLI).
 */
export function migrationsDirFromModule(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return join(dir, 'migrations');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('migrations/ folder not found above ' + fileURLToPath(moduleUrl));
    dir = parent;
  }
}

/**
 * Applies, in file-name order, every `migrations/NNN_name.sql` not yet listed in
 * `schema_migrations`, each in its own transaction with its row in that table.
 * Returns the names applied now (empty when the database was up to date).
 */
export async function applyMigrations(pool: pg.Pool, dir: string = migrationsDirFromModule()): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort(byVersion);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(join(dir, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      applied.push(file);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}

function byVersion(a: string, b: string): number {
  return Number(MIGRATION_FILE.exec(a)![1]) - Number(MIGRATION_FILE.exec(b)![1]) || (a < b ? -1 : 1);
}
