import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { authorOrDateFromLine, isNameLike } from '../../src/core/header-lines.js';
import { reportHeaderFromBlocks } from '../../src/core/report-header.js';
import type { Anomaly } from '../../src/record/types.js';
import { ENGLISH } from '../support/profiles.js';

const h = (level: number, text: string): Block => ({ kind: 'heading', level, text, spans: [{ text }], source: {} });
const p = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: {} });
const b = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text, bold: true }], source: {} });
const table = (): Block => ({ kind: 'table', rows: [['Year', 'Q1']], headerRows: 1, source: {} });

function header(blocks: Block[]) {
  const anomalies: Anomaly[] = [];
  const result = reportHeaderFromBlocks(blocks, anomalies, ENGLISH);
  return { ...result.report, bodyStart: result.bodyStart, codes: anomalies.map((a) => a.code) };
}

const KZ = { name: 'Kazakhstan', iso2: 'KZ', iso3: 'KAZ' };

describe('reportHeaderFromBlocks', () => {
  it('reads the Markdown sample header', () => {
    expect(header([h(1, 'Kazakhstan'), h(2, 'Aziz Soltobaev'), p('23.03.23'), h(1, 'Changes in key metrics')])).toEqual(
      {
        title: 'Kazakhstan',
        country: KZ,
        author: 'Aziz Soltobaev',
        date: '2023-03-23',
        dateText: '23.03.23',
        bodyStart: 3,
        codes: [],
      },
    );
  });

  it('reads labelled lines in either order', () => {
    expect(
      header([h(1, 'Kazakhstan'), p('Date: 5 April 2023'), p('Author: Aziz Soltobaev'), h(1, 'Changes')]),
    ).toMatchObject({
      author: 'Aziz Soltobaev',
      date: '2023-04-05',
      dateText: '5 April 2023',
      bodyStart: 3,
    });
    expect(header([p('Kazakhstan'), p('By Aziz Soltobaev'), h(1, 'Changes')])).toMatchObject({
      title: 'Kazakhstan',
      author: 'Aziz Soltobaev',
      date: null,
      codes: ['MISSING_DATE'],
    });
  });

  it('reads title, author and date from one paragraph with line breaks', () => {
    expect(header([p('Kazakhstan\nAziz Soltobaev\n23.03.23'), b('Changes in key metrics')])).toMatchObject({
      title: 'Kazakhstan',
      author: 'Aziz Soltobaev',
      date: '2023-03-23',
      bodyStart: 1,
    });
  });

  it('reads bold lines as title and author', () => {
    expect(
      header([
        b('Kazakhstan'),
        b('Aziz Soltobaev'),
        p('Date: 23/03/2023'),
        b('Changes in key metrics'),
        b('Kazakhstan'),
        table(),
      ]),
    ).toMatchObject({
      title: 'Kazakhstan',
      author: 'Aziz Soltobaev',
      date: '2023-03-23',
      bodyStart: 3,
    });
  });

  it('takes no section heading for the author', () => {
    expect(header([h(1, 'Kazakhstan'), h(1, 'Key Developments'), table()])).toMatchObject({
      author: null,
      bodyStart: 1,
    });
    expect(header([b('Kazakhstan'), b('Changes in key metrics'), b('Kazakhstan'), table()])).toMatchObject({
      author: null,
      bodyStart: 1,
    });
    expect(header([h(1, 'Kazakhstan'), p('23.03.23'), h(1, 'Changes in key metrics')])).toMatchObject({
      author: null,
      date: '2023-03-23',
      bodyStart: 2,
    });
  });

  it('reads labelled lines even when a layout guess made them headings as high as the title', () => {
    expect(
      header([
        h(1, 'Kenya'),
        h(1, 'Author: Wanjiru Mwangi'),
        h(1, 'Date: May 12, 2023'),
        h(1, 'Changes in key metrics'),
      ]),
    ).toMatchObject({
      author: 'Wanjiru Mwangi',
      date: '2023-05-12',
      dateText: 'May 12, 2023',
      bodyStart: 3,
    });
  });

  it('reads front matter turned into labelled lines', () => {
    expect(
      header([
        p('Title: Kazakhstan'),
        p('Author: Aziz Soltobaev'),
        p('Date: 2023-03-23'),
        p('Lang: en'),
        h(1, 'Changes in key metrics'),
      ]),
    ).toEqual({
      title: 'Kazakhstan',
      country: KZ,
      author: 'Aziz Soltobaev',
      date: '2023-03-23',
      dateText: '2023-03-23',
      bodyStart: 4,
      codes: [],
    });
    expect(
      header([
        p('Title: Kazakhstan'),
        p('Date: 23.03.23'),
        h(1, 'Kazakhstan'),
        h(2, 'Aziz Soltobaev'),
        h(1, 'Changes in key metrics'),
      ]),
    ).toMatchObject({
      title: 'Kazakhstan',
      author: 'Aziz Soltobaev',
      date: '2023-03-23',
      bodyStart: 4,
    });
  });

  it('steps over a subtitle before labelled lines', () => {
    expect(
      header([
        h(1, 'Kazakhstan'),
        p('Country report on AI policy'),
        p('Author: Aziz Soltobaev'),
        p('Date: 23.03.23'),
        h(1, 'Changes'),
      ]),
    ).toMatchObject({
      title: 'Kazakhstan',
      author: 'Aziz Soltobaev',
      date: '2023-03-23',
      bodyStart: 4,
    });
    expect(
      header([h(1, 'Kazakhstan'), p('Country report on AI policy'), h(1, 'Changes'), p('Date: 23.03.23')]),
    ).toMatchObject({ date: null, bodyStart: 1 });
  });

  it('takes the first heading for the title over a running header above it', () => {
    expect(
      header([
        p('Georgia 2023'),
        h(1, 'Georgia'),
        h(3, 'Nino Beridze'),
        p('3 March 2023'),
        h(2, 'Changes in key metrics'),
      ]),
    ).toMatchObject({
      title: 'Georgia',
      author: 'Nino Beridze',
      date: '2023-03-03',
      bodyStart: 4,
    });
    expect(
      header([p('AI Policy Observatory'), b('Kenya'), p('Date: 5 April 2023'), b('Changes in key metrics')]),
    ).toMatchObject({ title: 'Kenya', bodyStart: 3 });
  });

  it('takes a plain first line for the title when the first heading comes after the author or date', () => {
    expect(header([p('Kazakhstan'), p('Aziz Soltobaev'), p('23.03.23'), h(1, 'Changes in key metrics')])).toMatchObject(
      { title: 'Kazakhstan', author: 'Aziz Soltobaev', bodyStart: 3 },
    );
    expect(header([p('Kazakhstan'), h(1, 'Changes in key metrics'), table()])).toMatchObject({
      title: 'Kazakhstan',
      bodyStart: 1,
    });
  });

  it('takes no prose for an author', () => {
    expect(header([h(1, 'Kenya'), p('By the end of 2023 the plan was adopted'), h(1, 'Changes')])).toMatchObject({
      author: null,
      bodyStart: 1,
    });
  });

  it('reports a date line that is no date', () => {
    const anomalies: Anomaly[] = [];
    const result = reportHeaderFromBlocks([h(1, 'Kazakhstan'), p('Aziz Soltobaev'), p('31.02.23')], anomalies, ENGLISH);
    expect(result.report).toMatchObject({ date: null, dateText: '31.02.23' });
    expect(anomalies).toEqual([
      {
        code: 'UNPARSEABLE_DATE',
        severity: 'warning',
        message: '31.02.23 is not a date',
        path: '/report/date',
        found: '31.02.23',
      },
    ]);
    expect(header([h(1, 'Kazakhstan'), p('Date: sometime in spring')])).toMatchObject({
      date: null,
      dateText: 'sometime in spring',
      codes: ['UNPARSEABLE_DATE'],
    });
  });

  it('keeps the title as printed and finds the country inside it', () => {
    expect(header([h(1, 'Country report: Kenya'), h(1, 'Changes')])).toMatchObject({
      title: 'Country report: Kenya',
      country: { name: 'Kenya', iso2: 'KE', iso3: 'KEN' },
    });
    expect(header([h(1, 'AI Policy Review'), h(1, 'Changes')])).toMatchObject({
      country: null,
      codes: ['UNKNOWN_COUNTRY', 'MISSING_DATE'],
    });
  });

  it('reports no title on a document without text before its first table', () => {
    expect(header([table()])).toMatchObject({ title: null, country: null, bodyStart: 0, codes: ['MISSING_DATE'] });
  });
});

describe('authorOrDateFromLine', () => {
  it.each([
    ['Aziz Soltobaev', { author: 'Aziz Soltobaev' }],
    ['Author: Aziz Soltobaev', { author: 'Aziz Soltobaev' }],
    ['Authors: A. Soltobaev and J. Doe', { author: 'A. Soltobaev and J. Doe' }],
    ['by Aziz Soltobaev', { author: 'Aziz Soltobaev' }],
    ['Author: Aziz Soltobaev (Digital Policy Institute)', { author: 'Aziz Soltobaev' }],
    ['Aziz Soltobaev (Digital Policy Institute)', { author: 'Aziz Soltobaev' }],
    ['Aziz Soltobaev, Digital Policy Institute', { author: 'Aziz Soltobaev' }],
    ['Authors: A. Soltobaev, J. Doe', { author: 'A. Soltobaev, J. Doe' }],
    ['Date: 23.03.23', { dateText: '23.03.23', date: { kind: 'date', iso: '2023-03-23' } }],
    ['Dated 5 April 2023', { dateText: '5 April 2023', date: { kind: 'date', iso: '2023-04-05' } }],
    ['April 5, 2023', { dateText: 'April 5, 2023', date: { kind: 'date', iso: '2023-04-05' } }],
    [
      'Aziz Soltobaev, 23.03.23',
      { author: 'Aziz Soltobaev', dateText: '23.03.23', date: { kind: 'date', iso: '2023-03-23' } },
    ],
    ['Almaty, 23.03.2023', { dateText: '23.03.2023', date: { kind: 'date', iso: '2023-03-23' } }],
    [
      'Aziz Soltobaev | 5 April 2023',
      { author: 'Aziz Soltobaev', dateText: '5 April 2023', date: { kind: 'date', iso: '2023-04-05' } },
    ],
    [
      'Tuesday, 12 September 2023',
      { dateText: 'Tuesday, 12 September 2023', date: { kind: 'date', iso: '2023-09-12' } },
    ],
    [
      'Date: Tuesday, 12 September 2023',
      { dateText: 'Tuesday, 12 September 2023', date: { kind: 'date', iso: '2023-09-12' } },
    ],
    ['Tue. 12 Sept 2023', { dateText: 'Tue. 12 Sept 2023', date: { kind: 'date', iso: '2023-09-12' } }],
    [
      'Jane Doe, Tuesday, 12 September 2023',
      { author: 'Jane Doe', dateText: 'Tuesday, 12 September 2023', date: { kind: 'date', iso: '2023-09-12' } },
    ],
  ])('%s', (line, reading) => {
    expect(authorOrDateFromLine(line, ENGLISH)).toEqual(reading);
  });

  it.each([
    'Changes in key metrics',
    'Kazakhstan started implementing measures',
    'Most Important Developments',
    'Date of birth is unknown',
  ])('%s is neither', (line) => {
    expect(authorOrDateFromLine(line, ENGLISH)).toBeNull();
  });
});

describe('isNameLike', () => {
  it.each(['Aziz Soltobaev', 'Dr. Jane van der Berg', 'Jean-Luc Picard', 'A. Soltobaev'])('%s is a name', (text) => {
    expect(isNameLike(text, ENGLISH)).toBe(true);
  });
  it.each([
    'Kazakhstan',
    'Key Developments',
    'Artificial Intelligence Policy',
    'The ministry approved a plan',
    'Q1 2023',
  ])('%s is not', (text) => {
    expect(isNameLike(text, ENGLISH)).toBe(false);
  });
});

describe('a title read by OCR a letter off a country name', () => {
  const recognisedHeading = (text: string): Block => ({ ...h(1, text), source: { page: 1, confidence: 0.9 } });

  it('names the country, as a repair, only where the title was recognised', () => {
    const anomalies: Anomaly[] = [];
    const read = reportHeaderFromBlocks([recognisedHeading('Tirkiye'), p('Elif Yilmaz')], anomalies, ENGLISH);
    expect(read.report.title).toBe('Tirkiye');
    expect(read.report.country?.iso2).toBe('TR');
    expect(read.repaired).toEqual(['/report/country']);
    expect(anomalies.map((a) => a.code)).not.toContain('UNKNOWN_COUNTRY');
    expect(header([h(1, 'Tirkiye'), p('Elif Yilmaz')])).toMatchObject({
      country: null,
      codes: ['UNKNOWN_COUNTRY', 'MISSING_DATE'],
    });
  });
});
