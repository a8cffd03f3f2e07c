import type { Command } from 'commander';

/** `serve`, `worker` and `ingest`: the pipeline's commands. */
export function registerServiceCommands(program: Command): void {
  void program;
}
