// API Gateway REST APIs whose methods invoke Lambda functions (proxy integration):
//   auto& api = stack.add<apigateway::RestApi>("Api", {});
//   api.add_lambda_route("POST", "/invoke", invoke_fn);
//   api.add_lambda_route("GET", "/upload-url", upload_fn);
// Each path segment becomes a resource, each route a method; a deployment and a stage publish
// them. The deployment's logical id is derived from a hash of the routes, so changing the routes
// replaces it and the stage serves the new API (a deployment is a snapshot, never updated).
// Each route adds a lambda Permission for apigateway.amazonaws.com limited to that method and path.
// Methods require IAM authorization (SigV4) unless a route says otherwise.
//
// With `cors`, browsers on the one allowed origin may call the API: every path with routes gets an
// OPTIONS method that answers the preflight itself (a MOCK integration, no authorization, since
// browsers send preflights without credentials) with the Access-Control-* headers, and the
// DEFAULT_4XX and DEFAULT_5XX gateway responses (authorization refused, throttling, integration
// failures) carry Access-Control-Allow-Origin so the page can read API Gateway's own errors. A
// proxy integration passes the function's response through untouched: the function must add
// Access-Control-Allow-Origin to its responses itself (pass it `cors_allow_origin()`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/core/resource.hpp"

namespace drdb::aws::lambda {
class Function;
}
namespace drdb::aws::logs {
class LogGroup;
}

namespace drdb::aws::apigateway {

class ApiResource;
class Deployment;
class GatewayResponse;
class Method;
class Stage;

enum class EndpointType { Regional, Edge };
enum class Authorization { Iam, None };

// Cross-origin access for browsers. One origin, because API Gateway answers a MOCK preflight and
// its gateway responses with fixed header values; "*" admits any web site (a warning) and cannot
// go with credentials (browsers refuse that answer: an error).
struct Cors {
  std::string allow_origin;                 // required, "https://app.example.com"
  std::vector<std::string> allow_methods;  // empty: the path's route methods, and OPTIONS
  std::vector<std::string> allow_headers = {"Content-Type", "Authorization", "X-Amz-Date", "X-Amz-Security-Token"};
  bool allow_credentials = false;
  int max_age_seconds = 600;  // how long browsers cache the preflight answer
};

struct RouteOptions {
  Authorization authorization = Authorization::Iam;
  bool api_key_required = false;
};

class RestApi : public Resource {
 public:
  struct Props {
    std::string api_name;  // empty: the construct id
    std::string description;
    EndpointType endpoint_type = EndpointType::Regional;
    std::string stage_name = "prod";
    // Access logs of the stage (JSON lines). API Gateway needs the account's CloudWatch role set
    // once per region (AWS::ApiGateway::Account) before it can deliver them.
    const logs::LogGroup* access_log_group = nullptr;
    bool tracing = false;  // X-Ray
    std::optional<Cors> cors;  // none: browsers on other origins cannot call the API
  };
  RestApi(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str rest_api_id() const { return attr("Id"); }
  Str root_resource_id() const { return attr("RootResourceId"); }
  // arn:<partition>:execute-api:<region>:<account>:<api id>
  Str execution_arn() const;
  // https://<api id>.execute-api.<region>.<url suffix>/<stage>
  Str url() const;

  // `http_method`: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY; `path`: "/", "/invoke",
  // "/items/{id}", "/files/{proxy+}". Errors (bad method, path, duplicate route) are reported by
  // validation.
  Method& add_lambda_route(std::string http_method, std::string path, lambda::Function& function,
                           RouteOptions options = {});

  // The origin browsers may call from ("" without cors): what routed functions put in their
  // responses' Access-Control-Allow-Origin header.
  std::string cors_allow_origin() const { return props_.cors ? props_.cors->allow_origin : std::string(); }
  // The preflight answer for the routes at `path` ("/invoke"): header name → value, as the
  // OPTIONS method there returns them; empty without cors.
  std::map<std::string, std::string> preflight_headers(const std::string& path) const;

  const Deployment& deployment() const { return *deployment_; }
  const Stage& stage() const { return *stage_; }
  // "METHOD /path" of every route, sorted: what the deployment id is derived from.
  std::vector<std::string> routes() const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  // The resource for `path` ("/a/b"), created segment by segment; null for "/" (the root).
  ApiResource* resource_for(const std::vector<std::string>& segments);
  void add_preflight(const std::string& path, ApiResource* resource);
  void refresh_deployment_id();

  Props props_;
  std::map<std::string, ApiResource*> resources_;  // by path
  std::vector<Method*> methods_;
  std::map<std::string, Method*> preflights_;  // by path, with cors
  std::vector<std::string> path_errors_;
  Deployment* deployment_ = nullptr;
  Stage* stage_ = nullptr;
};

// One path segment below its parent resource (or the API's root).
class ApiResource : public Resource {
 public:
  struct Props {
    const RestApi* api = nullptr;
    const ApiResource* parent = nullptr;  // null: the root resource
    std::string path_part;
  };
  ApiResource(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }
  Str resource_id() const { return attr("Id"); }
  // Its parent's id (the API's root resource id at the top).
  Str parent_id() const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

// An HTTP method of a resource, integrated with a Lambda function (AWS_PROXY), or the CORS
// preflight OPTIONS method answered by API Gateway itself (MOCK, no function).
class Method : public Resource {
 public:
  struct Props {
    const RestApi* api = nullptr;
    const ApiResource* resource = nullptr;  // null: the root resource
    std::string http_method;
    std::string path;  // as given, for messages and permissions
    const lambda::Function* function = nullptr;
    RouteOptions options;
    bool preflight = false;
  };
  Method(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }
  Str resource_id() const;
  // The Lambda proxy integration URI.
  Str integration_uri() const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

// A response API Gateway gives itself (DEFAULT_4XX: refused authorization, missing route,
// throttling...; DEFAULT_5XX: integration failures), with extra headers.
class GatewayResponse : public Resource {
 public:
  struct Props {
    const RestApi* api = nullptr;
    std::string response_type;                   // DEFAULT_4XX, DEFAULT_5XX...
    std::map<std::string, std::string> headers;  // header → value
  };
  GatewayResponse(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }

  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

// A snapshot of the API's methods; depends on all of them.
class Deployment : public Resource {
 public:
  struct Props {
    const RestApi* api = nullptr;
  };
  Deployment(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const RestApi& api() const { return *props_.api; }
  Str deployment_id() const { return attr("Id"); }

  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

class Stage : public Resource {
 public:
  struct Props {
    const RestApi* api = nullptr;
    const Deployment* deployment = nullptr;
  };
  Stage(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const RestApi& api() const { return *props_.api; }
  const Deployment& deployment() const { return *props_.deployment; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::apigateway
