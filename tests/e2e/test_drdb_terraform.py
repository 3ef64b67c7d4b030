"""End to end: the DRDB reference architecture's Terraform configuration applied to the local mock AWS.

Not applied, as the mock cannot: the two state machines (the provider first calls
ValidateStateMachineDefinition, which the mock answers with a server error), so neither what needs
them: the rules' targets and the inline policies of the roles the rules start them with; and the
attachment of the AWS-managed EMR service policy (the mock does not have AmazonEMRServicePolicy_v2).
Everything else is, and asserts what the mock's CloudFormation does not keep: the run log's
time-to-live attribute and point-in-time recovery, the landing bucket's versioning and access logs
to the log bucket, whose lifecycle ages them out after a year, the gateway endpoints and the one
NAT gateway; the upload rule and the start, stop and recycle schedules (without their targets); and
the key pair, imported from the operator's public key given as the Terraform variable.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402

# An operator's public key; its private half was never kept.
OPERATOR_PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJeqH318l1qTjFYQ31+1XiUMu7tqf5yXImCj4+7NrUvC operator@drdb"


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-drdb-tf-") as work:
        module = os.path.join(work, "terraform", "Drdb")
        # The key pair's public key is the operator's (Terraform cannot generate one without keeping
        # the private key in its state): supplied as the variable, as an operator would.
        main_tf = json.load(open(os.path.join(module, "main.tf.json")))
        (variable,) = [v for v in main_tf["variable"] if v.endswith("PublicKey")]
        (key_name,) = main_tf["resource"]["aws_key_pair"]
        assert main_tf["resource"]["aws_key_pair"][key_name]["public_key"] == "${var." + variable + "}"
        assert "tls_private_key" not in json.dumps(main_tf)
        with open(os.path.join(module, "operator.auto.tfvars.json"), "w") as f:
            json.dump({variable: OPERATOR_PUBLIC_KEY}, f)
        skipped = {kind for kind, _ in terraform_skipped(module, mock_cannot_apply)}
        assert skipped == {"aws_sfn_state_machine", "aws_cloudwatch_event_target", "aws_iam_role_policy",
                           "aws_iam_role_policy_attachment"}, skipped
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            assert "StateMachineArn" not in outputs, outputs

            table = outputs["RunLogTable"]
            key = aws("dynamodb", "describe-table", "--table-name", table)["Table"]["KeySchema"]
            assert key == [{"AttributeName": "Correlation_Id", "KeyType": "HASH"}], key
            ttl = aws("dynamodb", "describe-time-to-live", "--table-name", table)["TimeToLiveDescription"]
            assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "TimeToExist"}, ttl
            backups = aws("dynamodb", "describe-continuous-backups", "--table-name", table)["ContinuousBackupsDescription"]
            assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED", backups

            landing = outputs["LandingBucket"]
            assert aws("s3api", "get-bucket-versioning", "--bucket", landing)["Status"] == "Enabled"
            logging = aws("s3api", "get-bucket-logging", "--bucket", landing)["LoggingEnabled"]
            assert logging["TargetPrefix"] == "s3-access/landing/", logging
            (rule,) = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", logging["TargetBucket"])["Rules"]
            assert rule["ID"] == "AgeOutLogs" and rule["Expiration"]["Days"] == 365, rule

            endpoints = sorted((e["ServiceName"].rsplit(".", 1)[-1], e["VpcEndpointType"])
                               for e in aws("ec2", "describe-vpc-endpoints")["VpcEndpoints"])
            assert endpoints == [("dynamodb", "Gateway"), ("s3", "Gateway")], endpoints
            assert len(aws("ec2", "describe-nat-gateways")["NatGateways"]) == 1

            rules = aws("events", "list-rules")["Rules"]
            (upload,) = [r for r in rules if "EventPattern" in r]
            pattern = json.loads(upload["EventPattern"])
            assert pattern["detail"] == {"bucket": {"name": [landing]}, "object": {"key": [{"prefix": "incoming/"}]}}, pattern
            schedules = sorted(r["ScheduleExpression"] for r in rules if "ScheduleExpression" in r)
            assert schedules == ["cron(0 20 ? * MON-FRI *)", "cron(0 3 * * ? *)", "cron(0 6 ? * MON-FRI *)"], schedules

            (key,) = aws("ec2", "describe-key-pairs")["KeyPairs"]
            assert key["KeyName"] == "Drdb-Spark", key
    print("e2e drdb terraform: applied but for the state machines and what needs them; run log, buckets, network "
          "and rules as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_drdb_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
