"""Ingests one uploaded object into the lake as Parquet.

    spark-submit ingest.py s3://<landing>/incoming/<dataset>/<file>.<ext> s3://<lake>/

Layout: s3://<lake>/ingest/<dataset>/dt=<YYYY-MM-DD>/source=<file>/part-*.parquet, where dt is the
day of the ingest (UTC) and source the object's file name. Each object has its own directory,
overwritten by a re-run: a retried step replaces its output instead of duplicating rows, and
objects uploaded the same day sit side by side. Readers of ingest/<dataset>/ see dt and source as
partition columns; every row also carries _source_object (the object's URI) and _ingest_date.

Formats, by extension (optionally compressed .gz/.bz2, which Spark decompresses): .csv (header
line, every column read as a string: typing is the consumers' call, not a guess at ingest), .tsv,
.json (one document: an object or an array of objects), .jsonl/.ndjson (one object a line),
.parquet. A malformed record fails the step (FAILFAST) rather than becoming a null row.
"""
import argparse
import datetime
import re
import sys

INCOMING = "incoming/"
# extension -> (Spark reader format, reader options)
FORMATS = {
    "csv": ("csv", {"header": "true", "inferSchema": "false", "mode": "FAILFAST"}),
    "tsv": ("csv", {"header": "true", "inferSchema": "false", "sep": "\t", "mode": "FAILFAST"}),
    "json": ("json", {"multiLine": "true", "mode": "FAILFAST"}),
    "jsonl": ("json", {"multiLine": "false", "mode": "FAILFAST"}),
    "ndjson": ("json", {"multiLine": "false", "mode": "FAILFAST"}),
    "parquet": ("parquet", {}),
}
COMPRESSIONS = ("gz", "bz2")
# Dataset names become Glue/Hive table names downstream: letters, digits, _ and - only.
DATASET = re.compile(r"^[A-Za-z0-9_-]+$")
S3_URI = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<key>.*)$")


class IngestError(ValueError):
    """An argument the job refuses; main() prints it and exits 2."""


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="ingest.py", description="Ingest one uploaded object into the lake as Parquet.")
    parser.add_argument("object_uri", help="s3://<landing>/incoming/<dataset>/<file>.<ext>")
    parser.add_argument("lake_uri", help="s3://<lake>/")
    return parser.parse_args(argv)


def split_s3_uri(uri, what):
    match = S3_URI.match(uri)
    if not match:
        raise IngestError(f"{what} {uri!r} is not an s3://<bucket>/<key> URI")
    return match["bucket"], match["key"]


def describe_object(uri):
    """{bucket, key, dataset, file, format, options} of an uploaded object, or IngestError."""
    bucket, key = split_s3_uri(uri, "object")
    if not key.startswith(INCOMING):
        raise IngestError(f"object {uri!r} is not under {INCOMING}: upload to s3://{bucket}/{INCOMING}<dataset>/<file>")
    parts = key[len(INCOMING):].split("/")
    if len(parts) != 2 or not parts[1]:
        raise IngestError(f"object {uri!r} is not {INCOMING}<dataset>/<file>: one dataset directory, then the file")
    dataset, file = parts
    if not DATASET.match(dataset):
        raise IngestError(f"dataset {dataset!r} of {uri!r} may hold only letters, digits, '_' and '-'")
    suffixes = file.lower().split(".")[1:]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes.pop()
    extension = suffixes[-1] if suffixes else ""
    if extension not in FORMATS:
        raise IngestError(f"object {uri!r} has unknown format {extension!r}: expected one of "
                          + ", ".join("." + e for e in FORMATS) + " (optionally .gz or .bz2)")
    reader, options = FORMATS[extension]
    return {"bucket": bucket, "key": key, "dataset": dataset, "file": file, "format": reader, "options": dict(options)}


def lake_root(uri):
    bucket, key = split_s3_uri(uri if uri.endswith("/") else uri + "/", "lake")
    return f"s3://{bucket}/{key}"


def output_path(lake_uri, dataset, file, ingest_date):
    # '=' and '/' would make a second partition level; anything else S3 keys allow stays readable.
    source = re.sub(r"[=/]", "_", file)
    return f"{lake_root(lake_uri)}ingest/{dataset}/dt={ingest_date.isoformat()}/source={source}/"


def ingest_metadata(object_uri, ingest_date):
    """The columns stamped on every row."""
    return {"_source_object": object_uri, "_ingest_date": ingest_date.isoformat()}


def plan(argv, now=None):
    """What main() does, decided without Spark: {object, output, metadata}."""
    args = parse_args(argv)
    described = describe_object(args.object_uri)
    ingest_date = (now or datetime.datetime.now(datetime.timezone.utc)).date()
    return {"object": described, "input": args.object_uri,
            "output": output_path(args.lake_uri, described["dataset"], described["file"], ingest_date),
            "metadata": ingest_metadata(args.object_uri, ingest_date)}


def main(argv):
    try:
        job = plan(argv)
    except IngestError as refused:
        print(f"ingest.py: error: {refused}", file=sys.stderr)
        return 2
    from pyspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.appName(f"ingest-{job['object']['dataset']}").getOrCreate()
    frame = spark.read.format(job["object"]["format"]).options(**job["object"]["options"]).load(job["input"])
    for column, value in job["metadata"].items():
        frame = frame.withColumn(column, F.lit(value))
    frame.write.mode("overwrite").parquet(job["output"])
    print(f"ingest.py: {job['input']} -> {job['output']}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
