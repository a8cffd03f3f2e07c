import { CommanderError } from 'commander';
import { ConfigError, loadConfig, type ServiceConfig } from '../service/config.js';

const USAGE_ERROR = 2;

/**
 * Loads the service configuration with flag values as overrides of the environment.
 * Every bad setting is listed at once, and the command ends with the usage-error status.
 */
export function configOrUsageError(overrides: Parameters<typeof loadConfig>[1]): ServiceConfig {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`reportflow: ${error.message}\n`);
    throw new CommanderError(USAGE_ERROR, 'reportflow.config', error.message);
  }
}
