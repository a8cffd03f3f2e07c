import { sandboxSettingsText } from '../src/service/config.js';
import { processParseJob } from '../src/service/parse/process-parse-job.js';
import { sandboxSettingsFromText } from '../src/service/parse/sandbox-settings.js';
import { TimedParser } from '../src/service/parse/timed-parser.js';
import { sandboxedParseProcessor } from '../src/service/queue/bullmq-adapter.js';
import { recordsStoreFromConfig } from '../src/service/store/records-store.js';

// The sandbox (a child process) that runs parse jobs when REPORTFLOW_SANDBOX=process;
// parse-worker.ts starts it and hands it its settings. Wiring only.
const settings = sandboxSettingsFromText(sandboxSettingsText());
const store = recordsStoreFromConfig(settings);
const parser = new TimedParser(settings.jobTimeoutMs, {
  extract: settings.extract,
  limits: settings.limits,
  libreOffice: settings.libreOffice,
  ...(settings.ocr ? { ocr: settings.ocr } : {}),
});
parser.warm();

export default sandboxedParseProcessor((data) =>
  processParseJob(data, { store, parse: (bytes, name) => parser.parse(bytes, name), dataDir: settings.dirs.data }),
);
