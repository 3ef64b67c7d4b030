"""End to end: the bundled example, synthesized by the real binary, deployed to the local mock AWS.

Asserts what the mock models: every resource created, the Hive-metastore rule (3306 from the EMR
primary group) present on the metastore group, subnets inside the VPC, buckets encrypted, the role
trusting EC2 with its policy; then an update with a changed template, then the delete: the stack
reaches DELETE_COMPLETE, its groups, subnets, VPC and role are gone and its buckets, which drdb
retains, are still there. The mock ignores egress rules (inline and AWS::EC2::SecurityGroupEgress) and public-access blocks,
so those are checked by the golden and lint tests instead.
"""
import ast
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools  # noqa: E402


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-") as work:
        subprocess.run([app, "synth", "--out", work, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(work, "cloudformation", "Platform.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            outputs, resources = aws.deploy_modelled("platform", template, body)
            for logical_id, (_, _, status) in resources.items():
                assert status == "CREATE_COMPLETE", f"{logical_id} is {status}"

            def physical(logical_id):
                return resources[logical_id][1]

            # The metastore group admits MySQL from the EMR primary group, and nothing else.
            groups = aws("ec2", "describe-security-groups", "--group-ids", physical("Metastore"))["SecurityGroups"]
            ingress = groups[0]["IpPermissions"]
            assert len(ingress) == 1, ingress
            rule = ingress[0]
            assert (rule["IpProtocol"], rule["FromPort"], rule["ToPort"]) == ("tcp", 3306, 3306), rule
            assert [p["GroupId"] for p in rule["UserIdGroupPairs"]] == [physical("EmrMaster")], rule
            assert groups[0]["VpcId"] == physical("Network")
            # The EMR groups admit nothing from outside.
            for name in ("EmrMaster", "EmrCoreTask"):
                g = aws("ec2", "describe-security-groups", "--group-ids", physical(name))["SecurityGroups"][0]
                assert g["IpPermissions"] == [], (name, g["IpPermissions"])

            vpc = aws("ec2", "describe-vpcs", "--vpc-ids", physical("Network"))["Vpcs"][0]
            assert vpc["CidrBlock"] == "10.20.0.0/16"
            subnets = aws("ec2", "describe-subnets", "--filters", f"Name=vpc-id,Values={physical('Network')}")["Subnets"]
            assert sorted(s["CidrBlock"] for s in subnets) == ["10.20.0.0/19", "10.20.32.0/19"], subnets
            assert len({s["AvailabilityZone"] for s in subnets}) == 2, "subnets must be in two zones"

            for bucket in ("Data", "Logs"):
                enc = aws("s3api", "get-bucket-encryption", "--bucket", physical(bucket))
                algorithm = enc["ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]
                assert algorithm["SSEAlgorithm"] == "AES256", enc

            role = aws("iam", "get-role", "--role-name", physical("EmrInstanceRole"))["Role"]
            trust = role["AssumeRolePolicyDocument"]
            trust = json.loads(trust) if isinstance(trust, str) else trust
            assert trust["Statement"][0]["Principal"] == {"Service": "ec2.amazonaws.com"}, trust
            policy = aws("iam", "get-role-policy", "--role-name", physical("EmrInstanceRole"), "--policy-name", "Default")
            document = policy["PolicyDocument"]
            if isinstance(document, str):  # the mock returns the document as Python literal text
                document = ast.literal_eval(document)
            actions = {a for s in document["Statement"] for a in
                       (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])}
            assert "s3:GetObject" in actions and not any(a.endswith("*") for a in actions), actions
            assert outputs.get("EnvironmentName") == "drdb-dev", outputs

            # An update: a template with one more rule (the metastore's Thrift port for core nodes).
            body["Resources"]["MetastoreThrift"] = {
                "Type": "AWS::EC2::SecurityGroupIngress",
                "Properties": {"GroupId": {"Fn::GetAtt": ["Metastore", "GroupId"]}, "IpProtocol": "tcp",
                               "FromPort": 9083, "ToPort": 9083,
                               "SourceSecurityGroupId": {"Fn::GetAtt": ["EmrCoreTask", "GroupId"]}}}
            changed = os.path.join(work, "changed.json")
            with open(changed, "w") as f:
                json.dump(body, f)
            aws.update_stack("platform", changed)
            groups = aws("ec2", "describe-security-groups", "--group-ids", physical("Metastore"))["SecurityGroups"]
            ports = sorted(p["FromPort"] for p in groups[0]["IpPermissions"])
            assert ports == [3306, 9083], groups[0]["IpPermissions"]

            deleted, retained = aws.delete_stack("platform", body)
            assert {"AWS::EC2::VPC", "AWS::EC2::SecurityGroup", "AWS::IAM::Role"} <= deleted, deleted
            assert retained == {"AWS::S3::Bucket"}, retained
    print("ok: the example deployed, updated and was deleted in the local mock")


if __name__ == "__main__":
    main(sys.argv[1])
