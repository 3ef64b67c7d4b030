"""The ensure-cluster workflows (EnsureClusterRunStep) of the apps given, executed: each definition
and the input its upload rule gives (else a scheduled run's) as the app synthesizes them, run by an
ASL interpreter (asl.py) against the local mock AWS and the simulations of services.py. Each
scenario asserts the calls made, how the execution ends and the run-log item; where the step reads
the run's object (the DRDB reference app), that the step got the uploaded object.

usage: test_ensure_cluster.py APP...   (drdb-synth: the bundled app is the DRDB reference app)
"""
import datetime
import json
import os
import sys
import urllib.request

from boto3.dynamodb.types import TypeDeserializer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import asl  # noqa: E402
from moto import Moto, require_tools  # noqa: E402
from services import Services  # noqa: E402
from workflow_app import App, s3_object_created, transform  # noqa: E402

START = "2026-12-01T10:00:00.000Z"
EXPIRES_AT = int(datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.timezone.utc).timestamp()) + 90 * 86400
RUN_ARN = "arn:aws:states:us-east-1:123456789012:execution:machine:run-1"
BUCKET = "drdb-landing"


class Workflow:
    """One ensure-cluster workflow: its definition, what it is named and records, and its input."""

    def __init__(self, app, logical_id, definition):
        states = definition["States"]
        self.label = logical_id
        self.definition = definition
        self.cluster_name = states["CreateCluster"]["Parameters"]["Name"]
        self.table = states["RecordStarted"]["Parameters"]["TableName"]
        self.data_product = states["RecordStarted"]["Parameters"]["Item"]["DataProduct"]["S"]
        self.step = states["RunStep"]["Parameters"]["Step"]["Name"]
        self.reads_object = "Args.$" in states["RunStep"]["Parameters"]["Step"]["HadoopJarStep"]
        uploads = [r for r in app.rules().values() if "EventPattern" in r and r["Targets"][0]["Arn"] == {"Ref": logical_id}]
        self.key = None
        if uploads:
            (rule,) = uploads
            (prefix,) = rule["EventPattern"]["detail"]["object"]["key"]
            self.key = prefix["prefix"] + "2026-12-01/part-0.csv"
            self.input = transform(rule["Targets"][0], s3_object_created(BUCKET, self.key))
            assert self.input["object"] == {"bucket": BUCKET, "key": self.key}, self.input
        else:
            self.input = {"trigger": "schedule"}


W = None  # the workflow the scenarios run


def record(services):
    """The run log's one item, as plain values."""
    (item,) = services.items(W.table)
    return {k: TypeDeserializer().deserialize(v) for k, v in item.items()}


def started_record(status, **more):
    """What every run's item holds, with `status` and `more`."""
    return {"Correlation_Id": "run-1", "DataProduct": W.data_product, "Date": START, "RunId": RUN_ARN, "Status": status,
            "TimeToExist": EXPIRES_AT, **more}


def used_record(cluster, decision, terminated=(), waited=()):
    events = [{"Event": "WAITED", "At": START, "Clusters": list(w)} for w in waited]
    events.append({"Event": decision, "At": START, "Clusters": [cluster]})
    more = {"Waits": len(waited)} if waited else {}
    return started_record("SUCCEEDED", CurrentStep=W.step, ClusterId=cluster, ClusterDecision=decision,
                          TerminatedClusters=list(terminated), Events=events, **more)


def tasks(execution):
    return [state for state, _, _ in execution.calls]


def ran_step_on(execution, services, cluster):
    """The step ran on `cluster`, with the uploaded object among its arguments if it reads it."""
    (run,) = execution.called("RunStep")
    assert run["ClusterId"] == cluster, run
    args = run["Step"]["HadoopJarStep"]["Args"]
    if W.reads_object:
        assert f"s3://{BUCKET}/{W.key}" in args, args
    (step,) = services.emr.steps(cluster)
    assert step["Config"]["Args"] == args, step


def no_cluster(run, services):
    """No cluster: one is created from the model, the step runs on it, the run succeeds."""
    services.emr.launch("someone-else")
    execution = run()
    assert execution.status == "SUCCEEDED", execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "CreateCluster", "RecordRunning", "RunStep", "RecordSucceeded"], tasks(execution)
    (created,) = execution.called("CreateCluster")
    assert created["Name"] == W.cluster_name and created["Instances"]["KeepJobFlowAliveWhenNoSteps"] is True, created
    cluster = execution.output["cluster"]["ClusterId"]
    ran_step_on(execution, services, cluster)
    assert record(services) == used_record(cluster, "CREATED"), record(services)


def one_waiting(run, services):
    """One WAITING cluster of the model's name: reused, nothing created or terminated."""
    services.emr.launch("someone-else")
    cluster = services.emr.launch(W.cluster_name)
    execution = run()
    assert execution.status == "SUCCEEDED", execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "RecordRunning", "RunStep", "RecordSucceeded"], tasks(execution)
    ran_step_on(execution, services, cluster)
    assert record(services) == used_record(cluster, "REUSED_WAITING"), record(services)


def three_waiting_on_two_pages(run, services):
    """Three WAITING clusters among 62, two on the first page and one on the second: the first is
    kept, the two others terminated, whatever their page."""
    emr = services.emr
    first = emr.launch(W.cluster_name)
    for i in range(20):
        emr.launch(f"other-{i}")
    second = emr.launch(W.cluster_name)
    for i in range(20, 59):
        emr.launch(f"other-{i}")
    third = emr.launch(W.cluster_name)
    execution = run()
    assert execution.status == "SUCCEEDED", execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "ListNextPage", "TerminateExtraCluster", "TerminateExtraCluster",
                                "RecordRunning", "RunStep", "RecordSucceeded"], tasks(execution)
    assert execution.called("ListNextPage")[0]["Marker"] == "50", execution.called("ListNextPage")
    assert sorted(c["ClusterId"] for c in execution.called("TerminateExtraCluster")) == sorted([second, third])
    assert (emr.state(second), emr.state(third)) == ("TERMINATED", "TERMINATED") and emr.state(first) != "TERMINATED"
    ran_step_on(execution, services, first)
    assert record(services) == used_record(first, "REUSED_WAITING", terminated=[second, third]), record(services)


def starting_then_waiting(run, services):
    """A STARTING cluster that is WAITING at the third listing: two waits, then reused."""
    cluster = services.emr.launch(W.cluster_name, states=["STARTING", "STARTING", "WAITING"])
    execution = run()
    assert execution.status == "SUCCEEDED", execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "RecordWait", "ListClusters", "RecordWait", "ListClusters",
                                "RecordRunning", "RunStep", "RecordSucceeded"], tasks(execution)
    assert execution.entered.count("WaitForCluster") == 2, execution.entered
    ran_step_on(execution, services, cluster)
    assert record(services) == used_record(cluster, "REUSED_WAITING", waited=[[cluster], [cluster]]), record(services)


def bootstrapping(run, services):
    """A BOOTSTRAPPING cluster: one wait, then reused once WAITING."""
    cluster = services.emr.launch(W.cluster_name, states=["BOOTSTRAPPING", "WAITING"])
    execution = run()
    assert execution.status == "SUCCEEDED", execution
    assert execution.entered.count("WaitForCluster") == 1 and "CreateCluster" not in tasks(execution), execution
    ran_step_on(execution, services, cluster)
    assert record(services) == used_record(cluster, "REUSED_WAITING", waited=[[cluster]]), record(services)


def running_on_page_two(run, services):
    """A RUNNING cluster on the second page: reused, none created (the first page has none)."""
    for i in range(55):
        services.emr.launch(f"other-{i}")
    cluster = services.emr.launch(W.cluster_name, states=["RUNNING"])
    execution = run()
    assert execution.status == "SUCCEEDED", execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "ListNextPage", "RecordRunning", "RunStep", "RecordSucceeded"], tasks(execution)
    ran_step_on(execution, services, cluster)
    assert record(services) == used_record(cluster, "REUSED_RUNNING"), record(services)


def step_fails(run, services):
    """The step fails: the run is recorded FAILED with the error and its cause, and fails."""
    cluster = services.emr.launch(W.cluster_name)
    cause = json.dumps({"Step": {"Id": "s-1", "Status": {"State": "FAILED", "FailureDetails": {"Reason": "exit code 1"}}}})
    services.emr.step_failure = ("States.TaskFailed", cause)
    execution = run()
    assert (execution.status, execution.error) == ("FAILED", "RunFailed"), execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "RecordRunning", "RunStep", "RecordFailed"], tasks(execution)
    expected = used_record(cluster, "REUSED_WAITING")
    expected.update(Status="FAILED", Error=cause, ErrorCode="States.TaskFailed")
    assert record(services) == expected, record(services)


def creation_fails(run, services):
    """Creating the cluster fails: the run is recorded FAILED, with no cluster or decision."""
    services.emr.creation_failure = "The subnet does not exist"
    execution = run()
    assert (execution.status, execution.error) == ("FAILED", "RunFailed"), execution
    assert tasks(execution) == ["RecordStarted", "ListClusters", "CreateCluster", "RecordFailed"], tasks(execution)
    item = record(services)
    assert json.loads(item.pop("Error"))["Status"]["State"] == "TERMINATED_WITH_ERRORS", item
    assert item == started_record("FAILED", CurrentStep="EnsureCluster", ErrorCode="States.TaskFailed"), item


SCENARIOS = [no_cluster, one_waiting, three_waiting_on_two_pages, starting_then_waiting, bootstrapping, running_on_page_two,
             step_fails, creation_fails]


def workflows(binary):
    app = App(binary)
    return [Workflow(app, logical_id, definition) for logical_id, definition in app.definitions()
            if "CreateCluster" in definition["States"] and definition["StartAt"] == "HasDate"]


def main(binaries):
    global W
    require_tools("moto_server", "node")
    asl.node_modules()
    found = [w for binary in binaries for w in workflows(binary)]
    assert len(found) >= len(binaries), [w.label for w in found]
    assert any(w.reads_object for w in found), "no workflow's step reads the uploaded object"
    with Moto() as aws:
        for W in found:
            for scenario in SCENARIOS:
                urllib.request.urlopen(urllib.request.Request(f"{aws.endpoint}/moto-api/reset", method="POST"), timeout=10).read()
                services = Services(aws.endpoint)
                services.table(W.table, "Correlation_Id")
                try:
                    scenario(lambda: asl.run(W.definition, W.input, services, start_time=START), services)
                except AssertionError:
                    print(f"FAIL: {W.label} {scenario.__name__}: {scenario.__doc__}", file=sys.stderr)
                    raise
                print(f"ok: {W.label} {scenario.__name__}")
    print(f"workflows: {len(found)} ensure-cluster workflows ran {len(SCENARIOS)} scenarios each")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
