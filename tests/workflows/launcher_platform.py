"""A platform of an app whose runs a launcher function starts (emr::ClusterLauncher), executed in
this process: its DynamoDB tables and its functions as the app synthesizes them (each function's
environment resolved, a reference standing for the logical id, a parameter for its default), the
handlers of templates/lambda/ run against moto's in-process mock, and EventBridge's routing of an
event to the rules' targets with event_pattern.py. A queue target is a list of messages the test
delivers (again, to model a redelivery); a Lambda invoke from a handler runs the function here."""
import copy
import importlib.util
import io
import json
import os
import re
import sys

# No __pycache__ next to a handler's modules: it would change the handler's packaged asset.
sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "handlers"))
import handler_test  # noqa: E402
from event_pattern import matches, resolved  # noqa: E402
from workflow_app import App  # noqa: E402

TEMPLATES = os.path.join(HERE, "..", "..", "templates", "lambda")


def require_mock():
    """moto's mock_aws, with dummy credentials (or a skip, a failure in CI): tests/handlers' helper."""
    return handler_test.require_mock()[1]


def load_handler(name):
    directory = os.path.abspath(os.path.join(TEMPLATES, name))
    sys.path.insert(0, directory)
    try:
        spec = importlib.util.spec_from_file_location(f"{name}_handler", os.path.join(directory, "index.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(directory)
    return module


class Platform:
    def __init__(self, binary, handlers):
        """handlers: {function logical id: templates/lambda/<name>}."""
        app = App(binary)
        (self.template,) = app.templates.values()
        self.resources = self.template["Resources"]
        self.rules = app.rules()
        self.defaults = {k: p["Default"] for k, p in self.template.get("Parameters", {}).items() if "Default" in p}
        self.handlers = {fn: load_handler(name) for fn, name in handlers.items()}
        self.queues = {}

    def resolve(self, value):
        """A deploy-time value as a string: a reference is the logical id (a parameter its default)."""
        if isinstance(value, str):
            return value
        (name, operand), = value.items()
        if name == "Ref":
            return str(self.defaults.get(operand, operand))
        if name == "Fn::GetAtt":
            return operand[0]
        if name == "Fn::Join":
            return operand[0].join(self.resolve(v) for v in operand[1])
        if name == "Fn::Sub":
            text = operand if isinstance(operand, str) else operand[0]
            out = re.sub(r"\$\{(?!!)([^}.]*)(\.[^}]*)?\}", lambda m: self.resolve({"Ref": m.group(1)}), text)
            return out.replace("${!", "${")
        raise AssertionError(f"cannot resolve {value!r}")

    def environment(self, function):
        variables = self.resources[function]["Properties"]["Environment"]["Variables"]
        return {name: self.resolve(v) for name, v in variables.items()}

    def create_tables(self, boto3):
        """The app's tables, each named by its logical id."""
        for logical_id, r in self.resources.items():
            if r["Type"] != "AWS::DynamoDB::Table":
                continue
            p = r["Properties"]
            request = {"TableName": logical_id, "BillingMode": "PAY_PER_REQUEST", "KeySchema": p["KeySchema"],
                       "AttributeDefinitions": p["AttributeDefinitions"]}
            if p.get("GlobalSecondaryIndexes"):
                request["GlobalSecondaryIndexes"] = [{k: v for k, v in i.items() if k in ("IndexName", "KeySchema", "Projection")}
                                                     for i in p["GlobalSecondaryIndexes"]]
            boto3.client("dynamodb").create_table(**request)

    def invoke(self, function, event):
        """The function's handler on `event`, with its environment (and only it) set."""
        saved = dict(os.environ)
        os.environ.update(self.environment(function))
        module = self.handlers[function]
        real_client = module.boto3.client
        module.boto3.client = lambda service, *a, **k: InProcessLambda(self) if service == "lambda" else real_client(service, *a, **k)
        try:
            return module.handler(copy.deepcopy(event), None)
        finally:
            module.boto3.client = real_client
            os.environ.clear()
            os.environ.update(saved)

    def targets(self, event):
        """(rule logical id, target) of each rule whose pattern matches the event."""
        for logical_id, rule in sorted(self.rules.items()):
            if "EventPattern" in rule and matches(resolved(rule["EventPattern"]), json.loads(json.dumps(event))):
                for target in rule["Targets"]:
                    yield logical_id, target

    def send(self, event, order=None):
        """EventBridge delivering the event: a function target runs now (in `order` of function
        logical ids, when given), a queue target gets a message. {rule: what its target answered}."""
        answers, calls = {}, []
        for rule, target in self.targets(event):
            arn = target["Arn"]
            destination = arn["Fn::GetAtt"][0]
            if self.resources[destination]["Type"] == "AWS::SQS::Queue":
                self.queues.setdefault(destination, []).append(json.dumps(event))
                answers[rule] = "queued"
            else:
                calls.append((rule, destination))
        if order:
            calls.sort(key=lambda c: order.index(c[1]))
        for rule, function in calls:
            answers[rule] = self.invoke(function, event)
        return answers

    def deliver(self, queue, function, message):
        """One SQS message to the function, as its event source mapping (batch size 1) sends it."""
        return self.invoke(function, {"Records": [{"messageId": f"m-{abs(hash(message)) % 10**8}", "eventSource": "aws:sqs", "body": message}]})


class InProcessLambda:
    """Lambda's invoke of a function of the platform (the mock runs no code)."""

    def __init__(self, platform):
        self.platform = platform

    def invoke(self, FunctionName, Payload):
        answer = self.platform.invoke(FunctionName, json.loads(Payload))
        return {"StatusCode": 200, "Payload": io.BytesIO(json.dumps(answer).encode())}


def step_change(cluster_id, step, state):
    """An "EMR Step Status Change" as EMR sends it (it does not name the cluster)."""
    return {"version": "0", "id": f"step-{step['Id']}-{state}", "detail-type": "EMR Step Status Change", "source": "aws.emr",
            "account": "123456789012", "time": "2026-12-01T10:20:00Z", "region": "us-east-1", "resources": [],
            "detail": {"severity": "ERROR" if state == "FAILED" else "INFO", "actionOnFailure": step["ActionOnFailure"],
                       "stepId": step["Id"], "name": step["Name"], "clusterId": cluster_id, "state": state,
                       "message": f"Step {step['Id']} ({step['Name']}) in Amazon EMR cluster {cluster_id} is {state}"}}


def cluster_change(cluster_id, name, state, code, message):
    """An "EMR Cluster State Change" as EMR sends it: stateChangeReason is JSON text."""
    return {"version": "0", "id": f"cluster-{cluster_id}-{state}", "detail-type": "EMR Cluster State Change", "source": "aws.emr",
            "account": "123456789012", "time": "2026-12-01T10:30:00Z", "region": "us-east-1", "resources": [],
            "detail": {"severity": "INFO" if state == "TERMINATED" and code != "STEP_FAILURE" else "CRITICAL", "name": name,
                       "clusterId": cluster_id, "state": state, "message": f"Amazon EMR Cluster {cluster_id} has terminated",
                       "stateChangeReason": json.dumps({"code": code, "message": message})}}


def emr_steps(emr, cluster_id):
    """The cluster's steps in the order they were added."""
    return list(reversed(emr.list_steps(ClusterId=cluster_id)["Steps"]))


def complete_step(cluster_id, step_id, state="COMPLETED"):
    """Sets a step's state in the mock (its API cannot)."""
    from moto.emr.models import emr_backends
    for step in emr_backends["123456789012"]["us-east-1"].clusters[cluster_id].steps:
        if step.id == step_id:
            step.state = state
