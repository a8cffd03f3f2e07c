/** The export formats and shapes, apart from their encoders so that a command can name them without loading those. */
export type DatasetFormat = 'csv' | 'jsonl' | 'parquet';
export const DATASET_FORMATS: readonly DatasetFormat[] = ['csv', 'jsonl', 'parquet'];

export const MEDIA_TYPES: Readonly<Record<DatasetFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

export type DatasetShape = 'long' | 'wide';
export const DATASET_SHAPES: readonly DatasetShape[] = ['long', 'wide'];
