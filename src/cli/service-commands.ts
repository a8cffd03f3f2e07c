import type { Command } from 'commander';
import { registerExportCommand } from './export-command.js';
import { registerIngestCommand } from './ingest-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerWorkerCommand } from './worker-command.js';

/** `serve`, `worker`, `ingest` and `migrate`: the pipeline's commands. */
export function registerServiceCommands(program: Command): void {
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerIngestCommand(program);
  registerMigrateCommand(program);
  registerExportCommand(program);
}
