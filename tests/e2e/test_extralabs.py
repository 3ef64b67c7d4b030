"""End to end: the extralabs example deployed to the local mock AWS with CloudFormation.

Deploy: the handlers' assets are uploaded first, then every resource is created. Read back from the
mock: the REST API's two routes (POST /invoke, GET /upload-url, both IAM-authorized) integrated with
their functions, the ECR repository's scanning and immutable tags, the launcher's cluster definition
(the typed model's RunJobFlow parameters, transient, in the stack's VPC) and step template with the
input path placeholder, the upload function confined to its prefix. No role allows a wildcard action
and the stack deploys no cluster. The handlers run against the mock in tests/handlers/.
Deleted at the end: functions, roles and groups go; the buckets, table, key and repository, which
drdb retains, stay; so do the VPC and the REST API, which the mock cannot delete (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import MOCK_SKIPS, Moto, physical, require_tools, without_kms_key_tags  # noqa: E402


def check_api(aws, launcher):
    (api,) = aws("apigateway", "get-rest-apis")["items"]
    routes = {}
    for resource in aws("apigateway", "get-resources", "--rest-api-id", api["id"])["items"]:
        for method in resource.get("resourceMethods", {}):
            detail = aws("apigateway", "get-method", "--rest-api-id", api["id"], "--resource-id", resource["id"], "--http-method", method)
            routes[(method, resource["path"])] = detail
    assert set(routes) == {("POST", "/invoke"), ("GET", "/upload-url")}, routes
    for (method, path), detail in routes.items():
        assert detail["authorizationType"] == "AWS_IAM", (method, path, detail)
        assert detail["methodIntegration"]["type"] == "AWS_PROXY", detail
    assert launcher in routes[("POST", "/invoke")]["methodIntegration"]["uri"], routes[("POST", "/invoke")]


def check_deployed(aws, body, outputs, resources):
    assert not [v for v in body["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
    # The mock's CloudFormation drops ImageScanningConfiguration: checked in the template.
    (repository_body,) = [v for v in body["Resources"].values() if v["Type"] == "AWS::ECR::Repository"]
    assert repository_body["Properties"]["ImageScanningConfiguration"] == {"ScanOnPush": True}, repository_body
    check_functions(aws, outputs, physical(resources, "AWS::Lambda::Function", "Launcher"),
                    physical(resources, "AWS::Lambda::Function", "UploadUrls"),
                    {v[1] for v in resources.values() if v[0] == "AWS::IAM::Role"},
                    {v[1] for v in resources.values() if v[0] == "AWS::EC2::Subnet"})


def check_functions(aws, outputs, launcher, upload_urls, roles, subnets):
    """The API's routes (POST /invoke to the `launcher`), the repository, the launcher's cluster
    definition in one of the `subnets` and step template, the upload function (`upload_urls`)
    confined to its prefix, and no wildcard action in any of the `roles` (names)."""
    check_api(aws, launcher)
    (repository,) = aws("ecr", "describe-repositories")["repositories"]
    assert repository["repositoryName"] == "drdb-extralabs/jobs" and repository["imageTagMutability"] == "IMMUTABLE", repository

    env = aws("lambda", "get-function-configuration", "--function-name", launcher)["Environment"]["Variables"]
    definition = json.loads(env["CLUSTER_DEFINITION"])
    assert definition["Name"] == "drdb-extralabs" and definition["Instances"]["KeepJobFlowAliveWhenNoSteps"] is False, definition
    assert definition["Instances"]["Ec2SubnetId"] in subnets, definition["Instances"]
    (step,) = json.loads(env["STEPS"])
    assert step["HadoopJarStep"]["Args"][-2:] == ["--input", "{input_path}"], step
    assert env["RUN_LOG_TABLE"] == outputs["RunsTable"], env
    presign = aws("lambda", "get-function-configuration", "--function-name", upload_urls)
    assert presign["Environment"]["Variables"] == {"UPLOAD_BUCKET": outputs["UploadBucket"], "KEY_PREFIX": "incoming/"}, presign

    wildcards = aws.wildcard_actions(roles)
    assert not wildcards, wildcards
    presign_actions = aws.role_actions(presign["Role"].rsplit("/", 1)[-1])
    assert {"s3:GetObject", "s3:PutObject"} <= presign_actions and "s3:DeleteObject" not in presign_actions, presign_actions
    return repository


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-extralabs-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(out, "cloudformation", "Extralabs.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            bucket = aws.upload_assets(out)
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(template, os.path.join(work, "mock.json"))
            # The mock has no model of a stage (it accepts the resource and lists nothing).
            outputs, resources = aws.deploy_modelled("extralabs", deployable, body, skips=MOCK_SKIPS | {"AWS::ApiGateway::Stage"},
                                                     parameters=[("AssetsBucket", bucket)])
            check_deployed(aws, body, outputs, resources)
            deleted, retained = aws.delete_stack("extralabs", body)
            assert {"AWS::Lambda::Function", "AWS::IAM::Role", "AWS::EC2::SecurityGroup"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::ECR::Repository"} <= retained, retained
    print("e2e extralabs: deployed with its assets; API routes, repository, functions and the rendered cluster "
          "definition as expected; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_extralabs.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
