"""examples/drdb/jobs/ingest.py: an uploaded object's format, dataset and Parquet destination, and
the objects it refuses (outside incoming/, no dataset directory, unknown format, bad arguments)
with an exit code and a message, before Spark starts."""
import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from job_test import load_job, refusal  # noqa: E402

ingest = load_job("drdb", "ingest.py")
NOW = datetime.datetime(2026, 12, 7, 23, 59, tzinfo=datetime.timezone.utc)


class Plan(unittest.TestCase):
    def test_csv_upload(self):
        job = ingest.plan(["s3://drdb-landing-1a2b/incoming/sales/2026-12-07.csv", "s3://drdb-lake-3c4d/"], now=NOW)
        self.assertEqual(job["object"]["dataset"], "sales")
        self.assertEqual(job["object"]["format"], "csv")
        self.assertEqual(job["object"]["options"]["header"], "true")
        self.assertEqual(job["output"], "s3://drdb-lake-3c4d/ingest/sales/dt=2026-12-07/source=2026-12-07.csv/")
        self.assertEqual(job["metadata"], {"_source_object": "s3://drdb-landing-1a2b/incoming/sales/2026-12-07.csv",
                                           "_ingest_date": "2026-12-07"})

    def test_formats_by_extension(self):
        for file, reader, multiline in [("a.json", "json", "true"), ("a.jsonl", "json", "false"), ("a.NDJSON", "json", "false"),
                                        ("a.parquet", "parquet", None), ("a.csv.gz", "csv", None), ("a.json.bz2", "json", "true"),
                                        ("export.2026.tsv", "csv", None)]:
            described = ingest.describe_object(f"s3://landing/incoming/clicks/{file}")
            self.assertEqual(described["format"], reader, file)
            self.assertEqual(described["options"].get("multiLine"), multiline, file)
        self.assertEqual(ingest.describe_object("s3://landing/incoming/clicks/a.tsv")["options"]["sep"], "\t")

    def test_lake_without_trailing_slash_and_file_names_that_would_nest(self):
        job = ingest.plan(["s3://landing/incoming/sales/a=b.csv", "s3://lake"], now=NOW)
        self.assertEqual(job["output"], "s3://lake/ingest/sales/dt=2026-12-07/source=a_b.csv/")

    def test_refusals(self):
        for uri, says in [("s3://landing/sales/a.csv", "not under incoming/"),
                          ("s3://landing/incoming/a.csv", "one dataset directory"),
                          ("s3://landing/incoming/sales/2026/a.csv", "one dataset directory"),
                          ("s3://landing/incoming/sales/", "one dataset directory"),
                          ("s3://landing/incoming/sa les/a.csv", "letters, digits"),
                          ("s3://landing/incoming/sales/a.xlsx", "unknown format 'xlsx'"),
                          ("s3://landing/incoming/sales/README", "unknown format ''"),
                          ("s3://landing/incoming/sales/a.gz", "unknown format ''"),
                          ("https://landing/incoming/sales/a.csv", "not an s3://")]:
            code, message = refusal(ingest.main, [uri, "s3://lake/"])
            self.assertEqual(code, 2, uri)
            self.assertIn(says, message, uri)
            self.assertIn(uri, message, uri)

    def test_bad_arguments(self):
        self.assertEqual(refusal(ingest.main, ["s3://landing/incoming/sales/a.csv"])[0], 2)
        self.assertEqual(refusal(ingest.main, [])[0], 2)
        code, message = refusal(ingest.main, ["s3://landing/incoming/sales/a.csv", "/tmp/lake"])
        self.assertEqual(code, 2)
        self.assertIn("lake '/tmp/lake/' is not an s3://", message)


if __name__ == "__main__":
    unittest.main()
