"""End to end: the pipeline example's Terraform configuration applied to the local mock AWS.

Not applied, as the mock cannot: the two state machines (the provider first calls
ValidateStateMachineDefinition, which the mock answers with a server error), so neither what needs
them: the rules' targets, the inline policies of the roles the rules start them with, and the
relauncher (its environment names the workflow) with its permission and its role's policy; and the
attachment of the AWS-managed EMR service policy (the mock does not have AmazonEMRServicePolicy_v2).
Everything else is, and asserts the triggers test_pipeline.py asserts of the CloudFormation deploy
(without their targets), and what the mock's CloudFormation does not keep: the run log's
time-to-live attribute, its cluster index, and the log bucket's lifecycle.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_pipeline import check_triggers  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-pipeline-tf-") as work:
        module = os.path.join(work, "terraform", "Pipeline")
        skipped = terraform_skipped(module, mock_cannot_apply)
        assert {kind for kind, _ in skipped} == {"aws_sfn_state_machine", "aws_cloudwatch_event_target", "aws_iam_role_policy",
                                                 "aws_lambda_function", "aws_lambda_permission",
                                                 "aws_iam_role_policy_attachment"}, skipped
        assert [name for kind, name in skipped if kind == "aws_lambda_function"] == ["Relauncher"], skipped
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            assert set(outputs) == {"LandingBucket", "RunLogTable"}, outputs
            rules = check_triggers(aws, outputs)
            assert all(aws("events", "list-targets-by-rule", "--rule", name)["Targets"] == [] for name in rules)

            table = outputs["RunLogTable"]
            described = aws("dynamodb", "describe-table", "--table-name", table)["Table"]
            assert [i["IndexName"] for i in described["GlobalSecondaryIndexes"]] == ["ByCluster"], described
            ttl = aws("dynamodb", "describe-time-to-live", "--table-name", table)["TimeToLiveDescription"]
            assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "TimeToExist"}, ttl

            logging = aws("s3api", "get-bucket-logging", "--bucket", outputs["LandingBucket"])["LoggingEnabled"]
            assert logging["TargetPrefix"] == "s3-access/landing/", logging
            (rule,) = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", logging["TargetBucket"])["Rules"]
            assert rule["ID"] == "AgeOutLogs" and rule["Expiration"]["Days"] == 365, rule
    print("e2e pipeline terraform: applied but for the state machines and what needs them; triggers, run log and "
          "buckets as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_pipeline_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
