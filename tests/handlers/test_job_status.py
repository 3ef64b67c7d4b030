"""The launcher's job lock (templates/lambda/launcher/job_status.py) run through the launcher's
handler against moto's in-process mock: a scheduled launch claims the job and records the run in
its item; an active job makes the next launch wait (polling, bounded by the wait and by the
invocation's remaining time) and then give up, or launch once the job has ended; a FAILED job
blocks every launch until an operator sets _FAILED; a launch that fails after claiming releases
the claim with its reason, and a claim whose invocation ended without either is taken over once it
has expired; nothing is claimed in a maintenance window."""
import io
import json
import os
import sys
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402

DEFINITION = {"Name": "intraday", "ReleaseLabel": "emr-7.1.0", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
              "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                            "KeepJobFlowAliveWhenNoSteps": False}}
STEPS = [{"Name": "positions-{date}", "ActionOnFailure": "CONTINUE", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}]


def scheduled(time):
    return {"source": "aws.events", "detail-type": "Scheduled Event", "time": time}


class Clock:
    """time.monotonic and time.sleep of job_status, without waiting; `on_sleep` runs at each sleep."""

    def __init__(self, on_sleep=None):
        self.now, self.slept, self.on_sleep = 1000.0, [], on_sleep

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds
        if self.on_sleep:
            self.on_sleep(len(self.slept))


class Context:
    def __init__(self, remaining_seconds):
        self.remaining = remaining_seconds

    def get_remaining_time_in_millis(self):
        return int(self.remaining * 1000)


def run(launcher, event, context=None):
    """(launched runs, printed lines)."""
    out = io.StringIO()
    with redirect_stdout(out):
        launched = launcher.handler(event, context)["launched"]
    return launched, out.getvalue()


def main(directory):
    boto3, mock_aws = require_mock()
    os.environ.update(CLUSTER_DEFINITION=json.dumps(DEFINITION), STEPS=json.dumps(STEPS), RUN_LOG_TABLE="runs",
                      JOB_STATUS_TABLE="jobs", JOB_NAME="intraday-positions", JOB_WAIT_SECONDS="0", JOB_POLL_SECONDS="60")
    launcher = load_handler(directory, "launcher")
    import job_status  # the module the handler imported

    with mock_aws():
        dynamodb = boto3.resource("dynamodb")
        dynamodb.create_table(
            TableName="runs", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "Correlation_Id", "AttributeType": "S"}, {"AttributeName": "DataProduct", "AttributeType": "S"}])
        jobs = dynamodb.create_table(
            TableName="jobs", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "JobName", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "JobName", "AttributeType": "S"}])
        emr = boto3.client("emr")

        def job():
            return jobs.get_item(Key={"JobName": "intraday-positions"})["Item"]

        def set_status(status):
            jobs.update_item(Key={"JobName": "intraday-positions"}, UpdateExpression="SET JobStatus = :s",
                             ExpressionAttributeValues={":s": status})

        # The first launch claims the job; the item records the run, keeping what the job wrote.
        jobs.put_item(Item={"JobName": "intraday-positions", "JobStatus": "COMPLETED", "LastProcessedRecordTimestamp": "2026-12-07T13:59:12Z"})
        (first,), _ = run(launcher, scheduled("2026-12-07T14:00:00Z"))
        item = job()
        assert item["JobStatus"] == "RUNNING" and item["ClusterId"] == first["cluster_id"], item
        assert item["CorrelationId"] == first["correlation_id"] and item["TriggeredTime"] == "2026-12-07T14:00:00Z", item
        assert item["LastProcessedRecordTimestamp"] == "2026-12-07T13:59:12Z", item

        # Active, no wait configured: gives up at once, saying so.
        launched, said = run(launcher, scheduled("2026-12-07T15:00:00Z"))
        assert launched == [] and "still RUNNING after waiting 0s; gave up" in said, said
        assert job()["ClusterId"] == first["cluster_id"], "the running job's item is left alone"

        # Active with a 900 s wait: re-checks every 60 s, then gives up.
        os.environ["JOB_WAIT_SECONDS"] = "900"
        job_status.time = clock = Clock()
        launched, said = run(launcher, scheduled("2026-12-07T15:00:00Z"))
        assert launched == [] and sum(clock.slept) == 900 and max(clock.slept) == 60, clock.slept
        assert "still RUNNING after waiting 900s; gave up, nothing launched" in said, said

        # ... never past the invocation's remaining time (less a 10 s margin).
        job_status.time = clock = Clock()
        launched, _ = run(launcher, scheduled("2026-12-07T15:00:00Z"), Context(remaining_seconds=130))
        assert launched == [] and sum(clock.slept) == 120, clock.slept

        # ... and launches as soon as the job ends during the wait (the cluster completed).
        job_status.time = clock = Clock(on_sleep=lambda n: n == 3 and set_status("COMPLETED"))
        (second,), _ = run(launcher, scheduled("2026-12-07T15:00:00Z"))
        assert len(clock.slept) == 3 and job()["ClusterId"] == second["cluster_id"], (clock.slept, job())

        # A FAILED job blocks every launch, without waiting, until an operator acknowledges it.
        set_status("FAILED")
        job_status.time = clock = Clock()
        for hour in ("16", "17"):
            launched, said = run(launcher, scheduled(f"2026-12-07T{hour}:00:00Z"))
            assert launched == [] and clock.slept == [] and "sets JobStatus to _FAILED" in said, said
        assert job()["JobStatus"] == "FAILED"
        set_status("_FAILED")
        (third,), _ = run(launcher, scheduled("2026-12-07T18:00:00Z"))
        assert job()["JobStatus"] == "RUNNING" and job()["ClusterId"] == third["cluster_id"], job()

        # RunJobFlow failing after the claim releases it, with the reason; the next launch goes ahead.
        set_status("COMPLETED")
        os.environ["CLUSTER_DEFINITION"] = json.dumps({**DEFINITION, "Instances": {"InstanceCount": "two"}})
        try:
            run(launcher, scheduled("2026-12-07T19:00:00Z"))
            raise AssertionError("a launch with an invalid definition succeeded")
        except AssertionError:
            raise
        except Exception:
            pass
        item = job()
        assert item["JobStatus"] == "RELEASED" and item["StatusReason"].startswith("launch failed:"), item
        assert "ClusterId" not in item, "the released claim names no cluster"
        os.environ["CLUSTER_DEFINITION"] = json.dumps(DEFINITION)
        (fourth,), _ = run(launcher, scheduled("2026-12-07T20:00:00Z"))
        assert job()["JobStatus"] == "RUNNING" and job()["ClusterId"] == fourth["cluster_id"], job()
        assert {c["Id"] for c in emr.list_clusters()["Clusters"]} == {r["cluster_id"] for r in (first, second, third, fourth)}

        # A claim whose invocation ended without launching or releasing (timed out): blocking while that
        # invocation may still run, taken over once it cannot.
        clock_now = job_status.wall_clock()
        jobs.put_item(Item={"JobName": "intraday-positions", "JobStatus": "STARTING", "TriggeredTime": "2026-12-07T20:30:00Z",
                            "ClaimExpires": int(clock_now) + 60})
        launched, said = run(launcher, scheduled("2026-12-07T20:31:00Z"))
        assert launched == [] and "still STARTING" in said, said
        job_status.wall_clock = lambda: clock_now + 61
        (fifth,), said = run(launcher, scheduled("2026-12-07T20:32:00Z"), Context(remaining_seconds=300))
        assert "took over a stale claim (triggered 2026-12-07T20:30:00Z" in said, repr(said)
        item = job()
        assert item["JobStatus"] == "RUNNING" and item["ClusterId"] == fifth["cluster_id"], item
        assert int(item["ClaimExpires"]) == int(clock_now + 61) + 301, item  # this invocation's time left, and a second
        job_status.wall_clock = lambda: clock_now

        # Nothing is claimed in a maintenance window (UTC, end excluded); the job's item is untouched.
        set_status("COMPLETED")
        os.environ["MAINTENANCE_WINDOWS"] = "WED 17:00-19:00,SAT 00:00-06:00"
        launched, said = run(launcher, scheduled("2026-12-09T17:00:00Z"))  # a Wednesday
        assert launched == [] and "maintenance window WED 17:00-19:00" in said and job()["JobStatus"] == "COMPLETED", said
        launched, _ = run(launcher, scheduled("2026-12-09T19:00:00Z"))
        assert len(launched) == 1
        os.environ["MAINTENANCE_WINDOWS"] = "WEDNESDAY 17-19"
        try:
            run(launcher, scheduled("2026-12-09T20:00:00Z"))
            raise AssertionError("a malformed maintenance window was accepted")
        except ValueError as e:
            assert 'is not "DAY HH:MM-HH:MM"' in str(e), e
    print("job_status: claims record the run; active jobs are waited for, boundedly; FAILED blocks until _FAILED; "
          "failed launches release their claim; stale claims are taken over; maintenance windows launch nothing")


if __name__ == "__main__":
    main(directory_argument("test_job_status.py"))
