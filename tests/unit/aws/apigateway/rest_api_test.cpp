// API Gateway REST APIs with Lambda proxy routes: resources, methods, permissions, the deployment
// whose id follows the routes, the stage, and validation.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::apigateway;
using drdb::aws::lambda::Code;
using drdb::aws::lambda::Function;
using drdb::aws::lambda::Runtime;
using drdb::test::contains;
using nlohmann::json;

namespace {

Function& fn_in(Construct& scope, std::string id) {
  return scope.add<Function>(std::move(id), {.runtime = Runtime::Python313, .handler = "index.handler",
                                             .code = Code::from_inline("def handler(e, c):\n    return {}\n")});
}

struct Env {
  App app;
  Stack& s = app.add<Stack>("S");
  Function& invoke = fn_in(s, "Invoke");
  Function& upload = fn_in(s, "UploadUrl");
};

}  // namespace

TEST_CASE("routes become resources, proxy methods and scoped permissions; a deployment and a stage publish them") {
  Env env;
  auto& logs = env.s.add<aws::logs::LogGroup>("AccessLogs");
  auto& api = env.s.add<RestApi>("Api", {.access_log_group = &logs});
  auto& post = api.add_lambda_route("POST", "/invoke", env.invoke);
  api.add_lambda_route("get", "/upload-url", env.upload, {.authorization = Authorization::None});
  env.s.add<Output>("Url", {.value = api.url().value()});
  const auto r = test::render(env.app);

  CHECK(r.props("Api") == json::parse(R"({"Name": "Api", "EndpointConfiguration": {"Types": ["REGIONAL"]}})"));
  const auto& invoke_resource = *dynamic_cast<const ApiResource*>(api.find_child("invoke"));
  CHECK(r.props(logical_id(invoke_resource)) == json::parse(R"({"ParentId": {"Fn::GetAtt": ["Api", "RootResourceId"]},
    "PathPart": "invoke", "RestApiId": {"Ref": "Api"}})"));
  const auto& m = r.props(logical_id(post));
  CHECK(m["HttpMethod"] == "POST");
  CHECK(m["AuthorizationType"] == "AWS_IAM");
  CHECK(m["ResourceId"] == json({{"Ref", logical_id(invoke_resource)}}));
  CHECK(m["Integration"]["Type"] == "AWS_PROXY");
  CHECK(m["Integration"]["IntegrationHttpMethod"] == "POST");
  CHECK(contains(m["Integration"]["Uri"].dump(), R"(":lambda:path/2015-03-31/functions/",{"Fn::GetAtt":["Invoke","Arn"]},"/invocations")"));

  // Permissions: apigateway.amazonaws.com, this API, this method and path.
  int permissions = 0;
  for (const auto& [id, res] : r.cfn["Resources"].items()) {
    if (res["Type"] != "AWS::Lambda::Permission") continue;
    ++permissions;
    CHECK(res["Properties"]["Principal"] == "apigateway.amazonaws.com");
    const auto arn = res["Properties"]["SourceArn"]["Fn::Join"][1];
    CHECK((arn.back() == "/*/POST/invoke" || arn.back() == "/*/GET/upload-url"));
  }
  CHECK(permissions == 2);

  const auto& deployment = api.deployment();
  const auto dep_id = logical_id(deployment);
  CHECK(dep_id.starts_with("ApiDeployment"));
  CHECK(r.cfn["Resources"][dep_id]["DependsOn"].size() == 2);
  const auto& stage = r.props(logical_id(api.stage()));
  CHECK(stage["StageName"] == "prod");
  CHECK(stage["TracingEnabled"] == false);
  CHECK(stage["DeploymentId"] == json({{"Fn::GetAtt", {dep_id, "DeploymentId"}}}));
  CHECK(contains(stage["AccessLogSetting"]["Format"].get<std::string>(), "$context.requestId"));
  CHECK(contains(r.cfn["Outputs"]["Url"]["Value"].dump(), "execute-api"));

  // Terraform: the method and its integration, created in that order.
  const auto& tf_method = r.body("aws_api_gateway_method", logical_id(post));
  CHECK(tf_method["authorization"] == "AWS_IAM");
  bool integration = false;
  for (const auto& [name, body] : r.tf["resource"]["aws_api_gateway_integration"].items())
    if (body["http_method"] == "${aws_api_gateway_method." + logical_id(post) + ".http_method}") {
      integration = true;
      CHECK(body["type"] == "AWS_PROXY");
      CHECK(body["integration_http_method"] == "POST");
    }
  CHECK(integration);
  CHECK(r.body("aws_api_gateway_deployment", dep_id)["depends_on"].size() >= 2);
  CHECK(r.body("aws_api_gateway_stage", logical_id(api.stage()))["xray_tracing_enabled"] == false);
  CHECK(contains(test::diagnostics_of(env.app), "warning: [App/S/Api/uploadurl"));  // the open route
}

TEST_CASE("the deployment's logical id changes with the routes and only with them") {
  auto deployment_id = [](bool extra) {
    Env env;
    auto& api = env.s.add<RestApi>("Api");
    api.add_lambda_route("POST", "/invoke", env.invoke);
    if (extra) api.add_lambda_route("GET", "/upload-url", env.upload);
    return logical_id(api.deployment());
  };
  CHECK(deployment_id(false) == deployment_id(false));
  CHECK(deployment_id(false) != deployment_id(true));
}

TEST_CASE("nested paths share resources; parameters; the root") {
  Env env;
  auto& api = env.s.add<RestApi>("Api");
  api.add_lambda_route("GET", "/runs/{id}", env.invoke);
  api.add_lambda_route("DELETE", "/runs/{id}", env.invoke);
  api.add_lambda_route("ANY", "/", env.upload);
  const auto r = test::render(env.app);
  CHECK(r.cfn.dump().find("\"PathPart\":\"{id}\"") != std::string::npos);
  std::size_t resources = 0;
  for (const auto& [id, res] : r.cfn["Resources"].items()) resources += res["Type"] == "AWS::ApiGateway::Resource" ? 1 : 0;
  CHECK(resources == 2);
  bool star = false;
  for (const auto& [id, res] : r.cfn["Resources"].items())
    if (res["Type"] == "AWS::Lambda::Permission") star = star || res["Properties"]["SourceArn"]["Fn::Join"][1].back() == "/*/GET/runs/*";
  CHECK(star);
  CHECK(test::diagnostics_of(env.app) == "");
}

TEST_CASE("invalid APIs: no routes, bad paths and methods, duplicates, stage names") {
  Env env;
  env.s.add<RestApi>("Empty");
  auto& api = env.s.add<RestApi>("Api", {.stage_name = "bad stage"});
  api.add_lambda_route("FETCH", "/a", env.invoke);
  api.add_lambda_route("GET", "no-slash", env.invoke);
  api.add_lambda_route("GET", "/a//b", env.invoke);
  api.add_lambda_route("POST", "/x", env.invoke);
  api.add_lambda_route("POST", "/x", env.upload);
  const auto text = test::diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/Empty] the API has no routes; deploying an API without methods fails — add one with add_lambda_route"));
  CHECK(contains(text, "[App/S/Api] route \"FETCH /a\": unknown HTTP method"));
  CHECK(contains(text, "[App/S/Api] route path \"no-slash\" is not valid — start with /"));
  CHECK(contains(text, "[App/S/Api] route path \"/a//b\" is not valid"));
  CHECK(contains(text, "[App/S/Api] route \"POST /x\" is defined twice"));
  CHECK(contains(text, "[App/S/Api] stage name \"bad stage\" is not valid"));
}
