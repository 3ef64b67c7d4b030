"""Executing state machine definitions in tests: an ASL interpreter (aws-local-stepfunctions, run by
asl_run.cjs) with every Task served by the test.

    execution = asl.run(definition, {"object": ...}, serve)

`serve(state, resource, input)` returns the task's result or raises TaskFailed(error, cause), as the
service integration would. What is patched in the interpreter and what the tests simulate:
docs/ARCHITECTURE.md, "Executing state machines in tests".
"""
import json
import os
import subprocess
import sys

SKIP = 77  # ctest SKIP_RETURN_CODE
HERE = os.path.dirname(os.path.abspath(__file__))


class TaskFailed(Exception):
    def __init__(self, error, cause):
        super().__init__(f"{error}: {cause}")
        self.error = error
        self.cause = cause


class Execution:
    def __init__(self, end, calls):
        self.status = end["status"]
        self.output = end.get("output")
        self.error = end.get("error")
        self.cause = end.get("cause")
        self.entered = end["entered"]
        self.calls = calls  # (state, resource, input) of every Task served, in order

    def called(self, state):
        """The inputs of the calls a Task state made, in order."""
        return [given for name, _, given in self.calls if name == state]

    def __repr__(self):
        return f"Execution({self.status}, {self.error}, {self.cause}, entered={self.entered})"


def node_modules():
    """The node_modules holding aws-local-stepfunctions and jsonata (scripts/test.sh installs them);
    exits with SKIP when they are missing, or fails under DRDB_REQUIRE_LINT_TOOLS=1 (CI)."""
    modules = os.environ.get("DRDB_NODE_MODULES") or os.path.join(HERE, "..", "..", ".cache", "tools", "node_modules")
    missing = [p for p in ("aws-local-stepfunctions", "jsonata") if not os.path.isdir(os.path.join(modules, p))]
    if missing:
        message = f"{', '.join(missing)} not installed in {modules} (scripts/test.sh installs them)"
        if os.environ.get("DRDB_REQUIRE_LINT_TOOLS") == "1":
            sys.exit(f"FAIL: {message}")
        print(f"SKIP: {message}", file=sys.stderr)
        sys.exit(SKIP)
    return modules


def run(definition, run_input, serve, name="run-1", start_time="2026-12-01T10:00:00.000Z", timeout=60):
    """Executes `definition` on `run_input` as execution `name` started at `start_time`."""
    arn = f"arn:aws:states:us-east-1:123456789012:execution:machine:{name}"
    # $$.State.EnteredTime is not set by the interpreter: every state sees the start time.
    context = {"Execution": {"Id": arn, "Name": name, "StartTime": start_time, "Input": run_input},
               "State": {"EnteredTime": start_time}}
    process = subprocess.Popen(["node", os.path.join(HERE, "asl_run.cjs"), node_modules()], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    calls = []
    try:
        process.stdin.write(json.dumps({"definition": definition, "input": run_input, "context": context}) + "\n")
        process.stdin.flush()
        while True:
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(f"the interpreter stopped (exit {process.wait(timeout)})")
            message = json.loads(line)
            if "end" in message:
                return Execution(message["end"], calls)
            call = message["call"]
            calls.append((call["state"], call["resource"], call["input"]))
            try:
                reply = {"result": serve(call["state"], call["resource"], call["input"])}
            except TaskFailed as failed:
                reply = {"error": failed.error, "cause": failed.cause}
            process.stdin.write(json.dumps(reply, default=str) + "\n")
            process.stdin.flush()
    finally:
        process.stdin.close()
        process.wait(timeout)
