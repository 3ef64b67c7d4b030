// apigateway.RestApi in specs: a REST API whose routes invoke Lambda functions, published by one
// stage; each route may say how callers authorize.
#include "drdb/aws/apigateway/rest_api.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "spec/flat_fields.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

using aws::apigateway::Authorization;
using aws::apigateway::EndpointType;
using aws::apigateway::RestApi;
using aws::apigateway::RouteOptions;

template <>
struct EnumNames<EndpointType> {
  static constexpr std::pair<std::string_view, EndpointType> values[] = {{"regional", EndpointType::Regional},
                                                                         {"edge", EndpointType::Edge}};
};
template <>
struct EnumNames<Authorization> {
  static constexpr std::pair<std::string_view, Authorization> values[] = {{"iam", Authorization::Iam},
                                                                          {"none", Authorization::None}};
};

namespace {

struct Route {
  std::string method;
  std::string path;
  aws::lambda::Function* function = nullptr;
  RouteOptions options;
};

struct RestApiActions {
  std::vector<Route> routes;
};

}  // namespace

template <>
struct Fields<RouteOptions> {
  static constexpr std::string_view name = "route";
  static const FieldList<RouteOptions>& get() {
    static const FieldList<RouteOptions> list{
        field("authorization", &RouteOptions::authorization, "iam (SigV4, default) or none"),
        field("api_key_required", &RouteOptions::api_key_required, "")};
    return list;
  }
};

template <>
struct FlatFields<Route> {
  static constexpr std::string_view name = "route";
  static constexpr auto nested = &Route::options;
  static constexpr std::array<std::string_view, 0> choice{};
  static const FieldList<Route>& get() {
    static const FieldList<Route> list{
        field("method", &Route::method, "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY", required),
        field("path", &Route::path, "/, /invoke, /items/{id}, /files/{proxy+}", required),
        field("function", &Route::function, "the lambda.Function it invokes (proxy integration)", required)};
    return list;
  }
};

template <>
struct Fields<RestApiActions> {
  static constexpr std::string_view name = "apigateway.RestApi";
  static const FieldList<RestApiActions>& get() {
    static const FieldList<RestApiActions> list{
        field("routes", &RestApiActions::routes, "each a method, a resource per path segment and an invoke permission")};
    return list;
  }
};

template <>
struct Fields<aws::apigateway::Cors> {
  static constexpr std::string_view name = "cors";
  static const FieldList<aws::apigateway::Cors>& get() {
    using C = aws::apigateway::Cors;
    static const FieldList<C> list{
        field("allow_origin", &C::allow_origin, "the one origin browsers may call from, e.g. https://app.example.com", required),
        field("allow_methods", &C::allow_methods, "default: each path's route methods and OPTIONS"),
        field("allow_headers", &C::allow_headers, "default: Content-Type, Authorization, X-Amz-Date, X-Amz-Security-Token"),
        field("allow_credentials", &C::allow_credentials, "not with allow_origin *"),
        field("max_age_seconds", &C::max_age_seconds, "how long browsers cache the preflight answer; default 600")};
    return list;
  }
};

template <>
struct Fields<RestApi::Props> {
  static constexpr std::string_view name = "apigateway.RestApi";
  static const FieldList<RestApi::Props>& get() {
    using P = RestApi::Props;
    static const FieldList<P> list{
        field("api_name", &P::api_name, "empty: the resource id"),
        field("description", &P::description, ""),
        field("endpoint_type", &P::endpoint_type, "regional (default) or edge"),
        field("stage_name", &P::stage_name, "default prod"),
        field("access_log_group", &P::access_log_group,
              "a logs.LogGroup for the stage's access logs (the account's API Gateway CloudWatch role must be set)"),
        field("tracing", &P::tracing, "X-Ray"),
        field("cors", &P::cors,
              "browser access: OPTIONS preflights answered by API Gateway, CORS headers on its 4XX/5XX responses")};
    return list;
  }
};

std::vector<Kind> apigateway_kinds() {
  return {make_kind<RestApi, RestApiActions>(
      "an API Gateway REST API whose routes invoke Lambda functions; IAM authorization by default",
      {{"rest_api_id", [](const RestApi& a) { return a.rest_api_id(); }},
       {"root_resource_id", [](const RestApi& a) { return a.root_resource_id(); }},
       {"execution_arn", [](const RestApi& a) { return a.execution_arn(); }},
       {"url", [](const RestApi& a) { return a.url(); }}},
      [](RestApi& api, const RestApiActions& a) {
        for (const auto& r : a.routes) api.add_lambda_route(r.method, r.path, *r.function, r.options);
      })};
}

}  // namespace drdb::spec
