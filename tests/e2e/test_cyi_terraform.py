"""End to end: the cyi example's Terraform configuration applied to the local mock AWS.

Applied: everything but the attachment of the AWS-managed EMR service policy (the mock does not have
AmazonEMRServicePolicy_v2: NoSuchEntity). Asserts what test_cyi.py asserts of the CloudFormation
deploy (the upload rule, queues and dead-letter queue, event source, cluster-state table, the
launcher's cluster definition with the roles and groups resolved, no wildcard action), and what the
mock's CloudFormation does not keep: the queues' policies (TLS only, and only the upload rule may
send), the landing bucket's lifecycle, versioning and access logs, the table's point-in-time
recovery.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_cyi import check_launcher, check_upload_path  # noqa: E402


def check_queue_policy(rule, attributes):
    statements = json.loads(attributes["Policy"])["Statement"]
    deny = [s for s in statements if s["Effect"] == "Deny"]
    assert [s["Condition"] for s in deny] == [{"Bool": {"aws:SecureTransport": "false"}}], statements
    (allow,) = [s for s in statements if s["Effect"] == "Allow"]
    assert allow["Principal"] == {"Service": "events.amazonaws.com"} and allow["Action"] == "sqs:SendMessage", allow
    assert allow["Condition"] == {"ArnEquals": {"aws:SourceArn": rule["Arn"]}}, allow


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-cyi-tf-") as work:
        module = os.path.join(work, "terraform", "Cyi")
        assert {kind for kind, _ in terraform_skipped(module, mock_cannot_apply)} == {"aws_iam_role_policy_attachment"}
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            rule, queue = check_upload_path(aws, outputs)
            check_queue_policy(rule, queue)
            check_launcher(aws, outputs, {r["RoleName"] for r in aws("iam", "list-roles")["Roles"]},
                           {g["GroupId"] for g in aws("ec2", "describe-security-groups")["SecurityGroups"]})

            landing = outputs["LandingBucket"]
            (expiry,) = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", landing)["Rules"]
            assert expiry["ID"] == "AgeOutUploads" and expiry["Expiration"]["Days"] == 30, expiry
            assert expiry["NoncurrentVersionExpiration"]["NoncurrentDays"] == 7, expiry
            assert aws("s3api", "get-bucket-versioning", "--bucket", landing)["Status"] == "Enabled"
            logging = aws("s3api", "get-bucket-logging", "--bucket", landing)["LoggingEnabled"]
            assert logging["TargetPrefix"] == "s3-access/landing/", logging
            backups = aws("dynamodb", "describe-continuous-backups", "--table-name", outputs["ClusterStateTable"])
            assert backups["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"
    print("e2e cyi terraform: applied but for the AWS-managed policy attachment; upload rule, queues and their policies, "
          "event source, state table, the launcher's cluster definition and the landing bucket as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_cyi_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
