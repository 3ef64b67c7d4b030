"""End to end: the DRDB reference architecture deployed to the local mock AWS with CloudFormation.

Read back from the mock: the upload rule (S3 Object Created under incoming/) starting the workflow
with a role, the weekday start and stop rules and the nightly recycle rule starting the lifecycle
machine with their actions, the run log's key, and both state machines. The workflow's createCluster
parameters are the typed model: instance fleets (On-Demand primary and core with explicit EBS
volumes, Spot task capacity-optimized) over private subnets of two zones, managed scaling limited
to Spot task nodes, the key pair, and the Glue Data Catalog as metastore. The mock's CloudFormation
has no AWS::EC2::KeyPair: the test creates the key with EC2 and keeps its private key where
CloudFormation does (SSM, /ec2/keypair/<key pair id>), then reads it as an operator would, from the
parameter the stack's output names. No role allows a wildcard action, and the stack deploys no cluster.
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
from moto import Moto, require_tools, with_key_pairs_created, without_kms_key_tags  # noqa: E402


def check_private_key(aws, outputs, key_name):
    """What an operator does: read the private key from the parameter the stack outputs."""
    name = outputs["SparkPrivateKeyParameter"]
    (pair,) = aws("ec2", "describe-key-pairs", "--key-names", key_name)["KeyPairs"]
    assert name == f"/ec2/keypair/{pair['KeyPairId']}", (name, pair)
    key = aws("ssm", "get-parameter", "--with-decryption", "--name", name)["Parameter"]
    assert key["Type"] == "SecureString" and "PRIVATE KEY" in key["Value"], key["Type"]


def check_rules(aws, outputs):
    rules = aws("events", "list-rules")["Rules"]
    (upload,) = [r for r in rules if "EventPattern" in r]
    pattern = json.loads(upload["EventPattern"])
    assert pattern["detail"]["object"]["key"] == [{"prefix": "incoming/"}] and pattern["detail"]["bucket"]["name"] == [outputs["LandingBucket"]]
    (target,) = aws("events", "list-targets-by-rule", "--rule", upload["Name"])["Targets"]
    assert target["Arn"] == outputs["StateMachineArn"] and target.get("RoleArn"), target
    schedules = {}
    for rule in rules:
        if "ScheduleExpression" in rule:
            (target,) = aws("events", "list-targets-by-rule", "--rule", rule["Name"])["Targets"]
            schedules[rule["ScheduleExpression"]] = json.loads(target["Input"])
    assert schedules == {"cron(0 6 ? * MON-FRI *)": {"action": "start"}, "cron(0 20 ? * MON-FRI *)": {"action": "stop"},
                         "cron(0 3 * * ? *)": {"action": "recycle"}}, schedules


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
    instances = create["Instances"]
    fleets = {f["InstanceFleetType"]: f for f in instances["InstanceFleets"]}
    for fleet in fleets["CORE"]["InstanceTypeConfigs"]:
        volumes = fleet["EbsConfiguration"]["EbsBlockDeviceConfigs"]
        assert volumes == [{"VolumeSpecification": {"SizeInGB": 256, "VolumeType": "gp3", "Throughput": 250}, "VolumesPerInstance": 2}], volumes
    assert (fleets["MASTER"]["TargetOnDemandCapacity"], fleets["CORE"]["TargetOnDemandCapacity"]) == (1, 2), fleets
    spot = fleets["TASK"]["LaunchSpecifications"]["SpotSpecification"]
    assert spot["AllocationStrategy"] == "capacity-optimized", spot
    assert create["ManagedScalingPolicy"]["ComputeLimits"]["MaximumOnDemandCapacityUnits"] == 3, create
    # Multi-AZ: EMR chooses among the private subnets of both zones.
    subnets = aws("ec2", "describe-subnets", "--subnet-ids", *instances["Ec2SubnetIds"])["Subnets"]
    assert len({s["AvailabilityZone"] for s in subnets}) == 2 and not any(s["MapPublicIpOnLaunch"] for s in subnets), subnets
    # The clusters get the stack's key pair, whose private key the operator reads from SSM.
    assert instances["Ec2KeyName"] == "drdb-Spark", instances
    check_private_key(aws, outputs, instances["Ec2KeyName"])
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
            deployable = with_key_pairs_created(aws, deployable, os.path.join(work, "mock-keys.json"), "drdb")
            bucket = aws.upload_assets(out)  # the Spark job the step runs
            outputs, resources = aws.deploy_modelled("drdb", deployable, body, parameters=[("AssetsBucket", bucket)])
            workflow = check_deployed(aws, body, outputs, resources)
            assert len(aws.check_scripts_uploaded(json.dumps(workflow), out, bucket)) == 1, "the step runs no shipped script"
            sfn_run.run_next_to_waiting_cluster(aws, workflow, outputs["RunLogTable"], "drdb", "drdb")
            deleted, retained = aws.delete_stack("drdb", body)
            assert {"AWS::StepFunctions::StateMachine", "AWS::Events::Rule", "AWS::IAM::Role"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key"} <= retained, retained
            assert sfn_run.run_record(aws, outputs["RunLogTable"]), "the retained run log lost its record"
    print("e2e drdb: deployed; upload, start, stop and recycle rules, run log, key pair, and the workflow's typed cluster "
          "(fleets over two zones, EBS, managed scaling, Glue catalog) as expected; one run reusing a waiting cluster recorded; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_drdb.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
