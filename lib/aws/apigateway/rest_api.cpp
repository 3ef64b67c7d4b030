#include "drdb/aws/apigateway/rest_api.hpp"

#include <algorithm>
#include <array>

#include "aws/apigateway/rest_api_cors.hpp"
#include "core/md5.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/logical_id.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::apigateway {

namespace {

constexpr std::array<std::string_view, 8> http_methods = {"ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"};

// API Gateway's own responses that carry the CORS origin, so a page can read its errors.
constexpr std::array<std::string_view, 2> cors_gateway_responses = {"DEFAULT_4XX", "DEFAULT_5XX"};

std::string hash8(std::string_view text) { return detail::md5_hex(text).substr(0, 8); }

// A segment is letters, digits and - . _ ~ (URL-safe), or a parameter {name} / greedy {name+}.
bool valid_segment(const std::string& s) {
  if (s.empty()) return false;
  auto word = [](std::string_view w, bool allow_plus) {
    if (w.empty()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || (allow_plus && c == '+' && i + 1 == w.size());
      if (!ok) return false;
    }
    return true;
  };
  if (s.front() == '{') return s.back() == '}' && word(std::string_view(s).substr(1, s.size() - 2), true);
  return word(s, false);
}

std::string alnum(std::string_view s) {
  std::string out;
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

// "/items/{id}" → "/items/*": the form the invoke permission's source ARN takes.
std::string arn_path(const std::vector<std::string>& segments) {
  std::string out;
  for (const auto& s : segments) out += "/" + (s.front() == '{' ? std::string("*") : s);
  return out;
}

}  // namespace

RestApi::RestApi(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  deployment_ = &add<Deployment>("Deployment", {.api = this});
  stage_ = &add<Stage>("Stage", {.api = this, .deployment = deployment_});
  if (props_.cors) {
    for (const auto type : cors_gateway_responses) {
      std::string id = "GatewayResponse" + alnum(type);
      auto& response = add<GatewayResponse>(id, {.api = this,
                                                 .response_type = std::string(type),
                                                 .headers = {{"Access-Control-Allow-Origin", props_.cors->allow_origin}}});
      deployment_->add_dependency(response);  // a deployment snapshots the gateway responses too
    }
  }
  refresh_deployment_id();
}

Str RestApi::execution_arn() const {
  return Join{"", {"arn:", Pseudo::Partition, ":execute-api:", Pseudo::Region, ":", Pseudo::AccountId, ":", rest_api_id().value()}};
}

Str RestApi::url() const {
  return Join{"", {"https://", rest_api_id().value(), ".execute-api.", Pseudo::Region, ".", Pseudo::UrlSuffix,
                   "/" + props_.stage_name}};
}

ApiResource* RestApi::resource_for(const std::vector<std::string>& segments) {
  ApiResource* parent = nullptr;
  std::string path;
  for (const auto& segment : segments) {
    path += "/" + segment;
    const auto found = resources_.find(path);
    if (found != resources_.end()) {
      parent = found->second;
      continue;
    }
    Construct& scope = parent != nullptr ? static_cast<Construct&>(*parent) : static_cast<Construct&>(*this);
    std::string id = alnum(segment);
    if (id.empty() || id != segment || scope.find_child(id) != nullptr) id += hash8(segment);
    parent = &scope.add<ApiResource>(id, {.api = this, .parent = parent, .path_part = segment});
    resources_.emplace(path, parent);
  }
  return parent;
}

Method& RestApi::add_lambda_route(std::string http_method, std::string path, lambda::Function& function,
                                  RouteOptions options) {
  std::transform(http_method.begin(), http_method.end(), http_method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::vector<std::string> segments;
  bool path_ok = path.starts_with("/");
  for (std::size_t at = 1; path_ok && at <= path.size();) {
    const auto end = std::min(path.find('/', at), path.size());
    std::string segment = path.substr(at, end - at);
    if (segment.empty() && end == path.size() && segments.empty()) break;  // "/"
    path_ok = valid_segment(segment);
    segments.push_back(std::move(segment));
    at = end + 1;
  }
  if (!path_ok) {
    path_errors_.push_back("route path \"" + path + "\" is not valid");
    segments.clear();  // the method goes on the root so the model stays whole; validation reports it
  }
  ApiResource* resource = resource_for(segments);
  if (props_.cors && path_ok) add_preflight(path, resource);
  Construct& scope = resource != nullptr ? static_cast<Construct&>(*resource) : static_cast<Construct&>(*this);
  std::string method_id = alnum(http_method);
  if (method_id.empty() || scope.find_child(method_id) != nullptr) method_id += hash8(http_method + " " + path);
  auto& method = scope.add<Method>(method_id, {.api = this,
                                               .resource = resource,
                                               .http_method = http_method,
                                               .path = path,
                                               .function = &function,
                                               .options = options});
  methods_.push_back(&method);
  deployment_->add_dependency(method);  // a deployment of an API without its methods fails
  refresh_deployment_id();

  // API Gateway may invoke the function for this method and path only, from any stage. With the
  // function in another stack the permission stays with the API: the function's stack would
  // otherwise read the API's id while the API's stack reads the function's ARN, a cycle.
  const std::string verb = http_method == "ANY" ? "*" : http_method;
  const std::string permission_id = id() + "Invoke" + hash8(http_method + " " + path);
  const Str source_arn = execution_arn() + "/*/" + verb + arn_path(segments);
  if (function.find_stack() == find_stack())
    function.allow_invocation(permission_id, "apigateway.amazonaws.com", source_arn);
  else
    method.add<lambda::Permission>("Invoke", {.function = &function, .principal = "apigateway.amazonaws.com", .source_arn = source_arn});
  return method;
}

std::vector<std::string> RestApi::routes() const {
  std::vector<std::string> out;
  for (const auto* m : methods_) {
    std::string route = m->props().http_method + " " + m->props().path + " " + logical_id(*m->props().function);
    route += m->props().options.authorization == Authorization::Iam ? " AWS_IAM" : " NONE";
    if (m->props().options.api_key_required) route += " api-key";
    out.push_back(std::move(route));
  }
  std::sort(out.begin(), out.end());
  return out;
}

void RestApi::refresh_deployment_id() {
  // A deployment is an immutable snapshot: a new logical id whenever the routes change makes
  // CloudFormation and Terraform create a new one and point the stage at it.
  std::string all;
  for (const auto& r : routes()) all += r + "\n";
  // The preflight answers and gateway responses are part of the snapshot too.
  for (const auto& [path, preflight] : preflights_)
    for (const auto& [name, value] : preflight_headers(path)) all += "OPTIONS " + path + " " + name + ": " + value + "\n";
  if (props_.cors) all += "gateway responses: " + props_.cors->allow_origin + "\n";
  deployment_->override_logical_id(alnum(logical_id(*this)) + "Deployment" + hash8(all));
}

void RestApi::validate(Diagnostics& out) const {
  const auto p = path();
  for (const auto& e : path_errors_)
    out.error(p, e, "start with / and use segments of letters, digits and - . _ ~, or {name} / {name+} parameters");
  if (methods_.empty())
    out.error(p, "the API has no routes; deploying an API without methods fails", "add one with add_lambda_route");
  if (props_.cors) validate_cors(*props_.cors, preflights_, methods_, p, out);
  std::vector<std::string> seen;
  for (const auto* m : methods_) {
    const auto& mp = m->props();
    if (std::find(http_methods.begin(), http_methods.end(), mp.http_method) == http_methods.end())
      out.error(p, "route \"" + mp.http_method + " " + mp.path + "\": unknown HTTP method",
                "use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY");
    const std::string key = mp.http_method + " " + mp.path;
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      out.error(p, "route \"" + key + "\" is defined twice", "keep one of them");
    seen.push_back(key);
  }
  const auto& name = props_.api_name;
  if (name.size() > 1024) out.error(p, "api_name is longer than 1024 characters", "shorten it");
  const auto& stage = props_.stage_name;
  bool stage_ok = !stage.empty() && stage.size() <= 128;
  for (char c : stage)
    stage_ok = stage_ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  if (!stage_ok)
    out.error(p, "stage name \"" + stage + "\" is not valid", "use 1-128 letters, digits, hyphens and underscores, e.g. prod");
}

Str ApiResource::parent_id() const {
  return props_.parent != nullptr ? props_.parent->resource_id() : props_.api->root_resource_id();
}

void ApiResource::validate(Diagnostics&) const {}

Str Method::resource_id() const {
  return props_.resource != nullptr ? props_.resource->resource_id() : props_.api->root_resource_id();
}

Str Method::integration_uri() const {
  return Join{"", {"arn:", Pseudo::Partition, ":apigateway:", Pseudo::Region, ":lambda:path/2015-03-31/functions/",
                   props_.function->function_arn().value(), "/invocations"}};
}

void Method::validate(Diagnostics& out) const {
  if (props_.preflight) return;  // answered by API Gateway, open by design: browsers send no credentials
  if (props_.function == nullptr) out.error(path(), "the method has no function", "create it with api.add_lambda_route(...)");
  if (props_.options.authorization == Authorization::None)
    out.warning(path(), "route \"" + props_.http_method + " " + props_.path + "\" is open to anyone on the internet",
                "keep Authorization::Iam unless the function authenticates callers itself");
}

void Stage::validate(Diagnostics&) const {}

void RestApi::accept(ResourceVisitor& v) const { v.visit(*this); }
void ApiResource::accept(ResourceVisitor& v) const { v.visit(*this); }
void Method::accept(ResourceVisitor& v) const { v.visit(*this); }
void Deployment::accept(ResourceVisitor& v) const { v.visit(*this); }
void GatewayResponse::accept(ResourceVisitor& v) const { v.visit(*this); }
void Stage::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::apigateway
