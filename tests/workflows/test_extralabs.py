"""The extralabs platform as a browser front end and an API caller meet it, over the templates the
app synthesizes (CloudFormation, every stack):

- the browser's preflight: the API's OPTIONS method on each route's path answers, without
  authorization, from its MOCK integration with the configured origin and the path's methods, and a
  fetch from the front end's origin passes the browser's CORS check while another origin's fails;
  API Gateway's own 4XX/5XX answers carry the origin too;
- the upload bucket's CORS rules, matched as S3 matches them: the front end's PUT with a Content-Type
  is admitted, another origin or method is not;
- POST /invoke: the proxy event reaches the launcher handler (templates/lambda/launcher) with the
  environment the Invoke stack gives it, values from the other stacks resolved through their exports;
  it starts a cluster (moto's EMR) whose configuration makes YARN trust only the job repository's
  registry and run Spark's driver and executors in the job image; the cluster's role may pull from
  that repository only.

usage: test_extralabs.py APP   (drdb-example-extralabs)
"""
import fnmatch
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "handlers"))
from handler_test import load_handler, require_mock  # noqa: E402
from workflow_app import App  # noqa: E402

ACCOUNT, REGION = "123456789012", "us-east-1"
FRONT_END = "https://labs.extralabs.example"
LAUNCHER_DIR = os.path.join(HERE, "..", "..", "templates", "lambda", "launcher")


class Deployment:
    """Deploy-time values of the app's templates: pseudo parameters, resources' names and
    attributes, and Fn::ImportValue read from the exporting stack's output."""

    def __init__(self, templates):
        self.templates = templates
        self.exports = {}
        for stack, template in templates.items():
            for output in template.get("Outputs", {}).values():
                if "Export" in output:
                    self.exports[self.value(output["Export"]["Name"], stack)] = (output["Value"], stack)

    def attribute(self, stack, logical_id, attribute):
        resource = self.templates[stack]["Resources"][logical_id]
        if resource["Type"] == "AWS::ECR::Repository" and attribute == "RepositoryUri":
            return f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{resource['Properties']['RepositoryName']}"
        if attribute == "Arn":
            return f"arn:aws:{resource['Type'].split('::')[1].lower()}:{REGION}:{ACCOUNT}:{logical_id}"
        return f"{logical_id}.{attribute}"

    def ref(self, stack, name):
        pseudo = {"AWS::AccountId": ACCOUNT, "AWS::Region": REGION, "AWS::URLSuffix": "amazonaws.com", "AWS::Partition": "aws",
                  "AWS::StackName": stack}
        return pseudo.get(name, name)  # a resource's or parameter's name: its logical id

    def value(self, v, stack):
        if isinstance(v, list):
            return [self.value(x, stack) for x in v]
        if not isinstance(v, dict):
            return v
        if len(v) != 1:
            return {k: self.value(x, stack) for k, x in v.items()}
        (function, argument), = v.items()
        if function == "Ref":
            return self.ref(stack, argument)
        if function == "Fn::GetAtt":
            return self.attribute(stack, *argument)
        if function == "Fn::Join":
            return argument[0].join(self.value(x, stack) for x in argument[1])
        if function == "Fn::ImportValue":
            value, exporter = self.exports[self.value(argument, stack)]
            return self.value(value, exporter)
        if function == "Fn::Sub":
            text, variables = (argument, {}) if isinstance(argument, str) else argument
            def substitute(match):
                name = match.group(1)
                if name in variables:
                    return str(self.value(variables[name], stack))
                if "." in name and not name.startswith("AWS::"):
                    return self.attribute(stack, *name.split(".", 1))
                return self.ref(stack, name)
            return re.sub(r"\$\{([^}!][^}]*)\}", substitute, text)
        return {function: self.value(argument, stack)}


def resources(template, kind):
    return {i: r for i, r in template["Resources"].items() if r["Type"] == kind}


# The browser's side of CORS (the Fetch standard's CORS check and preflight), reduced to what the
# front end sends: its origin, a method, and request headers that are not CORS-safelisted.
def preflight_passes(headers, origin, method, request_headers=()):
    allowed_origin = headers.get("Access-Control-Allow-Origin")
    if allowed_origin not in (origin, "*"):
        return False
    methods = [m.strip() for m in headers.get("Access-Control-Allow-Methods", "").split(",")]
    allowed_headers = [h.strip().lower() for h in headers.get("Access-Control-Allow-Headers", "").split(",")]
    return method in methods and all(h.lower() in allowed_headers for h in request_headers)


def preflight_answer(method_resource):
    """The headers API Gateway answers an OPTIONS request with, from the method's MOCK integration:
    the request template picks the status, the integration response of that status maps static
    ('quoted') values onto the method response's declared headers."""
    p = method_resource["Properties"]
    assert p["HttpMethod"] == "OPTIONS" and p["AuthorizationType"] == "NONE", p  # browsers send no credentials
    integration = p["Integration"]
    assert integration["Type"] == "MOCK", integration
    status = str(json.loads(integration["RequestTemplates"]["application/json"])["statusCode"])
    (response,) = [r for r in integration["IntegrationResponses"] if r["StatusCode"] == status]
    (declared,) = [r for r in p["MethodResponses"] if r["StatusCode"] == status]
    headers = {}
    for parameter, value in response["ResponseParameters"].items():
        assert declared["ResponseParameters"].get(parameter) is True, (parameter, declared)  # undeclared: dropped by API Gateway
        assert value.startswith("'") and value.endswith("'"), value
        headers[parameter.removeprefix("method.response.header.")] = value[1:-1]
    return status, headers


def check_api(api_template):
    methods = resources(api_template, "AWS::ApiGateway::Method")
    paths = {i: "/" + r["Properties"]["PathPart"] for i, r in resources(api_template, "AWS::ApiGateway::Resource").items()}
    routes = {}
    for m in methods.values():
        path = paths[m["Properties"]["ResourceId"]["Ref"]]
        routes.setdefault(path, {})[m["Properties"]["HttpMethod"]] = m
    assert set(routes) == {"/invoke", "/upload-url"}, routes
    for path, method, request_headers in [("/invoke", "POST", ["Content-Type", "Authorization", "X-Amz-Date"]),
                                          ("/upload-url", "GET", ["Authorization", "X-Amz-Security-Token"])]:
        assert set(routes[path]) == {method, "OPTIONS"}, routes[path]
        assert routes[path][method]["Properties"]["AuthorizationType"] == "AWS_IAM"
        status, headers = preflight_answer(routes[path]["OPTIONS"])
        assert status == "204" and headers["Access-Control-Allow-Methods"] == ",".join(sorted([method, "OPTIONS"])), headers
        assert preflight_passes(headers, FRONT_END, method, request_headers), headers
        assert not preflight_passes(headers, "https://elsewhere.example", method), headers
        assert not preflight_passes(headers, FRONT_END, "DELETE"), headers
        assert "Access-Control-Allow-Credentials" not in headers and headers["Vary"] == "Origin", headers
    # Refused signatures, throttling and integration failures are API Gateway's own answers.
    answers = {r["Properties"]["ResponseType"]: r["Properties"]["ResponseParameters"]
               for r in resources(api_template, "AWS::ApiGateway::GatewayResponse").values()}
    assert answers == {t: {"gatewayresponse.header.Access-Control-Allow-Origin": f"'{FRONT_END}'"} for t in ("DEFAULT_4XX", "DEFAULT_5XX")}
    # A deployment made before them would serve none of it.
    (deployment,) = resources(api_template, "AWS::ApiGateway::Deployment").values()
    assert {i for i, r in methods.items() if r["Properties"]["HttpMethod"] == "OPTIONS"} <= set(deployment["DependsOn"]), deployment
    assert set(resources(api_template, "AWS::ApiGateway::GatewayResponse")) <= set(deployment["DependsOn"]), deployment


def s3_cors_admits(rules, origin, method, request_headers=()):
    """S3's CORS evaluation: the first rule whose origins (one * wildcard each), methods and allowed
    headers all admit the request."""
    for rule in rules:
        if not any(fnmatch.fnmatchcase(origin, o) for o in rule["AllowedOrigins"]):
            continue
        if method not in rule["AllowedMethods"]:
            continue
        allowed = [h.lower() for h in rule.get("AllowedHeaders", [])]
        if all(any(fnmatch.fnmatchcase(h.lower(), a) for a in allowed) for h in request_headers):
            return rule
    return None


def check_upload_bucket(storage_template):
    uploads = storage_template["Resources"]["Uploads"]["Properties"]
    rules = uploads["CorsConfiguration"]["CorsRules"]
    rule = s3_cors_admits(rules, FRONT_END, "PUT", ["Content-Type"])
    assert rule and rule["ExposedHeaders"] == ["ETag"] and rule["MaxAge"] == 3000, rules
    assert s3_cors_admits(rules, FRONT_END, "GET")
    assert not s3_cors_admits(rules, "https://elsewhere.example", "PUT", ["Content-Type"])
    assert not s3_cors_admits(rules, FRONT_END, "DELETE")
    assert not s3_cors_admits(rules, FRONT_END, "PUT", ["X-Amz-Acl"])
    assert not any("*" in o for r in rules for o in r["AllowedOrigins"]), rules
    # The other buckets stay closed to browsers.
    assert all("CorsConfiguration" not in r["Properties"] for i, r in resources(storage_template, "AWS::S3::Bucket").items() if i != "Uploads")


def check_invoke(deployment):
    """POST /invoke through the launcher handler; the cluster it starts runs Spark in the job image."""
    boto3, mock_aws = require_mock()
    invoke = deployment.templates["ExtralabsInvoke"]
    (launcher,) = [r for r in resources(invoke, "AWS::Lambda::Function").values() if "CLUSTER_DEFINITION" in r["Properties"]["Environment"]["Variables"]]
    env = {k: deployment.value(v, "ExtralabsInvoke") for k, v in launcher["Properties"]["Environment"]["Variables"].items()}
    assert env["CORS_ALLOW_ORIGIN"] == FRONT_END, env
    os.environ.update(env)
    handler = load_handler(LAUNCHER_DIR, "launcher")
    image = f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/drdb-extralabs/jobs:v1"
    registry = f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com"
    with mock_aws():
        boto3.client("dynamodb").create_table(
            TableName=env["RUN_LOG_TABLE"], BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "Correlation_Id", "AttributeType": "S"}, {"AttributeName": "DataProduct", "AttributeType": "S"}])
        request = {"httpMethod": "POST", "path": "/invoke", "resource": "/invoke",
                   "headers": {"Origin": FRONT_END, "Content-Type": "application/json"},
                   "requestContext": {"httpMethod": "POST", "resourcePath": "/invoke", "stage": "prod"},
                   "body": json.dumps({"input_path": "s3://uploads/incoming/run-1/", "date": "2026-12-01"})}
        reply = handler.handler(request, None)
        assert reply["statusCode"] == 202, reply
        (run,) = json.loads(reply["body"])["launched"]
        emr = boto3.client("emr")
        (summary,) = emr.list_clusters()["Clusters"]
        cluster = emr.describe_cluster(ClusterId=summary["Id"])["Cluster"]
        assert cluster["Name"] == "drdb-extralabs" and cluster["ReleaseLabel"].startswith("emr-6."), cluster
        configurations = {c["Classification"]: c for c in cluster["Configurations"]}
        (docker,) = configurations["container-executor"]["Configurations"]
        assert docker["Classification"] == "docker", docker
        assert docker["Properties"] == {"docker.trusted.registries": registry}, docker  # that registry only, nothing privileged
        spark = configurations["spark-defaults"]["Properties"]
        for process in ("spark.executorEnv.", "spark.yarn.appMasterEnv."):
            assert spark[process + "YARN_CONTAINER_RUNTIME_TYPE"] == "docker", spark
            assert spark[process + "YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"] == image, spark
        (step,) = emr.list_steps(ClusterId=summary["Id"])["Steps"]
        assert step["Config"]["Args"][-2:] == ["--input", "s3://uploads/incoming/run-1/"], step
    return run


def check_pull_grant(deployment):
    """The on-request cluster's role may pull from the job repository, and from no other."""
    emr = deployment.templates["ExtralabsEmr"]
    pulls = []
    documents = [p["Properties"]["PolicyDocument"] for p in resources(emr, "AWS::IAM::Policy").values()]
    documents += [p["PolicyDocument"] for r in resources(emr, "AWS::IAM::Role").values() for p in r["Properties"].get("Policies", [])]
    for document in documents:
        for statement in document["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            if "ecr:BatchGetImage" in actions:
                pulls.append(deployment.value(statement["Resource"], "ExtralabsEmr"))
    assert pulls == ["arn:aws:ecr:us-east-1:123456789012:JobImages"], pulls


def main(binary):
    app = App(binary)
    assert set(app.templates) == {"ExtralabsNetwork", "ExtralabsStorage", "ExtralabsImages", "ExtralabsEmr", "ExtralabsInvoke",
                                  "ExtralabsApi", "ExtralabsDevelopment"}, sorted(app.templates)
    deployment = Deployment(app.templates)
    check_api(app.templates["ExtralabsApi"])
    check_upload_bucket(app.templates["ExtralabsStorage"])
    check_pull_grant(deployment)
    check_invoke(deployment)
    print("extralabs: preflights answered with the front end's origin and each path's methods (others refused), gateway "
          "errors readable; the upload bucket admits the front end's PUT only; POST /invoke launches a cluster whose "
          "YARN runs Spark in the job image of the trusted repository")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
