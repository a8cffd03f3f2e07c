import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerMigrateCommand } from '../../src/cli/migrate-command.js';
import { DATABASE_URL } from './sink-fixtures.js';

const dbName = `reportflow_test_${randomBytes(6).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
admin.on('error', () => undefined);
const url = Object.assign(new URL(DATABASE_URL), { pathname: `/${dbName}` }).toString();

beforeAll(() => admin.query(`CREATE DATABASE ${dbName}`));
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

async function runMigrate(): Promise<string> {
  const program = new Command().exitOverride();
  registerMigrateCommand(program);
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'reportflow', 'migrate', '--database-url', url]);
    return write.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    write.mockRestore();
  }
}

describe('reportflow migrate', () => {
  it('creates the tables once, then reports the database up to date', async () => {
    expect(await runMigrate()).toBe('applied 001_init.sql\n');
    expect(await runMigrate()).toBe('database is up to date\n');

    const db = new pg.Pool({ connectionString: url, max: 1 });
    db.on('error', () => undefined);
    const { rows } = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    await db.end();
    expect(rows.map((r) => r.table_name)).toEqual(['report_records', 'schema_migrations', 'score_answers']);
  });
});
