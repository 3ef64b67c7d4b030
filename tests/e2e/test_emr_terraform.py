"""End to end: the EMR example's Terraform configuration applied to the local mock AWS.

The provider's aws_emr_cluster calls APIs the mock lacks (shared/local-aws.md), and the mock has no
AWS-managed policies to attach, so everything else is applied: network, EMR-managed security groups, roles and instance profile, the managed
policy, the key, the buckets and the security configuration. Asserts what the CloudFormation path of
the mock cannot show: the log bucket's lifecycle rule and its policy for the data bucket's access
logs, and the egress rules of the EMR-managed groups.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_synth  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-emr-tf-") as work:
        module = os.path.join(work, "terraform", "Emr")
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            assert "ClusterId" not in outputs, outputs

            # Server access logging, turned on once the log bucket's policy admitted the service.
            logging = aws("s3api", "get-bucket-logging", "--bucket", outputs["DataBucket"])["LoggingEnabled"]
            assert logging == {"TargetBucket": outputs["LogBucket"], "TargetPrefix": "s3-access/data/"}, logging

            lifecycle = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", outputs["LogBucket"])["Rules"]
            (rule,) = lifecycle
            assert rule["ID"] == "AgeOutLogs" and rule["Status"] == "Enabled", rule
            assert rule["Expiration"]["Days"] == 365, rule
            assert sorted((t["Days"], t["StorageClass"]) for t in rule["Transitions"]) == [(30, "STANDARD_IA"), (90, "GLACIER")], rule
            assert rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] == 7, rule

            # The log bucket's policy admits the logging service for the data bucket only.
            policy = json.loads(aws("s3api", "get-bucket-policy", "--bucket", outputs["LogBucket"])["Policy"])
            logging_grants = [s for s in policy["Statement"] if s.get("Principal") == {"Service": "logging.s3.amazonaws.com"}]
            assert logging_grants and all(s["Resource"].endswith("/s3-access/data/*") for s in logging_grants), policy

            encryption = aws("s3api", "get-bucket-encryption", "--bucket", outputs["DataBucket"])
            default = encryption["ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]
            assert default["SSEAlgorithm"] == "aws:kms" and default["KMSMasterKeyID"] == outputs["DataKeyArn"], default

            security = aws("emr", "describe-security-configuration", "--name", outputs["SecurityConfiguration"])
            document = security["SecurityConfiguration"]
            document = json.loads(document) if isinstance(document, str) else document
            at_rest = document["EncryptionConfiguration"]["AtRestEncryptionConfiguration"]
            assert at_rest["S3EncryptionConfiguration"]["EncryptionMode"] == "SSE-KMS", at_rest
            assert at_rest["LocalDiskEncryptionConfiguration"]["AwsKmsKey"] == outputs["DataKeyArn"], at_rest

            profile = aws("iam", "get-instance-profile", "--instance-profile-name", outputs["InstanceProfile"])["InstanceProfile"]
            (role,) = profile["Roles"]
            (attached,) = aws("iam", "list-attached-role-policies", "--role-name", role["RoleName"])["AttachedPolicies"]
            policy = aws("iam", "get-policy", "--policy-arn", attached["PolicyArn"])["Policy"]
            assert policy["Description"] == "Read and write of the data bucket's warehouse prefix", policy

            # The EMR-managed groups: egress only where EMR's traffic goes, tagged for the v2 policy.
            groups = aws("ec2", "describe-security-groups", "--filters",
                         "Name=tag:for-use-with-amazon-emr-managed-policies,Values=true")["SecurityGroups"]
            by_name = {next(t["Value"] for t in g["Tags"] if t["Key"] == "Name"): g for g in groups}
            primary = by_name["App/Emr/Spark/PrimarySecurityGroup"]
            service = by_name["App/Emr/Spark/ServiceAccessSecurityGroup"]
            egress = sorted((r["IpProtocol"], r.get("FromPort"), tuple(p["GroupId"] for p in r.get("UserIdGroupPairs", [])))
                            for r in primary["IpPermissionsEgress"])
            assert ("tcp", 443, ()) in egress and ("tcp", 9443, (service["GroupId"],)) in egress, egress
            assert primary["IpPermissions"] == [], primary["IpPermissions"]
    print("ok: the EMR example's Terraform configuration (all but the cluster) applied to the local mock")


if __name__ == "__main__":
    main(sys.argv[1])
