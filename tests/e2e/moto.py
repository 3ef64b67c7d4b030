"""The local mock AWS (moto_server) for end-to-end tests: start it on a free loopback port, drive it
with the aws CLI, deploy CloudFormation templates and wait for them, stop it by its process id.

What the mock does and does not do is in shared/local-aws.md; the tests assert only what it models.
"""
import ast
import json
import os
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
MOCK_SKIPS = frozenset({"AWS::S3::BucketPolicy", "AWS::EC2::SecurityGroupEgress", "AWS::SQS::QueuePolicy"})


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
        self.__exit__(None, None, None)
        raise RuntimeError(f"moto_server did not start; see {self.log.name}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return False

    def __call__(self, service, *args, check=True):
        cmd = ["aws", "--endpoint-url", self.endpoint, "--region", self.region, "--output", "json", service, *args]
        done = subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=120)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
        return json.loads(done.stdout) if done.stdout.strip() else {}

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
        resources = self.stack_resources(name)
        modelled = {k for k, v in body["Resources"].items() if v["Type"] not in skips}
        missing = sorted(modelled - set(resources))
        assert not missing, f"resources not created: {missing}"
        return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}, resources

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

    def stack_resources(self, name):
        """{logical id: (type, physical id, status)}"""
        summaries = self("cloudformation", "list-stack-resources", "--stack-name", name)["StackResourceSummaries"]
        return {s["LogicalResourceId"]: (s["ResourceType"], s.get("PhysicalResourceId", ""), s["ResourceStatus"])
                for s in summaries}


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


# Services whose endpoints the Terraform provider is pointed at (the mock serves them all on one port).
TERRAFORM_SERVICES = ("cloudwatchevents", "cloudwatchlogs", "dynamodb", "ec2", "ecr", "emr", "events", "iam", "kms",
                      "lambda", "s3", "secretsmanager", "sfn", "sns", "sqs", "ssm", "sts")


def terraform_plugin_dir():
    """The directory holding registry.terraform.io/hashicorp/aws/... (installed offline on these machines)."""
    for candidate in (os.environ.get("DRDB_TF_PLUGIN_DIR"), "/opt/tf-plugins"):
        if candidate and os.path.isdir(os.path.join(candidate, "registry.terraform.io", "hashicorp", "aws")):
            return candidate
    raise RuntimeError("the Terraform AWS provider is not installed; set DRDB_TF_PLUGIN_DIR")


def mock_cannot_apply(kind, body):
    """Resources the provider cannot create in the mock: EMR clusters (the provider calls EMR APIs
    the mock lacks) and attachments of AWS-managed policies (the mock does not have them)."""
    return kind == "aws_emr_cluster" or (
        kind == "aws_iam_role_policy_attachment" and ":iam::aws:policy/" in str(body.get("policy_arn", "")))


def terraform_apply(moto, module_dir, work, timeout=600, skip=None):
    """Copies a synthesized root module next to an override file pointing the provider at the mock,
    then init (offline) and apply. Returns the outputs as {name: value}.

    The copy is work/applied/<Stack>, beside the other stacks applied with the same `work`: a stack
    reads another's outputs from ../<Stack>/terraform.tfstate, so apply them in manifest order.

    skip: a predicate (resource type, resource body) for resources the mock cannot create (e.g.
    mock_cannot_apply): every other resource is applied with -target, and outputs that need a skipped
    one are absent."""
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
        done = subprocess.run(["terraform", *args, "-no-color"], cwd=target, env=env, capture_output=True, text=True,
                              timeout=limit)
        if done.returncode != 0:
            raise AssertionError(f"terraform {args[0]} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
        return done.stdout
    terraform("init", f"-plugin-dir={terraform_plugin_dir()}", "-backend=false")
    targets = []
    if skip:
        with open(os.path.join(module_dir, "main.tf.json")) as f:
            resources = json.load(f).get("resource", {})
        targets = [f"-target={kind}.{name}" for kind, named in sorted(resources.items())
                   for name, body in sorted(named.items()) if not skip(kind, body)]
    terraform("apply", "-auto-approve", *targets, limit=timeout)
    outputs = json.loads(terraform("output", "-json"))
    return {name: o["value"] for name, o in outputs.items()}
