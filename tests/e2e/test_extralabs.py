"""End to end: the extralabs example's stacks deployed to the local mock AWS with CloudFormation, one
after the other in the order manifest.json gives, each reading the others' values through exports.

Deploy: the handlers' assets are uploaded first, then each stack. Read back from the mock: the REST
API's two routes (POST /invoke, GET /upload-url, both IAM-authorized) integrated with their
functions (the launcher of the Invoke stack, through its export) and each path's OPTIONS method
(MOCK, no authorization); the ECR repository's
immutable tags; the launcher's cluster definition (the typed model's RunJobFlow parameters,
transient, in the network stack's VPC, Spark in the job image) and step template with the input
path placeholder; the upload function confined to its prefix; the development cluster the
Development stack creates (kept alive, ended after four idle hours, Spark in the same image: in the
template, which the mock does not model). No role allows a wildcard action, and
only the Development stack deploys a cluster. The handlers run against the mock in tests/handlers/.
Deleted at the end, in the reverse order: functions, roles and groups go; the buckets, table, keys
and repository, which drdb retains, stay; so do the VPC and the REST API, which the mock cannot
delete (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import MOCK_SKIPS, STILL_THERE, Moto, physical, require_tools, without_kms_key_tags  # noqa: E402

FRONT_END = "https://labs.extralabs.example"
IMAGE_SUFFIX = "/drdb-extralabs/jobs:v1"


def for_the_mock(template_path, out_path):
    """A copy the mock can deploy: without KMS key tags (moto.py), and with an IntegrationHttpMethod
    and a Uri on the preflights' MOCK integrations, which the mock's CloudFormation reads
    unconditionally (AWS takes neither for MOCK; the mock keeps no integration or method responses
    from a template, so the preflight's answer is checked by the Terraform test)."""
    without_kms_key_tags(template_path, out_path)
    with open(out_path) as f:
        body = json.load(f)
    for resource in body["Resources"].values():
        integration = resource.get("Properties", {}).get("Integration", {})
        if resource["Type"] == "AWS::ApiGateway::Method" and integration.get("Type") == "MOCK":
            integration.update(IntegrationHttpMethod="OPTIONS", Uri="")
    with open(out_path, "w") as f:
        json.dump(body, f)
    return out_path


def check_api(aws, launcher):
    (api,) = aws("apigateway", "get-rest-apis")["items"]
    routes = {}
    for resource in aws("apigateway", "get-resources", "--rest-api-id", api["id"])["items"]:
        for method in resource.get("resourceMethods", {}):
            detail = aws("apigateway", "get-method", "--rest-api-id", api["id"], "--resource-id", resource["id"], "--http-method", method)
            routes[(method, resource["path"])] = detail
    assert set(routes) == {("POST", "/invoke"), ("GET", "/upload-url"), ("OPTIONS", "/invoke"), ("OPTIONS", "/upload-url")}, routes
    for (method, path), detail in routes.items():
        if method == "OPTIONS":
            assert detail["authorizationType"] == "NONE" and detail["methodIntegration"]["type"] == "MOCK", detail
            continue
        assert detail["authorizationType"] == "AWS_IAM", (method, path, detail)
        assert detail["methodIntegration"]["type"] == "AWS_PROXY", detail
    assert launcher in routes[("POST", "/invoke")]["methodIntegration"]["uri"], routes[("POST", "/invoke")]
    return api


def check_docker(configurations, repository_uri):
    """Spark's driver and executors run in the job image; YARN trusts the repository's registry."""
    by_name = {c["Classification"]: c for c in configurations}
    (docker,) = by_name["container-executor"]["Configurations"]
    properties = docker.get("Properties", docker.get("ConfigurationProperties"))
    assert properties == {"docker.trusted.registries": repository_uri.split("/", 1)[0]}, docker
    spark = by_name["spark-defaults"].get("Properties", by_name["spark-defaults"].get("ConfigurationProperties"))
    for process in ("spark.executorEnv.", "spark.yarn.appMasterEnv."):
        assert spark[process + "YARN_CONTAINER_RUNTIME_TYPE"] == "docker", spark
        assert spark[process + "YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"] == repository_uri + ":v1", spark


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
    check_docker(definition["Configurations"], repository["repositoryUri"])
    (step,) = json.loads(env["STEPS"])
    assert step["HadoopJarStep"]["Args"][-2:] == ["--input", "{input_path}"], step
    assert env["RUN_LOG_TABLE"] == outputs["RunsTable"] and env["CORS_ALLOW_ORIGIN"] == FRONT_END, env
    presign = aws("lambda", "get-function-configuration", "--function-name", upload_urls)
    assert presign["Environment"]["Variables"] == {"UPLOAD_BUCKET": outputs["UploadBucket"], "KEY_PREFIX": "incoming/",
                                                   "CORS_ALLOW_ORIGIN": FRONT_END}, presign

    wildcards = aws.wildcard_actions(roles)
    assert not wildcards, wildcards
    presign_actions = aws.role_actions(presign["Role"].rsplit("/", 1)[-1])
    assert {"s3:GetObject", "s3:PutObject"} <= presign_actions and "s3:DeleteObject" not in presign_actions, presign_actions
    return repository


def delete(aws, stack, body):
    """delete_stack; a stack holding only what drdb retains (the buckets, the repository) deletes
    nothing, so there it is asserted that all of it outlives the stack."""
    deletable = {v["Type"] for v in body["Resources"].values() if v.get("DeletionPolicy") != "Retain"} & STILL_THERE.keys()
    if deletable:
        return aws.delete_stack(stack, body)
    stack_id = aws("cloudformation", "describe-stacks", "--stack-name", stack)["Stacks"][0]["StackId"]
    resources = aws.stack_resources(stack)
    aws("cloudformation", "delete-stack", "--stack-name", stack)
    aws.wait_stack(stack_id, "DELETE_COMPLETE", 60)
    kept = set()
    for logical_id, (kind, physical_id, _) in resources.items():
        if kind in STILL_THERE:
            assert physical_id in STILL_THERE[kind](aws), f"{logical_id} ({kind}) is gone; it should have been kept"
            kept.add(kind)
    return set(), kept


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-extralabs-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        with open(os.path.join(out, "manifest.json")) as f:
            manifest = json.load(f)
        order = manifest["deploy_order"]
        for stack in order:
            assert all(order.index(d) < order.index(stack) for d in manifest["stacks"][stack]["depends_on"]), manifest
        assert order[-1] in ("ExtralabsApi", "ExtralabsDevelopment") and order.index("ExtralabsInvoke") < order.index("ExtralabsApi"), order
        bodies, outputs, resources = {}, {}, {}
        with Moto() as aws:
            bucket = aws.upload_assets(out)
            for stack in order:
                template = os.path.join(out, manifest["stacks"][stack]["cloudformation"]["json"])
                with open(template) as f:
                    bodies[stack] = json.load(f)
                deployable = for_the_mock(template, os.path.join(work, f"{stack}.mock.json"))
                parameters = [("AssetsBucket", bucket)] if "AssetsBucket" in bodies[stack].get("Parameters", {}) else []
                # The mock has no model of a stage (it accepts the resource and lists nothing), nor of
                # gateway responses, which API Gateway's own errors carry.
                outputs[stack], resources[stack] = aws.deploy_modelled(
                    stack, deployable, bodies[stack], skips=MOCK_SKIPS | {"AWS::ApiGateway::Stage", "AWS::ApiGateway::GatewayResponse"},
                    parameters=parameters)
            # The mock's CloudFormation drops a bucket's CorsConfiguration: checked in the template
            # (the Terraform test reads it back).
            (rule,) = bodies["ExtralabsStorage"]["Resources"]["Uploads"]["Properties"]["CorsConfiguration"]["CorsRules"]
            assert rule["AllowedOrigins"] == [FRONT_END] and rule["AllowedMethods"] == ["GET", "PUT"], rule
            clusters = [s for s, body in bodies.items() for v in body["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
            assert clusters == ["ExtralabsDevelopment"], clusters
            everything = {k: v for stack in order for k, v in outputs[stack].items()}
            check_functions(aws, everything, physical(resources["ExtralabsInvoke"], "AWS::Lambda::Function", "Launcher"),
                            physical(resources["ExtralabsApi"], "AWS::Lambda::Function", "UploadUrls"),
                            {v[1] for stack in order for v in resources[stack].values() if v[0] == "AWS::IAM::Role"},
                            {v[1] for v in resources["ExtralabsNetwork"].values() if v[0] == "AWS::EC2::Subnet"})

            # The job the launcher runs is the shipped one; the on-request clusters' role (ExtralabsEmr)
            # may read that object, through ExtralabsInvoke's policy.
            (script,) = aws.check_scripts_uploaded(aws.functions_environment(), out, bucket)
            readers = set()
            for role in {v[1] for v in resources["ExtralabsEmr"].values() if v[0] == "AWS::IAM::Role"}:
                for attached in aws("iam", "list-attached-role-policies", "--role-name", role)["AttachedPolicies"]:
                    policy = aws("iam", "get-policy", "--policy-arn", attached["PolicyArn"])["Policy"]
                    document = aws("iam", "get-policy-version", "--policy-arn", attached["PolicyArn"],
                                   "--version-id", policy["DefaultVersionId"])["PolicyVersion"]["Document"]
                    if f"arn:aws:s3:::{bucket}/{script}" in json.dumps(document):
                        readers.add(role)
            assert len(readers) == 1, readers

            # The development cluster: created by its stack. The mock's CloudFormation keeps neither its
            # configurations nor its keep-alive (it terminates clusters at once): those in the template.
            development = aws("emr", "describe-cluster", "--cluster-id", outputs["ExtralabsDevelopment"]["DevelopmentClusterId"])["Cluster"]
            assert development["Name"] == "drdb-extralabs-development" and development["ReleaseLabel"].startswith("emr-6."), development
            assert development["TerminationProtected"] is False, development
            (model,) = [v["Properties"] for v in bodies["ExtralabsDevelopment"]["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
            assert model["Instances"]["KeepJobFlowAliveWhenNoSteps"] is True and model["AutoTerminationPolicy"] == {"IdleTimeout": 4 * 3600}, model
            (spark,) = [c["ConfigurationProperties"] for c in model["Configurations"] if c["Classification"] == "spark-defaults"]
            for process in ("spark.executorEnv.", "spark.yarn.appMasterEnv."):
                assert spark[process + "YARN_CONTAINER_RUNTIME_TYPE"] == "docker", spark
                assert spark[process + "YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"]["Fn::Join"][1][-1] == ":v1", spark

            deleted, retained = set(), set()
            for stack in reversed(order):
                gone, kept = delete(aws, stack, bodies[stack])
                deleted, retained = deleted | gone, retained | kept
            assert {"AWS::Lambda::Function", "AWS::IAM::Role", "AWS::EC2::SecurityGroup"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::ECR::Repository"} <= retained, retained
    print("e2e extralabs: stacks deployed in manifest order with their assets; API routes and preflights, bucket CORS, "
          "repository, functions, the rendered cluster definition and the development cluster running Spark in the job "
          "image as expected; deleted in the reverse order but for what they retain")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_extralabs.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
