import type { ServiceConfig } from '../config.js';

/** The slice of configuration a parse sandbox needs; it travels as JSON in one env variable. */
export interface SandboxSettings {
  dirs: { outbox: string; data: string };
  extract: ServiceConfig['extract'];
  limits: ServiceConfig['limits'];
  libreOffice: ServiceConfig['libreOffice'];
  ocr?: ServiceConfig['ocr'];
  jobTimeoutMs: number;
}

export function sandboxSettingsFromConfig(
  config: Pick<ServiceConfig, 'dirs' | 'extract' | 'limits' | 'libreOffice' | 'worker'> &
    Partial<Pick<ServiceConfig, 'ocr'>>,
): SandboxSettings {
  return {
    dirs: { outbox: config.dirs.outbox, data: config.dirs.data },
    extract: config.extract,
    limits: config.limits,
    libreOffice: config.libreOffice,
    ...(config.ocr ? { ocr: config.ocr } : {}),
    jobTimeoutMs: config.worker.jobTimeoutMs,
  };
}

export function sandboxSettingsFromText(text: string | undefined): SandboxSettings {
  if (!text) throw new Error('the parse sandbox was started without its settings');
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- written by sandboxSettingsFromConfig in the parent process
  return JSON.parse(text) as SandboxSettings;
}
