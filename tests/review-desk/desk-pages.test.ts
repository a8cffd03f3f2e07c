import { copyFile, mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '../../src/formats/shared/limits.js';
import { recordFromBytes } from '../../src/parse-report.js';
import type { StoredRecord } from '../../src/service/store/records-store.js';
import { snippetForPointer, sourceBlocksFromDataDir } from '../../src/service/http/review-desk/source-context.js';
import { httpFixture, type HttpFixture } from '../http/http-fixture.js';

const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

let fx: HttpFixture;
beforeEach(async () => {
  fx = await httpFixture();
});
afterEach(async () => fx.close());

/** Parses a file as the pipeline does, stores the record and leaves the file where the worker would (archive/). */
async function held(path: string, fileName: string): Promise<StoredRecord> {
  const bytes = await readFile(path);
  const record = await recordFromBytes(bytes, fileName);
  await fx.store.save(record);
  await mkdir(join(fx.dirs.data, 'archive'), { recursive: true });
  await copyFile(path, join(fx.dirs.data, 'archive', fileName));
  return record;
}

describe('review desk pages', () => {
  it('lists held records with country, report date, file, anomaly codes and age', async () => {
    const record = await held(SAMPLE, 'kazakhstan-2023.md');
    const response = await fx.app.inject({ method: 'GET', url: '/review' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const html = response.body;
    expect(html).toContain(`<a class="record-link" href="/review/${record.id}">kazakhstan-2023.md</a>`);
    expect(html).toMatch(/<td>Kazakhstan<\/td>\s*<td><time datetime="2023-03-23">/);
    expect(html).toContain('<code>TOTAL_MISMATCH</code>');
    expect(html).toMatch(/\d+ s<\/time>/);
    expect(html).not.toMatch(/<script>|style=/);
  });

  it('shows each anomaly beside its value and source, and every field as a labelled control', async () => {
    const record = await held(SAMPLE, 'kazakhstan-2023.md');
    const html = (await fx.app.inject({ method: 'GET', url: `/review/${record.id}` })).body;
    expect(html).toContain('<strong class="code">TOTAL_MISMATCH</strong>');
    expect(html).toContain('<code>/scoreTables/0/rows/1/reportedTotal</code>');
    expect(html).toContain('<figcaption>Source: table (line 13)</figcaption>');
    expect(html).toContain('<tr class="focus"><td>2022</td>');
    expect(html).toContain('Source context from <code>archive/kazakhstan-2023.md</code>');
    // 2 years × 12 answers, 2 totals, 6 items, title/author/date: each with its pointer and original value.
    expect(html.match(/data-kind="answer"/g)).toHaveLength(24);
    expect(html).toContain('aria-label="2022 Q4" data-path="/scoreTables/0/rows/1/answers/Q4" data-kind="answer" data-original="&quot;P&quot;"');
    expect(html).toContain('data-path="/scoreTables/0/rows/1/reportedTotal" data-kind="number" data-original="4.33" value="4.33"');
    expect(html.match(/<textarea id="field-\d+" rows="4" data-path="\/developmentLists\/0\/items\/\d\/text"/g)).toHaveLength(6);
    expect(html).toMatch(/<label for="(field-\d+)">Author<\/label> <input id="\1"/);
    expect(html).toContain('<button type="button" id="approve"');
  });

  it('says so when the source file is gone, and still shows the record', async () => {
    const record = await held(SAMPLE, 'kazakhstan-2023.md');
    await unlink(join(fx.dirs.data, 'archive', 'kazakhstan-2023.md'));
    const response = await fx.app.inject({ method: 'GET', url: `/review/${record.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('No source context: the source file &quot;kazakhstan-2023.md&quot; is no longer in');
    expect(response.body).toContain('<strong class="code">TOTAL_MISMATCH</strong>');
  });

  it('does not take a different file of the same name for the source', async () => {
    const record = await held(SAMPLE, 'kazakhstan-2023.md');
    await copyFile(join(FIXTURES, 'vietnam-2023', 'report.pdf'), join(fx.dirs.data, 'archive', 'kazakhstan-2023.md'));
    expect((await fx.app.inject({ method: 'GET', url: `/review/${record.id}` })).body).toContain('No source context');
  });

  it('escapes what the document says', async () => {
    const record = await held(SAMPLE, 'kazakhstan-2023.md');
    const hostile = { ...record, report: { ...record.report, title: '<script>alert(1)</script>', author: '" onfocus="x' } };
    await fx.store.save(hostile);
    const html = (await fx.app.inject({ method: 'GET', url: `/review/${record.id}` })).body;
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('value="&quot; onfocus=&quot;x"');
  });

  it('answers 404 for an unknown record and serves its script and style', async () => {
    expect((await fx.app.inject({ method: 'GET', url: `/review/${'0'.repeat(64)}` })).statusCode).toBe(404);
    expect((await fx.app.inject({ method: 'GET', url: '/review/nonsense' })).statusCode).toBe(404);
    const script = await fx.app.inject({ method: 'GET', url: '/review/assets/desk.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Compiled, never run: the served script must at least parse.
    // oxlint-disable-next-line typescript/no-implied-eval
    expect(() => new Function(script.body)).not.toThrow();
    expect((await fx.app.inject({ method: 'GET', url: '/review/assets/desk.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
  });
});

describe('source context', () => {
  it('finds the table row of a total in a PDF, with its page', async () => {
    const record = await held(join(FIXTURES, 'kazakhstan-2023', 'report.pdf'), 'kazakhstan-2023.pdf');
    const source = await sourceBlocksFromDataDir(fx.dirs.data, record, DEFAULT_PARSE_LIMITS);
    expect(source.found).toBe(true);
    if (!source.found) return;
    const snippet = snippetForPointer(source.blocks, record, '/scoreTables/0/rows/1/reportedTotal');
    expect(snippet?.where).toMatch(/^page \d+/);
    expect(snippet?.rows?.[snippet.focusRow!]?.[0]).toContain('2022');
  });

  it('finds a development item and the report author', async () => {
    const record = await held(SAMPLE, 'kazakhstan-2023.md');
    const source = await sourceBlocksFromDataDir(fx.dirs.data, record, DEFAULT_PARSE_LIMITS);
    if (!source.found) throw new Error(source.reason);
    const item = snippetForPointer(source.blocks, record, '/developmentLists/0/items/2/text');
    expect(item).toMatchObject({ kind: 'list-item', where: expect.stringMatching(/^line \d+$/) });
    expect(item?.text).toMatch(/^3\. The Ministry of Digital Development/);
    expect(snippetForPointer(source.blocks, record, '/report/author')).toMatchObject({ kind: 'heading', where: 'line 5', text: 'Aziz Soltobaev' });
    expect(snippetForPointer(source.blocks, record, '/report/date')).toMatchObject({ where: 'line 7', text: '23.03.23' });
    expect(snippetForPointer(source.blocks, record, null)).toBeNull();
  });
});
