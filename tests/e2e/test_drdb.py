"""End to end: the DRDB reference architecture deployed to the local mock AWS with CloudFormation.

Read back from the mock: the upload rule (S3 Object Created under incoming/) starting the workflow
with a role, the nightly recycle rule starting the lifecycle machine with {"action": "recycle"}, the
run log's key, and both state machines. The workflow's createCluster parameters are the typed model:
explicit EBS volumes, the task group's memory-based autoscaling with the autoscaling role, and the
Glue Data Catalog as metastore. No role allows a wildcard action, and the stack deploys no cluster.
Then the deployed workflow runs against the stack next to a waiting cluster, reusing it (sfn_run.py).
Deleted at the end: state machines, rules, roles and groups go; the buckets, key and run log, which
drdb retains, stay, with the run's record; the VPC stays too, as the mock cannot delete its route
tables (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import sfn_run  # noqa: E402
from moto import Moto, require_tools, without_kms_key_tags  # noqa: E402


def check_rules(aws, outputs):
    rules = aws("events", "list-rules")["Rules"]
    (upload,) = [r for r in rules if "EventPattern" in r]
    pattern = json.loads(upload["EventPattern"])
    assert pattern["detail"]["object"]["key"] == [{"prefix": "incoming/"}] and pattern["detail"]["bucket"]["name"] == [outputs["LandingBucket"]]
    (target,) = aws("events", "list-targets-by-rule", "--rule", upload["Name"])["Targets"]
    assert target["Arn"] == outputs["StateMachineArn"] and target.get("RoleArn"), target
    (recycle,) = [r for r in rules if "ScheduleExpression" in r]
    assert recycle["ScheduleExpression"] == "cron(0 3 * * ? *)", recycle
    (target,) = aws("events", "list-targets-by-rule", "--rule", recycle["Name"])["Targets"]
    assert json.loads(target["Input"]) == {"action": "recycle"}, target


def check_deployed(aws, body, outputs, resources):
    assert not [v for v in body["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
    check_rules(aws, outputs)
    table = aws("dynamodb", "describe-table", "--table-name", outputs["RunLogTable"])["Table"]
    assert table["KeySchema"] == [{"AttributeName": "Correlation_Id", "KeyType": "HASH"}], table
    machines = aws("stepfunctions", "list-state-machines")["stateMachines"]
    assert len(machines) == 2, machines
    described = aws("stepfunctions", "describe-state-machine", "--state-machine-arn", outputs["StateMachineArn"])
    workflow = json.loads(described["definition"])
    create = workflow["States"]["CreateCluster"]["Parameters"]
    groups = {g["InstanceRole"]: g for g in create["Instances"]["InstanceGroups"]}
    core_volumes = groups["CORE"]["EbsConfiguration"]["EbsBlockDeviceConfigs"]
    assert core_volumes == [{"VolumeSpecification": {"SizeInGB": 256, "VolumeType": "gp3", "Throughput": 250}, "VolumesPerInstance": 2}], core_volumes
    policy = groups["TASK"]["AutoScalingPolicy"]
    assert policy["Constraints"] == {"MinCapacity": 0, "MaxCapacity": 8}, policy
    assert create["AutoScalingRole"], create
    (hive_site,) = [c for c in create["Configurations"] if c["Classification"] == "hive-site"]
    assert "AWSGlueDataCatalogHiveClientFactory" in hive_site["Properties"]["hive.metastore.client.factory.class"], hive_site
    for role_id, (kind, name, _) in resources.items():
        if kind == "AWS::IAM::Role":
            wildcards = [a for a in aws.role_actions(name) if "*" in a]
            assert not wildcards, (role_id, wildcards)
    return workflow


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-drdb-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(out, "cloudformation", "Drdb.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(template, os.path.join(work, "mock.json"))
            outputs, resources = aws.deploy_modelled("drdb", deployable, body)
            workflow = check_deployed(aws, body, outputs, resources)
            sfn_run.run_next_to_waiting_cluster(aws, workflow, outputs["RunLogTable"], "drdb", "drdb")
            deleted, retained = aws.delete_stack("drdb", body)
            assert {"AWS::StepFunctions::StateMachine", "AWS::Events::Rule", "AWS::IAM::Role"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key"} <= retained, retained
            assert sfn_run.run_record(aws, outputs["RunLogTable"]), "the retained run log lost its record"
    print("e2e drdb: deployed; upload and recycle rules, run log, and the workflow's typed cluster (EBS, autoscaling, "
          "Glue catalog) as expected; one run reusing a waiting cluster recorded; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_drdb.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
