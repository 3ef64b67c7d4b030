"""The relauncher handler (templates/lambda/relauncher) against moto's in-process mock: a cluster that
terminated with errors has its unfinished and failed runs started again, each once, and its finished
runs and other clusters' runs are left alone. Workflow runs become new executions; launcher runs are
relaunched through the launcher handler (templates/lambda/launcher, called in-process where Lambda
would invoke it) from the first step the cluster did not complete."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402


class InProcessLambda:
    """Lambda's invoke, answered by a handler module in this process (the mock runs no code)."""

    def __init__(self, module):
        self.module = module

    def invoke(self, FunctionName, Payload):
        import io
        return {"StatusCode": 200, "Payload": io.BytesIO(json.dumps(self.module.handler(json.loads(Payload), None)).encode())}


def relaunch_through_launcher(relauncher, launcher):
    """Launcher runs: both ways EMR reports a failed cluster relaunch the run from the first step the
    cluster did not complete, on the same run item, up to the launcher's cap; other endings do not."""
    import boto3
    definition = {"Name": "pdm", "ReleaseLabel": "emr-6.15.0", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
                  "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}]}}
    steps = [{"Name": name, "ActionOnFailure": "CANCEL_AND_WAIT", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}
             for name in ("load", "transform", "publish")]
    os.environ.update(CLUSTER_DEFINITION=json.dumps(definition), STEPS=json.dumps(steps), RUN_LOG_TABLE="pdm-runs",
                      LAUNCHER_FUNCTION="launcher", DATA_PRODUCT="PDM", MAX_RELAUNCHES="2")
    table = boto3.resource("dynamodb").create_table(
        TableName="pdm-runs", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ("Correlation_Id", "DataProduct", "Cluster_Id")],
        GlobalSecondaryIndexes=[{"IndexName": "ByCluster", "KeySchema": [{"AttributeName": "Cluster_Id", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}])
    emr = boto3.client("emr")
    (first,) = launcher.handler({"id": "e1", "source": "aws.events", "time": "2026-11-21T01:00:00Z"}, None)["launched"]
    key = {"Correlation_Id": first["correlation_id"], "DataProduct": "PDM"}
    complete(emr, first["cluster_id"], "load")  # the cluster got through "load" only
    real_client = relauncher.boto3.client
    relauncher.boto3.client = lambda service, *a, **k: InProcessLambda(launcher) if service == "lambda" else real_client(service, *a, **k)
    try:
        done = cluster_state_change(first["cluster_id"], "TERMINATED", "ALL_STEPS_COMPLETED", "Steps completed")
        assert relauncher.handler(done, None) == {"relaunched": []}, "a cluster that ended well"
        stopped = cluster_state_change(first["cluster_id"], "TERMINATED", "USER_REQUEST", "Terminated by user request")
        assert relauncher.handler(stopped, None) == {"relaunched": []}, "a cluster an operator stopped"

        # CANCEL_AND_WAIT, then auto-termination: TERMINATED with STEP_FAILURE.
        step_failed = cluster_state_change(first["cluster_id"], "TERMINATED", "STEP_FAILURE", "Shut down as step failed")
        assert relauncher.handler(step_failed, None) == {"relaunched": [first["correlation_id"]]}
        record = table.get_item(Key=key)["Item"]
        again = record["Cluster_Id"]
        assert again != first["cluster_id"] and record["Relaunches"] == 1 and record["StartStep"] == 1, record
        assert [s["Name"] for s in reversed(emr.list_steps(ClusterId=again)["Steps"])] == ["transform", "publish"]
        assert relauncher.handler(step_failed, None) == {"relaunched": []}, "a repeated event relaunches nothing more"

        # The relaunched cluster completes "transform" and fails with errors: relaunched from "publish".
        complete(emr, again, "transform")
        errors = cluster_state_change(again, "TERMINATED_WITH_ERRORS", "VALIDATION_ERROR", "The requested instance type is not supported")
        assert relauncher.handler(errors, None) == {"relaunched": [first["correlation_id"]]}
        third = table.get_item(Key=key)["Item"]["Cluster_Id"]
        assert [s["Name"] for s in reversed(emr.list_steps(ClusterId=third)["Steps"])] == ["publish"]

        # A third failure: the cap (2) is reached, the run is FAILED, nothing launches.
        clusters = len(emr.list_clusters()["Clusters"])
        assert relauncher.handler(cluster_state_change(third, "TERMINATED_WITH_ERRORS", "INTERNAL_ERROR", "x"), None) == {"relaunched": []}
        record = table.get_item(Key=key)["Item"]
        assert record["Status"] == "FAILED" and record["Relaunches"] == 2 and record["FailedStep"] == 2, record
        assert len(emr.list_clusters()["Clusters"]) == clusters
    finally:
        relauncher.boto3.client = real_client
        for name in ("DATA_PRODUCT", "MAX_RELAUNCHES"):
            del os.environ[name]


def cluster_state_change(cluster_id, state, code, message):
    """An "EMR Cluster State Change" as EMR sends it: stateChangeReason is JSON text."""
    return {"version": "0", "source": "aws.emr", "detail-type": "EMR Cluster State Change",
            "detail": {"severity": "INFO" if state == "TERMINATED" else "CRITICAL", "name": "pdm", "clusterId": cluster_id, "state": state,
                       "message": f"Amazon EMR Cluster {cluster_id} has terminated", "stateChangeReason": json.dumps({"code": code, "message": message})}}


def complete(emr, cluster_id, name):
    (step,) = [s for s in emr.list_steps(ClusterId=cluster_id)["Steps"] if s["Name"] == name]
    emr_backend_complete(cluster_id, step["Id"])


def emr_backend_complete(cluster_id, step_id):
    """Marks a step COMPLETED in the mock (its API cannot)."""
    from moto.emr.models import emr_backends
    for step in emr_backends["123456789012"]["us-east-1"].clusters[cluster_id].steps:
        if step.id == step_id:
            step.state = "COMPLETED"


def main(directory):
    boto3, mock_aws = require_mock()
    relauncher = load_handler(directory, "relauncher")
    with mock_aws():
        dynamodb = boto3.resource("dynamodb")
        table = dynamodb.create_table(
            TableName="runs", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "Correlation_Id", "AttributeType": "S"},
                                  {"AttributeName": "ClusterId", "AttributeType": "S"}],
            GlobalSecondaryIndexes=[{"IndexName": "ByCluster", "KeySchema": [{"AttributeName": "ClusterId", "KeyType": "HASH"}],
                                     "Projection": {"ProjectionType": "ALL"}}])
        for run, cluster, status in [("a", "j-FAILED", "RUNNING"), ("b", "j-FAILED", "FAILED"), ("c", "j-FAILED", "SUCCEEDED"),
                                     ("d", "j-OTHER", "RUNNING")]:
            table.put_item(Item={"Correlation_Id": run, "ClusterId": cluster, "Status": status, "Date": "2026-11-21"})
        sfn = boto3.client("stepfunctions")
        machine = sfn.create_state_machine(name="workflow", roleArn="arn:aws:iam::123456789012:role/workflow",
                                           definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}))
        os.environ.update(RUN_LOG_TABLE="runs", RUN_LOG_CLUSTER_INDEX="ByCluster", WORKFLOW_ARN=machine["stateMachineArn"])

        ignored = relauncher.handler({"detail": {"clusterId": "j-FAILED", "state": "TERMINATED"}}, None)
        assert ignored == {"relaunched": []}, ignored
        event = {"source": "aws.emr", "detail-type": "EMR Cluster State Change",
                 "detail": {"clusterId": "j-FAILED", "state": "TERMINATED_WITH_ERRORS", "name": "drdb-pipeline"}}
        result = relauncher.handler(event, None)
        assert sorted(result["relaunched"]) == ["a", "b"], result
        executions = sfn.list_executions(stateMachineArn=machine["stateMachineArn"])["executions"]
        inputs = sorted(json.loads(sfn.describe_execution(executionArn=e["executionArn"])["input"])["relaunch_of"] for e in executions)
        assert inputs == ["a", "b"], inputs
        first = json.loads(sfn.describe_execution(executionArn=executions[0]["executionArn"])["input"])
        assert first["date"] == "2026-11-21" and first["trigger"] == "relaunch", first
        statuses = {i["Correlation_Id"]: i["Status"] for i in table.scan()["Items"]}
        assert statuses == {"a": "RELAUNCHED", "b": "RELAUNCHED", "c": "SUCCEEDED", "d": "RUNNING"}, statuses
        assert relauncher.handler(event, None) == {"relaunched": []}, "a run is relaunched once"
        del os.environ["WORKFLOW_ARN"]
        relaunch_through_launcher(relauncher, load_handler(os.path.join(directory, "..", "launcher"), "launcher"))
    print("relauncher: unfinished and failed runs of the failed cluster relaunched once, others left alone")


if __name__ == "__main__":
    main(directory_argument("test_relauncher.py"))
