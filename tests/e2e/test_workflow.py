"""End to end: the workflow example deployed to the local mock AWS with CloudFormation, then run.

Deploy: every resource is created; the state machine read back from the mock has the definition
drdb rendered (with its references resolved), its role, and STANDARD type; the role's policy names
exactly the actions the graph calls.

Run (sfn_run.py): the deployed definition is created again through the mock's API and started: the
run must be recorded in the run-log table under the execution's name with its data product, the
input's date and its expiry, and ListClusters must run. The account has no cluster, and the mock
fails the JSONPath filter on the empty page with States.Runtime, where Step Functions gives an empty
list (see test_pipeline.py, which runs further with a cluster in place).

Deleted at the end: the state machine, roles and groups go (the cluster was terminated); the run
log, which drdb retains, stays with the run's record; the VPC stays too, as the mock cannot delete
its route tables (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import sfn_run  # noqa: E402
from moto import Moto, require_tools  # noqa: E402

STATES = {"HasDate", "InitFromInput", "InitFromStartTime", "SetRecordExpiry", "RecordStarted", "ListClusters", "ListNextPage", "FilterClusters",
          "SummarizeClusters", "SortClusters", "Decide", "UseWaitingCluster",
          "TerminateExtraClusters", "UseRunningCluster", "WaitForCluster", "CreateCluster", "RecordRunning", "RunStep",
          "RecordSucceeded", "Done", "RecordFailed", "Failed"}

# What the graph calls, which the state machine's role must allow.
ROLE_ACTIONS = {"elasticmapreduce:RunJobFlow", "elasticmapreduce:ListClusters", "elasticmapreduce:AddJobFlowSteps",
                "elasticmapreduce:TerminateJobFlows", "iam:PassRole", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "events:PutRule"}


def of_type(body, kind):
    return {k: v for k, v in body["Resources"].items() if v["Type"] == kind}


def check_deployed(aws, body, outputs, resources):
    machine = aws("stepfunctions", "describe-state-machine", "--state-machine-arn", outputs["StateMachineArn"])
    definition = json.loads(machine["definition"])
    assert set(definition["States"]) == STATES, sorted(definition["States"])
    assert definition["StartAt"] == "HasDate"
    record = definition["States"]["RecordStarted"]
    assert record["Resource"] == "arn:aws:states:::dynamodb:putItem", record["Resource"]
    assert record["Parameters"]["TableName"] == outputs["RunLogTable"], record["Parameters"]
    create = definition["States"]["CreateCluster"]["Parameters"]
    assert create["Name"] == "drdb-example-workflow" and create["ReleaseLabel"] == "emr-7.1.0", create
    assert create["Instances"]["KeepJobFlowAliveWhenNoSteps"] is True
    (role_id,) = [k for k, v in of_type(body, "AWS::IAM::Role").items() if "states.amazonaws.com" in json.dumps(v)]
    role_name = resources[role_id][1]
    assert machine["roleArn"].endswith(":role/" + role_name), (machine["roleArn"], role_name)
    assert machine.get("type", "STANDARD") == "STANDARD"
    actions = aws.role_actions(role_name)
    assert not [a for a in actions if "*" in a], actions
    assert ROLE_ACTIONS <= actions, sorted(ROLE_ACTIONS - actions)
    return definition, machine["roleArn"]


def run_once(aws, definition, role_arn, table):
    """Runs the deployed definition once in the mock (sfn_run.py): recorded, then stopped by the mock."""
    started = sfn_run.now()
    runnable, expires_at = sfn_run.with_expiry_evaluated(definition, started)
    assert int(expires_at) == int(started.timestamp()) + 90 * 86400, (expires_at, started)
    status, entered, history = sfn_run.run_in_mock(aws, runnable, role_arn, "run-e2e-1", {"date": "2026-11-21"})
    assert status == "FAILED", (status, entered)
    assert entered == ["HasDate", "InitFromInput", "SetRecordExpiry", "RecordStarted", "ListClusters", "FilterClusters"], (entered, history)
    record = sfn_run.run_record(aws, table)
    assert record, "the run was not recorded"
    assert record["DataProduct"] == {"S": "sales"}, record
    assert record["RunId"]["S"].endswith(":run-e2e-1"), record
    assert record["Date"] == {"S": "2026-11-21"}, record
    assert record["TimeToExist"] == {"N": expires_at}, record


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-workflow-") as work:
        subprocess.run([app, "synth", "--out", work, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(work, "cloudformation", "Workflow.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            outputs, resources = aws.deploy_modelled("workflow", template, body)
            definition, role_arn = check_deployed(aws, body, outputs, resources)
            run_once(aws, definition, role_arn, outputs["RunLogTable"])
            deleted, retained = aws.delete_stack("workflow", body)
            assert {"AWS::StepFunctions::StateMachine", "AWS::IAM::Role", "AWS::EC2::SecurityGroup"} <= deleted, deleted
            assert {"AWS::DynamoDB::Table", "AWS::S3::Bucket"} <= retained, retained
            assert sfn_run.run_record(aws, outputs["RunLogTable"]), "the retained run log lost its record"
    print("e2e workflow: deployed, state machine and role as rendered, one run recorded and failed as expected; "
          "deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_workflow.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
