-- The daily products load (Hive 3): each product as it stands on the run's date, with its price.
--
--   hive-script --run-hive-script --args -f load_products.q -d RUN_DATE=<YYYY-MM-DD>
--
-- Reads the snapshots pdm_raw.products (product_id, name, category, status, updated_at) and
-- pdm_raw.prices (product_id, price, currency, valid_from), each partitioned by snapshot_date, and
-- writes the run's partition of pdm.products_daily, which publish_products.py publishes. Snapshots
-- may be full or incremental (the run's Snapshot_Type): the latest version of each product and
-- price up to the run's date is taken, so either kind gives the same result.

ALTER TABLE pdm_raw.products ADD IF NOT EXISTS PARTITION (snapshot_date='${RUN_DATE}');
ALTER TABLE pdm_raw.prices ADD IF NOT EXISTS PARTITION (snapshot_date='${RUN_DATE}');

CREATE TABLE IF NOT EXISTS pdm.products_daily (
  product_id STRING,
  name       STRING,
  category   STRING,
  price      DECIMAL(12,2),
  currency   STRING,
  updated_at TIMESTAMP)
PARTITIONED BY (run_date STRING)
STORED AS PARQUET;

-- INSERT OVERWRITE of the run's partition: a relaunched step replaces it.
INSERT OVERWRITE TABLE pdm.products_daily PARTITION (run_date='${RUN_DATE}')
SELECT p.product_id, p.name, p.category, pr.price, pr.currency, p.updated_at
FROM (
  SELECT product_id, name, category, status, updated_at,
         row_number() OVER (PARTITION BY product_id ORDER BY updated_at DESC, snapshot_date DESC) AS version
  FROM pdm_raw.products
  WHERE snapshot_date <= '${RUN_DATE}') p
LEFT JOIN (
  SELECT product_id, price, currency,
         row_number() OVER (PARTITION BY product_id ORDER BY valid_from DESC, snapshot_date DESC) AS version
  FROM pdm_raw.prices
  WHERE snapshot_date <= '${RUN_DATE}' AND valid_from <= '${RUN_DATE}') pr
  ON pr.product_id = p.product_id AND pr.version = 1
-- Discontinued products leave the data set.
WHERE p.version = 1 AND p.status <> 'discontinued';
