"""End to end: the pipeline example deployed to the local mock AWS with CloudFormation, then run.

Deploy: the Lambda asset is uploaded first (as assets.json says), then every resource is created.
Read back from the mock: the triggers (the upload, nightly, lifecycle and cluster-failure rules with
their targets and inputs; the landing bucket's EventBridge notifications, which the mock ignores, in
the template), the run-log table's keys
and index (its TTL, which the mock ignores, in the template), the relauncher's environment, the two state machines' definitions, and roles whose
policies name no wildcard action. The stack deploys no EMR cluster: the workflows launch it.

Run (sfn_run.py): the deployed workflow's definition is executed against the deployed stack next to a
WAITING cluster of the model's name: the run reuses that cluster, runs the step and is recorded
SUCCEEDED with its expiry (the JSONata state's value).

Deleted at the end: state machines, rules, the function, roles and groups go; the buckets, key and
run log, which drdb retains, stay, with the run's record; the VPC stays too, as the mock cannot
delete its route tables (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import sfn_run  # noqa: E402
from moto import Moto, require_tools, without_kms_key_tags  # noqa: E402

DAY = 86400


def of_type(body, kind):
    return {k: v for k, v in body["Resources"].items() if v["Type"] == kind}


def check_triggers(aws, outputs):
    """The upload and cluster-failure rules' patterns and the schedules. Returns the rules by name."""
    rules = {r["Name"]: r for r in aws("events", "list-rules")["Rules"]}
    patterns = [json.loads(r["EventPattern"]) for r in rules.values() if "EventPattern" in r]
    uploads = [p for p in patterns if p.get("source") == ["aws.s3"]]
    assert len(uploads) == 1, patterns
    assert uploads[0]["detail"]["bucket"]["name"] == [outputs["LandingBucket"]], uploads
    assert uploads[0]["detail"]["object"]["key"] == [{"prefix": "sales/"}], uploads
    failures = [p for p in patterns if p.get("source") == ["aws.emr"]]
    assert len(failures) == 1 and failures[0]["detail"] == {"name": ["drdb-pipeline"], "state": ["TERMINATED_WITH_ERRORS"]}, failures
    schedules = sorted(r["ScheduleExpression"] for r in rules.values() if "ScheduleExpression" in r)
    assert schedules == ["cron(0 13 ? * WED *)", "cron(0 2 * * ? *)", "cron(0 22 ? * MON-FRI *)", "cron(0 6 ? * MON-FRI *)"], schedules
    return rules


def check_rules(aws, outputs):
    rules = check_triggers(aws, outputs)
    inputs = []
    for name in rules:
        for target in aws("events", "list-targets-by-rule", "--rule", name)["Targets"]:
            inputs.append(json.loads(target["Input"]) if "Input" in target else target.get("InputTransformer", {}).get("InputTemplate"))
            if target["Arn"].startswith("arn:aws:states:"):
                assert target.get("RoleArn"), (name, target)
    actions = sorted(i["action"] for i in inputs if isinstance(i, dict) and "action" in i)
    assert actions == ["recycle", "start", "stop"], inputs
    assert {"trigger": "schedule"} in inputs, inputs
    assert any(isinstance(i, str) and '"trigger": "upload"' in i for i in inputs), inputs


def check_deployed(aws, body, outputs, resources):
    assert not of_type(body, "AWS::EMR::Cluster"), "the cluster is launched by the workflows, not the stack"
    # The mock's CloudFormation ignores a bucket's NotificationConfiguration: checked in the template.
    (landing,) = [v for v in of_type(body, "AWS::S3::Bucket").values() if "NotificationConfiguration" in v["Properties"]]
    assert landing["Properties"]["NotificationConfiguration"] == {"EventBridgeConfiguration": {"EventBridgeEnabled": True}}, landing
    check_rules(aws, outputs)

    table = aws("dynamodb", "describe-table", "--table-name", outputs["RunLogTable"])["Table"]
    assert table["KeySchema"] == [{"AttributeName": "Correlation_Id", "KeyType": "HASH"}], table["KeySchema"]
    assert [i["IndexName"] for i in table["GlobalSecondaryIndexes"]] == ["ByCluster"], table
    # The mock's CloudFormation does not turn on a table's TTL: checked in the template.
    (table_body,) = of_type(body, "AWS::DynamoDB::Table").values()
    ttl = table_body["Properties"]["TimeToLiveSpecification"]
    assert ttl == {"AttributeName": "TimeToExist", "Enabled": True}, ttl

    function = aws("lambda", "get-function-configuration", "--function-name", outputs["RelauncherFunction"])
    env = function["Environment"]["Variables"]
    assert env["RUN_LOG_TABLE"] == outputs["RunLogTable"] and env["WORKFLOW_ARN"] == outputs["StateMachineArn"], env
    assert function["Runtime"] == "python3.12" and function["Handler"] == "index.handler", function

    machines = aws("stepfunctions", "list-state-machines")["stateMachines"]
    assert len(machines) == 2, machines
    definitions = {}
    for m in machines:
        described = aws("stepfunctions", "describe-state-machine", "--state-machine-arn", m["stateMachineArn"])
        definitions[m["stateMachineArn"]] = json.loads(described["definition"])
    workflow = definitions.pop(outputs["StateMachineArn"])
    (lifecycle,) = definitions.values()
    assert workflow["States"]["SetRecordExpiry"]["QueryLanguage"] == "JSONata", workflow["States"]["SetRecordExpiry"]
    assert str(90 * DAY) in workflow["States"]["SetRecordExpiry"]["Output"]
    assert workflow["States"]["RecordStarted"]["Parameters"]["Item"]["TimeToExist"] == {"N.$": "$.run.expires_at"}
    assert lifecycle["StartAt"] == "Action", lifecycle
    assert lifecycle["States"]["LaunchCluster"]["Parameters"]["Name"] == "drdb-pipeline"

    for role_id in of_type(body, "AWS::IAM::Role"):
        wildcards = [a for a in aws.role_actions(resources[role_id][1]) if "*" in a]
        assert not wildcards, (role_id, wildcards)
    return workflow


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-pipeline-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(out, "cloudformation", "Pipeline.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            bucket = aws.upload_assets(out)
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(template, os.path.join(work, "mock.json"))
            outputs, resources = aws.deploy_modelled("pipeline", deployable, body, parameters=[("AssetsBucket", bucket)])
            workflow = check_deployed(aws, body, outputs, resources)
            sfn_run.run_next_to_waiting_cluster(aws, workflow, outputs["RunLogTable"], "drdb-pipeline", "sales")
            deleted, retained = aws.delete_stack("pipeline", body)
            assert {"AWS::StepFunctions::StateMachine", "AWS::Events::Rule", "AWS::Lambda::Function"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key"} <= retained, retained
            assert sfn_run.run_record(aws, outputs["RunLogTable"]), "the retained run log lost its record"
    print("e2e pipeline: deployed with its asset; triggers, run log, relauncher and state machines as rendered; "
          "one run reusing a waiting cluster recorded with its expiry; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_pipeline.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
