"""End to end: the EMR example deployed to the local mock AWS with CloudFormation.

Asserts what the mock models of the deployed stack: the cluster (name, release, roles, instance
profile, subnet, EMR-managed groups, log URI, tags), the security configuration with SSE-KMS and
local-disk encryption under the stack's key, the key and its alias, the data bucket encrypted with
that key, the job-flow role in the instance profile with the customer-managed warehouse policy
attached, the autoscaling role. The mock's cluster ignores applications, instance groups,
configurations, steps and bootstrap actions, and its S3 ignores lifecycle and logging settings: those
are asserted on the template the mock accepted (and lifecycle and logging on the Terraform apply,
test_emr_terraform.py).

Deleted at the end: groups, subnets, the instance profile and the other roles go (the cluster is
terminated); the buckets, key and log group, which drdb retains, stay; so do the VPC and the
job-flow role, as the mock can delete neither the route tables nor the managed policy attached to
the role (moto.py).
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


def check_template(body):
    """What the mock does not keep of the cluster, on the template it deployed."""
    (cluster,) = of_type(body, "AWS::EMR::Cluster").values()
    props = cluster["Properties"]
    assert [a["Name"] for a in props["Applications"]] == ["Hadoop", "Spark", "Hive", "Livy"], props["Applications"]
    core = props["Instances"]["CoreInstanceGroup"]
    assert core["InstanceType"] == "r5.2xlarge" and core["InstanceCount"] == 2, core
    volumes = core["EbsConfiguration"]["EbsBlockDeviceConfigs"]
    assert volumes == [{"VolumeSpecification": {"SizeInGB": 256, "VolumeType": "gp3"}, "VolumesPerInstance": 2}], volumes
    policy = core["AutoScalingPolicy"]
    assert policy["Constraints"] == {"MinCapacity": 2, "MaxCapacity": 10}, policy["Constraints"]
    metrics = {r["Trigger"]["CloudWatchAlarmDefinition"]["MetricName"] for r in policy["Rules"]}
    assert metrics == {"YARNMemoryAvailablePercentage"}, metrics
    hive_site = next(c for c in props["Configurations"] if c["Classification"] == "hive-site")
    assert hive_site["ConfigurationProperties"]["hive.metastore.client.factory.class"] == \
        "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory", hive_site
    assert [s["Name"] for s in props["Steps"]] == ["DailyAggregates"], props["Steps"]
    assert props["Steps"][0]["HadoopJarStep"]["Jar"] == "command-runner.jar"
    assert [b["Name"] for b in props["BootstrapActions"]] == ["InstallPythonLibraries"], props["BootstrapActions"]
    assert props["StepConcurrencyLevel"] == 2


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-emr-") as work:
        subprocess.run([app, "synth", "--out", work, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(work, "cloudformation", "Emr.template.json")
        with open(template) as f:
            body = json.load(f)
        check_template(body)
        with Moto() as aws:
            outputs, resources = aws.deploy_modelled("emr", without_kms_key_tags(template, os.path.join(work, "mock.json")), body)

            def physical(kind, suffix=""):
                (found,) = [v[1] for k, v in resources.items() if v[0] == kind and k.startswith(suffix)]
                return found

            # The cluster, in the VPC's first private subnet, with its own groups and roles.
            cluster = aws("emr", "describe-cluster", "--cluster-id", outputs["ClusterId"])["Cluster"]
            assert cluster["Name"] == "drdb-example-spark", cluster["Name"]
            assert cluster["ReleaseLabel"] == "emr-7.1.0", cluster
            attrs = cluster["Ec2InstanceAttributes"]
            assert attrs["IamInstanceProfile"] == outputs["InstanceProfile"], attrs
            subnet = aws("ec2", "describe-subnets", "--subnet-ids", attrs["Ec2SubnetId"])["Subnets"][0]
            tags = {t["Key"]: t["Value"] for t in subnet.get("Tags", [])}
            assert tags["Name"] == "App/Emr/Vpc/EmrSubnet1", tags
            assert tags.get("for-use-with-amazon-emr-managed-policies") == "true", tags
            assert attrs["EmrManagedMasterSecurityGroup"] == physical("AWS::EC2::SecurityGroup", "SparkPrimarySecurityGroup")
            assert attrs["EmrManagedSlaveSecurityGroup"] == physical("AWS::EC2::SecurityGroup", "SparkCoreSecurityGroup")
            assert attrs["ServiceAccessSecurityGroup"] == physical("AWS::EC2::SecurityGroup", "SparkServiceAccessSecurityGroup")
            assert cluster["ServiceRole"] == physical("AWS::IAM::Role", "SparkServiceRole"), cluster["ServiceRole"]
            assert cluster["LogUri"] == f"s3://{outputs['LogBucket']}/emr/", cluster["LogUri"]
            cluster_tags = {t["Key"]: t["Value"] for t in cluster["Tags"]}
            assert cluster_tags["project"] == "drdb-example", cluster_tags

            # Encryption at rest: S3 with SSE-KMS and local disks (EBS too) under the stack's key.
            security = aws("emr", "describe-security-configuration", "--name", outputs["SecurityConfiguration"])
            document = security["SecurityConfiguration"]
            document = json.loads(document) if isinstance(document, str) else document
            at_rest = document["EncryptionConfiguration"]["AtRestEncryptionConfiguration"]
            assert at_rest["S3EncryptionConfiguration"] == {"EncryptionMode": "SSE-KMS", "AwsKmsKey": outputs["DataKeyArn"]}, at_rest
            disk = at_rest["LocalDiskEncryptionConfiguration"]
            assert disk["EncryptionKeyProviderType"] == "AwsKms" and disk["AwsKmsKey"] == outputs["DataKeyArn"], disk
            assert disk["EnableEbsEncryption"] is True, disk

            # (The mock's DescribeKey fails on a key CloudFormation created: keys are listed instead.)
            key_id = outputs["DataKeyArn"].rsplit("/", 1)[1]
            assert key_id in [k["KeyId"] for k in aws("kms", "list-keys")["Keys"]]
            aliases = {a["AliasName"]: a.get("TargetKeyId") for a in aws("kms", "list-aliases")["Aliases"]}
            assert aliases.get("alias/drdb-example-emr") == key_id, aliases
            encryption = aws("s3api", "get-bucket-encryption", "--bucket", outputs["DataBucket"])
            rule = encryption["ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]
            assert rule["SSEAlgorithm"] == "aws:kms" and rule["KMSMasterKeyID"] in (outputs["DataKeyArn"], key_id), rule

            # The instance profile holds the job-flow role, which has the warehouse policy attached.
            profile = aws("iam", "get-instance-profile", "--instance-profile-name", outputs["InstanceProfile"])["InstanceProfile"]
            (role,) = profile["Roles"]
            assert role["RoleName"] == physical("AWS::IAM::Role", "SparkJobFlowRole"), role
            attached = aws("iam", "list-attached-role-policies", "--role-name", role["RoleName"])["AttachedPolicies"]
            warehouse = [p for p in attached if p["PolicyArn"] == physical("AWS::IAM::ManagedPolicy", "WarehouseAccess")]
            assert warehouse, attached
            version = aws("iam", "get-policy", "--policy-arn", warehouse[0]["PolicyArn"])["Policy"]["DefaultVersionId"]
            policy = aws("iam", "get-policy-version", "--policy-arn", warehouse[0]["PolicyArn"], "--version-id", version)
            statements = policy["PolicyVersion"]["Document"]
            statements = json.loads(statements) if isinstance(statements, str) else statements
            resources_text = json.dumps(statements["Statement"])
            assert f"arn:aws:s3:::{outputs['DataBucket']}/warehouse/*" in resources_text, resources_text

            # Custom automatic scaling needs the autoscaling role, created for the core group's policy.
            autoscaling = aws("iam", "get-role", "--role-name", physical("AWS::IAM::Role", "SparkAutoScalingRole"))["Role"]
            principals = json.dumps(autoscaling["AssumeRolePolicyDocument"])
            assert "application-autoscaling.amazonaws.com" in principals, principals

            deleted, retained = aws.delete_stack("emr", body)
            assert {"AWS::EC2::SecurityGroup", "AWS::IAM::InstanceProfile", "AWS::IAM::Role"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::KMS::Key", "AWS::IAM::Role", "AWS::EC2::VPC"} <= retained, retained
    print("ok: the EMR example deployed to the local mock: cluster, encryption, key, buckets, roles; deleted but for "
          "what it retains")


if __name__ == "__main__":
    main(sys.argv[1])
