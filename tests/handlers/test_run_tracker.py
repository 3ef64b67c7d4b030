"""The run tracker (templates/lambda/run_tracker) against moto's in-process mock: EMR's step and
cluster events, as EMR sends them, keep the runs of the event's cluster current (RUNNING with the
current step, FAILED with the failed step's index, COMPLETED, STOPPED); events of other clusters, and
late events about a run that moved on (relaunched, finished), change nothing."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402

STEPS = json.dumps([{"Name": n} for n in ("load-2026-11-01", "publish-2026-11-01", "load-2026-11-02", "publish-2026-11-02")])


def step_change(cluster_id, name, state):
    return {"version": "0", "source": "aws.emr", "detail-type": "EMR Step Status Change",
            "detail": {"severity": "ERROR" if state == "FAILED" else "INFO", "actionOnFailure": "CANCEL_AND_WAIT", "stepId": "s-1",
                       "name": name, "clusterId": cluster_id, "state": state, "message": f"Step s-1 ({name}) is {state}"}}


def cluster_change(cluster_id, state, code):
    return {"version": "0", "source": "aws.emr", "detail-type": "EMR Cluster State Change",
            "detail": {"severity": "INFO", "name": "drdb-pdm", "clusterId": cluster_id, "state": state,
                       "message": "terminated", "stateChangeReason": json.dumps({"code": code, "message": "..."})}}


def main(directory):
    boto3, mock_aws = require_mock()
    os.environ.update(RUN_LOG_TABLE="runs", RUN_LOG_CLUSTER_INDEX="ByCluster")
    tracker = load_handler(directory, "run_tracker")
    with mock_aws():
        table = boto3.resource("dynamodb").create_table(
            TableName="runs", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ("Correlation_Id", "DataProduct", "Cluster_Id")],
            GlobalSecondaryIndexes=[{"IndexName": "ByCluster", "KeySchema": [{"AttributeName": "Cluster_Id", "KeyType": "HASH"}],
                                     "Projection": {"ProjectionType": "ALL"}}])
        for cid, cluster, start in [("a", "j-A", 0), ("b", "j-B", 2), ("c", "j-C", 0), ("d", "j-D", 0)]:
            table.put_item(Item={"Correlation_Id": cid, "DataProduct": "PDM", "Cluster_Id": cluster, "Status": "STARTED", "Steps": STEPS,
                                 "StartStep": start, "CurrentStep": "load-2026-11-01"})

        def run(cid):
            return table.get_item(Key={"Correlation_Id": cid, "DataProduct": "PDM"})["Item"]

        assert tracker.handler(step_change("j-A", "publish-2026-11-01", "RUNNING"), None) == {"updated": ["a"]}
        assert run("a")["Status"] == "RUNNING" and run("a")["CurrentStep"] == "publish-2026-11-01", run("a")
        assert tracker.handler(step_change("j-A", "publish-2026-11-01", "FAILED"), None) == {"updated": ["a"]}
        assert run("a")["Status"] == "FAILED" and run("a")["FailedStep"] == 1, run("a")
        assert tracker.handler(step_change("j-A", "load-2026-11-02", "RUNNING"), None) == {"updated": []}, "a FAILED run stays so"
        assert tracker.handler(cluster_change("j-A", "TERMINATED", "STEP_FAILURE"), None) == {"updated": []}

        # A relaunched run (started at step 2): the failed step's index is in the whole run's steps.
        tracker.handler(step_change("j-B", "load-2026-11-02", "FAILED"), None)
        assert run("b")["FailedStep"] == 2 and run("b")["CurrentStep"] == "load-2026-11-02", run("b")

        assert tracker.handler(cluster_change("j-C", "TERMINATED", "ALL_STEPS_COMPLETED"), None) == {"updated": ["c"]}
        assert run("c")["Status"] == "COMPLETED" and run("c")["Reason"] == "ALL_STEPS_COMPLETED", run("c")
        assert tracker.handler(cluster_change("j-D", "TERMINATED", "USER_REQUEST"), None) == {"updated": ["d"]}
        assert run("d")["Status"] == "STOPPED", run("d")
        table.update_item(Key={"Correlation_Id": "d", "DataProduct": "PDM"}, UpdateExpression="SET #s = :s",
                          ExpressionAttributeNames={"#s": "Status"}, ExpressionAttributeValues={":s": "RUNNING"})
        assert tracker.handler(cluster_change("j-D", "TERMINATED_WITH_ERRORS", "INTERNAL_ERROR"), None) == {"updated": ["d"]}
        assert run("d")["Status"] == "FAILED", run("d")

        assert tracker.handler(step_change("j-OTHER", "load", "RUNNING"), None) == {"updated": []}, "another platform's cluster"
        assert tracker.handler(cluster_change("j-C", "RUNNING", ""), None) == {"updated": []}
        assert tracker.handler({"detail": {}}, None) == {"updated": []}
    print("run_tracker: step and cluster events keep their cluster's runs current; others change nothing")


if __name__ == "__main__":
    main(directory_argument("test_run_tracker.py"))
