"""The CYI platform (examples/cyi) executed as it synthesizes: uploads go through the landing rule
to the queue and the launcher (one run per partition, any database), the run's item has the
platform's columns; the step and cluster events go through the rules to the tracker and the
relauncher, which restarts a failed run from its failed step, at most twice; operators start a run
of a date range under their correlation id, stop the platform's clusters and clear a run.

usage: test_cyi.py drdb-example-cyi
"""
import os
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from launcher_platform import Platform, cluster_change, complete_step, emr_steps, require_mock, step_change  # noqa: E402
from workflow_app import s3_object_created  # noqa: E402

CLUSTER = "drdb-cyi-append"


def runs_of(table):
    return {(i["Correlation_Id"], i["DataProduct"]): i for i in table.scan()["Items"]}


def uploads(platform, table, emr):
    keys = ["sales/2026-12-01/part-0.csv", "sales/2026-12-01/part-1.csv", "sales/2026-12-01/part-2.csv",
            "hr_payroll/2026-12-01/a.parquet", "README.txt", "sales/december/x.csv"]
    for key in keys:
        assert platform.send(s3_object_created("Landing", key)) == {"UploadCreated": "queued"}, key
    assert platform.send(s3_object_created("Logs", "sales/2026-12-01/x.csv")) == {}, "another bucket"
    messages = platform.queues.pop("Uploads")
    answers = [platform.deliver("Uploads", "Launcher", m) for m in messages]
    assert [len(a["launched"]) for a in answers] == [1, 0, 0, 1, 0, 0], answers
    assert platform.deliver("Uploads", "Launcher", messages[0]) == {"launched": []}, "a redelivered message"
    runs = runs_of(table)
    sales = runs[(str(uuid.uuid5(uuid.UUID("5d1e6f3a-2b7c-4d8e-9f10-a1b2c3d4e5f6"), "s3://Landing/sales/2026-12-01/")), "sales")]
    assert set(d for _, d in runs) == {"sales", "hr_payroll"}, runs
    assert sales["Status"] == "STARTED" and sales["Date"] == "2026-12-01" and int(sales["TimeToExist"]) > 0, sales
    steps = emr_steps(emr, sales["Cluster_Id"])
    assert [s["Name"] for s in steps] == ["append-sales-2026-12-01"], steps
    assert "INPUT=s3://Landing/sales/2026-12-01/" in steps[0]["Config"]["Args"], steps[0]["Config"]["Args"]
    tags = {t["Key"]: t["Value"] for t in emr.describe_cluster(ClusterId=sales["Cluster_Id"])["Cluster"]["Tags"]}
    assert tags["drdb:stack"] == "Cyi", tags
    return sales


def failures(platform, table, emr, run):
    key = {"Correlation_Id": run["Correlation_Id"], "DataProduct": "sales"}
    cluster = run["Cluster_Id"]
    for attempt in (1, 2):
        (step,) = emr_steps(emr, cluster)
        assert platform.send(step_change(cluster, step, "RUNNING")) == {"StepChanged": {"updated": [run["Correlation_Id"]]}}
        assert table.get_item(Key=key)["Item"]["Status"] == "RUNNING"
        complete_step(cluster, step["Id"], "FAILED")
        platform.send(step_change(cluster, step, "FAILED"))
        item = table.get_item(Key=key)["Item"]
        assert item["Status"] == "FAILED" and item["FailedStep"] == 0 and item["CurrentStep"] == step["Name"], item
        ended = platform.send(cluster_change(cluster, CLUSTER, "TERMINATED_WITH_ERRORS", "STEP_FAILURE", "Shut down as step failed"),
                              order=["RunTracker", "Relauncher"])
        assert ended["ClusterFailed"] == {"relaunched": [run["Correlation_Id"]]}, ended
        item = table.get_item(Key=key)["Item"]
        assert item["Cluster_Id"] != cluster and item["Relaunches"] == attempt and item["Status"] == "STARTED", item
        cluster = item["Cluster_Id"]
        assert [s["Name"] for s in emr_steps(emr, cluster)] == ["append-sales-2026-12-01"], "from the failed step"
    # The third failure: past the cap of two relaunches the run is FAILED and nothing launches.
    count = len(emr.list_clusters()["Clusters"])
    ended = platform.send(cluster_change(cluster, CLUSTER, "TERMINATED_WITH_ERRORS", "INSTANCE_FAILURE", "lost the primary node"))
    assert ended["ClusterFailed"] == {"relaunched": []}, ended
    item = table.get_item(Key=key)["Item"]
    assert item["Status"] == "FAILED" and "cap" in item["Reason"] and len(emr.list_clusters()["Clusters"]) == count, item


def operators(platform, table, emr):
    start = {"action": "start", "EXPORT_DATE": "2026-11-30", "START_DATE": "2026-11-28", "CORRELATION_ID": "backfill-7", "DATABASE": "sales"}
    (run,) = platform.invoke("Launcher", start)["launched"]
    assert [s["Name"] for s in emr_steps(emr, run["cluster_id"])] == [f"append-sales-2026-11-{d}" for d in (28, 29, 30)]
    item = table.get_item(Key={"Correlation_Id": "backfill-7", "DataProduct": "sales"})["Item"]
    assert item["Date"] == "2026-11-30" and item["Status"] == "STARTED", item

    stopped = platform.invoke("Launcher", {"action": "stop"})["stopped"]
    assert run["cluster_id"] in stopped, stopped
    platform.send(cluster_change(run["cluster_id"], CLUSTER, "TERMINATED", "USER_REQUEST", "Terminated by user request"))
    assert table.get_item(Key={"Correlation_Id": "backfill-7", "DataProduct": "sales"})["Item"]["Status"] == "STOPPED"
    assert platform.invoke("Launcher", {"action": "clear", "CORRELATION_ID": "backfill-7"})["cleared"]
    assert "Item" not in table.get_item(Key={"Correlation_Id": "backfill-7", "DataProduct": "sales"})


def main(binary):
    mock_aws = require_mock()
    platform = Platform(binary, {"Launcher": "launcher", "RunTracker": "run_tracker", "Relauncher": "relauncher"})
    with mock_aws():
        import boto3
        platform.create_tables(boto3)
        table = boto3.resource("dynamodb").Table("ClusterState")
        emr = boto3.client("emr")
        run = uploads(platform, table, emr)
        completed = cluster_change("j-ELSEWHERE", CLUSTER, "TERMINATED", "ALL_STEPS_COMPLETED", "Steps completed")
        assert platform.send(completed) == {"ClusterEnded": {"updated": []}}, "a cluster that ended well is not relaunched"
        failures(platform, table, emr, run)
        operators(platform, table, emr)
    print("workflows.cyi: one run per partition of any database, tracked, relaunched from the failed step up to the cap, operators' actions")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
