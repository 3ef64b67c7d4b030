"""End to end: the intraday example's Terraform configuration applied to the local mock AWS.

Applied: everything but the attachment of the AWS-managed EMR service policy (the mock does not have
AmazonEMRServicePolicy_v2: NoSuchEntity). Asserts what test_intraday.py asserts of the
CloudFormation deploy (the working-hours schedule and the cluster-ended and -ready rules with their function
targets, the job table, the functions' environments and the launcher's read-replica cluster
definition, the log groups' retention, no wildcard action), and the functions' resource policies:
each rule may invoke its function, and nothing else may.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_intraday import check_functions  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-intraday-tf-") as work:
        module = os.path.join(work, "terraform", "Intraday")
        assert {kind for kind, _ in terraform_skipped(module, mock_cannot_apply)} == {"aws_iam_role_policy_attachment"}
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            schedule, ended, ready = check_functions(aws, outputs, {r["RoleName"] for r in aws("iam", "list-roles")["Roles"]})
            for rules, function in (((schedule,), outputs["LauncherFunction"]), ((ended, ready), outputs["CleanupFunction"])):
                grants = aws.function_policy(function)
                for grant in grants:
                    assert grant["Principal"] == {"Service": "events.amazonaws.com"} and grant["Action"] == "lambda:InvokeFunction", grant
                assert sorted(g["Condition"]["ArnLike"]["AWS:SourceArn"] for g in grants) == sorted(r["Arn"] for r in rules), grants
    print("e2e intraday terraform: applied but for the AWS-managed policy attachment; rules, job table, functions "
          "and who may invoke them as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_intraday_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
