"""The PDM platform (examples/pdm) executed as it synthesizes: the daily rule's launch fails, naming
the secret, until the metastore password has a value, then launches one run of the PDM data product
(a redelivered schedule event launches nothing more) whose item has the platform's columns; a step
failing with CANCEL_AND_WAIT ends the cluster TERMINATED with STEP_FAILURE, which the relauncher
answers by restarting the run from that step, as it answers TERMINATED_WITH_ERRORS; the third
failure is past the cap of two relaunches: the run is FAILED and nothing launches. An operator's
start with INITIAL_LOAD runs the initial load of the five transactional tables first.

usage: test_pdm.py drdb-example-pdm
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from launcher_platform import Platform, cluster_change, complete_step, emr_steps, require_mock, step_change  # noqa: E402

CLUSTER = "drdb-pdm"
# The daily run's steps, in order (examples/pdm/app.cpp).
DAILY = ["clear-metrics", "load", "publish", "clear-metrics-at-end"]


def scheduled(event_id):
    return {"version": "0", "id": event_id, "detail-type": "Scheduled Event", "source": "aws.events", "account": "123456789012",
            "time": "2026-12-01T01:30:00Z", "region": "us-east-1", "resources": ["arn:aws:events:us-east-1:123456789012:rule/Daily"],
            "detail": {}}


def daily_run(platform, table, emr, secrets):
    (target,) = platform.rules["Daily"]["Targets"]
    assert target["Arn"] == {"Fn::GetAtt": ["Launcher", "Arn"]}, target
    secrets.create_secret(Name="MetastorePassword")
    try:
        platform.invoke("Launcher", scheduled("e-1"))
        raise AssertionError("launched before the metastore password was set")
    except RuntimeError as no_password:
        assert "MetastorePassword has no value yet" in str(no_password), no_password
    assert table.scan()["Items"] == [], "a refused launch records nothing"
    secrets.put_secret_value(SecretId="MetastorePassword", SecretString="s3cret")
    (run,) = platform.invoke("Launcher", scheduled("e-1"))["launched"]
    assert platform.invoke("Launcher", scheduled("e-1")) == {"launched": []}, "the same schedule event delivered again"
    (item,) = table.scan()["Items"]
    expected = {"DataProduct": "PDM", "Date": "2026-12-01", "Status": "STARTED", "Cluster_Id": run["cluster_id"], "Run_Id": run["run_id"],
                "CurrentStep": "clear-metrics", "S3_Prefix_Snapshots": "s3://Data/snapshots/",
                "S3_Prefix_Analytical_DataSet": "s3://Data/analytical-dataset/", "Snapshot_Type": "incremental"}
    assert {k: item.get(k) for k in expected} == expected, item
    assert int(item["TimeToExist"]) > 0 and "ClusterId" not in item, item
    # The run's metrics are cleared first and, once it has succeeded, last.
    assert [s["Name"] for s in emr_steps(emr, run["cluster_id"])] == DAILY
    return item


def relaunches(platform, table, emr, item):
    key = {"Correlation_Id": item["Correlation_Id"], "DataProduct": "PDM"}
    cluster = item["Cluster_Id"]
    clear, load, publish, _ = emr_steps(emr, cluster)
    assert publish["ActionOnFailure"] == "CANCEL_AND_WAIT"

    # "clear-metrics" and "load" complete, "publish" fails with CANCEL_AND_WAIT (so the metrics are
    # not cleared at the end: they keep the failure); the cluster then ends TERMINATED, STEP_FAILURE.
    for step in (clear, load):
        platform.send(step_change(cluster, step, "RUNNING"))
        complete_step(cluster, step["Id"])
    platform.send(step_change(cluster, publish, "RUNNING"))
    assert table.get_item(Key=key)["Item"]["CurrentStep"] == "publish"
    complete_step(cluster, publish["Id"], "FAILED")
    platform.send(step_change(cluster, publish, "FAILED"))
    assert table.get_item(Key=key)["Item"]["FailedStep"] == 2
    ended = cluster_change(cluster, CLUSTER, "TERMINATED", "STEP_FAILURE", "Shut down as step failed")
    answers = platform.send(ended, order=["Relauncher", "RunTracker"])  # the relauncher first: the tracker's late event changes nothing
    assert answers == {"ClusterFailed": {"relaunched": [item["Correlation_Id"]]}, "ClusterEnded": {"updated": []}}, answers
    second = table.get_item(Key=key)["Item"]
    assert second["Relaunches"] == 1 and second["StartStep"] == 2 and second["Status"] == "STARTED", second
    assert [s["Name"] for s in emr_steps(emr, second["Cluster_Id"])] == DAILY[2:], "restarted from the failed step"

    # The relaunched cluster fails with errors (no step ran): relaunched from "publish" again.
    answers = platform.send(cluster_change(second["Cluster_Id"], CLUSTER, "TERMINATED_WITH_ERRORS", "BOOTSTRAP_FAILURE", "bootstrap failed"))
    assert answers["ClusterFailed"] == {"relaunched": [item["Correlation_Id"]]}, answers
    third = table.get_item(Key=key)["Item"]
    assert third["Relaunches"] == 2 and [s["Name"] for s in emr_steps(emr, third["Cluster_Id"])] == DAILY[2:], third

    # A third failure is past the cap (two relaunches).
    count = len(emr.list_clusters()["Clusters"])
    answers = platform.send(cluster_change(third["Cluster_Id"], CLUSTER, "TERMINATED", "STEP_FAILURE", "Shut down as step failed"))
    assert answers["ClusterFailed"] == {"relaunched": []}, answers
    final = table.get_item(Key=key)["Item"]
    assert final["Status"] == "FAILED" and final["FailedStep"] == 2 and "cap" in final["Reason"], final
    assert len(emr.list_clusters()["Clusters"]) == count


def main(binary):
    mock_aws = require_mock()
    platform = Platform(binary, {"Launcher": "launcher", "RunTracker": "run_tracker", "Relauncher": "relauncher"})
    with mock_aws():
        import boto3
        platform.create_tables(boto3)
        table = boto3.resource("dynamodb").Table("Runs")
        emr = boto3.client("emr")
        item = daily_run(platform, table, emr, boto3.client("secretsmanager"))
        for code in ("ALL_STEPS_COMPLETED", "USER_REQUEST"):
            routed = platform.send(cluster_change("j-OTHER", CLUSTER, "TERMINATED", code, "..."))
            assert set(routed) == {"ClusterEnded"}, (code, routed)
        assert platform.send(cluster_change("j-OTHER", "drdb-cyi-append", "TERMINATED_WITH_ERRORS", "INTERNAL_ERROR", "...")) == {}
        relaunches(platform, table, emr, item)
        # The initial transactional load, asked for by an operator's start.
        start = {"action": "start", "EXPORT_DATE": "2026-12-02", "CORRELATION_ID": "initial-load", "INITIAL_LOAD": True}
        (initial,) = platform.invoke("Launcher", start)["launched"]
        names = [s["Name"] for s in emr_steps(emr, initial["cluster_id"])]
        assert names == [f"initial-load-{t}" for t in ("orders", "order_lines", "products", "customers", "prices")] + DAILY, names
        assert table.get_item(Key={"Correlation_Id": "initial-load", "DataProduct": "PDM"})["Item"]["Status"] == "STARTED"
    print("workflows.pdm: the secret checked, one run per schedule event with the platform's columns, "
          "relaunched on both failure events from the failed step, up to the cap")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
