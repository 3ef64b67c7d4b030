"""End to end: the cyi example deployed to the local mock AWS with CloudFormation.

Deploy: the handlers' assets are uploaded first, then every resource is created. Read back from the
mock: the upload rule (S3 Object Created in the landing bucket) with the queue as target, the
queue's dead-letter queue, the event source mapping (batch size 1), the cluster-state table keyed by
Correlation_Id and DataProduct, and the launcher's environment: the cluster definition is the
typed model's RunJobFlow parameters with the stack's roles and groups resolved, and the step the
Hive append with its placeholders; the tracker's and relauncher's rules and functions. No role
allows a wildcard action, and the stack deploys no cluster (the launcher does, per partition:
tests/handlers/test_launcher.py and tests/workflows/test_cyi.py run it against the mock).
Deleted at the end: queues, functions, rule, roles and groups go; the buckets, table and key, which
drdb retains, stay; the VPC stays too, as the mock cannot delete its route tables (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, without_kms_key_tags  # noqa: E402
from run_tracking import check_run_tracking  # noqa: E402


def of_type(body, kind):
    return {k: v for k, v in body["Resources"].items() if v["Type"] == kind}


def check_upload_path(aws, outputs):
    """The upload rule (S3 Object Created in the landing bucket) sending to the queue, its
    dead-letter queue after three receives, the event source mapping (batch size 1) and the
    cluster-state table's keys. Returns the rule and the queue's attributes."""
    (rule,) = [r for r in aws("events", "list-rules")["Rules"] if json.loads(r["EventPattern"])["source"] == ["aws.s3"]]
    pattern = json.loads(rule["EventPattern"])
    assert "object" not in pattern["detail"], "every key: the launcher checks <database>/<YYYY-MM-DD>/"
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
    return rule, attributes


def check_launcher(aws, outputs, roles, groups, table_body=None):
    """The launcher's environment (the cluster definition with the deployment's `roles` (names) and
    `groups` (ids) resolved, the step template, the state table), no wildcard action in any of the
    `roles`, and the launcher's own role allowed what it does."""
    function = aws("lambda", "get-function-configuration", "--function-name", outputs["LauncherFunction"])
    env = function["Environment"]["Variables"]
    definition = json.loads(env["CLUSTER_DEFINITION"])
    assert definition["Name"] == "drdb-cyi-append" and definition["Instances"]["KeepJobFlowAliveWhenNoSteps"] is False, definition
    assert definition["ServiceRole"] in roles, (definition["ServiceRole"], roles)
    assert definition["Instances"]["EmrManagedMasterSecurityGroup"] in groups, definition["Instances"]
    assert "${" not in env["CLUSTER_DEFINITION"], "every reference resolved"
    (step,) = json.loads(env["STEPS"])
    assert step["Name"] == "append-{database}-{date}", step
    assert "INPUT=s3://" + outputs["LandingBucket"] + "/{database}/{date}/" in step["HadoopJarStep"]["Args"], step
    assert env["RUN_LOG_TABLE"] == outputs["ClusterStateTable"], env
    assert env["RUN_TTL_DAYS"] == "90" and env["MAX_RELAUNCHES"] == "2" and "DATA_PRODUCT" not in env, env
    check_run_tracking(aws, "drdb-cyi-append", outputs["ClusterStateTable"], outputs["RunTrackerFunction"], outputs["RelauncherFunction"],
                       table_body)

    wildcards = aws.wildcard_actions(roles)
    assert not wildcards, wildcards
    launcher_actions = aws.role_actions(function["Role"].rsplit("/", 1)[-1])
    assert {"elasticmapreduce:RunJobFlow", "elasticmapreduce:ListClusters", "elasticmapreduce:TerminateJobFlows", "iam:PassRole",
            "dynamodb:PutItem", "sqs:ReceiveMessage"} <= launcher_actions, launcher_actions


def check_deployed(aws, body, outputs, resources):
    assert not of_type(body, "AWS::EMR::Cluster"), "the launcher launches the cluster, not the stack"
    check_upload_path(aws, outputs)
    check_launcher(aws, outputs, {v[1] for v in resources.values() if v[0] == "AWS::IAM::Role"},
                   {v[1] for v in resources.values() if v[0] == "AWS::EC2::SecurityGroup"}, body["Resources"]["ClusterState"])


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
            assert aws.check_scripts_uploaded(aws.functions_environment(), out, bucket), "the launcher runs no shipped script"
            deleted, retained = aws.delete_stack("cyi", body)
            gone = {"AWS::SQS::Queue", "AWS::Lambda::Function", "AWS::Lambda::EventSourceMapping", "AWS::Events::Rule"}
            assert gone <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key"} <= retained, retained
    print("e2e cyi: deployed with its asset; upload rule, queues, event source, state table and the launcher's "
          "rendered cluster definition as expected; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_cyi.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
