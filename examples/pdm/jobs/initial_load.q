-- The initial transactional load: one table in full, from its snapshot of the run's date (Hive 3).
--
--   hive-script --run-hive-script --args -f initial_load.q -d TABLE=<table> -d RUN_DATE=<YYYY-MM-DD>
--
-- TABLE is one of orders, order_lines, products, customers, prices. The snapshots are the external
-- tables pdm_raw.<table> (on the external metastore, each partitioned by snapshot_date and located
-- under s3://<Data>/snapshots/<table>/, where the exporter writes snapshot_date=<YYYY-MM-DD>/),
-- pdm.<table> is the transactional copy the daily runs read, one partition per loaded snapshot.
-- Both databases live in the persistent metastore with locations in the Data bucket: the step
-- knows no bucket, so it creates no database.

-- Refuse any other table before touching one: assert_true fails the query, and so the step.
SELECT assert_true('${TABLE}' IN ('orders', 'order_lines', 'products', 'customers', 'prices'));

-- The snapshot's directory, registered as a partition (a no-op when it already is).
ALTER TABLE pdm_raw.${TABLE} ADD IF NOT EXISTS PARTITION (snapshot_date='${RUN_DATE}');

CREATE TABLE IF NOT EXISTS pdm.${TABLE} LIKE pdm_raw.${TABLE};

-- Every column but the partition column, whatever the table (a quoted regular expression).
SET hive.support.quoted.identifiers=none;

-- INSERT OVERWRITE of the one partition: a relaunched step replaces it instead of doubling it.
INSERT OVERWRITE TABLE pdm.${TABLE} PARTITION (snapshot_date='${RUN_DATE}')
SELECT `(snapshot_date)?+.+` FROM pdm_raw.${TABLE} WHERE snapshot_date = '${RUN_DATE}';
