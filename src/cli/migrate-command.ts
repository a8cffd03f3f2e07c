import { Option, type Command } from 'commander';
import pg from 'pg';
import { loadConfig } from '../service/config.js';
import { applyMigrations, migrationsDirFromModule } from '../service/sinks/migrate.js';

/** `reportflow migrate`: brings the PostgreSQL sink's tables up to date (the service also does this at start). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations to DATABASE_URL')
    .addOption(new Option('--database-url <url>', 'database to migrate').env('DATABASE_URL'))
    .action(async (flags: { databaseUrl?: string }) => {
      const { sinks } = loadConfig(process.env, { DATABASE_URL: flags.databaseUrl });
      if (!sinks.databaseUrl) throw new Error('no database: set DATABASE_URL or pass --database-url');
      const pool = new pg.Pool({ connectionString: sinks.databaseUrl, max: 1 });
      try {
        const applied = await applyMigrations(pool, migrationsDirFromModule());
        process.stdout.write(
          applied.length === 0 ? 'database is up to date\n' : applied.map((name) => `applied ${name}\n`).join(''),
        );
      } finally {
        await pool.end();
      }
    });
}
