"""examples/extralabs/jobs/process.py: the input the launcher passes (--input <upload>), where the
result goes (results/, beside incoming/), the inputs it refuses, and the column profile of a
realistic upload."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from job_test import load_job, refusal  # noqa: E402

process = load_job("extralabs", "process.py")


class Input(unittest.TestCase):
    def test_an_upload(self):
        job = process.parse_args(["--input", "s3://extralabs-uploads-1a2b/incoming/lab-7/2026-12-07/samples.csv"]).input
        self.assertEqual((job["format"], job["options"]["header"]), ("csv", "true"))
        self.assertEqual(job["result"], "s3://extralabs-uploads-1a2b/results/lab-7/2026-12-07/samples.csv/")
        for file, reader in [("a.JSON", "json"), ("a.jsonl", "json"), ("a.parquet", "parquet")]:
            self.assertEqual(process.describe_input(f"s3://uploads/incoming/{file}")["format"], reader)

    def test_refusals(self):
        for uri, says in [("s3://uploads/results/a.csv", "not an uploaded file"),
                          ("s3://uploads/incoming/lab-7/", "not an uploaded file"),
                          ("s3://uploads/incoming/../results/a.csv", "not an uploaded file"),
                          ("s3://uploads/incoming/a.xlsx", "unknown format 'xlsx'"),
                          ("s3://uploads/incoming/notes", "unknown format ''"),
                          ("uploads/incoming/a.csv", "not an s3://")]:
            code, message = refusal(process.main, ["--input", uri])
            self.assertEqual(code, 2, uri)
            self.assertIn(says, message, uri)
        self.assertEqual(refusal(process.main, [])[0], 2)


class Profile(unittest.TestCase):
    def test_a_csv_upload(self):
        # CSV columns are read as text, as Spark reads them without schema inference.
        rows = [{"sample": "S-001", "ph": "7.1", "lab": "north", "note": None},
                {"sample": "S-002", "ph": "6.9", "lab": "north", "note": "retest"},
                {"sample": "S-003", "ph": None, "lab": "south", "note": None},
                {"sample": "S-004", "ph": "7.4", "lab": "north", "note": None}]
        profile = process.profile(["sample", "ph", "lab", "note"], rows)
        self.assertEqual([p["column"] for p in profile], ["sample", "ph", "lab", "note"])
        ph = profile[1]
        self.assertEqual((ph["rows"], ph["non_null"], ph["distinct"], ph["min"], ph["max"]), (4, 3, 3, "6.9", "7.4"))
        self.assertAlmostEqual(ph["mean"], 7.133333, places=5)
        lab = profile[2]
        self.assertEqual((lab["distinct"], lab["min"], lab["max"], lab["mean"]), (2, "north", "south", None))
        self.assertEqual((profile[3]["non_null"], profile[3]["mean"]), (1, None))

    def test_an_empty_file(self):
        self.assertEqual(process.profile(["a"], []), [{"column": "a", "rows": 0, "non_null": 0, "distinct": 0,
                                                        "min": None, "max": None, "mean": None}])


if __name__ == "__main__":
    unittest.main()
