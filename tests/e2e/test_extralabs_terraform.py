"""End to end: the extralabs example's Terraform configuration applied to the local mock AWS.

Applied: everything but the attachment of the AWS-managed EMR service policy (the mock does not have
AmazonEMRServicePolicy_v2: NoSuchEntity). Asserts what test_extralabs.py asserts of the
CloudFormation deploy (the API's IAM-authorized routes to the functions, the repository, the
launcher's cluster definition and step template, the upload function confined to its prefix, no
wildcard action), and what the mock's CloudFormation does not keep: the API's prod stage, the
repository's scanning on push and lifecycle policy, and the upload bucket's lifecycle under
incoming/.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_extralabs import check_functions  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-extralabs-tf-") as work:
        module = os.path.join(work, "terraform", "Extralabs")
        assert {kind for kind, _ in terraform_skipped(module, mock_cannot_apply)} == {"aws_iam_role_policy_attachment"}
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            functions = {f["FunctionName"]: f.get("Environment", {}).get("Variables", {})
                         for f in aws("lambda", "list-functions")["Functions"]}
            (launcher,) = [name for name, env in functions.items() if "CLUSTER_DEFINITION" in env]
            (upload_urls,) = [name for name, env in functions.items() if "UPLOAD_BUCKET" in env]
            repository = check_functions(aws, outputs, launcher, upload_urls,
                                         {r["RoleName"] for r in aws("iam", "list-roles")["Roles"]},
                                         {s["SubnetId"] for s in aws("ec2", "describe-subnets")["Subnets"]})

            (api,) = aws("apigateway", "get-rest-apis")["items"]
            (stage,) = aws("apigateway", "get-stages", "--rest-api-id", api["id"])["item"]
            assert stage["stageName"] == "prod" and stage["deploymentId"], stage
            assert outputs["ApiUrl"].startswith(f"https://{api['id']}.execute-api.") and outputs["ApiUrl"].endswith("/prod")

            assert repository["imageScanningConfiguration"] == {"scanOnPush": True}, repository
            assert outputs["ImageRepository"] == repository["repositoryUri"], outputs
            policy = aws("ecr", "get-lifecycle-policy", "--repository-name", repository["repositoryName"])
            rules = {r["rulePriority"]: r["selection"] for r in json.loads(policy["lifecyclePolicyText"])["rules"]}
            assert rules[1]["tagStatus"] == "untagged" and rules[1]["countNumber"] == 14, rules
            assert rules[2]["tagPrefixList"] == ["v"] and rules[2]["countNumber"] == 20, rules

            (expiry,) = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", outputs["UploadBucket"])["Rules"]
            assert expiry["ID"] == "AgeOutUploads" and expiry["Expiration"]["Days"] == 30, expiry
            assert expiry["Filter"] == {"Prefix": "incoming/"}, expiry
    print("e2e extralabs terraform: applied but for the AWS-managed policy attachment; API routes and stage, "
          "repository and its lifecycle, functions and the upload bucket as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_extralabs_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
