"""End to end: the workflow example deployed to the local mock AWS with CloudFormation, then run.

Deploy: every resource is created; the state machine read back from the mock has the definition
drdb rendered (with its references resolved), its role, and STANDARD type; the role's policy names
exactly the actions the graph calls.

Run: the mock executes state machines created through its API (not through CloudFormation), with
DynamoDB putItem and the AWS SDK's listClusters but not EMR's optimized .sync integrations. The
deployed definition is created again that way and started: the run must be recorded in the run-log
table under the execution's name with its data product and the input's date, ListClusters must run, and
the run must end in the workflow's failure path (the mock cannot create the cluster), which is
what a failure looks like in AWS too.
"""
import ast
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools  # noqa: E402

STATES = {"HasDate", "InitFromInput", "InitFromStartTime", "RecordStarted", "ListClusters", "ListNextPage", "FilterClusters",
          "SummarizeClusters", "SortClusters", "Decide", "UseWaitingCluster",
          "TerminateExtraClusters", "UseRunningCluster", "WaitForCluster", "CreateCluster", "RecordRunning", "RunStep",
          "RecordSucceeded", "Done", "RecordFailed", "Failed"}


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
    policies = aws("iam", "list-role-policies", "--role-name", role_name)["PolicyNames"]
    actions = set()
    for name in policies:
        doc = aws("iam", "get-role-policy", "--role-name", role_name, "--policy-name", name)["PolicyDocument"]
        if isinstance(doc, str):  # the mock answers with the document as text (JSON, or a Python literal)
            text = urllib.parse.unquote(doc)
            try:
                doc = json.loads(text)
            except json.JSONDecodeError:
                doc = ast.literal_eval(text)
        for statement in doc["Statement"]:
            acts = statement["Action"]
            actions.update([acts] if isinstance(acts, str) else acts)
    assert not [a for a in actions if "*" in a], actions
    for needed in ("elasticmapreduce:RunJobFlow", "elasticmapreduce:ListClusters", "elasticmapreduce:AddJobFlowSteps",
                   "elasticmapreduce:TerminateJobFlows", "iam:PassRole", "dynamodb:PutItem", "dynamodb:UpdateItem",
                   "events:PutRule"):
        assert needed in actions, (needed, sorted(actions))
    return definition, machine["roleArn"]


def run_once(aws, definition, role_arn, table):
    """Creates the definition through the API (which the mock executes) and runs it once."""
    request = urllib.request.Request(f"{aws.endpoint}/moto-api/config", method="POST",
                                     data=json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode(),
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()
    arn = aws("stepfunctions", "create-state-machine", "--name", "workflow-run", "--definition", json.dumps(definition),
              "--role-arn", role_arn)["stateMachineArn"]
    execution = aws("stepfunctions", "start-execution", "--state-machine-arn", arn, "--name", "run-e2e-1",
                    "--input", json.dumps({"date": "2026-11-21"}))["executionArn"]
    deadline = time.monotonic() + 60
    status = "RUNNING"
    while time.monotonic() < deadline:
        status = aws("stepfunctions", "describe-execution", "--execution-arn", execution)["status"]
        if status != "RUNNING":
            break
        time.sleep(0.5)
    assert status == "FAILED", f"the run ended {status}; the mock cannot create the cluster, so it must fail"
    history = aws("stepfunctions", "get-execution-history", "--execution-arn", execution)["events"]
    entered = [e["stateEnteredEventDetails"]["name"] for e in history if "stateEnteredEventDetails" in e]
    assert entered[:5] == ["HasDate", "InitFromInput", "RecordStarted", "ListClusters", "FilterClusters"], (entered, history)
    item = aws("dynamodb", "get-item", "--table-name", table, "--key", json.dumps({"Correlation_Id": {"S": "run-e2e-1"}}))
    assert item, "the run was not recorded"
    record = item["Item"]
    assert record["DataProduct"] == {"S": "sales"}, record
    assert record["RunId"]["S"].endswith(":run-e2e-1"), record
    assert record["Date"] == {"S": "2026-11-21"}, record


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
    print("e2e workflow: deployed, state machine and role as rendered, one run recorded and failed as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_workflow.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
