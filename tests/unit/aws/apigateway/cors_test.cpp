// CORS of REST APIs: the preflight OPTIONS methods API Gateway answers itself (MOCK), the gateway
// responses carrying the origin, both targets, the deployment following them, the permission of a
// function in another stack, and validation.
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

constexpr const char* origin = "https://app.example.com";

Function& fn_in(Construct& scope, std::string id) {
  return scope.add<Function>(std::move(id), {.runtime = Runtime::Python313, .handler = "index.handler",
                                             .code = Code::from_inline("def handler(e, c):\n    return {}\n")});
}

const Method& preflight_at(const RestApi& api, const std::string& child) {
  return *dynamic_cast<const Method*>(api.find_child(child)->find_child("OPTIONS"));
}

}  // namespace

TEST_CASE("CORS: each routed path answers the preflight itself, without authorization, in both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& invoke = fn_in(s, "Invoke");
  auto& api = s.add<RestApi>("Api", {.cors = Cors{.allow_origin = origin}});
  api.add_lambda_route("POST", "/invoke", invoke);
  api.add_lambda_route("GET", "/invoke", invoke);
  const auto r = test::render(app);

  const auto& preflight = preflight_at(api, "invoke");
  const auto& m = r.props(logical_id(preflight));
  CHECK(m["HttpMethod"] == "OPTIONS");
  CHECK(m["AuthorizationType"] == "NONE");
  CHECK(m["Integration"]["Type"] == "MOCK");
  CHECK(m["Integration"]["RequestTemplates"] == json({{"application/json", R"({"statusCode": 204})"}}));
  const json headers = {{"method.response.header.Access-Control-Allow-Origin", "'https://app.example.com'"},
                        {"method.response.header.Access-Control-Allow-Methods", "'GET,OPTIONS,POST'"},
                        {"method.response.header.Access-Control-Allow-Headers",
                         "'Content-Type,Authorization,X-Amz-Date,X-Amz-Security-Token'"},
                        {"method.response.header.Access-Control-Max-Age", "'600'"},
                        {"method.response.header.Vary", "'Origin'"}};
  CHECK(m["Integration"]["IntegrationResponses"] == json::array({{{"StatusCode", "204"}, {"ResponseParameters", headers}}}));
  CHECK(m["MethodResponses"][0]["StatusCode"] == "204");
  CHECK(m["MethodResponses"][0]["ResponseParameters"].size() == headers.size());
  CHECK(m["MethodResponses"][0]["ResponseParameters"]["method.response.header.Access-Control-Allow-Origin"] == true);
  // No Lambda permission for the preflight: only the two routes invoke the function.
  int permissions = 0;
  for (const auto& [id, res] : r.cfn["Resources"].items()) permissions += res["Type"] == "AWS::Lambda::Permission" ? 1 : 0;
  CHECK(permissions == 2);

  // API Gateway's own errors are readable by the page.
  for (const char* type : {"DEFAULT_4XX", "DEFAULT_5XX"}) {
    const auto& gr = r.props(logical_id(*api.find_child(std::string("GatewayResponse") + (type[8] == '4' ? "DEFAULT4XX" : "DEFAULT5XX"))));
    CHECK(gr["ResponseType"] == type);
    CHECK(gr["ResponseParameters"] == json({{"gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'"}}));
    CHECK(gr["RestApiId"] == json({{"Ref", "Api"}}));
  }
  const auto& depends = r.cfn["Resources"][logical_id(api.deployment())]["DependsOn"];
  CHECK(depends.size() == 5);  // two routes, the preflight, two gateway responses

  // Terraform: the MOCK integration, its method response, then the integration response.
  const auto tf_id = logical_id(preflight);
  CHECK(r.body("aws_api_gateway_method", tf_id)["authorization"] == "NONE");
  bool mock = false, declared = false, answered = false;
  for (const auto& [name, body] : r.tf["resource"]["aws_api_gateway_integration"].items())
    if (body["type"] == "MOCK") {
      mock = true;
      CHECK(body["request_templates"] == json({{"application/json", R"({"statusCode": 204})"}}));
    }
  for (const auto& [name, body] : r.tf["resource"]["aws_api_gateway_method_response"].items()) {
    declared = true;
    CHECK(body["status_code"] == "204");
    CHECK(body["response_parameters"]["method.response.header.Access-Control-Allow-Origin"] == true);
    CHECK(contains(body["http_method"].get<std::string>(), "aws_api_gateway_integration."));
  }
  for (const auto& [name, body] : r.tf["resource"]["aws_api_gateway_integration_response"].items()) {
    answered = true;
    CHECK(contains(body["status_code"].get<std::string>(), "aws_api_gateway_method_response."));
    CHECK(body["response_parameters"] == headers);
  }
  CHECK((mock && declared && answered));
  CHECK(r.tf["resource"]["aws_api_gateway_gateway_response"].size() == 2);
  CHECK(test::diagnostics_of(app) == "");
}

TEST_CASE("CORS: methods, headers and credentials as configured; the deployment follows the CORS answer") {
  auto render = [](Cors cors) {
    App app;
    auto& s = app.add<Stack>("S");
    auto& fn = fn_in(s, "Fn");
    auto& api = s.add<RestApi>("Api", {.cors = std::move(cors)});
    api.add_lambda_route("ANY", "/items/{id}", fn);
    return std::make_pair(test::render(app), logical_id(api.deployment()));
  };
  const auto [any, any_deployment] = render(Cors{.allow_origin = origin});
  CHECK(contains(any.cfn.dump(), "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'"));
  const auto [custom, custom_deployment] =
      render(Cors{.allow_origin = origin, .allow_methods = {"GET"}, .allow_headers = {"X-Trace"}, .allow_credentials = true, .max_age_seconds = 60});
  const auto text = custom.cfn.dump();
  CHECK(contains(text, R"("method.response.header.Access-Control-Allow-Methods":"'GET'")"));
  CHECK(contains(text, R"("method.response.header.Access-Control-Allow-Headers":"'X-Trace'")"));
  CHECK(contains(text, R"("method.response.header.Access-Control-Allow-Credentials":"'true'")"));
  CHECK(contains(text, R"("method.response.header.Access-Control-Max-Age":"'60'")"));
  CHECK(any_deployment != custom_deployment);
}

TEST_CASE("CORS validation: an origin, no * with credentials, no OPTIONS route in the preflight's place") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = fn_in(s, "Fn");
  auto route = [&](const std::string& id, Cors cors) { s.add<RestApi>(id, {.cors = std::move(cors)}).add_lambda_route("GET", "/x", fn); };
  route("Empty", Cors{});
  route("Path", Cors{.allow_origin = "https://app.example.com/ui"});
  route("Wild", Cors{.allow_origin = "https://*.example.com"});
  route("Any", Cors{.allow_origin = "*"});
  route("AnyWithCredentials", Cors{.allow_origin = "*", .allow_credentials = true});
  route("Methods", Cors{.allow_origin = origin, .allow_methods = {"ANY", "FETCH"}, .max_age_seconds = -1});
  auto& options = s.add<RestApi>("Options", {.cors = Cors{.allow_origin = origin}});
  options.add_lambda_route("OPTIONS", "/x", fn);
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Empty] cors has no allow_origin — name the front end's origin"));
  CHECK(contains(text, "[App/S/Path] cors allow_origin \"https://app.example.com/ui\" is not an origin"));
  CHECK(contains(text, "[App/S/Wild] cors allow_origin \"https://*.example.com\" is not an origin"));
  CHECK(contains(text, "warning: [App/S/Any] cors allows origin \"*\": any web site may call the API"));
  CHECK(contains(text, "[App/S/AnyWithCredentials] cors allows origin \"*\" with credentials; browsers refuse that answer"));
  CHECK(contains(text, "[App/S/Methods] cors allow_methods names \"ANY\""));
  CHECK(contains(text, "[App/S/Methods] cors allow_methods names \"FETCH\""));
  CHECK(contains(text, "[App/S/Methods] cors max_age_seconds is negative"));
  CHECK(contains(text, "[App/S/Options] route \"OPTIONS /x\" takes the place of the CORS preflight"));
  CHECK(!contains(text, "[App/S/Options/x/OPTIONS]"));  // the preflight itself is open by design, without a warning
}

TEST_CASE("a route to a function of another stack keeps its permission with the API: no cycle between the stacks") {
  App app;
  auto& functions = app.add<Stack>("Functions");
  auto& fn = fn_in(functions, "Fn");
  auto& apis = app.add<Stack>("Apis");
  auto& api = apis.add<RestApi>("Api");
  auto& method = api.add_lambda_route("POST", "/invoke", fn);
  CHECK(method.find_child("Invoke") != nullptr);
  const auto r = test::render(app, "Apis");
  const auto& permission = r.props(logical_id(*method.find_child("Invoke")));
  CHECK(permission["Principal"] == "apigateway.amazonaws.com");
  CHECK(contains(permission["FunctionName"].dump(), "Fn::ImportValue"));
  // The function's stack reads nothing of the API's.
  CHECK(!contains(test::render(app, "Functions").cfn.dump(), "Fn::ImportValue"));
  CHECK(test::diagnostics_of(app) == "");
}
