/**
 * The report record, version 1.0, as defined by the shared contract
 * (schema/report-record.schema.json is the same contract as JSON Schema).
 * Downstream systems depend on this shape: change it only with the contract.
 */

export type Answer = 'Y' | 'P' | 'N';
export type Format = 'markdown' | 'docx' | 'pdf' | 'unknown';
export type Severity = 'error' | 'warning' | 'info';
export type Status = 'ok' | 'needs_review';

export interface SourceInfo {
  fileName: string;
  format: Format;
  bytes: number;
  sha256: string;
  /** Page count for PDF, else null. */
  pages: number | null;
}

export interface Country {
  name: string;
  iso2: string | null;
  iso3: string | null;
}

export interface ReportInfo {
  title: string | null;
  country: Country | null;
  author: string | null;
  /** ISO 8601 date (YYYY-MM-DD). */
  date: string | null;
  /** The date as written in the document. */
  dateText: string | null;
}

export interface ScoreRow {
  year: number;
  answers: Record<string, Answer | null>;
  reportedTotal: number | null;
  computedTotal: number;
}

export interface ScoreChange {
  column: string;
  fromYear: number;
  toYear: number;
  from: Answer | null;
  to: Answer | null;
}

export interface ScoreTable {
  section: string | null;
  subject: string | null;
  columns: string[];
  rows: ScoreRow[];
  changes: ScoreChange[];
  commentary: string[];
}

export interface DevelopmentItem {
  number: number;
  text: string;
  emphasis: string[];
}

export interface DevelopmentList {
  section: string | null;
  subject: string | null;
  items: DevelopmentItem[];
}

export interface Anomaly {
  code: string;
  severity: Severity;
  message: string;
  /** JSON Pointer into the record, or null. */
  path: string | null;
  expected?: unknown;
  found?: unknown;
}

export interface ReportRecord {
  schemaVersion: '1.0';
  id: string;
  source: SourceInfo;
  report: ReportInfo;
  scoreTables: ScoreTable[];
  developmentLists: DevelopmentList[];
  anomalies: Anomaly[];
  status: Status;
}

/** The anomaly codes of contract version 1.0 and their fixed severities. */
export const ANOMALY_SEVERITY = {
  TOTAL_MISMATCH: 'warning',
  MISSING_TOTAL: 'warning',
  MISSING_ANSWER: 'warning',
  UNKNOWN_ANSWER: 'warning',
  FOOTNOTE_MARK: 'info',
  ROW_SHAPE: 'warning',
  DUPLICATE_YEAR: 'warning',
  NUMBERING_GAP: 'warning',
  NO_SCORE_TABLE: 'warning',
  NO_DEVELOPMENTS: 'warning',
  MISSING_DATE: 'info',
  UNPARSEABLE_DATE: 'warning',
  UNKNOWN_COUNTRY: 'info',
  UNREADABLE_FILE: 'error',
  NO_TEXT_LAYER: 'error',
  UNSUPPORTED_FORMAT: 'error',
} as const satisfies Record<string, Severity>;

export type AnomalyCode = keyof typeof ANOMALY_SEVERITY;
