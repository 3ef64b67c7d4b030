"""Running a state machine's control flow in the local mock AWS.

The mock executes state machines created through its API (not through CloudFormation), running
Pass/Choice/Wait/Map/Fail/Succeed, DynamoDB putItem/updateItem and AWS SDK calls such as
listClusters, but not EMR's optimized integrations. It cannot evaluate JSONata (moto stubs it out):
the workflow's one JSONata state, which stamps each run record's expiry, is evaluated here with the
reference implementation (the jsonata npm package scripts/test.sh installs) and given to the mock as
the equivalent JSONPath Pass state.
"""
import datetime
import json
import os
import subprocess
import sys
import time
import urllib.request

from moto import SKIP

EXPIRY_STATE = "SetRecordExpiry"

_EVALUATE = """
const jsonata = require(process.argv[1]);
let text = '';
process.stdin.on('data', chunk => text += chunk).on('end', async () => {
  const {expression, states} = JSON.parse(text);
  process.stdout.write(JSON.stringify(await jsonata(expression).evaluate({}, {states})));
});
"""


def eval_jsonata(expression, states):
    """The value of a JSONata expression (without {% %}) with $states bound as Step Functions binds it."""
    module = os.path.join(os.environ.get("DRDB_NODE_MODULES", ""), "jsonata")
    if not os.path.isdir(module):
        if os.environ.get("DRDB_REQUIRE_LINT_TOOLS") == "1":
            sys.exit(f"FAIL: the jsonata npm package is not installed in DRDB_NODE_MODULES ({module})")
        print("SKIP: the jsonata npm package is not installed (scripts/test.sh installs it)", file=sys.stderr)
        sys.exit(SKIP)
    done = subprocess.run(["node", "-e", _EVALUATE, module], input=json.dumps({"expression": expression, "states": states}),
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def with_expiry_evaluated(definition, start_time):
    """(definition the mock can run, expires_at): the expiry state's JSONata evaluated for a run
    started at `start_time` and replaced by a Pass state setting that value."""
    state = definition["States"][EXPIRY_STATE]
    output = state["Output"]
    assert state["QueryLanguage"] == "JSONata" and output.startswith("{%") and output.endswith("%}"), state
    context = {"Execution": {"StartTime": start_time.strftime("%Y-%m-%dT%H:%M:%S.000Z")}}
    value = eval_jsonata(output[2:-2].strip(), {"input": {"run": {"date": "d"}}, "context": context})
    assert value["run"]["date"] == "d", value  # the rest of the input is kept
    expires_at = value["run"]["expires_at"]
    runnable = json.loads(json.dumps(definition))
    runnable["States"][EXPIRY_STATE] = {"Type": "Pass", "Result": expires_at, "ResultPath": "$.run.expires_at", "Next": state["Next"]}
    return runnable, expires_at


def run_in_mock(aws, definition, role_arn, name, run_input, timeout=60):
    """Creates `definition` through the API, starts execution `name` and waits for it to end.
    Returns (status, the states entered in order, the history)."""
    request = urllib.request.Request(f"{aws.endpoint}/moto-api/config", method="POST",
                                     data=json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode(),
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()
    arn = aws("stepfunctions", "create-state-machine", "--name", f"{name}-machine", "--definition", json.dumps(definition),
              "--role-arn", role_arn)["stateMachineArn"]
    execution = aws("stepfunctions", "start-execution", "--state-machine-arn", arn, "--name", name,
                    "--input", json.dumps(run_input))["executionArn"]
    deadline = time.monotonic() + timeout
    status = "RUNNING"
    while time.monotonic() < deadline:
        status = aws("stepfunctions", "describe-execution", "--execution-arn", execution)["status"]
        if status != "RUNNING":
            break
        time.sleep(0.5)
    history = aws("stepfunctions", "get-execution-history", "--execution-arn", execution)["events"]
    entered = [e["stateEnteredEventDetails"]["name"] for e in history if "stateEnteredEventDetails" in e]
    return status, entered, history


def run_record(aws, table, run="run-e2e-1"):
    """The run log's record of a test run ({} when there is none)."""
    key = json.dumps({"Correlation_Id": {"S": run}})
    return aws("dynamodb", "get-item", "--table-name", table, "--key", key).get("Item", {})


def now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def run_next_to_waiting_cluster(aws, definition, table, cluster_name, data_product, retention_days=90):
    """Runs an ensure-cluster workflow's definition once in the mock next to a WAITING cluster named
    `cluster_name` and one of another name.

    The run is recorded STARTED with its expiry, lists the clusters, keeps the model's one and
    summarizes it as {Id, State}. It then stops at SortClusters: the mock fails a JSONPath filter
    that matches nothing (no RUNNING cluster here) with States.Runtime, where Step Functions gives an
    empty list (localstack/localstack#12318, whose parser the mock uses), so the later states (reuse,
    the Spark step, the FAILED record) cannot run in the mock."""
    def launch(name):
        return aws("emr", "create-cluster", "--name", name, "--release-label", "emr-7.1.0", "--instance-type", "m5.xlarge",
                   "--instance-count", "1", "--service-role", "EMR_DefaultRole",
                   "--ec2-attributes", "InstanceProfile=EMR_EC2_DefaultRole")["ClusterId"]
    cluster = launch(cluster_name)
    launch("someone-else")
    role = aws("iam", "create-role", "--role-name", "run-e2e", "--assume-role-policy-document", "{}")["Role"]["Arn"]
    started = now()
    runnable, expires_at = with_expiry_evaluated(definition, started)
    assert int(expires_at) == int(started.timestamp()) + retention_days * 86400, (expires_at, started)
    # With a date: the mock hands $$.Execution.StartTime to DynamoDB as an object it cannot serialize.
    status, entered, history = run_in_mock(aws, runnable, role, "run-e2e-1", {"trigger": "upload", "date": "2026-11-21"})
    assert status == "FAILED", (status, entered)
    assert entered == ["HasDate", "InitFromInput", "SetRecordExpiry", "RecordStarted", "ListClusters", "FilterClusters",
                       "SummarizeClusters", "Summary", "SortClusters"], (entered, history[-3:])
    (summarized,) = [json.loads(e["stateExitedEventDetails"]["output"]) for e in history
                     if e.get("stateExitedEventDetails", {}).get("name") == "SummarizeClusters"]
    assert summarized["found"]["clusters"] == [{"Id": cluster, "State": "WAITING"}], summarized["found"]
    failure = history[-1]["executionFailedEventDetails"]
    assert failure["error"] == "States.Runtime" and "could not be found" in failure["cause"], failure
    record = run_record(aws, table)
    assert record["DataProduct"] == {"S": data_product} and record["Status"] == {"S": "STARTED"}, record
    assert record["Date"] == {"S": "2026-11-21"} and record["TimeToExist"] == {"N": expires_at}, record
