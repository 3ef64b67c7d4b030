"""Publishes the run's products to the analytical data set and writes the run's metrics.

    spark-submit publish_products.py <YYYY-MM-DD> [s3://<bucket>/<metrics prefix>/]

Reads partition run_date=<date> of pdm.products_daily (written by load_products.q) through the
cluster's Hive metastore and overwrites the same partition of pdm_analytics.products, whose location
(the database's, in the metastore) is under the Data bucket's analytical-dataset/. Only that
partition is replaced (dynamic partition overwrite): a relaunched step rewrites the day and leaves
the other days alone.

With a metrics prefix, the run's metrics go to <prefix>publish_products.json for a scraper, whether
the run succeeds or fails: {"job", "run_date", "status" (SUCCEEDED or FAILED), "rows_read",
"rows_written", "started_at", "ended_at", "duration_seconds"[, "error"]}. run_metrics.py clears the
prefix at the start and at the end of a run. boto3 is on EMR's Python; it is imported only to write.
"""
import datetime
import json
import re
import sys
import time

JOB = "publish_products"
SOURCE = "pdm.products_daily"
TARGET = "pdm_analytics.products"
METRICS_PREFIX = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<prefix>(?:[^/]+/)+)$")
USAGE = "usage: publish_products.py <YYYY-MM-DD> [s3://<bucket>/<metrics prefix>/]"


class UsageError(ValueError):
    pass


def parse_args(argv):
    """(run date, metrics prefix or None), or UsageError."""
    if not 1 <= len(argv) <= 2:
        raise UsageError(f"expected a date and optionally a metrics prefix, got {len(argv)} arguments")
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", argv[0]):
            raise ValueError
        run_date = datetime.date.fromisoformat(argv[0])
    except ValueError:
        raise UsageError(f"run date {argv[0]!r} is not a date YYYY-MM-DD") from None
    metrics = argv[1] if len(argv) == 2 else None
    if metrics is not None and not METRICS_PREFIX.match(metrics):
        raise UsageError(f"metrics prefix {metrics!r} is not s3://<bucket>/<prefix>/ (a non-empty prefix ending in '/')")
    return run_date, metrics


def metrics_location(prefix):
    match = METRICS_PREFIX.match(prefix)
    return match["bucket"], f"{match['prefix']}{JOB}.json"


def metrics_document(run_date, started, ended, rows_read, rows_written, error=None):
    """The metrics of one run; started and ended are epoch seconds."""
    def iso(seconds):
        return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).isoformat(timespec="seconds")

    document = {"job": JOB, "run_date": run_date.isoformat(), "status": "FAILED" if error else "SUCCEEDED",
                "rows_read": rows_read, "rows_written": rows_written, "started_at": iso(started), "ended_at": iso(ended),
                "duration_seconds": round(ended - started, 3)}
    if error:
        document["error"] = error
    return document


def put_metrics(s3, prefix, document):
    bucket, key = metrics_location(prefix)
    s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(document, sort_keys=True).encode(), ContentType="application/json")
    return f"s3://{bucket}/{key}"


def publish(spark, run_date):
    """(rows read, rows written) of publishing the run's partition."""
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    products = spark.table(SOURCE).where(f"run_date = '{run_date.isoformat()}'")
    rows = products.count()
    # insertInto matches columns by position: the target has the source's columns, run_date last.
    products.select(*spark.table(TARGET).columns).write.insertInto(TARGET, overwrite=True)
    return rows, spark.table(TARGET).where(f"run_date = '{run_date.isoformat()}'").count()


def main(argv):
    try:
        run_date, metrics = parse_args(argv)
    except UsageError as refused:
        print(f"publish_products.py: error: {refused}\n{USAGE}", file=sys.stderr)
        return 2
    from pyspark.sql import SparkSession

    started, counts, error = time.time(), (0, 0), None
    spark = SparkSession.builder.appName(f"{JOB}-{run_date}").enableHiveSupport().getOrCreate()
    try:
        counts = publish(spark, run_date)
        if counts[0] != counts[1]:
            error = f"read {counts[0]} rows of {SOURCE} but {TARGET} has {counts[1]} for {run_date}"
    except Exception as failure:  # recorded in the metrics, then the step fails
        error = f"{type(failure).__name__}: {failure}"
    if metrics:
        import boto3
        where = put_metrics(boto3.client("s3"), metrics, metrics_document(run_date, started, time.time(), *counts, error=error))
        print(f"publish_products.py: metrics -> {where}")
    spark.stop()
    if error:
        print(f"publish_products.py: error: {error}", file=sys.stderr)
        return 1
    print(f"publish_products.py: published {counts[1]} products of {run_date} to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
