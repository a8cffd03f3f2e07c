#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { packageVersion } from './package-version.js';
import { registerParseCommand } from './parse-command.js';
import { registerProfileCommand } from './profile-command.js';
import { registerServiceCommands } from './service-commands.js';

const USAGE_ERROR = 2;

const program = new Command()
  .name('reportflow')
  .description('Turn AI-policy country reports (PDF, DOCX, Markdown) into contract records.')
  .version(packageVersion(), '-V, --version', 'print the version and exit')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

registerParseCommand(program);
registerProfileCommand(program);
registerServiceCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR;
  } else {
    console.error(`reportflow: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
