import { docxFromMarkdown, pdfFromMarkdown, sampleMarkdown } from '../hostile/report-text.js';
import type { BurstFile } from './pipeline-run.js';

/**
 * N reports in the three formats, each with distinct content (and so a distinct
 * sha256): the sample report with a numbered sentence added to a paragraph, then
 * written as Markdown, DOCX or a two-page PDF by the small writers in scripts/hostile.
 */
export function burstFiles(
  count: number,
  formats: Array<'md' | 'docx' | 'pdf'> = ['md', 'docx', 'pdf'],
  firstIndex = 0,
): BurstFile[] {
  const base = sampleMarkdown();
  const anchor = base.indexOf('\n\n', base.indexOf('Total'));
  const files: BurstFile[] = [];
  for (let i = firstIndex; i < firstIndex + count; i++) {
    const marker = `Monitoring batch ${String(i).padStart(6, '0')} recorded this report.`;
    const text = anchor > 0 ? `${base.slice(0, anchor)}\n\n${marker}${base.slice(anchor)}` : `${base}\n\n${marker}\n`;
    const format = formats[i % formats.length]!;
    const name = `report-${String(i).padStart(6, '0')}.${format}`;
    const bytes =
      format === 'md' ? Buffer.from(text, 'utf8') : format === 'docx' ? docxFromMarkdown(text) : pdfFromMarkdown(text);
    files.push({ name, bytes });
  }
  return files;
}
