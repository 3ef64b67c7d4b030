"""End to end: the cyi example deployed to the local mock AWS with CloudFormation.

Deploy: the launcher's asset is uploaded first, then every resource is created. Read back from the
mock: the upload rule (S3 Object Created under each database's prefix) with the queue as target, the
queue's dead-letter queue, the event source mapping (batch size 1), the cluster-state table keyed by
Correlation_Id and DataProduct, and the launcher's environment: the cluster definition is the
typed model's RunJobFlow parameters with the stack's roles and groups resolved, and the step the
Hive append with its placeholders. No role allows a wildcard action, and the stack deploys no
cluster (the launcher does, per upload: tests/handlers/test_launcher.py runs it against the mock).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, without_kms_key_tags  # noqa: E402


def of_type(body, kind):
    return {k: v for k, v in body["Resources"].items() if v["Type"] == kind}


def check_deployed(aws, body, outputs, resources):
    assert not of_type(body, "AWS::EMR::Cluster"), "the launcher launches the cluster, not the stack"
    (rule,) = aws("events", "list-rules")["Rules"]
    pattern = json.loads(rule["EventPattern"])
    assert pattern["detail"]["object"]["key"] == [{"prefix": "sales/"}, {"prefix": "inventory/"}], pattern
    assert pattern["detail"]["bucket"]["name"] == [outputs["LandingBucket"]], pattern
    (target,) = aws("events", "list-targets-by-rule", "--rule", rule["Name"])["Targets"]
    queue_urls = aws("sqs", "list-queues")["QueueUrls"]
    arns = {aws("sqs", "get-queue-attributes", "--queue-url", u, "--attribute-names", "All")["Attributes"]["QueueArn"]: u for u in queue_urls}
    assert target["Arn"] in arns, (target, arns)
    attributes = aws("sqs", "get-queue-attributes", "--queue-url", arns[target["Arn"]], "--attribute-names", "All")["Attributes"]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["maxReceiveCount"] == 3 and redrive["deadLetterTargetArn"] in arns, redrive

    mappings = aws("lambda", "list-event-source-mappings")["EventSourceMappings"]
    (mapping,) = [m for m in mappings if m["FunctionArn"].endswith(":function:" + outputs["LauncherFunction"])]
    assert mapping["EventSourceArn"] == target["Arn"] and mapping["BatchSize"] == 1, mapping

    table = aws("dynamodb", "describe-table", "--table-name", outputs["ClusterStateTable"])["Table"]
    assert table["KeySchema"] == [{"AttributeName": "Correlation_Id", "KeyType": "HASH"},
                                  {"AttributeName": "DataProduct", "KeyType": "RANGE"}], table["KeySchema"]

    env = aws("lambda", "get-function-configuration", "--function-name", outputs["LauncherFunction"])["Environment"]["Variables"]
    definition = json.loads(env["CLUSTER_DEFINITION"])
    assert definition["Name"] == "drdb-cyi-append" and definition["Instances"]["KeepJobFlowAliveWhenNoSteps"] is False, definition
    roles = {k: v[1] for k, v in resources.items() if v[0] == "AWS::IAM::Role"}
    assert definition["ServiceRole"] in roles.values(), (definition["ServiceRole"], roles)
    groups = {v[1] for v in resources.values() if v[0] == "AWS::EC2::SecurityGroup"}
    assert definition["Instances"]["EmrManagedMasterSecurityGroup"] in groups, definition["Instances"]
    assert "${" not in env["CLUSTER_DEFINITION"], "every reference resolved"
    (step,) = json.loads(env["STEPS"])
    assert step["Name"] == "append-{database}-{date}" and "INPUT={input_path}" in step["HadoopJarStep"]["Args"], step
    assert env["RUN_LOG_TABLE"] == outputs["ClusterStateTable"], env

    for role_id, name in roles.items():
        wildcards = [a for a in aws.role_actions(name) if "*" in a]
        assert not wildcards, (role_id, wildcards)
    launcher_actions = aws.role_actions(roles[next(k for k in roles if k.startswith("LauncherServiceRole"))])
    assert {"elasticmapreduce:RunJobFlow", "iam:PassRole", "dynamodb:PutItem", "sqs:ReceiveMessage"} <= launcher_actions, launcher_actions


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-cyi-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(out, "cloudformation", "Cyi.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            bucket = aws.upload_assets(out)
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(template, os.path.join(work, "mock.json"))
            outputs, resources = aws.deploy_modelled("cyi", deployable, body, parameters=[("AssetsBucket", bucket)])
            check_deployed(aws, body, outputs, resources)
    print("e2e cyi: deployed with its asset; upload rule, queues, event source, state table and the launcher's "
          "rendered cluster definition as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_cyi.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
