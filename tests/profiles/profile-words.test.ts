import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/blocks/model.js';
import { answerFromCell } from '../../src/core/answers.js';
import { dateFromText } from '../../src/core/dates.js';
import { authorOrDateFromLine } from '../../src/core/header-lines.js';
import { profileChoiceFromBlocks } from '../../src/core/profile-choice.js';
import { readingsFromProfiles } from '../../src/core/reading.js';
import { metricNameFromHeader } from '../../src/core/score-cells.js';
import { totalFromCell } from '../../src/core/totals.js';
import { ProfileError, profileProblems, profilesFromDir, shippedProfiles } from '../../src/profiles/load-profiles.js';
import { ConfigError, loadExtractConfig } from '../../src/service/config.js';
import { ENGLISH, readingIn } from '../support/profiles.js';

const es = readingIn('es');
const fr = readingIn('fr');
const pt = readingIn('pt');

describe('the shipped caidp-aidv profile', () => {
  it('is valid against the profile schema', () => {
    for (const profile of shippedProfiles()) expect(profileProblems(profile)).toEqual([]);
  });

  it.each([
    [es, '12 de abril de 2024', '2024-04-12'],
    [es, 'martes, 9 de enero del 2024', '2024-01-09'],
    [es, '1.º de marzo de 2023', '2023-03-01'],
    [fr, '1er février 2024', '2024-02-01'],
    [fr, 'le 3 août 2023', '2023-08-03'],
    [fr, 'mardi 12 mars 2024', '2024-03-12'],
    [pt, '12 de abril de 2024', '2024-04-12'],
    [pt, 'terça-feira, 5 de março de 2024', '2024-03-05'],
    [pt, '05/03/2024', '2024-03-05'],
  ])('reads a date written in its language', (reading, text, iso) => {
    expect(dateFromText(text, reading.dates)).toEqual({ kind: 'date', iso });
  });

  it("does not read another language's month in English, and knows a month without a day is no date", () => {
    expect(dateFromText('12 de abril de 2024', ENGLISH.dates)).toEqual({ kind: 'none' });
    expect(dateFromText('abril de 2024', es.dates)).toEqual({ kind: 'invalid' });
    expect(dateFromText('31 de febrero de 2024', es.dates)).toEqual({ kind: 'invalid' });
  });

  it('reads labelled author and date lines', () => {
    expect(authorOrDateFromLine('Autora: María José Pérez', es)).toEqual({ author: 'María José Pérez' });
    expect(authorOrDateFromLine('Fecha: 12 de abril de 2024', es)).toEqual({
      dateText: '12 de abril de 2024',
      date: { kind: 'date', iso: '2024-04-12' },
    });
    expect(authorOrDateFromLine('Auteur : Jean-Luc Moreau', fr)).toEqual({ author: 'Jean-Luc Moreau' });
    // The article before a French date is not part of the date as written.
    expect(authorOrDateFromLine('Bruxelles, le 14 mars 2023', fr)).toEqual({
      dateText: '14 mars 2023',
      date: { kind: 'date', iso: '2023-03-14' },
    });
    expect(authorOrDateFromLine('Data: 1 de julho de 2023', pt)).toEqual({
      dateText: '1 de julho de 2023',
      date: { kind: 'date', iso: '2023-07-01' },
    });
    expect(authorOrDateFromLine('João da Silva e Maria Costa', pt)).toEqual({ author: 'João da Silva e Maria Costa' });
    // A country's name is not a person's, even as two capitalised words.
    expect(authorOrDateFromLine('Cabo Verde — relatório 2024', pt)).toBeNull();
    expect(authorOrDateFromLine('Costa Rica', es)).toBeNull();
    // A heading of the language is not a person.
    expect(authorOrDateFromLine('Desarrollos Más Importantes', es)).toBeNull();
  });

  it('maps answer words to Y, P and N, P meaning partly also where questions are printed P1', () => {
    expect(['Sí', 'si', 'S', 'Parcial', 'P', 'No', 'N'].map((c) => answerFromCell(c, es))).toEqual(
      ['Y', 'Y', 'Y', 'P', 'P', 'N', 'N'].map((answer) => ({ kind: 'answer', answer, mark: null })),
    );
    expect(
      ['Oui', 'Partiel', 'partiellement', 'Non', '✓'].map(
        (c) => answerFromCell(c, fr).kind === 'answer' && answerFromCell(c, fr),
      ),
    ).toEqual(['Y', 'P', 'P', 'N', 'Y'].map((answer) => ({ kind: 'answer', answer, mark: null })));
    expect(answerFromCell('Não¹', pt)).toEqual({ kind: 'answer', answer: 'N', mark: '¹' });
    expect(answerFromCell('n/d', pt)).toEqual({ kind: 'missing', mark: null });
    // A word broken over two lines of a narrow PDF cell.
    expect(answerFromCell('Parci al', es)).toEqual({ kind: 'answer', answer: 'P', mark: null });
    expect(answerFromCell('Parti elle ment', fr)).toEqual({ kind: 'answer', answer: 'P', mark: null });
    // English has no "S" and no "Sí".
    expect(answerFromCell('Sí', ENGLISH)).toEqual({ kind: 'unknown', mark: null });
    expect(metricNameFromHeader('P7', pt)).toBe('Q7');
    expect(metricNameFromHeader('Pregunta 12', es)).toBe('Q12');
    expect(metricNameFromHeader('P7', ENGLISH)).toBeNull();
  });

  it("keeps the hyphen of the language's compounds at a line end and joins words split there", async () => {
    const markdown =
      '# Brasil\n\nData: 3 de maio de 2024\n\n# Desenvolvimentos mais importantes\n\n1. O Ministério comprometeu-\nse a publicar um projeto-\npiloto com metas de desenvol-\nvimento claras.\n';
    const { recordFromBytes } = await import('../../src/parse-report.js');
    const record = await recordFromBytes(new TextEncoder().encode(markdown), 'brasil.md');
    expect(record.report.language).toBe('pt');
    expect(record.developmentLists[0]!.items[0]!.text).toBe(
      'O Ministério comprometeu-se a publicar um projeto-piloto com metas de desenvolvimento claras.',
    );
  });

  it('reads totals with the language\'s units and "out of" word', () => {
    expect(totalFromCell('4,5 puntos', es).total).toBe(4.5);
    expect(totalFromCell('4,5 sur 12', fr).total).toBe(4.5);
    expect(totalFromCell('7 pontos', pt).total).toBe(7);
  });
});

describe('choosing the profile and language', () => {
  const readings = readingsFromProfiles(shippedProfiles());
  const p = (text: string): Block => ({ kind: 'paragraph', text, spans: [{ text }], source: {} });
  const table = (rows: string[][]): Block => ({ kind: 'table', rows, source: {} });
  const chosen = (blocks: Block[]) => profileChoiceFromBlocks(blocks, readings).reading.language;

  it('goes by the words of the table and the text', () => {
    const header = ['Year', 'Q1', 'Q2', 'Total'];
    expect(chosen([p('The ministry published the strategy.'), table([header, ['2022', 'Y', 'N', '1']])])).toBe('en');
    expect(
      chosen([
        p('El ministerio publicó la estrategia.'),
        table([
          ['Año', 'P1', 'P2', 'Total'],
          ['2022', 'Sí', 'No', '1'],
        ]),
      ]),
    ).toBe('es');
    expect(
      chosen([
        p('O ministério publicou a estratégia.'),
        table([
          ['Ano', 'P1', 'P2', 'Total'],
          ['2022', 'S', 'N', '1'],
        ]),
      ]),
    ).toBe('pt');
    expect(
      chosen([
        p('Le ministère a publié la stratégie.'),
        table([
          ['Année', 'Q1', 'Q2', 'Total'],
          ['2022', 'Oui', 'Non', '1'],
        ]),
      ]),
    ).toBe('fr');
  });

  it('reads a report written in Spanish on the English template table as Spanish, its answers all the same', async () => {
    const markdown = [
      '# Bolivia',
      '',
      'Autor: Luis Arce Quispe',
      '',
      'Fecha: 3 de mayo de 2024',
      '',
      '# Cambios en las métricas clave',
      '',
      'Year\tQ1\tQ2\tQ3\tTotal',
      '2023\tY\tP\tN\t1.5',
      '',
      'El gobierno presentó una agenda digital que incluye la inteligencia artificial en los servicios públicos.',
      '',
      '# Desarrollos más importantes',
      '',
      '1. La Agencia de Gobierno Electrónico publicó una guía para el uso de algoritmos en las instituciones del Estado.',
      '',
    ].join('\n');
    const { recordFromBytes } = await import('../../src/parse-report.js');
    const record = await recordFromBytes(new TextEncoder().encode(markdown), 'bolivia.md');
    expect([record.report.language, record.report.date, record.report.author]).toEqual([
      'es',
      '2024-05-03',
      'Luis Arce Quispe',
    ]);
    expect(record.scoreTables[0]!.rows[0]).toMatchObject({
      answers: { Q1: 'Y', Q2: 'P', Q3: 'N' },
      computedTotal: 1.5,
    });
    expect(record.anomalies).toEqual([]);
  });

  it('falls back to the first profile and language when nothing matches', () => {
    const choice = profileChoiceFromBlocks([p('12345')], readings);
    expect([choice.matched, choice.reading.profile.id, choice.reading.language]).toEqual([false, 'caidp-aidv', 'en']);
  });
});

describe('loading profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every problem of a bad profile file', () => {
    const bad = { ...shippedProfiles()[0]!, id: 'Bad Id', weights: { Y: 1, P: 'half', N: 0 } };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    let error: unknown;
    try {
      profilesFromDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const problems = (error as ProfileError).problems.join('\n');
    expect(problems).toContain('bad.json: /id: must match pattern');
    expect(problems).toContain('bad.json: /weights/P: must be number');
    expect(problems).toContain('broken.json:');
  });

  it('takes REPORTFLOW_PROFILES_DIR and checks REPORTFLOW_PROFILE against it', () => {
    writeFileSync(join(dir, 'only.json'), JSON.stringify({ ...shippedProfiles()[0]!, id: 'only-one' }));
    rmSync(join(dir, 'bad.json'));
    rmSync(join(dir, 'broken.json'));
    const options = loadExtractConfig({ REPORTFLOW_PROFILES_DIR: dir, REPORTFLOW_PROFILE: 'only-one/pt' });
    expect([options.profiles.map((p) => p.id), options.profile]).toEqual([['only-one'], 'only-one/pt']);
    expect(() => loadExtractConfig({ REPORTFLOW_PROFILES_DIR: dir, REPORTFLOW_PROFILE: 'only-one/de' })).toThrow(
      ConfigError,
    );
    expect(() => loadExtractConfig({ REPORTFLOW_PROFILE: 'caidp-aidv/de' })).toThrow(/has no language de/);
  });
});
