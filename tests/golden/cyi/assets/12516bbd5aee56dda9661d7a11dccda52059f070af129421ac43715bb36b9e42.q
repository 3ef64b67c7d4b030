-- Appends one day's uploads to the database's transactions table (Hive 3, Glue Data Catalog).
--
--   hive-script --run-hive-script --args -f append_partition.q -d DATABASE=<db>
--     -d INPUT=s3://<landing>/<db>/<YYYY-MM-DD>/ -d PARTITION_DATE=<YYYY-MM-DD> -d WAREHOUSE=s3://<warehouse>/
--
-- The day's files under ${INPUT}: CSV, comma-separated, a header line, UTF-8, one transaction a line:
--   transaction_id, account_id, booked_at (yyyy-MM-dd HH:mm:ss, UTC), amount (e.g. -12.50), currency
--   (ISO 4217), channel (e.g. card, transfer).
-- The large table ${DATABASE}.transactions: Parquet, partitioned by dt (the day, YYYY-MM-DD), under
-- ${WAREHOUSE}${DATABASE}.db/transactions/. It is EXTERNAL: dropping it would never delete the data.
--
-- A relaunch from a failed step runs this script again: the day's partition is written with
-- INSERT OVERWRITE, so a re-run replaces it instead of appending the rows twice.

CREATE DATABASE IF NOT EXISTS ${DATABASE} LOCATION '${WAREHOUSE}${DATABASE}.db/';

CREATE EXTERNAL TABLE IF NOT EXISTS ${DATABASE}.transactions (
  transaction_id STRING,
  account_id     STRING,
  booked_at      TIMESTAMP,
  amount         DECIMAL(18,2),
  currency       STRING,
  channel        STRING)
PARTITIONED BY (dt STRING)
STORED AS PARQUET
LOCATION '${WAREHOUSE}${DATABASE}.db/transactions/';

-- Session-only (TEMPORARY): never in the catalog, so runs for other databases or days cannot collide.
CREATE TEMPORARY EXTERNAL TABLE incoming_day (
  transaction_id STRING,
  account_id     STRING,
  booked_at      STRING,
  amount         STRING,
  currency       STRING,
  channel        STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
STORED AS TEXTFILE
LOCATION '${INPUT}'
TBLPROPERTIES ('skip.header.line.count'='1');

INSERT OVERWRITE TABLE ${DATABASE}.transactions PARTITION (dt='${PARTITION_DATE}')
SELECT transaction_id,
       account_id,
       CAST(booked_at AS TIMESTAMP),
       CAST(amount AS DECIMAL(18,2)),
       upper(currency),
       channel
FROM incoming_day
-- Blank lines (a trailing newline) carry no transaction.
WHERE transaction_id IS NOT NULL AND transaction_id <> '';

DROP TABLE IF EXISTS incoming_day;
