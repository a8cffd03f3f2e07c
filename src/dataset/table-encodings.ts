import { stringify } from 'csv-stringify/sync';
import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import type { DatasetFormat } from './dataset-formats.js';
import type { Column, DatasetTable } from './dataset-tables.js';

const UTF8 = new TextEncoder();

/** The same table in each format: one header, the same columns in the same order, nulls as nulls. */
export function bytesFromTable(table: DatasetTable, format: DatasetFormat): Uint8Array {
  if (format === 'csv') return UTF8.encode(csvFromTable(table));
  if (format === 'jsonl') return UTF8.encode(jsonlFromTable(table));
  return parquetFromTable(table);
}

/** RFC 4180: a header line, CRLF, a null as an empty field and an empty text as `""`. */
export function csvFromTable(table: DatasetTable): string {
  return stringify([table.columns.map((c) => c.name), ...table.rows], {
    record_delimiter: 'windows',
    // Only a real empty text is quoted: DuckDB, pandas and spreadsheets read a bare empty field as null.
    cast: { string: (value) => (value === '' ? { value, quoted_empty: true } : value) },
  });
}

/** One JSON object per line, members in column order. */
export function jsonlFromTable(table: DatasetTable): string {
  const names = table.columns.map((c) => c.name);
  let out = '';
  for (const row of table.rows) {
    const object: Record<string, unknown> = {};
    names.forEach((name, i) => (object[name] = row[i] ?? null));
    out += `${JSON.stringify(object)}\n`;
  }
  return out;
}

/**
 * Parquet with typed columns (text, 32-bit integers, doubles, dates), every column
 * nullable, Snappy-compressed, one row group: what DuckDB, pandas and Spark read as is.
 */
export function parquetFromTable(table: DatasetTable): Uint8Array {
  const columnData: ColumnSource[] = table.columns.map((column, i) => ({
    name: column.name,
    data: table.rows.map((row) => valueForParquet(column, row[i] ?? null)),
  }));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: table.columns.length },
    ...table.columns.map(schemaElementOf),
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'reportflow' }));
}

function schemaElementOf(column: Column): SchemaElement {
  const base = { name: column.name, repetition_type: 'OPTIONAL' } as const;
  switch (column.type) {
    case 'string':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'int':
      return { ...base, type: 'INT32' };
    case 'double':
      return { ...base, type: 'DOUBLE' };
    case 'date':
      return { ...base, type: 'INT32', converted_type: 'DATE' };
  }
}

function valueForParquet(column: Column, cell: string | number | null): unknown {
  if (cell === null) return null;
  // Dates travel as ISO text (YYYY-MM-DD); the writer stores days since 1970 from a Date.
  if (column.type === 'date') return new Date(`${cell}T00:00:00Z`);
  return cell;
}
