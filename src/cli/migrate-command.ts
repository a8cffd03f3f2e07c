import { CommanderError, Option, type Command } from 'commander';
import { configOrUsageError } from './config-or-usage-error.js';

/** `reportflow migrate`: brings the PostgreSQL sink's tables up to date (the service also does this at start). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations to DATABASE_URL')
    .addOption(new Option('--database-url <url>', 'database to migrate').env('DATABASE_URL'))
    .action(async (flags: { databaseUrl?: string }) => {
      const { sinks } = configOrUsageError({ DATABASE_URL: flags.databaseUrl });
      if (!sinks.databaseUrl) {
        process.stderr.write('reportflow: no database: set DATABASE_URL or pass --database-url\n');
        throw new CommanderError(2, 'reportflow.migrate', 'no database');
      }
      // Loaded on use, like every command's heavy parts.
      const [{ default: pg }, { applyMigrations, migrationsDirFromModule }] = await Promise.all([
        import('pg'),
        import('../service/delivery/migrate.js'),
      ]);
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
