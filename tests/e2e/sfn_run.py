"""Running a deployed ensure-cluster workflow (EnsureClusterRunStep) against the stack in the mock.

The mock cannot execute the workflow (it has no JSONata, stops where a JSONPath filter matches
nothing, and runs no EMR integration), so the definition read back from the mock is executed by the
ASL interpreter of tests/workflows (asl.py), its Tasks served by the same mock: the run is recorded
in the deployed run-log table, the cluster is found by ListClusters, and the step is added to it.
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "workflows"))
import asl  # noqa: E402
from services import Services  # noqa: E402


def run_record(aws, table, run="run-e2e-1"):
    """The run log's record of a test run ({} when there is none)."""
    key = json.dumps({"Correlation_Id": {"S": run}})
    return aws("dynamodb", "get-item", "--table-name", table, "--key", key).get("Item", {})


def run_next_to_waiting_cluster(aws, definition, table, cluster_name, data_product, retention_days=90):
    """Runs the workflow's definition once next to a WAITING cluster named `cluster_name` and one of
    another name: the run reuses the model's cluster, adds the step to it and succeeds, and its record
    in `table` says so, with the input's date and the record's expiry."""
    asl.node_modules()
    services = Services(aws.endpoint)
    cluster = services.emr.launch(cluster_name)
    services.emr.launch("someone-else")
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    execution = asl.run(definition, {"trigger": "upload", "date": "2026-11-21", "object": {"bucket": "b", "key": "k"}}, services,
                        name="run-e2e-1", start_time=started.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
    assert execution.status == "SUCCEEDED", execution
    assert "CreateCluster" not in execution.entered, execution.entered
    assert [s["Name"] for s in services.emr.steps(cluster)] == [execution.called("RunStep")[0]["Step"]["Name"]]
    record = run_record(aws, table)
    assert record["DataProduct"] == {"S": data_product} and record["Status"] == {"S": "SUCCEEDED"}, record
    assert record["ClusterId"] == {"S": cluster} and record["ClusterDecision"] == {"S": "REUSED_WAITING"}, record
    expires_at = int(started.timestamp()) + retention_days * 86400
    assert record["Date"] == {"S": "2026-11-21"} and record["TimeToExist"] == {"N": str(expires_at)}, record
