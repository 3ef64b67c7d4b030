"""The relauncher handler (templates/lambda/relauncher) against moto's in-process mock: a cluster that
terminated with errors has its unfinished and failed runs started again on the workflow, each once,
and its finished runs and other clusters' runs are left alone."""
import importlib.util
import json
import os
import sys

SKIP = 77


def load_handler(directory):
    spec = importlib.util.spec_from_file_location("relauncher", os.path.join(directory, "index.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(directory):
    try:
        import boto3
        from moto import mock_aws
    except ImportError as missing:
        if os.environ.get("DRDB_REQUIRE_LINT_TOOLS") == "1":
            sys.exit(f"FAIL: {missing.name} is not installed (DRDB_REQUIRE_LINT_TOOLS=1)")
        print(f"SKIP: {missing.name} is not installed", file=sys.stderr)
        sys.exit(SKIP)
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1")
    relauncher = load_handler(directory)
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
    print("relauncher: unfinished and failed runs of the failed cluster relaunched once, others left alone")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_relauncher.py HANDLER_DIR", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
