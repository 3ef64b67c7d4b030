"""The intraday platform run as a week of its schedule: the example's synthesized template gives the
schedule (evaluated minute by minute with cron.py), the rules' patterns (event_pattern.py routes each
EMR Cluster State Change event to the functions they target) and the functions' environments; the
real handlers (templates/lambda/launcher and metadata_cleanup) run against moto's in-process mock,
with job_status's sleeps simulated.

The story: Monday 13:00 launches; the cluster's RUNNING event records EmrReadyTime; at 14:00 the
job is still running, the launcher waits and launches as soon as the cluster has terminated
(COMPLETED, its metadata deleted); at 15:00 it waits the whole 840 s, within the function's timeout,
and gives up; that cluster then fails (FAILED), and every firing until an operator sets _FAILED
launches nothing; afterwards each firing launches except Wednesday's two in the HBase maintenance
window (17:00-19:00 UTC). The clean-up deletes only keys its role's policy allows, and never the
tables' data under the HBase root. Both functions log to groups under /app/ingest-replica-incremental/.

usage: test_intraday.py EXAMPLE_PROGRAM   (drdb-example-intraday)
"""
import datetime
import fnmatch
import io
import json
import os
import re
import sys
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "handlers"))
import cron  # noqa: E402
from event_pattern import matches  # noqa: E402
from handler_test import load_handler, require_mock  # noqa: E402
from workflow_app import App  # noqa: E402

UTC = datetime.timezone.utc
TABLE_DATA = "hbase/data/default/positions/r1/cf/hfile1"


def resolve(value):
    """A template value with each reference replaced by the referenced logical id (a resource's
    name in the mock is its logical id)."""
    if isinstance(value, dict):
        if set(value) == {"Ref"}:
            return value["Ref"]
        if set(value) == {"Fn::GetAtt"}:
            return value["Fn::GetAtt"][0]
        if set(value) == {"Fn::Sub"}:
            return re.sub(r"\$\{([^}.]+)(\.[^}]+)?\}", lambda m: m[1], value["Fn::Sub"])
        if set(value) == {"Fn::Join"}:
            separator, parts = value["Fn::Join"]
            return separator.join(resolve(p) for p in parts)
        return {k: resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v) for v in value]
    return value


def function_of(resources, prefix):
    (found,) = [(k, r) for k, r in resources.items() if r["Type"] == "AWS::Lambda::Function" and k.startswith(prefix)]
    return found


class Clock:
    """job_status's time: sleeps advance it at once; `during_sleep` runs after each."""

    def __init__(self):
        self.now, self.slept, self.during_sleep = 0.0, [], None

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds
        if self.during_sleep:
            self.during_sleep(len(self.slept))


class Context:
    def __init__(self, timeout):
        self.timeout = timeout

    def get_remaining_time_in_millis(self):
        return self.timeout * 1000


def main(binary):
    boto3, mock_aws = require_mock()
    template = App(binary).templates["Intraday"]
    resources = template["Resources"]
    rules = {k: r["Properties"] for k, r in resources.items() if r["Type"] == "AWS::Events::Rule"}
    (schedule,) = [r["ScheduleExpression"] for r in rules.values() if "ScheduleExpression" in r]
    patterns = {k: (resolve(r["EventPattern"]), resolve(r["Targets"][0]["Arn"])) for k, r in rules.items() if "EventPattern" in r}

    # The schedule: hourly 13:00-21:00 UTC, Monday to Friday (2026-12-07 is a Monday).
    monday = datetime.datetime(2026, 12, 7, tzinfo=UTC)
    firings = cron.firings(schedule, monday, monday + datetime.timedelta(days=7))
    assert len(firings) == 45 and {f.minute for f in firings} == {0} and {f.hour for f in firings} == set(range(13, 22)), firings
    assert {f.weekday() for f in firings} == set(range(5)), "Monday to Friday"

    launcher_id, launcher_fn = function_of(resources, "Launcher")
    cleanup_id, cleanup_fn = function_of(resources, "MetadataCleanup")
    launcher_env = resolve(launcher_fn["Properties"]["Environment"]["Variables"])
    cleanup_env = resolve(cleanup_fn["Properties"]["Environment"]["Variables"])
    timeout = launcher_fn["Properties"]["Timeout"]
    for function in (launcher_fn, cleanup_fn):  # each writes to its log group under /app/ingest-replica-incremental/
        group = resources[resolve(function["Properties"]["LoggingConfig"]["LogGroup"])]
        assert group["Properties"]["LogGroupName"].startswith("/app/ingest-replica-incremental/"), group
    assert int(launcher_env["JOB_WAIT_SECONDS"]) + 10 <= timeout <= 900, (launcher_env, timeout)
    definition = json.loads(launcher_env["CLUSTER_DEFINITION"])
    root = {c["Classification"]: c["Properties"] for c in definition["Configurations"]}["hbase-site"]["hbase.rootdir"]
    assert root == f"s3://{cleanup_env['METADATA_BUCKET']}/{cleanup_env['METADATA_PREFIX']}", (root, cleanup_env)

    # What the clean-up's role may delete in the HBase bucket.
    role = resources[resolve(cleanup_fn["Properties"]["Role"])]
    statements = [s for p in role["Properties"]["Policies"] for s in p["PolicyDocument"]["Statement"]]
    (deletable,) = [resolve(s["Resource"]) for s in statements if "s3:DeleteObject" in s["Action"]]
    deletable = deletable.removeprefix(cleanup_env["METADATA_BUCKET"] + "/")
    (listable,) = [s["Condition"]["StringLike"]["s3:prefix"] for s in statements if s["Action"] == "s3:ListBucket"]
    assert deletable == listable == "hbase/j-*" and not fnmatch.fnmatch(TABLE_DATA, deletable), (deletable, listable)

    for name, value in {**launcher_env, **cleanup_env}.items():
        os.environ[name] = value
    launcher = load_handler(os.path.join(ROOT, "templates", "lambda", "launcher"), "launcher")
    import job_status
    cleanup = load_handler(os.path.join(ROOT, "templates", "lambda", "metadata_cleanup"), "cleanup")
    job_status.time = clock = Clock()

    with mock_aws():
        dynamodb, s3 = boto3.resource("dynamodb"), boto3.client("s3")
        jobs = dynamodb.create_table(TableName=launcher_env["JOB_STATUS_TABLE"], BillingMode="PAY_PER_REQUEST",
                                     KeySchema=[{"AttributeName": "JobName", "KeyType": "HASH"}],
                                     AttributeDefinitions=[{"AttributeName": "JobName", "AttributeType": "S"}])
        dynamodb.create_table(TableName=launcher_env["RUN_LOG_TABLE"], BillingMode="PAY_PER_REQUEST",
                              KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
                              AttributeDefinitions=[{"AttributeName": "Correlation_Id", "AttributeType": "S"},
                                                    {"AttributeName": "DataProduct", "AttributeType": "S"}])
        bucket = cleanup_env["METADATA_BUCKET"]
        s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket=bucket, Key=TABLE_DATA, Body=b"x")
        deleted_keys = []

        def job():
            return jobs.get_item(Key={"JobName": launcher_env["JOB_NAME"]})["Item"]

        def keys():
            return {o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}

        def launch_at(when):
            """The clusters launched by the firing at `when`, and what the launcher said."""
            out = io.StringIO()
            with redirect_stdout(out):
                result = launcher.handler({"version": "0", "id": when.strftime("schedule-%Y%m%d%H%M"), "detail-type": "Scheduled Event", "source": "aws.events",
                                           "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "detail": {}}, Context(timeout))
            for run in result["launched"]:  # the replica writes its metadata under the root
                for part in ("data/hbase/meta/1588230740/info/a", "MasterData/store/b"):
                    s3.put_object(Bucket=bucket, Key=f"{cleanup_env['METADATA_PREFIX']}{run['cluster_id']}/{part}", Body=b"x")
            return [r["cluster_id"] for r in result["launched"]], out.getvalue()

        def state_change(cluster_id, state, when, reason="ALL_STEPS_COMPLETED"):
            """The event through every rule; the targeted function's results."""
            event = {"version": "0", "id": "2", "detail-type": "EMR Cluster State Change", "source": "aws.emr", "account": "123456789012",
                     "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "region": "us-east-1", "resources": [],
                     "detail": {"severity": "INFO", "stateChangeReason": reason, "name": definition["Name"],
                                "clusterId": cluster_id, "state": state, "message": f"cluster {cluster_id} is {state}"}}
            targets = [target for pattern, target in patterns.values() if matches(pattern, json.loads(json.dumps(event)))]
            assert targets == [cleanup_id], (state, targets)
            before = keys()
            with redirect_stdout(io.StringIO()):
                result = cleanup.handler(event, None)
            deleted_keys.extend(before - keys())
            return result

        def at(day, hour, minute=0):
            return monday + datetime.timedelta(days=day, hours=hour, minutes=minute)

        # Monday 13:00: launches; RUNNING at 13:08 records the ready time.
        (c1,), _ = launch_at(at(0, 13))
        assert job()["JobStatus"] == "RUNNING" and job()["TriggeredTime"] == "2026-12-07T13:00:00Z", job()
        assert state_change(c1, "RUNNING", at(0, 13, 8))["ready"] and job()["EmrReadyTime"] == "2026-12-07T13:08:00Z", job()

        # 14:00: still running; the cluster terminates during the fifth minute of waiting, then a launch.
        clock.during_sleep = lambda n: n == 5 and state_change(c1, "TERMINATED", at(0, 14, 5))
        (c2,), _ = launch_at(at(0, 14))
        assert clock.slept == [60] * 5 and job()["ClusterId"] == c2 and "EmrReadyTime" not in job(), (clock.slept, job())

        # 15:00: the whole wait, then giving up.
        clock.slept, clock.during_sleep = [], None
        launched, said = launch_at(at(0, 15))
        assert launched == [] and sum(clock.slept) == int(launcher_env["JOB_WAIT_SECONDS"]), clock.slept
        assert "still RUNNING after waiting 840s; gave up, nothing launched" in said, said

        # 15:40: the cluster fails; every later firing of the day is blocked, without waiting.
        assert state_change(c2, "TERMINATED_WITH_ERRORS", at(0, 15, 40), reason="STEP_FAILURE")["job_status"] == "FAILED"
        assert job()["JobStatus"] == "FAILED" and job()["StatusReason"] == "STEP_FAILURE", job()
        clock.slept = []
        for when in [f for f in firings if at(0, 16) <= f < at(1, 0)]:
            launched, said = launch_at(when)
            assert launched == [] and "sets JobStatus to _FAILED" in said, (when, said)
        assert clock.slept == [] and job()["JobStatus"] == "FAILED"

        # The operator acknowledges; from Tuesday every firing launches (each cluster ending before the
        # next) except in Wednesday's maintenance window.
        jobs.update_item(Key={"JobName": launcher_env["JOB_NAME"]}, UpdateExpression="SET JobStatus = :ack",
                         ExpressionAttributeValues={":ack": "_FAILED"})
        refused = []
        for when in [f for f in firings if f >= at(1, 0)]:
            launched, said = launch_at(when)
            if not launched:
                refused.append(when)
                assert "maintenance window WED 17:00-19:00" in said, said
                continue
            (cluster,) = launched
            state_change(cluster, "WAITING", when + datetime.timedelta(minutes=7))
            assert state_change(cluster, "TERMINATED", when + datetime.timedelta(minutes=40))["job_status"] == "COMPLETED"
        assert refused == [at(2, 17), at(2, 18)], refused
        assert job()["JobStatus"] == "COMPLETED" and clock.slept == [], job()

        # Only the replicas' metadata went, each key one the clean-up's role may delete.
        assert keys() == {TABLE_DATA}, keys()
        assert deleted_keys and all(fnmatch.fnmatch(k, deletable) for k in deleted_keys), deleted_keys
        launches = len(boto3.client("emr").list_clusters()["Clusters"])
        assert launches == 2 + 36 - 2, launches
    print(f"workflows intraday: {len(firings)} firings in a week; {launches} launches; waits, FAILED blocking until _FAILED, "
          "maintenance windows and the replicas' metadata clean-up as the template says")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
