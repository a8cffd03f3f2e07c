-- Released report records, one row per record id, and their score answers,
-- one row per (table, year, question), so answers can be queried with plain SQL.
CREATE TABLE report_records (
  id            text PRIMARY KEY,
  country_iso3  text,
  report_date   date,
  status        text,
  record        jsonb NOT NULL,
  -- First release of this id.
  received_at   timestamptz,
  -- Release time of the revision now stored; an older revision arriving late never overwrites a newer one.
  updated_at    timestamptz
);

CREATE INDEX report_records_country_date ON report_records (country_iso3, report_date);

CREATE TABLE score_answers (
  record_id    text REFERENCES report_records ON DELETE CASCADE,
  table_index  int,
  subject      text,
  year         int,
  question     text,
  answer       text NULL,
  PRIMARY KEY (record_id, table_index, year, question)
);
