"""End to end: the extralabs example deployed to the local mock AWS with CloudFormation.

Deploy: the handlers' assets are uploaded first, then every resource is created. Read back from the
mock: the REST API's two routes (POST /invoke, GET /upload-url, both IAM-authorized) integrated with
their functions, the ECR repository's scanning and immutable tags, the launcher's cluster definition
(the typed model's RunJobFlow parameters, transient, in the stack's VPC) and step template with the
input path placeholder, the upload function confined to its prefix. No role allows a wildcard action
and the stack deploys no cluster. The handlers run against the mock in tests/handlers/.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import MOCK_SKIPS, Moto, physical, require_tools, without_kms_key_tags  # noqa: E402


def check_api(aws, resources):
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
    launcher = physical(resources, "AWS::Lambda::Function", "Launcher")
    assert launcher in routes[("POST", "/invoke")]["methodIntegration"]["uri"], routes[("POST", "/invoke")]


def check_deployed(aws, body, outputs, resources):
    assert not [v for v in body["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
    check_api(aws, resources)
    (repository,) = aws("ecr", "describe-repositories")["repositories"]
    assert repository["repositoryName"] == "drdb-extralabs/jobs" and repository["imageTagMutability"] == "IMMUTABLE", repository
    # The mock's CloudFormation drops ImageScanningConfiguration: checked in the template.
    (repository_body,) = [v for v in body["Resources"].values() if v["Type"] == "AWS::ECR::Repository"]
    assert repository_body["Properties"]["ImageScanningConfiguration"] == {"ScanOnPush": True}, repository_body

    launcher = aws("lambda", "get-function-configuration", "--function-name", physical(resources, "AWS::Lambda::Function", "Launcher"))
    env = launcher["Environment"]["Variables"]
    definition = json.loads(env["CLUSTER_DEFINITION"])
    assert definition["Name"] == "drdb-extralabs" and definition["Instances"]["KeepJobFlowAliveWhenNoSteps"] is False, definition
    subnets = {v[1] for v in resources.values() if v[0] == "AWS::EC2::Subnet"}
    assert definition["Instances"]["Ec2SubnetId"] in subnets, definition["Instances"]
    (step,) = json.loads(env["STEPS"])
    assert step["HadoopJarStep"]["Args"][-2:] == ["--input", "{input_path}"], step
    assert env["RUN_LOG_TABLE"] == outputs["RunsTable"], env
    presign = aws("lambda", "get-function-configuration", "--function-name", physical(resources, "AWS::Lambda::Function", "UploadUrls"))
    assert presign["Environment"]["Variables"] == {"UPLOAD_BUCKET": outputs["UploadBucket"], "KEY_PREFIX": "incoming/"}, presign

    for role_id, (kind, name, _) in resources.items():
        if kind == "AWS::IAM::Role":
            wildcards = [a for a in aws.role_actions(name) if "*" in a]
            assert not wildcards, (role_id, wildcards)
    presign_actions = aws.role_actions(physical(resources, "AWS::IAM::Role", "UploadUrlsServiceRole"))
    assert {"s3:GetObject", "s3:PutObject"} <= presign_actions and "s3:DeleteObject" not in presign_actions, presign_actions


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
    print("e2e extralabs: deployed with its assets; API routes, repository, functions and the rendered cluster "
          "definition as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_extralabs.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
