"""Profiles an uploaded data file: the job the API launches on a request's input.

    spark-submit process.py --input s3://<uploads>/incoming/<path>/<file>.<csv|json|jsonl|parquet>

Runs in the platform's job image (Spark in Docker on YARN): PySpark and the standard library only.

The result is a profile of each column: rows, non-null values, distinct values (approximate beyond
a few thousand), minimum and maximum (as text), and the mean when every value is a number. It is
written as JSON Lines, one object a column in the file's column order, to
s3://<uploads>/results/<path>/<file>/, beside the upload's tree rather than inside incoming/: the
front end's pre-signed URLs can then never overwrite a result, and incoming/'s expiry does not
apply to it. A re-run overwrites the result. The clusters' role must be allowed to put results/*.
"""
import argparse
import re
import sys

INCOMING = "incoming/"
RESULTS = "results/"
# Extension -> (Spark reader format, options); the same conventions as the platform's other jobs.
FORMATS = {
    "csv": ("csv", {"header": "true", "inferSchema": "false", "mode": "FAILFAST"}),
    "json": ("json", {"multiLine": "true", "mode": "FAILFAST"}),
    "jsonl": ("json", {"multiLine": "false", "mode": "FAILFAST"}),
    "parquet": ("parquet", {}),
}
S3_URI = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<key>.+)$")
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def describe_input(uri):
    """{bucket, key, format, options, result} of the input, or argparse.ArgumentTypeError."""
    match = S3_URI.match(uri)
    if not match:
        raise argparse.ArgumentTypeError(f"{uri!r} is not an s3://<bucket>/<key> URI")
    bucket, key = match["bucket"], match["key"]
    if not key.startswith(INCOMING) or key.endswith("/") or "//" in key or "/../" in f"/{key}/":
        raise argparse.ArgumentTypeError(f"{uri!r} is not an uploaded file: expected s3://{bucket}/{INCOMING}<path>/<file>")
    name = key.rsplit("/", 1)[-1]
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in FORMATS:
        raise argparse.ArgumentTypeError(f"{uri!r} has unknown format {extension!r}: expected " + ", ".join("." + e for e in FORMATS))
    reader, options = FORMATS[extension]
    return {"uri": uri, "bucket": bucket, "key": key, "format": reader, "options": dict(options),
            "result": f"s3://{bucket}/{RESULTS}{key[len(INCOMING):]}/"}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="process.py", description="Profile an uploaded data file.")
    parser.add_argument("--input", required=True, type=describe_input, help=f"s3://<uploads>/{INCOMING}<path>/<file>")
    return parser.parse_args(argv)


def profile(columns, rows):
    """The profile of plain rows (dicts; None for null), one dict a column, in column order. The
    Spark job computes the same with aggregates (its distinct counts approximate); this is its definition."""
    result = []
    for column in columns:
        values = [r.get(column) for r in rows if r.get(column) is not None]
        texts = [str(v) for v in values]
        numeric = bool(texts) and all(isinstance(v, (int, float)) or NUMBER.match(str(v)) for v in values)
        result.append({"column": column, "rows": len(rows), "non_null": len(values), "distinct": len(set(texts)),
                       "min": min(texts) if texts else None, "max": max(texts) if texts else None,
                       "mean": sum(float(v) for v in values) / len(values) if numeric else None})
    return result


def main(argv):
    job = parse_args(argv).input
    from pyspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.appName("extralabs-process").getOrCreate()
    frame = spark.read.format(job["format"]).options(**job["options"]).load(job["uri"]).cache()
    rows = frame.count()
    profiles = []
    for column in frame.columns:
        text, number = F.col(f"`{column}`").cast("string"), F.col(f"`{column}`").cast("double")
        stats = frame.agg(F.count(text).alias("non_null"), F.approx_count_distinct(text).alias("distinct"),
                          F.min(text).alias("min"), F.max(text).alias("max"),
                          F.count(number).alias("numbers"), F.avg(number).alias("mean")).first()
        profiles.append({"column": column, "rows": rows, "non_null": stats["non_null"], "distinct": stats["distinct"],
                         "min": stats["min"], "max": stats["max"],
                         # A mean only when every value is a number, as profile() defines it.
                         "mean": stats["mean"] if stats["non_null"] and stats["numbers"] == stats["non_null"] else None})
    schema = "column string, rows long, non_null long, distinct long, min string, max string, mean double"
    spark.createDataFrame(profiles, schema).coalesce(1).write.mode("overwrite").json(job["result"])
    print(f"process.py: profiled {len(profiles)} columns of {rows} rows of {job['uri']} -> {job['result']}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
