import { CommanderError } from 'commander';
import type { ExtractOptions } from '../core/options.js';
import type { LibreOfficeSettings } from '../formats/libreoffice/docx-from-libreoffice.js';
import {
  ConfigError,
  loadConfig,
  loadExtractConfig,
  loadLibreOfficeConfig,
  ocrSettingsFromEnv,
  type ServiceConfig,
} from '../service/config.js';

const USAGE_ERROR = 2;

/**
 * Loads the service configuration with flag values as overrides of the environment.
 * Every bad setting is listed at once, and the command ends with the usage-error status.
 */
export function configOrUsageError(overrides: Parameters<typeof loadConfig>[1]): ServiceConfig {
  return orUsageError(() => loadConfig(process.env, overrides));
}

/** The extraction settings alone (profiles, weights, tolerance), flags over the environment. */
export function extractConfigOrUsageError(overrides: Parameters<typeof loadExtractConfig>[1]): ExtractOptions {
  return orUsageError(() => loadExtractConfig(process.env, overrides));
}

/** The OCR settings (REPORTFLOW_OCR, languages, resolution, low-confidence threshold) from the environment. */
export function ocrSettingsOrUsageError(): ReturnType<typeof ocrSettingsFromEnv> {
  return orUsageError(() => ocrSettingsFromEnv(process.env));
}

/** How .doc and RTF files are converted (REPORTFLOW_SOFFICE and the conversion limits). */
export function libreOfficeConfigOrUsageError(): LibreOfficeSettings {
  return orUsageError(() => loadLibreOfficeConfig(process.env));
}

function orUsageError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`reportflow: ${error.message}\n`);
    throw new CommanderError(USAGE_ERROR, 'reportflow.config', error.message);
  }
}
