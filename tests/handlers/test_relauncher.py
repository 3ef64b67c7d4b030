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
    import boto3
    definition = {"Name": "pdm", "ReleaseLabel": "emr-6.15.0", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
                  "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}]}}
    steps = [{"Name": name, "ActionOnFailure": "CANCEL_AND_WAIT", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}
             for name in ("load", "transform", "publish")]
    os.environ.update(CLUSTER_DEFINITION=json.dumps(definition), STEPS=json.dumps(steps), RUN_LOG_TABLE="pdm-runs",
                      LAUNCHER_FUNCTION="launcher")
    table = boto3.resource("dynamodb").create_table(
        TableName="pdm-runs", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ("Correlation_Id", "DataProduct", "ClusterId")],
        GlobalSecondaryIndexes=[{"IndexName": "ByCluster", "KeySchema": [{"AttributeName": "ClusterId", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}])
    emr = boto3.client("emr")
    (first,) = launcher.handler({"source": "aws.events", "time": "2026-11-21T01:00:00Z"}, None)["launched"]
    # The cluster got through "load" only.
    for step in emr.list_steps(ClusterId=first["cluster_id"])["Steps"]:
        if step["Name"] == "load":
            emr_backend_complete(first["cluster_id"], step["Id"])
    real_client = relauncher.boto3.client
    relauncher.boto3.client = lambda service, *a, **k: InProcessLambda(launcher) if service == "lambda" else real_client(service, *a, **k)
    try:
        event = {"detail": {"clusterId": first["cluster_id"], "state": "TERMINATED_WITH_ERRORS"}}
        assert relauncher.handler(event, None) == {"relaunched": [first["correlation_id"]]}
    finally:
        relauncher.boto3.client = real_client
    record = table.get_item(Key={"Correlation_Id": first["correlation_id"], "DataProduct": "default"})["Item"]
    assert record["Status"] == "RELAUNCHED" and record["FailedStep"] == 1, record
    again = record["RelaunchedAs"]
    assert [s["Name"] for s in reversed(emr.list_steps(ClusterId=again)["Steps"])] == ["transform", "publish"]


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
