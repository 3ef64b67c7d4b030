"""End to end: the workflow example deployed to the local mock AWS with CloudFormation, then run.

Deploy: every resource is created; the state machine read back from the mock has the definition
drdb rendered (with its references resolved), its role, and STANDARD type; the role's policy names
exactly the actions the graph calls.

Run (sfn_run.py): the deployed definition is executed against the deployed stack next to a WAITING
cluster of the model's name: the run reuses it, adds the step, and is recorded SUCCEEDED in the
run-log table under the execution's name with its data product, the input's date, the cluster and
the record's expiry.

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

STATES = {"HasDate", "InitFromInput", "InitFromStartTime", "SetRecordExpiry", "RecordStarted", "ListClusters", "ListNextPage",
          "CollectClusters", "MorePages", "Reconcile", "Decide", "TerminateExtraClusters", "RecordWait", "WaitForCluster",
          "CreateCluster", "CreatedCluster", "RecordRunning", "RunStep", "RecordSucceeded", "Done", "RecordFailed", "Failed"}

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


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-workflow-") as work:
        subprocess.run([app, "synth", "--out", work, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(work, "cloudformation", "Workflow.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            outputs, resources = aws.deploy_modelled("workflow", template, body)
            definition, _ = check_deployed(aws, body, outputs, resources)
            sfn_run.run_next_to_waiting_cluster(aws, definition, outputs["RunLogTable"], "drdb-example-workflow", "sales")
            deleted, retained = aws.delete_stack("workflow", body)
            assert {"AWS::StepFunctions::StateMachine", "AWS::IAM::Role", "AWS::EC2::SecurityGroup"} <= deleted, deleted
            assert {"AWS::DynamoDB::Table", "AWS::S3::Bucket"} <= retained, retained
            assert sfn_run.run_record(aws, outputs["RunLogTable"]), "the retained run log lost its record"
    print("e2e workflow: deployed, state machine and role as rendered, one run reusing a waiting cluster recorded; "
          "deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_workflow.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
