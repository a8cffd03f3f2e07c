import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryYearsFromReleased } from '../../src/dataset/country-years.js';
import type { DatasetShape } from '../../src/dataset/dataset-formats.js';
import { tableFromCountryYears, type DatasetTable } from '../../src/dataset/dataset-tables.js';
import { fixedScoring } from '../../src/dataset/index-scoring.js';
import { csvFromTable, jsonlFromTable, parquetFromTable } from '../../src/dataset/table-encodings.js';
import { releasedFixtures, sketchRecord } from './released-records.js';

const SMALL: DatasetTable = {
  columns: [
    { name: 'name', type: 'string' },
    { name: 'year', type: 'int' },
    { name: 'score', type: 'double' },
    { name: 'date', type: 'date' },
  ],
  rows: [
    ['Türkiye, "final"', 2023, 4.5, '2023-04-05'],
    ['', null, 0.25, null],
    [null, 2021, null, '2021-12-31'],
  ],
};

describe('CSV and JSON lines', () => {
  it('CSV: a header, CRLF lines, fields quoted when they need it, a null empty and an empty text as ""', () => {
    expect(csvFromTable(SMALL)).toBe(
      'name,year,score,date\r\n"Türkiye, ""final""",2023,4.5,2023-04-05\r\n"",,0.25,\r\n,2021,,2021-12-31\r\n',
    );
  });

  it('JSON lines: one object per row, members in column order, nulls kept', () => {
    expect(jsonlFromTable(SMALL)).toBe(
      '{"name":"Türkiye, \\"final\\"","year":2023,"score":4.5,"date":"2023-04-05"}\n' +
        '{"name":"","year":null,"score":0.25,"date":null}\n' +
        '{"name":null,"year":2021,"score":null,"date":"2021-12-31"}\n',
    );
  });
});

describe('Parquet read back by DuckDB', () => {
  let dir: string;
  let duck: DuckDBConnection;
  let instance: DuckDBInstance;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reportflow-parquet-'));
    instance = await DuckDBInstance.create(':memory:');
    duck = await instance.connect();
  });
  afterAll(async () => {
    duck?.closeSync();
    instance?.closeSync();
    await rm(dir, { recursive: true, force: true });
  });

  const released = [
    ...releasedFixtures(),
    // A file name that needs quoting in CSV, and a second Kazakhstan report so that other_report_ids is filled.
    sketchRecord({
      name: 'kazakhstan, "second look" – 2024.md',
      date: '2024-02-01',
      rows: [{ year: 2022, answers: 'NNYPPPYNPNYN', total: 5 }],
    }),
  ];
  const { countryYears } = countryYearsFromReleased(released);

  it.each(['long', 'wide'] as DatasetShape[])('%s: the same columns, types and rows as the CSV', async (shape) => {
    const table = tableFromCountryYears(shape, countryYears, fixedScoring({ Y: 1, P: 0.5, N: 0 }));
    expect(table.rows.length).toBeGreaterThan(shape === 'long' ? 400 : 40);
    const parquetPath = join(dir, `${shape}.parquet`);
    const csvPath = join(dir, `${shape}.csv`);
    await writeFile(parquetPath, parquetFromTable(table));
    await writeFile(csvPath, csvFromTable(table));

    const fromParquet = await duck.runAndReadAll(`SELECT * FROM read_parquet('${parquetPath}')`);
    const duckTypes = { string: 'VARCHAR', int: 'INTEGER', double: 'DOUBLE', date: 'DATE' } as const;
    expect(fromParquet.columnNames()).toEqual(table.columns.map((c) => c.name));
    expect(fromParquet.columnTypes().map(String)).toEqual(table.columns.map((c) => duckTypes[c.type]));

    // The CSV read with the Parquet file's own column types: the two must agree cell for cell.
    const columns = table.columns.map((c) => `'${c.name}': '${duckTypes[c.type]}'`).join(', ');
    const fromCsv = await duck.runAndReadAll(
      `SELECT * FROM read_csv('${csvPath}', header = true, columns = {${columns}}, allow_quoted_nulls = false)`,
    );
    expect(fromParquet.getRowsJson()).toEqual(fromCsv.getRowsJson());
    // And both are the table itself.
    expect(fromParquet.getRowsJson()).toEqual(table.rows);
  });
});
