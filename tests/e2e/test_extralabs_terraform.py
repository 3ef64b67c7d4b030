"""End to end: the extralabs example's Terraform root modules applied to the local mock AWS, one after
the other in the order manifest.json gives, each reading the others' outputs from their state.

Applied: everything but the attachment of the AWS-managed EMR service policy (the mock does not have
AmazonEMRServicePolicy_v2: NoSuchEntity) and the development cluster (the provider's aws_emr_cluster
calls EMR APIs the mock lacks). Asserts what test_extralabs.py asserts of the CloudFormation deploy
(the API's IAM-authorized routes and MOCK preflights, the upload bucket's CORS rule, the repository,
the launcher's cluster definition running Spark in the job image, the upload function confined to
its prefix, no wildcard action), and what the mock's CloudFormation does not keep: the API's prod
stage, its gateway responses carrying the front end's origin, the preflight's answer, the
repository's scanning on push and lifecycle policy, and the upload bucket's lifecycle under
incoming/.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_extralabs import FRONT_END, check_functions  # noqa: E402


def check_cors_answers(aws, api):
    """API Gateway's own errors and the preflights carry the front end's origin."""
    for response_type in ("DEFAULT_4XX", "DEFAULT_5XX"):
        response = aws("apigateway", "get-gateway-response", "--rest-api-id", api["id"], "--response-type", response_type)
        assert response["responseParameters"] == {"gatewayresponse.header.Access-Control-Allow-Origin": f"'{FRONT_END}'"}, response
    for resource in aws("apigateway", "get-resources", "--rest-api-id", api["id"])["items"]:
        if "OPTIONS" not in resource.get("resourceMethods", {}):
            continue
        answer = aws("apigateway", "get-integration-response", "--rest-api-id", api["id"], "--resource-id", resource["id"],
                     "--http-method", "OPTIONS", "--status-code", "204")
        headers = {k.removeprefix("method.response.header."): v for k, v in answer["responseParameters"].items()}
        assert headers["Access-Control-Allow-Origin"] == f"'{FRONT_END}'", headers
        assert headers["Access-Control-Allow-Methods"] in ("'OPTIONS,POST'", "'GET,OPTIONS'"), headers


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-extralabs-tf-") as work:
        with open(os.path.join(work, "manifest.json")) as f:
            manifest = json.load(f)
        modules = {stack: os.path.join(work, manifest["stacks"][stack]["terraform"]["directory"]) for stack in manifest["deploy_order"]}
        skipped = {kind for module in modules.values() for kind, _ in terraform_skipped(module, mock_cannot_apply)}
        assert skipped == {"aws_iam_role_policy_attachment", "aws_emr_cluster"}, skipped
        with Moto() as aws:
            outputs = {}
            for stack, module in modules.items():
                outputs.update(terraform_apply(aws, module, work, skip=mock_cannot_apply))
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
            check_cors_answers(aws, api)
            (rule,) = aws("s3api", "get-bucket-cors", "--bucket", outputs["UploadBucket"])["CORSRules"]
            assert rule["AllowedOrigins"] == [FRONT_END] and rule["AllowedMethods"] == ["GET", "PUT"], rule
            assert rule["AllowedHeaders"] == ["Content-Type"] and rule["ExposeHeaders"] == ["ETag"], rule

            assert repository["imageScanningConfiguration"] == {"scanOnPush": True}, repository
            assert outputs["ImageRepository"] == repository["repositoryUri"], outputs
            policy = aws("ecr", "get-lifecycle-policy", "--repository-name", repository["repositoryName"])
            rules = {r["rulePriority"]: r["selection"] for r in json.loads(policy["lifecyclePolicyText"])["rules"]}
            assert rules[1]["tagStatus"] == "untagged" and rules[1]["countNumber"] == 14, rules
            assert rules[2]["tagPrefixList"] == ["v"] and rules[2]["countNumber"] == 20, rules

            (expiry,) = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", outputs["UploadBucket"])["Rules"]
            assert expiry["ID"] == "AgeOutUploads" and expiry["Expiration"]["Days"] == 30, expiry
            assert expiry["Filter"] == {"Prefix": "incoming/"}, expiry
    print("e2e extralabs terraform: root modules applied in manifest order but for the AWS-managed policy attachment and "
          "the development cluster; API routes, preflights, gateway responses and stage, bucket CORS, repository and its "
          "lifecycle, functions and the upload bucket as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_extralabs_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
