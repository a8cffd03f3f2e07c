import { copyFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpFixture, type HttpFixture } from '../http/http-fixture.js';
import {
  FIXTURES,
  KAZAKHSTAN_PDF,
  KAZAKHSTAN_PDF_TOTAL_BOX,
  keptRecord,
  provenanceOf,
  SAMPLE,
} from './desk-fixtures.js';

let fx: HttpFixture;
beforeEach(async () => {
  fx = await httpFixture();
});
afterEach(async () => fx.close());

const TOTAL = '/scoreTables/0/rows/1/reportedTotal';
const get = (url: string) => fx.app.inject({ method: 'GET', url });

describe('review desk pages', () => {
  it('lists records waiting for review, and files that could not be read apart from them', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
    const failed = await keptRecord(
      fx.store,
      fx.dirs.data,
      join(FIXTURES, 'encrypted-pdf', 'report.pdf'),
      'locked.pdf',
    );
    const response = await get('/review');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const html = response.body;
    const [heldPart, failedPart] = html.split('<h2 id="failed-h">');
    expect(heldPart).toContain(`<a class="record-link" href="/review/${record.id}">kazakhstan-2023.md</a>`);
    expect(heldPart).toMatch(/<td>Kazakhstan<\/td>\s*<td><time datetime="2023-03-23">/);
    expect(heldPart).toContain('<code>TOTAL_MISMATCH</code>');
    expect(heldPart).toContain('1 record waiting for review');
    expect(heldPart).not.toContain(failed.id);
    expect(failedPart).toContain('Files that could not be read (1)');
    expect(failedPart).toContain(`<tr data-id="${failed.id}" data-state="failed">`);
    expect(failedPart).toMatch(/<code>UNREADABLE_FILE<\/code> [^<]*encrypted/i);
    expect(html).not.toMatch(/<script>|style=/);

    // The API tells them apart too.
    const reviews = (await get('/reviews')).json() as { reviews: Array<{ id: string; state: string }> };
    expect(Object.fromEntries(reviews.reviews.map((r) => [r.id, r.state]))).toEqual({
      [record.id]: 'held',
      [failed.id]: 'failed',
    });
  });

  it('shows a Markdown value on its line of the kept file, the value marked', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md', (r) =>
      provenanceOf(r, { [TOTAL]: { line: 15 } }),
    );
    const html = (await get(`/review/${record.id}`)).body;
    const anomaly = html.slice(
      html.indexOf('data-code="TOTAL_MISMATCH"'),
      html.indexOf('</li>', html.indexOf('data-code="TOTAL_MISMATCH"')),
    );
    expect(anomaly).toContain('<figcaption>Source: line 15</figcaption>');
    expect(anomaly).toContain(
      '<tr class="focus"><th scope="row">15</th><td><code>2022\tN\tN\tY\tP\tP\tP\tP\tN\tP\tN\tY\tN\t<mark>4.33</mark></code></td></tr>',
    );
    // Two lines either side: from the table header to the blank line after it.
    expect(anomaly.match(/<th scope="row">(\d+)<\/th>/g)).toEqual(
      [13, 14, 15, 16, 17].map((n) => `<th scope="row">${n}</th>`),
    );
    // 2 years × 12 answers, 2 totals, 6 items, title/author/date: each with its pointer and original value.
    expect(html.match(/data-kind="answer"/g)).toHaveLength(24);
    expect(html).toContain(
      'aria-label="2022 Q4" data-path="/scoreTables/0/rows/1/answers/Q4" data-kind="answer" data-original="&quot;P&quot;"',
    );
    expect(html).toContain(`data-path="${TOTAL}" data-kind="number" data-original="4.33" value="4.33"`);
    expect(
      html.match(/<textarea id="field-\d+" rows="4" data-path="\/developmentLists\/0\/items\/\d\/text"/g),
    ).toHaveLength(6);
    expect(html).toMatch(/<label for="(field-\d+)">Author<\/label> <input id="\1"/);
    expect(html).toContain('<button type="button" id="approve"');
    // Open access: the reviewer must be named.
    expect(html).toContain('<input id="reviewer" name="reviewer" autocomplete="name" maxlength="200" required');
  });

  it('shows the score table as a grid coloured by answer, with changes between years and reported against computed totals', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
    const html = (await get(`/review/${record.id}`)).body;
    const row2022 = html.slice(
      html.indexOf('<tr data-year="2022">'),
      html.indexOf('</tr>', html.indexOf('<tr data-year="2022">')),
    );
    // The report's own changes 2021 → 2022: Q4, Q5, Q6 went from N to P.
    expect(row2022.match(/class="ans ans-P changed-year up"/g)).toHaveLength(3);
    expect(row2022).toContain('title="N in 2021, P in 2022"');
    expect(row2022.match(/class="ans ans-Y"/g)).toHaveLength(2);
    expect(row2022.match(/class="ans ans-N"/g)).toHaveLength(5);
    expect(row2022).toContain('<td class="total mismatch">');
    expect(row2022).toContain('<td class="computed mismatch">4.5</td>');
    const row2021 = html.slice(
      html.indexOf('<tr data-year="2021">'),
      html.indexOf('</tr>', html.indexOf('<tr data-year="2021">')),
    );
    expect(row2021).not.toContain('changed-year');
    expect(row2021).toContain('<td class="computed">3</td>');
  });

  it('says so when the kept file is gone, and still shows the record', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md', (r) =>
      provenanceOf(r, { [TOTAL]: { line: 15 } }),
    );
    await unlink(join(fx.dirs.data, 'archive', 'kazakhstan-2023.md'));
    const response = await get(`/review/${record.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('The lines of kazakhstan-2023.md cannot be shown: the file is no longer kept in');
    expect(response.body).toContain('<p class="source">Source: line 15.</p>');
    expect(response.body).toContain('<strong class="code">TOTAL_MISMATCH</strong>');
  });

  it('does not take a different file of the same name for the source', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md', (r) =>
      provenanceOf(r, { [TOTAL]: { line: 15 } }),
    );
    await copyFile(join(FIXTURES, 'vietnam-2023', 'report.md'), join(fx.dirs.data, 'archive', 'kazakhstan-2023.md'));
    const html = (await get(`/review/${record.id}`)).body;
    expect(html).toContain('cannot be shown');
    expect(html).not.toContain('<tr class="focus">');
  });

  it('shows a PDF value on its page with its box outlined and an enlarged crop, the page drawn once and then cached', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, KAZAKHSTAN_PDF, 'kazakhstan-2023.pdf', (r) =>
      provenanceOf(r, { [TOTAL]: { page: 1, box: KAZAKHSTAN_PDF_TOTAL_BOX } }),
    );
    const html = (await get(`/review/${record.id}`)).body;
    const pageUrl = `/review/${record.id}/pages/1.webp`;
    expect(html).toContain(`<figure class="page-source" data-box="${KAZAKHSTAN_PDF_TOTAL_BOX.join(',')}">`);
    expect(html).toContain(`<img src="${pageUrl}" alt="Page 1 of kazakhstan-2023.pdf"`);
    expect(html).toContain(
      `<div class="crop" role="img" aria-label="The value&#39;s place on page 1, enlarged" data-src="${pageUrl}">`,
    );

    const image = await get(pageUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(image.rawPayload.subarray(8, 12).toString('latin1')).toBe('WEBP');
    // Drawn once, then served from the cache folder.
    expect(await readdir(join(fx.dirs.data, 'page-images'))).toEqual([`${record.id}-1-1600.webp`]);
    expect((await get(pageUrl)).rawPayload.equals(image.rawPayload)).toBe(true);

    expect((await get(`/review/${record.id}/pages/9.webp`)).statusCode).toBe(404);
    expect((await get(`/review/${record.id}/pages/1.png`)).statusCode).toBe(404);
  }, 30_000);

  it('shows a photo or scan as its own page, never enlarged', async () => {
    // What the desk gets for an image once it is read: format "image", one frame, values placed on it.
    const record = await keptRecord(
      fx.store,
      fx.dirs.data,
      join(FIXTURES, '..', 'eval', 'scan-lowres-png-kazakhstan-2023', 'report.png'),
      'scan.png',
      (r) => {
        r.source = { ...r.source, format: 'image', pages: 1 };
        r.anomalies = [
          {
            code: 'LOW_CONFIDENCE',
            severity: 'warning',
            message: 'title read with confidence 0.5',
            path: '/report/title',
            found: 'Kazakhstan',
          },
        ];
        r.report.title = 'Kazakhstan';
        provenanceOf(r, { '/report/title': { page: 1, box: [0.1, 0.1, 0.4, 0.15], confidence: 0.5 } });
      },
    );
    const html = (await get(`/review/${record.id}`)).body;
    expect(html).toContain(`<img src="/review/${record.id}/pages/1.webp" alt="Page 1 of scan.png"`);
    const image = await get(`/review/${record.id}/pages/1.webp`);
    expect(image.headers['content-type']).toBe('image/webp');
    const picture = await loadImage(image.rawPayload);
    // The PNG is 612 × 792 pixels, under the 1600-pixel limit: drawn at its own size.
    expect([picture.width, picture.height]).toEqual([612, 792]);
  }, 30_000);

  it('does not draw a page of a file that is not a PDF or image', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
    const response = await get(`/review/${record.id}/pages/1.webp`);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('a markdown file has no pages to draw');
  });

  it('highlights a value read with low confidence and shows the confidence', async () => {
    const Q7 = '/scoreTables/0/rows/1/answers/Q7';
    const record = await keptRecord(fx.store, fx.dirs.data, KAZAKHSTAN_PDF, 'kazakhstan-2023.pdf', (r) => {
      provenanceOf(r, {
        [Q7]: { page: 1, box: [0.5, 0.3321, 0.52, 0.346], confidence: 0.41 },
        [TOTAL]: { page: 1, box: KAZAKHSTAN_PDF_TOTAL_BOX, confidence: 0.97 },
      });
      r.anomalies.push({
        code: 'LOW_CONFIDENCE',
        severity: 'warning',
        message: '2022 Q7 was read with confidence 0.41',
        path: Q7,
        found: 'P',
      });
      r.status = 'needs_review';
    });
    const html = (await get(`/review/${record.id}`)).body;
    const anomaly = html.slice(
      html.indexOf('data-code="LOW_CONFIDENCE"'),
      html.indexOf('</li>', html.indexOf('data-code="LOW_CONFIDENCE"')),
    );
    expect(anomaly).toContain(
      '<dt>Confidence</dt><dd><span class="confidence low" title="how sure the text recognition was">41 %</span></dd>',
    );
    expect(anomaly).toContain('<div class="crop"');
    expect(html).toMatch(
      /<td class="ans ans-P low-confidence" title="confidence 41 %"><select id="field-\d+" aria-label="2022 Q7"/,
    );
    // A confident value shows its confidence without the highlight.
    const mismatch = html.slice(
      html.indexOf('data-code="TOTAL_MISMATCH"'),
      html.indexOf('</li>', html.indexOf('data-code="TOTAL_MISMATCH"')),
    );
    expect(mismatch).toContain('<span class="confidence" title="how sure the text recognition was">97 %</span>');
  });

  it('shows the source of a row-level anomaly through the row’s own values, and lists of cells as cells', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md', (r) => {
      provenanceOf(r, { '/scoreTables/0/rows/0/year': { line: 14 } });
      r.anomalies.push({
        code: 'ROW_SHAPE',
        severity: 'warning',
        message: 'row 2021 has 13 cells',
        path: '/scoreTables/0/rows/0',
        found: ['2021', 'N', 'Y'],
      });
    });
    const html = (await get(`/review/${record.id}`)).body;
    const anomaly = html.slice(
      html.indexOf('data-code="ROW_SHAPE"'),
      html.indexOf('</li>', html.indexOf('data-code="ROW_SHAPE"')),
    );
    expect(anomaly).toContain('<figcaption>Source: line 14</figcaption>');
    expect(anomaly).toContain(
      '<dt>Found</dt><dd><code class="cell">2021</code> <code class="cell">N</code> <code class="cell">Y</code></dd>',
    );
  });

  it('escapes what the document says', async () => {
    const record = await keptRecord(fx.store, fx.dirs.data, SAMPLE, 'kazakhstan-2023.md');
    const hostile = {
      ...record,
      report: { ...record.report, title: '<script>alert(1)</script>', author: '" onfocus="x' },
    };
    await fx.store.save(hostile);
    const html = (await get(`/review/${record.id}`)).body;
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('value="&quot; onfocus=&quot;x"');
  });

  it('answers 404 for an unknown record and serves its script and style', async () => {
    expect((await get(`/review/${'0'.repeat(64)}`)).statusCode).toBe(404);
    expect((await get('/review/nonsense')).statusCode).toBe(404);
    const script = await get('/review/assets/desk.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Compiled, never run: the served script must at least parse.
    // oxlint-disable-next-line typescript/no-implied-eval
    expect(() => new Function(script.body)).not.toThrow();
    expect((await get('/review/assets/desk.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });
});
