import type { SandboxedJob } from 'bullmq';
import { sandboxSettingsText } from '../src/service/config.js';
import type { ParseJobData, ParseJobResult } from '../src/service/queue/parse-queue.js';
import { processParseJob } from '../src/service/parse/process-parse-job.js';
import { RecordsStore } from '../src/service/store/records-store.js';
import { sandboxSettingsFromText } from '../src/service/parse/sandbox-settings.js';
import { TimedParser } from '../src/service/parse/timed-parser.js';

// The BullMQ sandbox (a child process or worker thread) that runs parse jobs;
// parse-worker.ts starts it and hands it its settings. Wiring only.
const settings = sandboxSettingsFromText(sandboxSettingsText());
const store = new RecordsStore(settings.dirs);
const parser = new TimedParser(settings.jobTimeoutMs, { extract: settings.extract, limits: settings.limits, ...(settings.ocr ? { ocr: settings.ocr } : {}) });
parser.warm();

export default function parseProcessor(job: SandboxedJob<ParseJobData, ParseJobResult>): Promise<ParseJobResult> {
  return processParseJob(job.data, { store, parse: (bytes, name) => parser.parse(bytes, name), dataDir: settings.dirs.data });
}
