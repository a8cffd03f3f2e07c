import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfFromMarkdown, repoRoot, sampleMarkdown } from './report-text.js';

/**
 * Re-makes the two small encrypted PDFs kept in tests/hostile/data with qpdf, which
 * CI machines may lack; the corpus generator only reads them.
 * Usage: node dist/scripts/hostile/refresh-encrypted.js
 */
const work = mkdtempSync(join(tmpdir(), 'encrypted-'));
try {
  const plain = join(work, 'plain.pdf');
  writeFileSync(plain, pdfFromMarkdown(sampleMarkdown()));
  const data = `${repoRoot()}/tests/hostile/data`;
  execFileSync('qpdf', [
    '--encrypt',
    'user-secret',
    'owner-secret',
    '256',
    '--',
    plain,
    `${data}/encrypted-user-password.pdf`,
  ]);
  execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', plain, `${data}/encrypted-owner-only.pdf`]);
  console.log(`wrote ${data}/encrypted-user-password.pdf and encrypted-owner-only.pdf`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
