import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docxFromParts, docxParagraph, escapeXml } from './docx-bytes.js';
import { textPdf } from './pdf-bytes.js';

/** The repository root, found from this file whether it runs from source or from dist/. */
export function repoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.replace(/\/(dist\/)?scripts\/hostile\/?$/, '');
}

/** The shared sample report as Markdown: the "normal file" the corpus and the load test reuse. */
export function sampleMarkdown(): string {
  return readFileSync(`${repoRoot()}/fixtures/kazakhstan-2023/report.md`, 'utf8');
}

type PdfLine = { text: string; size?: number; bold?: boolean };

/** Markdown lines rendered as PDF lines: headings large and bold, long paragraphs wrapped. */
export function pdfLinesFromMarkdown(markdown: string): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const raw of markdown.split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (heading) {
      lines.push({ text: heading[2]!, size: heading[1]!.length === 1 ? 18 : 14, bold: true });
      continue;
    }
    const text = raw.replace(/\*\*/g, '').replace(/\t/g, '   ');
    if (text.trim() === '') continue;
    for (const piece of wrap(text, 95)) lines.push({ text: piece });
  }
  return lines;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Splits lines into pages of at most `perPage` lines. */
export function paginate(lines: PdfLine[], perPage = 44): PdfLine[][] {
  const pages: PdfLine[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}

export function pdfFromMarkdown(markdown: string): Buffer {
  return textPdf(paginate(pdfLinesFromMarkdown(markdown)));
}

/** A DOCX with Word heading styles, tab-separated table rows as tables, numbered items as text. */
export function docxFromMarkdown(markdown: string): Buffer {
  const body: string[] = [];
  let tableRows: string[][] = [];
  const flushTable = () => {
    if (!tableRows.length) return;
    const rows = tableRows
      .map(
        (cells) =>
          `<w:tr>${cells.map((c) => `<w:tc><w:p><w:r><w:t>${escapeXml(c)}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`,
      )
      .join('');
    body.push(`<w:tbl>${rows}</w:tbl>`);
    tableRows = [];
  };
  for (const raw of markdown.split('\n')) {
    if (raw.includes('\t')) {
      tableRows.push(raw.split('\t'));
      continue;
    }
    flushTable();
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (heading) body.push(docxParagraph(heading[2]!, `Heading${heading[1]!.length}`));
    else if (raw.trim()) body.push(docxParagraph(raw.replace(/\*\*/g, '')));
  }
  flushTable();
  return docxFromParts({ body: body.join('') });
}
