"""The Hive scripts of cyi and pdm: each uses exactly the variables its step passes (-d NAME=...),
terminates its statements, writes with INSERT OVERWRITE of one static partition (safe to relaunch),
drops no table but its own temporary one; cyi's tables sit where the step says, and initial_load
refuses any table but the five the app loads. The checker itself is shown to catch each fault."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hiveql  # noqa: E402
from job_test import job_path  # noqa: E402

# The variables each step passes (examples/*/app.cpp): the cross-check test_steps.py compares them
# with the synthesized steps too.
SCRIPTS = {("cyi", "append_partition.q"): {"DATABASE", "INPUT", "PARTITION_DATE", "WAREHOUSE"},
           ("pdm", "load_products.q"): {"RUN_DATE"},
           ("pdm", "initial_load.q"): {"TABLE", "RUN_DATE"}}
PDM_TABLES = ["orders", "order_lines", "products", "customers", "prices"]


def read(example, name):
    with open(job_path(example, name), encoding="utf-8") as f:
        return f.read()


class Rules(unittest.TestCase):
    def test_every_script_keeps_them(self):
        for (example, name), expected in SCRIPTS.items():
            with self.subTest(script=f"{example}/{name}"):
                self.assertEqual(hiveql.problems(read(example, name), expected), [])

    def test_append_partition_tables(self):
        parsed, _ = hiveql.statements(read("cyi", "append_partition.q"))
        large = next(s for s in parsed if s.startswith("CREATE EXTERNAL TABLE IF NOT EXISTS ${DATABASE}.transactions"))
        self.assertIn("PARTITIONED BY (dt STRING)", large)
        self.assertIn("LOCATION '${WAREHOUSE}${DATABASE}.db/transactions/'", large)
        day = next(s for s in parsed if s.startswith("CREATE TEMPORARY EXTERNAL TABLE incoming_day"))
        self.assertIn("LOCATION '${INPUT}'", day)
        self.assertIn("PARTITION (dt='${PARTITION_DATE}')", next(s for s in parsed if s.startswith("INSERT")))
        self.assertEqual(parsed[-1], "DROP TABLE IF EXISTS incoming_day")

    def test_initial_load_refuses_other_tables_first(self):
        parsed, _ = hiveql.statements(read("pdm", "initial_load.q"))
        check = re.fullmatch(r"SELECT assert_true\('\$\{TABLE\}' IN \((.*)\)\)", parsed[0])
        self.assertIsNotNone(check, parsed[0])
        self.assertEqual(re.findall(r"'(\w+)'", check[1]), PDM_TABLES)


class Checker(unittest.TestCase):
    GOOD = ("CREATE TEMPORARY EXTERNAL TABLE day (a STRING) LOCATION '${INPUT}';\n"
            "INSERT OVERWRITE TABLE db.t PARTITION (dt='${DATE}') SELECT a FROM day; -- a; comment\n"
            "DROP TABLE IF EXISTS day;\n")

    def faults(self, text):
        return hiveql.problems(text, {"INPUT", "DATE"})

    def test_good(self):
        self.assertEqual(self.faults(self.GOOD), [])

    def test_each_fault(self):
        for broken, says in [(self.GOOD.rstrip().rstrip(";"), "unterminated"),
                             (self.GOOD.replace("${DATE}", "${DAY}"), "${DAY} is used"),
                             (self.GOOD.replace("${DATE}", "${hivevar:DATE}"), "use the -d form"),
                             (self.GOOD.replace("${INPUT}", "s3://b/"), "never uses ${INPUT}"),
                             (self.GOOD.replace("INSERT OVERWRITE TABLE", "INSERT INTO TABLE"), "not INSERT OVERWRITE"),
                             (self.GOOD.replace("(dt='${DATE}')", "(dt)"), "not INSERT OVERWRITE"),
                             (self.GOOD + "DROP TABLE db.t;", "drops db.t"),
                             (self.GOOD + "TRUNCATE TABLE db.t;", "destroys data"),
                             (self.GOOD.replace("INSERT", "SELECT 1; -- INSERT"), "0 partition writes")]:
            with self.subTest(says=says):
                self.assertTrue(any(says in p for p in self.faults(broken)), self.faults(broken))

    def test_semicolons_in_quotes_and_comments(self):
        parsed, rest = hiveql.statements("SELECT ';' -- x; y\n FROM t;")
        self.assertEqual((parsed, rest), (["SELECT ';' FROM t"], ""))


if __name__ == "__main__":
    unittest.main()
