/**
 * The common block model: every format adapter turns a file into a flat list of
 * blocks in reading order, and the extraction core reads only blocks. Keeping it
 * flat (no nesting) lets the core walk a document once, the way a reader does.
 */

/**
 * Where a block (or a table cell) came from, so every value read from it can say so
 * in the record's `provenance` and a reviewer can find it in the source.
 */
export interface Provenance {
  /** 1-based page number (PDF, images). */
  page?: number;
  /** 1-based line number of the block's first line in the file (Markdown, HTML, RTF). */
  line?: number;
  /** 0-based index of the paragraph-level element in the document body (DOCX, ODT, DOC). */
  paragraph?: number;
  /** [x0, y0, x1, y1] as fractions of the page's width and height, origin top left (PDF, images). */
  box?: [number, number, number, number];
  /** 0–1: how sure the OCR engine was of this text; absent for text stored in the file. */
  confidence?: number;
}

/** A run of inline text with its emphasis as printed. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = top level. Adapters map their own notion (ATX/setext, Word style, font size) onto it. */
  level: number;
  text: string;
  spans: Span[];
  source: Provenance;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Plain text; line breaks inside the paragraph are kept as '\n'. */
  text: string;
  spans: Span[];
  source: Provenance;
}

export interface TableBlock {
  kind: 'table';
  /** Cell texts row by row, header row(s) first. Merged cells are repeated into
   *  every grid position they cover only when the adapter knows the span;
   *  rows keep their real cell count otherwise (the core reports ROW_SHAPE). */
  rows: string[][];
  /** Number of leading rows the source marked as header rows (0 when unknown). */
  headerRows: number;
  source: Provenance;
  /** Where each cell came from, parallel to `rows`, when the adapter knows more than the
   *  table's own `source` (a row's line, a cell's box on the page). */
  cellSources?: Provenance[][];
}

export interface ListItemBlock {
  kind: 'list-item';
  /** The number as printed or as the list numbering gives it ("1.", "2)", "(3)", "4"). */
  marker: string;
  /** The numeric value of the marker. */
  number: number;
  /** Item text without the marker; line breaks kept as '\n'. */
  text: string;
  spans: Span[];
  /** Nesting depth, 0 for a top-level list. */
  depth: number;
  source: Provenance;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | ListItemBlock;

/** Problems an adapter found while reading (unreadable file, no text layer, …). */
export interface AdapterProblem {
  code: 'UNREADABLE_FILE' | 'NO_TEXT_LAYER' | 'UNSUPPORTED_FORMAT';
  message: string;
}

/** What every format adapter returns. */
export interface BlocksResult {
  blocks: Block[];
  /** Page count for paged formats (PDF), else null. */
  pages: number | null;
  /** Set when the file could not be read; blocks may then be empty. */
  problem?: AdapterProblem;
  /** Set when some text was recognised from page pictures rather than stored. */
  ocr?: { engine: string; pages: number[]; meanConfidence: number };
  /** 1-based pages that gave no text at all, stored or recognised. */
  pagesWithoutText?: number[];
}
