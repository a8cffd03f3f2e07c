import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/profile.js';
import { recordFromBytes } from '../../src/parse-report.js';
import { profileProblems, shippedProfiles } from '../../src/profiles/load-profiles.js';
import { contractErrors } from '../../src/record/validate-record.js';

/**
 * A scorecard that does not exist anywhere else: eight criteria printed K1 … K8 in a
 * German report, answered Ja / Teilweise / Nein, two points for a yes. Written here as
 * data, it must read a report made for it with no change to the code.
 */
const civicIndex: Profile = {
  id: 'civic-tech-index',
  name: 'Civic technology index (test scorecard)',
  questions: { count: 8, id: 'C{n}' },
  weights: { Y: 2, P: 1, N: 0 },
  totalTolerance: 0.5,
  symbols: { Y: ['✓'], N: ['✗'], missing: ['-', '—'] },
  languages: {
    de: {
      questionLabels: ['K{n}', 'Kriterium {n}'],
      answers: { Y: ['ja', 'j'], P: ['teilweise', 't'], N: ['nein', 'n'], missing: ['k. a.'] },
      yearHeaders: ['jahr'],
      totalHeaders: ['summe', 'gesamt'],
      totalUnits: ['punkte'],
      outOf: ['von'],
      headings: { scores: ['Bewertung'], developments: ['Wichtigste Entwicklungen'], subjects: ['Inland', 'Ausland'] },
      labels: { author: ['autorin', 'autor', 'verfasst von'], date: ['datum', 'stand'], title: ['land'] },
      dates: {
        numeric: ['day-month-year'],
        written: ['day-month-year'],
        months: [
          ['januar', 'jan'],
          ['februar', 'feb'],
          ['märz', 'mär'],
          ['april', 'apr'],
          ['mai'],
          ['juni', 'jun'],
          ['juli', 'jul'],
          ['august', 'aug'],
          ['september', 'sep'],
          ['oktober', 'okt'],
          ['november', 'nov'],
          ['dezember', 'dez'],
        ],
        weekdays: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
        daySuffixes: ['.'],
      },
      nameParticles: ['von', 'zu', 'und'],
      notNameWords: ['bewertung', 'entwicklungen', 'wichtigste', 'inland', 'ausland'],
      commonWords: ['der', 'die', 'das', 'und', 'ist', 'mit', 'für', 'von', 'den', 'eine'],
    },
  },
};

const report = `# Österreich

Autorin: Anna Gruber

Datum: 3. März 2024

# Bewertung

| Jahr | K1 | K2 | K3 | K4 | K5 | K6 | K7 | K8 | Summe |
|---|---|---|---|---|---|---|---|---|---|
| 2022 | Ja | Nein | Teilweise | Nein | Ja | Nein | Nein | Teilweise | 6 Punkte |
| 2023 | Ja | Teilweise | Teilweise | Ja | Ja | — | Nein | Ja | 11 Punkte |

Die Bundesregierung hat die Strategie für künstliche Intelligenz überarbeitet.

# Wichtigste Entwicklungen

## Inland

1. Das Bundeskanzleramt richtete eine **Servicestelle für künstliche Intelligenz** bei der Regulierungsbehörde ein.
2. Der Nationalrat beschloss Regeln für den Einsatz von Algorithmen in der Verwaltung.

## Ausland

1. Österreich unterstützte die Einigung über die europäische Verordnung über künstliche Intelligenz.
`;

describe('a profile written for a scorecard that does not exist', () => {
  it('is a valid profile', () => {
    expect(profileProblems(civicIndex)).toEqual([]);
  });

  it('reads a report made for it, next to the shipped profiles', async () => {
    const record = await recordFromBytes(new TextEncoder().encode(report), 'oesterreich.md', {
      extract: { profiles: [...shippedProfiles(), civicIndex] },
    });
    expect(contractErrors(record)).toEqual([]);
    expect(record.report).toEqual({
      title: 'Österreich',
      country: { name: 'Austria', iso2: 'AT', iso3: 'AUT' },
      author: 'Anna Gruber',
      date: '2024-03-03',
      dateText: '3. März 2024',
      language: 'de',
      profile: 'civic-tech-index',
    });
    const table = record.scoreTables[0]!;
    expect(table.columns).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
    expect(table.rows).toEqual([
      {
        year: 2022,
        answers: { C1: 'Y', C2: 'N', C3: 'P', C4: 'N', C5: 'Y', C6: 'N', C7: 'N', C8: 'P' },
        reportedTotal: 6,
        computedTotal: 6,
      },
      // 2 + 1 + 1 + 2 + 2 + 0 + 0 + 2 = 10; 11 is more than 0.5 away.
      {
        year: 2023,
        answers: { C1: 'Y', C2: 'P', C3: 'P', C4: 'Y', C5: 'Y', C6: null, C7: 'N', C8: 'Y' },
        reportedTotal: 11,
        computedTotal: 10,
      },
    ]);
    expect(record.developmentLists.map((l) => [l.section, l.subject, l.items.length])).toEqual([
      ['Wichtigste Entwicklungen', 'Inland', 2],
      ['Wichtigste Entwicklungen', 'Ausland', 1],
    ]);
    expect(record.anomalies.map((a) => [a.code, a.path])).toEqual([
      ['MISSING_ANSWER', '/scoreTables/0/rows/1/answers/C6'],
      ['TOTAL_MISMATCH', '/scoreTables/0/rows/1/reportedTotal'],
    ]);
  });

  it('is not chosen for a report of the shipped scorecard', async () => {
    const english = '# Kenya\n\n23.03.2023\n\n# Changes in key metrics\n\nYear\tQ1\tQ2\tTotal\n2022\tY\tN\t1\n';
    const record = await recordFromBytes(new TextEncoder().encode(english), 'kenya.md', {
      extract: { profiles: [...shippedProfiles(), civicIndex] },
    });
    expect([record.report.profile, record.report.language]).toEqual(['caidp-aidv', 'en']);
    expect(record.scoreTables[0]!.columns).toEqual(['Q1', 'Q2']);
  });
});
