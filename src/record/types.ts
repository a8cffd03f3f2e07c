/**
 * The report record, version 1.1, as defined by the shared contract
 * (schema/report-record.schema.json is the same contract as JSON Schema).
 * Downstream systems depend on this shape: change it only with the contract.
 */

export type Answer = 'Y' | 'P' | 'N';
export type Format = 'markdown' | 'docx' | 'pdf' | 'odt' | 'doc' | 'rtf' | 'html' | 'image' | 'unknown';
export type Severity = 'error' | 'warning' | 'info';
export type Status = 'ok' | 'needs_review';

export interface SourceInfo {
  fileName: string;
  format: Format;
  bytes: number;
  sha256: string;
  /** Page count for PDF, frame count for an image, else null. */
  pages: number | null;
  /** Null when every value came from text stored in the file. */
  ocr: OcrInfo | null;
}

/** Which pages were read by optical character recognition, and how sure the engine was. */
export interface OcrInfo {
  engine: string;
  pages: number[];
  meanConfidence: number;
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
  /** BCP 47 language of the report text (optional in 1.1). */
  language?: string | null;
  /** Id of the scorecard profile the report was read with (optional in 1.1). */
  profile?: string | null;
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

/** Where one extracted value was found in the file. */
export interface ValueSource {
  /** 1-based page (PDF, images). */
  page?: number;
  /** 1-based line of the file (Markdown, HTML, RTF). */
  line?: number;
  /** 0-based body paragraph (DOCX, ODT, DOC). */
  paragraph?: number;
  /** [x0, y0, x1, y1] as fractions of the page, origin top left (PDF, images). */
  box?: [number, number, number, number];
  /** 0–1, values read by OCR only. */
  confidence?: number;
}

/** Keyed by the JSON Pointer of each extracted value. */
export type RecordProvenance = Record<string, ValueSource>;

export interface ReportRecord {
  schemaVersion: '1.1';
  id: string;
  source: SourceInfo;
  report: ReportInfo;
  scoreTables: ScoreTable[];
  developmentLists: DevelopmentList[];
  anomalies: Anomaly[];
  status: Status;
  provenance: RecordProvenance;
}

/** The anomaly codes of contract version 1.1 and their fixed severities. */
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
  PAGES_WITHOUT_TEXT: 'warning',
  OCR_TEXT: 'info',
  PAGES_LEFT_OUT: 'warning',
  LOW_CONFIDENCE: 'warning',
  UNSUPPORTED_FORMAT: 'error',
} as const satisfies Record<string, Severity>;

export type AnomalyCode = keyof typeof ANOMALY_SEVERITY;
