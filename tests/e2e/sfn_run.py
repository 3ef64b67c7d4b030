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


def now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
