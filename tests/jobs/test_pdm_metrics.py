"""examples/pdm/jobs/publish_products.py and run_metrics.py against moto's S3: publish's arguments
(the step's date, the optional metrics prefix) and the metrics document it puts for a scraper,
succeeded and failed; run_metrics clears a run's metrics (more than a DeleteObjects batch of them)
and nothing outside its prefix, and refuses unknown actions and prefixes that would clear a bucket."""
import datetime
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from job_test import load_job, refusal, require_mock  # noqa: E402

boto3, mock_aws = require_mock()
publish = load_job("pdm", "publish_products.py")
run_metrics = load_job("pdm", "run_metrics.py")
METRICS = "s3://pdm-data-1a2b/metrics/pdm/"


class PublishArguments(unittest.TestCase):
    def test_the_steps_arguments(self):
        self.assertEqual(publish.parse_args(["2026-12-07"]), (datetime.date(2026, 12, 7), None))
        self.assertEqual(publish.parse_args(["2026-12-07", METRICS]), (datetime.date(2026, 12, 7), METRICS))

    def test_refusals(self):
        for argv, says in [([], "got 0 arguments"), (["2026-12-07", METRICS, "x"], "got 3 arguments"),
                           (["{date}"], "not a date"), (["2026-13-01"], "not a date"),
                           (["2026-12-07", "s3://pdm-data-1a2b/"], "non-empty prefix"),
                           (["2026-12-07", "s3://pdm-data-1a2b/metrics"], "ending in '/'")]:
            code, message = refusal(publish.main, argv)
            self.assertEqual(code, 2, argv)
            self.assertIn(says, message, argv)
            self.assertIn("usage: publish_products.py", message)


class PublishMetrics(unittest.TestCase):
    def test_documents(self):
        started = datetime.datetime(2026, 12, 7, 1, 40, tzinfo=datetime.timezone.utc).timestamp()
        done = publish.metrics_document(datetime.date(2026, 12, 7), started, started + 83.25, 12840, 12840)
        self.assertEqual(done, {"job": "publish_products", "run_date": "2026-12-07", "status": "SUCCEEDED", "rows_read": 12840,
                                "rows_written": 12840, "started_at": "2026-12-07T01:40:00+00:00",
                                "ended_at": "2026-12-07T01:41:23+00:00", "duration_seconds": 83.25})
        failed = publish.metrics_document(datetime.date(2026, 12, 7), started, started + 5, 0, 0, error="AnalysisException: no table")
        self.assertEqual((failed["status"], failed["error"]), ("FAILED", "AnalysisException: no table"))

    @mock_aws
    def test_put_where_the_scraper_reads(self):
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="pdm-data-1a2b")
        document = publish.metrics_document(datetime.date(2026, 12, 7), 0, 1, 3, 3)
        self.assertEqual(publish.put_metrics(s3, METRICS, document), "s3://pdm-data-1a2b/metrics/pdm/publish_products.json")
        stored = s3.get_object(Bucket="pdm-data-1a2b", Key="metrics/pdm/publish_products.json")
        self.assertEqual(stored["ContentType"], "application/json")
        self.assertEqual(json.loads(stored["Body"].read()), document)


class Clear(unittest.TestCase):
    @mock_aws
    def test_clears_the_runs_metrics_only(self):
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="pdm-data-1a2b")
        for n in range(1003):  # more than one list page and one DeleteObjects batch
            s3.put_object(Bucket="pdm-data-1a2b", Key=f"metrics/pdm/step-{n}.json", Body=b"{}")
        for key in ["metrics/pdm-other/publish_products.json", "metrics/pdm.json", "analytical-dataset/products/part-0.parquet"]:
            s3.put_object(Bucket="pdm-data-1a2b", Key=key, Body=b"x")
        self.assertEqual(run_metrics.main(["clear", METRICS]), 0)
        left = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="pdm-data-1a2b")["Contents"])
        self.assertEqual(left, ["analytical-dataset/products/part-0.parquet", "metrics/pdm-other/publish_products.json", "metrics/pdm.json"])
        self.assertEqual(run_metrics.clear(s3, "pdm-data-1a2b", "metrics/pdm/"), 0)  # nothing left: clearing again is fine

    @mock_aws
    def test_a_missing_bucket_fails(self):
        with self.assertRaises(Exception):
            run_metrics.clear(boto3.client("s3"), "no-such-bucket", "metrics/pdm/")

    def test_refusals(self):
        for argv, says in [([], "got 0 arguments"), (["clear"], "got 1 arguments"), (["purge", METRICS], "unknown action 'purge'"),
                           (["clear", "s3://pdm-data-1a2b/"], "non-empty prefix"), (["clear", "s3://pdm-data-1a2b"], "non-empty prefix"),
                           (["clear", "s3://pdm-data-1a2b/metrics"], "ending in '/'")]:
            code, message = refusal(run_metrics.main, argv)
            self.assertEqual(code, 2, argv)
            self.assertIn(says, message, argv)


if __name__ == "__main__":
    unittest.main()
