"""The local mock AWS (moto_server) for end-to-end tests: start it on a free loopback port, drive it
with the aws CLI, deploy, update and delete CloudFormation stacks and wait for them, apply Terraform
root modules, stop it by its process id.

What the mock does and does not do is in shared/local-aws.md; the tests assert only what it models.
"""
import ast
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

SKIP = 77  # ctest SKIP_RETURN_CODE


def require_tools(*tools):
    """Exits with SKIP when a tool is missing, or fails under DRDB_REQUIRE_LINT_TOOLS=1 (CI)."""
    for tool in tools:
        if shutil.which(tool) is None:
            if os.environ.get("DRDB_REQUIRE_LINT_TOOLS") == "1":
                sys.exit(f"FAIL: {tool} is not installed (DRDB_REQUIRE_LINT_TOOLS=1)")
            print(f"SKIP: {tool} is not installed", file=sys.stderr)
            sys.exit(SKIP)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listed(value):
    """A policy element that is one string or a list of them, as a list."""
    return [value] if isinstance(value, str) else value


# Types the mock accepts in a template but does not list as stack resources (it has no model of an
# SQS queue policy at all: the queues' attributes carry none).
# AWS::EC2::KeyPair: the mock's CloudFormation lacks it; with_key_pairs_created makes the key with EC2.
MOCK_SKIPS = frozenset({"AWS::S3::BucketPolicy", "AWS::EC2::SecurityGroupEgress", "AWS::SQS::QueuePolicy", "AWS::EC2::KeyPair"})


class Moto:
    """`with Moto() as aws: aws("ec2", "describe-vpcs")` returns the parsed JSON answer."""

    def __init__(self, region="us-east-1"):
        self.region = region
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="drdb-moto-", suffix=".log", delete=False)
        self.env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                        AWS_SESSION_TOKEN="testing", AWS_DEFAULT_REGION=region, AWS_REGION=region,
                        AWS_PAGER="", MOTO_PORT=str(self.port), AWS_REGION_FOR_MOTO="us-east-1")
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.__exit__(RuntimeError, None, None)
        raise RuntimeError(f"moto_server did not start; see {self.log.name}")

    def __exit__(self, exc_type, exc, traceback):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        # The server's log is kept only when the test failed, for its reader.
        if exc_type is None or (isinstance(exc, SystemExit) and exc.code in (0, SKIP)):
            os.unlink(self.log.name)
        else:
            print(f"moto_server's log: {self.log.name}", file=sys.stderr)
        return False

    def __call__(self, service, *args, check=True):
        done = self.run(service, *args)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(done.args)} failed ({done.returncode}): {done.stderr.strip()}")
        return json.loads(done.stdout) if done.stdout.strip() else {}

    def run(self, service, *args):
        """The aws CLI's completed process, for callers that look at a failure themselves."""
        cmd = ["aws", "--endpoint-url", self.endpoint, "--region", self.region, "--output", "json", service, *args]
        return subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=120)

    def create_stack(self, name, template_path, timeout=120, parameters=()):
        """create-stack (keeps Outputs, unlike `deploy` in the mock) and wait for the outcome: a failed
        create stays CREATE_IN_PROGRESS forever in the mock, so poll with a deadline."""
        args = ["create-stack", "--stack-name", name, "--template-body", f"file://{template_path}",
                "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"]
        if parameters:
            args += ["--parameters", *[f"ParameterKey={k},ParameterValue={v}" for k, v in parameters]]
        self("cloudformation", *args)
        return self.wait_stack(name, "CREATE_COMPLETE", timeout)

    def update_stack(self, name, template_path, timeout=120):
        self("cloudformation", "update-stack", "--stack-name", name, "--template-body", f"file://{template_path}",
             "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM")
        return self.wait_stack(name, "UPDATE_COMPLETE", timeout)

    def deploy(self, name, template_path, s3_bucket, parameters=(), timeout=180):
        """`aws cloudformation deploy` (a change set) with the template uploaded to `s3_bucket`, as for
        templates above CloudFormation's inline limit; returns the stack. The mock reads a path-style
        TemplateURL only when its host is localhost, so the CLI (S3 included) is pointed there."""
        args = ["aws", "--region", self.region, "cloudformation", "deploy", "--template-file", template_path,
                "--stack-name", name, "--s3-bucket", s3_bucket, "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"]
        if parameters:
            args += ["--parameter-overrides", *[f"{k}={v}" for k, v in parameters]]
        env = dict(self.env, AWS_ENDPOINT_URL=self.endpoint.replace("127.0.0.1", "localhost"))
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"aws cloudformation deploy of {name} failed ({done.returncode}): {done.stderr.strip()}")
        return self("cloudformation", "describe-stacks", "--stack-name", name)["Stacks"][0]

    def delete_stack(self, name, body, timeout=60):
        """Deletes a stack as its user would and asserts the outcome; `body` is the template drdb wrote.

        Buckets CloudFormation is to delete are emptied first (it refuses a bucket holding objects;
        drdb retains every bucket it renders, so there is usually none). Then delete-stack, and
        DELETE_COMPLETE; where the stack holds what the mock cannot delete (MOCK_DELETE_BLOCKERS), the
        mock's failure instead. Then every resource of a kind in STILL_THERE: those drdb retains
        (DeletionPolicy Retain) and those the mock could not delete must still be there, with their
        data; every other one must be gone.

        Returns (deleted, retained): the resource types found gone and found retained."""
        stack_id = self("cloudformation", "describe-stacks", "--stack-name", name)["Stacks"][0]["StackId"]
        resources = self.stack_resources(name)
        retained = {k for k, v in body["Resources"].items() if v.get("DeletionPolicy") == "Retain"}
        blockers = [v for v in body["Resources"].values() if v["Type"] in MOCK_DELETE_BLOCKERS]
        blocked = {ref for v in blockers for ref in references(v.get("Properties", {}).get(MOCK_DELETE_BLOCKERS[v["Type"]][0]))}
        for logical_id, (kind, physical_id, _) in resources.items():
            if kind == "AWS::S3::Bucket" and logical_id not in retained:
                self.empty_bucket(physical_id)
        done = self.run("cloudformation", "delete-stack", "--stack-name", name)
        if blocked:
            errors = {MOCK_DELETE_BLOCKERS[v["Type"]][1] for v in blockers}
            assert done.returncode != 0 and any(e in done.stderr for e in errors), \
                f"the mock was expected to fail deleting {sorted(blocked)} with {errors}: {done.returncode} {done.stderr}"
        else:
            assert done.returncode == 0, f"delete-stack {name} failed: {done.stderr.strip()}"
            self.wait_stack(stack_id, "DELETE_COMPLETE", timeout)  # a deleted stack is found by its id only
            self.finish_managed_policy_deletion(resources)

        listed = {kind: STILL_THERE[kind](self) for kind in {v[0] for v in resources.values()} & STILL_THERE.keys()}
        deleted, kept = set(), set()
        for logical_id, (kind, physical_id, _) in resources.items():
            if kind not in listed:
                continue
            there = physical_id.rsplit("/", 1)[-1] if kind == "AWS::SQS::Queue" else physical_id
            if logical_id in retained or logical_id in blocked:
                assert there in listed[kind], f"{logical_id} ({kind}) is gone; it should have been kept"
                kept.add(kind)
            else:
                assert there not in listed[kind], f"{logical_id} ({kind} {physical_id}) outlived its stack"
                deleted.add(kind)
        assert deleted, f"nothing of stack {name} was found deleted"
        return deleted, kept

    def empty_bucket(self, bucket):
        """Deletes every object version and delete marker of a bucket (at most 1000, enough for tests)."""
        listing = self("s3api", "list-object-versions", "--bucket", bucket)
        objects = [{"Key": o["Key"], "VersionId": o["VersionId"]}
                   for o in listing.get("Versions", []) + listing.get("DeleteMarkers", [])]
        if objects:
            self("s3api", "delete-objects", "--bucket", bucket, "--delete", json.dumps({"Objects": objects}))

    def wait_stack(self, name, wanted, timeout):
        deadline = time.monotonic() + timeout
        status = None
        while time.monotonic() < deadline:
            stack = self("cloudformation", "describe-stacks", "--stack-name", name)["Stacks"][0]
            status = stack["StackStatus"]
            if status == wanted:
                return stack
            if status.endswith("FAILED") or status.endswith("ROLLBACK_COMPLETE"):
                break
            time.sleep(0.5)
        events = self("cloudformation", "describe-stack-events", "--stack-name", name, check=False)
        reasons = [f"{e.get('LogicalResourceId')}: {e.get('ResourceStatus')} {e.get('ResourceStatusReason', '')}"
                   for e in events.get("StackEvents", []) if "FAILED" in e.get("ResourceStatus", "")]
        raise AssertionError(f"stack {name} ended {status}, wanted {wanted}: {reasons}")

    def deploy_modelled(self, name, template_path, body, skips=MOCK_SKIPS, **create_args):
        """create_stack, then assert that every resource of `body` (the template drdb wrote) exists in
        the stack, but for the `skips` types. Returns (outputs, resources)."""
        stack = self.create_stack(name, template_path, **create_args)
        return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}, self.modelled(name, body, skips)

    def modelled(self, name, body, skips=MOCK_SKIPS):
        """stack_resources, once asserted to hold every resource of `body` but for the `skips` types."""
        resources = self.stack_resources(name)
        missing = sorted({k for k, v in body["Resources"].items() if v["Type"] not in skips} - set(resources))
        assert not missing, f"resources not created: {missing}"
        return resources

    def upload_assets(self, out_dir, bucket="drdb-assets"):
        """Uploads what assets.json lists (out_dir/assets/<sha256>.zip) to `bucket` under the same keys,
        as a deploy pipeline does before `aws cloudformation deploy`. Returns the bucket (the stacks'
        AssetsBucket parameter)."""
        self("s3api", "create-bucket", "--bucket", bucket)
        with open(os.path.join(out_dir, "assets.json")) as f:
            manifest = json.load(f)
        for asset in manifest["assets"]:
            if "cloudformation" in asset:
                self("s3api", "put-object", "--bucket", bucket, "--key", asset["cloudformation"]["key"],
                     "--body", os.path.join(out_dir, asset["file"]))
        return bucket

    def finish_managed_policy_deletion(self, resources):
        """What CloudFormation does and the mock's skips: a deleted stack's managed policies are
        detached from their roles and deleted (the mock keeps both, so a role of another stack that
        one was attached to could never be deleted)."""
        for kind, arn, _ in resources.values():
            if kind != "AWS::IAM::ManagedPolicy" or not arn.startswith("arn:"):
                continue
            if self.run("iam", "get-policy", "--policy-arn", arn).returncode != 0:
                continue  # deleted: a mock that does it now
            for role in self("iam", "list-entities-for-policy", "--policy-arn", arn).get("PolicyRoles", []):
                self("iam", "detach-role-policy", "--role-name", role["RoleName"], "--policy-arn", arn)
            self("iam", "delete-policy", "--policy-arn", arn)

    def check_scripts_uploaded(self, text, out_dir, bucket="drdb-assets"):
        """Every s3://<bucket>/assets/<file> that `text` (a deployed definition or environment) names
        is in the bucket with the bytes synth wrote: the step runs what the app ships. Returns them."""
        keys = sorted(set(re.findall(r"s3://" + re.escape(bucket) + r"/(assets/[0-9a-f]{64}\.[A-Za-z0-9]+)", text)))
        for key in keys:
            with tempfile.NamedTemporaryFile() as got:
                self("s3api", "get-object", "--bucket", bucket, "--key", key, got.name)
                with open(os.path.join(out_dir, key), "rb") as written:
                    assert open(got.name, "rb").read() == written.read(), f"{key}: the uploaded bytes differ"
        return keys

    def functions_environment(self):
        """The environments of every deployed function, as one text (a launcher's steps are there)."""
        functions = self("lambda", "list-functions").get("Functions", [])
        return json.dumps([f.get("Environment", {}) for f in functions], sort_keys=True)

    def role_statements(self, role_name):
        """Every statement of the role's inline policies."""
        statements = []
        for name in self("iam", "list-role-policies", "--role-name", role_name)["PolicyNames"]:
            doc = self("iam", "get-role-policy", "--role-name", role_name, "--policy-name", name)["PolicyDocument"]
            if isinstance(doc, str):  # the mock answers with the document as text (JSON, or a Python literal)
                text = urllib.parse.unquote(doc)
                try:
                    doc = json.loads(text)
                except json.JSONDecodeError:
                    doc = ast.literal_eval(text)
            statements += doc["Statement"]
        return statements

    def role_actions(self, role_name):
        """Every action the role's inline policies allow or deny."""
        return {action for statement in self.role_statements(role_name) for action in listed(statement["Action"])}

    def wildcard_actions(self, role_names):
        """{role: its actions with a wildcard} for those of the roles whose inline policies name any."""
        found = {name: sorted(a for a in self.role_actions(name) if "*" in a) for name in role_names}
        return {name: actions for name, actions in found.items() if actions}

    def function_policy(self, function):
        """The statements of a Lambda function's resource policy."""
        policy = self("lambda", "get-policy", "--function-name", function)["Policy"]
        return json.loads(policy)["Statement"]

    def stack_resources(self, name):
        """{logical id: (type, physical id, status)}"""
        summaries = self("cloudformation", "list-stack-resources", "--stack-name", name)["StackResourceSummaries"]
        return {s["LogicalResourceId"]: (s["ResourceType"], s.get("PhysicalResourceId", ""), s["ResourceStatus"])
                for s in summaries}


# How to list what exists of a resource type, by the physical ids CloudFormation gives (a queue's is
# its URL, whose host differs: compared by name), for delete_stack. Other types are not looked up:
# among them EMR clusters, which are terminated, never deleted, and which the mock terminates at once.
STILL_THERE = {
    "AWS::S3::Bucket": lambda aws: {b["Name"] for b in aws("s3api", "list-buckets")["Buckets"]},
    "AWS::DynamoDB::Table": lambda aws: set(aws("dynamodb", "list-tables")["TableNames"]),
    "AWS::SQS::Queue": lambda aws: {u.rsplit("/", 1)[-1] for u in aws("sqs", "list-queues").get("QueueUrls", [])},
    "AWS::KMS::Key": lambda aws: {k["KeyId"] for k in aws("kms", "list-keys")["Keys"]},
    "AWS::Logs::LogGroup": lambda aws: {g["logGroupName"] for g in aws("logs", "describe-log-groups")["logGroups"]},
    "AWS::ECR::Repository": lambda aws: {r["repositoryName"] for r in aws("ecr", "describe-repositories")["repositories"]},
    "AWS::Lambda::Function": lambda aws: {f["FunctionName"] for f in aws("lambda", "list-functions")["Functions"]},
    "AWS::Lambda::EventSourceMapping":
        lambda aws: {m["UUID"] for m in aws("lambda", "list-event-source-mappings")["EventSourceMappings"]},
    "AWS::IAM::Role": lambda aws: {r["RoleName"] for r in aws("iam", "list-roles")["Roles"]},
    "AWS::IAM::InstanceProfile":
        lambda aws: {p["InstanceProfileName"] for p in aws("iam", "list-instance-profiles")["InstanceProfiles"]},
    "AWS::Events::Rule": lambda aws: {r["Name"] for r in aws("events", "list-rules")["Rules"]},
    "AWS::StepFunctions::StateMachine":
        lambda aws: {m["stateMachineArn"] for m in aws("stepfunctions", "list-state-machines")["stateMachines"]},
    "AWS::SSM::Parameter": lambda aws: {p["Name"] for p in aws("ssm", "describe-parameters")["Parameters"]},
    "AWS::EC2::VPC": lambda aws: {v["VpcId"] for v in aws("ec2", "describe-vpcs")["Vpcs"]},
    "AWS::EC2::Subnet": lambda aws: {s["SubnetId"] for s in aws("ec2", "describe-subnets")["Subnets"]},
    "AWS::EC2::SecurityGroup": lambda aws: {g["GroupId"] for g in aws("ec2", "describe-security-groups")["SecurityGroups"]},
}

# The mock's CloudFormation has no delete for these types (its models lack one), which outlive their
# stack: EC2 route tables, routes and their subnet associations, internet gateways and their
# attachments, NAT gateways, EIPs, VPC endpoints and flow logs, IAM managed policies, Lambda
# permissions, and API Gateway's APIs, resources, methods, deployments and stages. (Ingress rules go
# with their groups; the types the mock skips, MOCK_SKIPS and secrets, were never created.) Of those,
# the ones that keep another resource from being deleted: type -> (the property naming it, the
# mock's error). The mock's delete-stack then deletes everything else, fails with that error, and
# forgets the stack (describe-stacks no longer finds it) instead of DELETE_FAILED. A VPC keeps its
# route tables, so no stack with subnet route tables (every ec2.Vpc but the simplest) can be deleted
# in the mock.
MOCK_DELETE_BLOCKERS = {"AWS::EC2::RouteTable": ("VpcId", "DependencyViolation"),
                        "AWS::IAM::ManagedPolicy": ("Roles", "DeleteConflict")}


def references(value):
    """The logical ids a template value refers to with Ref or Fn::GetAtt."""
    if isinstance(value, dict):
        if "Ref" in value:
            return {value["Ref"]}
        if "Fn::GetAtt" in value:
            return {value["Fn::GetAtt"][0]}
        return {ref for v in value.values() for ref in references(v)}
    if isinstance(value, list):
        return {ref for v in value for ref in references(v)}
    return set()


def physical(resources, kind, prefix):
    """The physical id of the one resource of `kind` whose logical id starts with `prefix`, from
    stack_resources (for stacks whose outputs the mock drops)."""
    (found,) = [v[1] for k, v in resources.items() if v[0] == kind and k.startswith(prefix)]
    return found


def without_kms_key_tags(template_path, out_path):
    """A copy of a template the mock can deploy: it reads an AWS::KMS::Key's Tags in the KMS API's
    shape (TagKey/TagValue) and fails on CloudFormation's Key/Value, so keys lose their tags."""
    with open(template_path) as f:
        body = json.load(f)
    for resource in body["Resources"].values():
        if resource["Type"] == "AWS::KMS::Key":
            resource.get("Properties", {}).pop("Tags", None)
    with open(out_path, "w") as f:
        json.dump(body, f)
    return out_path


def with_key_pairs_created(aws, template_path, out_path, stack_name):
    """A copy of a template without its AWS::EC2::KeyPair resources, which the mock's CloudFormation
    lacks: each key is created with EC2's CreateKeyPair instead, its private key kept where
    CloudFormation keeps it (an SSM SecureString at /ec2/keypair/<key pair id>), and the template's
    references to it (Ref: the name, GetAtt KeyPairId) replaced by what was created. A key of that name
    already in the mock (an update of the stack) is reused."""
    with open(template_path) as f:
        body = json.load(f)
    for logical_id, resource in list(body["Resources"].items()):
        if resource["Type"] != "AWS::EC2::KeyPair":
            continue
        name = _resolve(resource["Properties"]["KeyName"], {"AWS::StackName": stack_name})
        existing = [k for k in aws("ec2", "describe-key-pairs")["KeyPairs"] if k["KeyName"] == name]
        if existing:  # created for an earlier deploy of the same stack
            created = existing[0]
        else:
            created = aws("ec2", "create-key-pair", "--key-name", name, "--key-type", resource["Properties"]["KeyType"])
            aws("ssm", "put-parameter", "--name", f"/ec2/keypair/{created['KeyPairId']}", "--type", "SecureString",
                "--value", created["KeyMaterial"])
        del body["Resources"][logical_id]
        body = _resolve(body, {logical_id: name, (logical_id, "KeyPairId"): created["KeyPairId"]})
        text = json.dumps(body)  # and in Fn::Sub templates (the state machines' definitions)
        for reference, value in ((logical_id, name), (f"{logical_id}.KeyPairId", created["KeyPairId"])):
            text = text.replace("${" + reference + "}", value)
        body = json.loads(text)
    with open(out_path, "w") as f:
        json.dump(body, f)
    return out_path


def _resolve(value, known):
    """`value` with the Refs and GetAtts named in `known`, and the Joins of only literals, resolved."""
    if isinstance(value, list):
        return [_resolve(v, known) for v in value]
    if not isinstance(value, dict):
        return value
    if list(value) == ["Ref"] and value["Ref"] in known:
        return known[value["Ref"]]
    if list(value) == ["Fn::GetAtt"] and tuple(value["Fn::GetAtt"]) in known:
        return known[tuple(value["Fn::GetAtt"])]
    out = {k: _resolve(v, known) for k, v in value.items()}
    if list(out) == ["Fn::Join"] and all(isinstance(p, str) for p in out["Fn::Join"][1]):
        return out["Fn::Join"][0].join(out["Fn::Join"][1])
    return out


# Services whose endpoints the Terraform provider is pointed at (the mock serves them all on one port;
# EventBridge under one of its three names, as the provider warns about more).
TERRAFORM_SERVICES = ("apigateway", "cloudwatchlogs", "dynamodb", "ec2", "ecr", "emr", "events", "iam", "kms",
                      "lambda", "s3", "secretsmanager", "sfn", "sns", "sqs", "ssm", "sts")


@contextlib.contextmanager
def terraform_synth(app, prefix):
    """A temporary directory holding the app's Terraform output (terraform/<Stack>/main.tf.json)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as work:
        subprocess.run([app, "synth", "--out", work, "--format", "terraform"], check=True, capture_output=True)
        yield work


def terraform_plugin_dir():
    """The directory holding registry.terraform.io/hashicorp/aws/... (installed offline on these machines)."""
    for candidate in (os.environ.get("DRDB_TF_PLUGIN_DIR"), "/opt/tf-plugins"):
        if candidate and os.path.isdir(os.path.join(candidate, "registry.terraform.io", "hashicorp", "aws")):
            return candidate
    raise RuntimeError("the Terraform AWS provider is not installed; set DRDB_TF_PLUGIN_DIR")


def mock_cannot_apply(kind, body):
    """Resources the provider cannot create in the mock: EMR clusters (the provider calls EMR APIs
    the mock lacks), state machines (the provider first calls ValidateStateMachineDefinition, which
    the mock answers with a server error) and attachments of AWS-managed policies (the mock does not
    have them)."""
    return kind in ("aws_emr_cluster", "aws_sfn_state_machine") or (
        kind == "aws_iam_role_policy_attachment" and ":iam::aws:policy/" in str(body.get("policy_arn", "")))


def terraform_skipped(module_dir, skip):
    """The addresses (type, name) of the resources of a root module that `skip` (a predicate (type,
    body)) leaves out, with every resource that refers to one of them or depends on one: terraform
    apply -target would create those dependencies anyway."""
    with open(os.path.join(module_dir, "main.tf.json")) as f:
        resources = json.load(f).get("resource", {})
    bodies = {(kind, name): body for kind, named in resources.items() for name, body in named.items()}
    uses = {address: {(k, n) for k, n in re.findall(r"\b(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)", json.dumps(body))
                      if (k, n) in bodies} for address, body in bodies.items()}
    skipped = {address for address, body in bodies.items() if skip(address[0], body)}
    while True:
        more = {address for address, used in uses.items() if used & skipped} - skipped
        if not more:
            return skipped
        skipped |= more


# A dropped connection to the mock under load, or its server error (max_retries is 1, see
# terraform_apply), not an answer.
TRANSIENT = re.compile(r"use of closed network connection|connection reset by peer|unexpected EOF|StatusCode: 5\d\d")


def check_uploaded_files(moto, module_dir, config):
    """Every file asset the module uploads (aws_s3_object) is in the assets bucket under its key,
    byte for byte: the key the steps run it from."""
    for name, obj in config.get("resource", {}).get("aws_s3_object", {}).items():
        with tempfile.NamedTemporaryFile() as got:
            moto("s3api", "get-object", "--bucket", "drdb-assets", "--key", obj["key"], got.name)
            with open(os.path.join(module_dir, obj["source"]), "rb") as source:
                assert open(got.name, "rb").read() == source.read(), f"aws_s3_object.{name}: uploaded bytes differ"


def terraform_apply(moto, module_dir, work, timeout=600, skip=None):
    """Copies a synthesized root module next to an override file pointing the provider at the mock,
    then init (offline) and apply. Returns the outputs as {name: value}.

    The copy is work/applied/<Stack>, beside the other stacks applied with the same `work`: a stack
    reads another's outputs from ../<Stack>/terraform.tfstate, so apply them in manifest order.

    skip: a predicate (resource type, resource body) for resources the mock cannot create (e.g.
    mock_cannot_apply): every other resource but those that need a skipped one (terraform_skipped) is
    applied with -target, and outputs that need a skipped one are absent."""
    target = os.path.join(work, "applied", os.path.basename(os.path.normpath(module_dir)))
    shutil.copytree(module_dir, target)
    override = {"provider": {"aws": {
        "region": moto.region, "access_key": "testing", "secret_key": "testing",
        "skip_credentials_validation": True, "skip_requesting_account_id": True, "skip_metadata_api_check": True,
        "s3_use_path_style": True, "max_retries": 1,  # the provider otherwise retries what the mock lacks for minutes
        "endpoints": [{service: moto.endpoint for service in TERRAFORM_SERVICES}]}}}
    with open(os.path.join(target, "moto_override.tf.json"), "w") as f:
        json.dump(override, f)
    env = dict(moto.env, TF_IN_AUTOMATION="1", TF_INPUT="0", CHECKPOINT_DISABLE="1")
    env.pop("TF_CLI_CONFIG_FILE", None)
    def terraform(*args, limit=120):
        run = lambda *more: subprocess.run(["terraform", *args, *more, "-no-color"], cwd=target, env=env,
                                           capture_output=True, text=True, timeout=limit)
        done = run()
        if done.returncode != 0 and TRANSIENT.search(done.stdout + done.stderr):
            # Once more: the state has what the first run created, so this finishes it. Without a
            # refresh: the mock reads some attributes back in another form than it was given (a
            # group-to-group rule's referenced group as "<account>/sg-..."), and updating them to
            # the configured form is a call it refuses.
            done = run(*(["-refresh=false"] if args[0] == "apply" else []))
        if done.returncode != 0:
            raise AssertionError(f"terraform {args[0]} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
        return done.stdout
    with open(os.path.join(module_dir, "main.tf.json")) as f:
        config = json.load(f)
    # A module uploading file assets (job scripts) reads the assets bucket as a variable, as the
    # deployer gives it: the bucket exists beforehand (it holds the CloudFormation assets too).
    if "AssetsBucket" in config.get("variable", {}):
        bucket = "drdb-assets"
        if bucket not in {b["Name"] for b in moto("s3api", "list-buckets").get("Buckets", [])}:
            moto("s3api", "create-bucket", "--bucket", bucket)
        with open(os.path.join(target, "assets.auto.tfvars.json"), "w") as f:
            json.dump({"AssetsBucket": bucket}, f)
    terraform("init", f"-plugin-dir={terraform_plugin_dir()}", "-backend=false")
    targets = []
    if skip:
        with open(os.path.join(module_dir, "main.tf.json")) as f:
            resources = json.load(f).get("resource", {})
        skipped = terraform_skipped(module_dir, skip)
        targets = [f"-target={kind}.{name}" for kind, named in sorted(resources.items())
                   for name in sorted(named) if (kind, name) not in skipped]
    terraform("apply", "-auto-approve", *targets, limit=timeout)
    check_uploaded_files(moto, target, config)
    outputs = json.loads(terraform("output", "-json"))
    return {name: o["value"] for name, o in outputs.items()}
