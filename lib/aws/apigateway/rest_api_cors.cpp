// RestApi's CORS: the preflight methods, their answer, and the validation of the settings.
#include <algorithm>
#include <array>

#include "aws/apigateway/rest_api_cors.hpp"
#include "core/md5.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::apigateway {

namespace {

constexpr std::array<std::string_view, 7> cors_methods = {"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

bool is_origin(const std::string& origin) {
  const auto scheme = origin.find("://");
  return scheme != std::string::npos && scheme > 0 && origin.size() > scheme + 3 &&
         origin.find('/', scheme + 3) == std::string::npos && origin.find('*') == std::string::npos;
}

}  // namespace

void validate_cors(const Cors& cors, const std::map<std::string, Method*>& preflights, const std::vector<Method*>& methods,
                   const std::string& p, Diagnostics& out) {
  const auto& origin = cors.allow_origin;
  if (origin.empty())
    out.error(p, "cors has no allow_origin", "name the front end's origin, e.g. https://app.example.com");
  else if (origin == "*" && cors.allow_credentials)
    out.error(p, "cors allows origin \"*\" with credentials; browsers refuse that answer",
              "name the front end's origin, or drop allow_credentials");
  else if (origin == "*")
    out.warning(p, "cors allows origin \"*\": any web site may call the API from a visitor's browser",
                "name the front end's origin, e.g. https://app.example.com");
  else if (!is_origin(origin))
    out.error(p, "cors allow_origin \"" + origin + "\" is not an origin",
              "give scheme and host (and port), no path or wildcard: https://app.example.com");
  for (const auto& m : cors.allow_methods)
    if (std::find(cors_methods.begin(), cors_methods.end(), m) == cors_methods.end())
      out.error(p, "cors allow_methods names \"" + m + "\"", "use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS");
  if (cors.max_age_seconds < 0) out.error(p, "cors max_age_seconds is negative", "e.g. 600");
  for (const auto* m : methods)
    if (m->props().http_method == "OPTIONS" && preflights.contains(m->props().path))
      out.error(p, "route \"OPTIONS " + m->props().path + "\" takes the place of the CORS preflight API Gateway answers there",
                "remove the route, or drop cors and answer preflights in the function");
}

void RestApi::add_preflight(const std::string& path, ApiResource* resource) {
  if (preflights_.contains(path)) return;
  Construct& scope = resource != nullptr ? static_cast<Construct&>(*resource) : static_cast<Construct&>(*this);
  std::string method_id = "OPTIONS";
  if (scope.find_child(method_id) != nullptr) method_id += detail::md5_hex("preflight " + path).substr(0, 8);
  auto& preflight = scope.add<Method>(method_id, {.api = this,
                                                  .resource = resource,
                                                  .http_method = "OPTIONS",
                                                  .path = path,
                                                  .options = {.authorization = Authorization::None},
                                                  .preflight = true});
  preflights_.emplace(path, &preflight);
  deployment_->add_dependency(preflight);
}

std::map<std::string, std::string> RestApi::preflight_headers(const std::string& path) const {
  if (!props_.cors) return {};
  const auto& cors = *props_.cors;
  std::vector<std::string> verbs = cors.allow_methods;
  if (verbs.empty()) {
    for (const auto* m : methods_)
      if (m->props().path == path) verbs.push_back(m->props().http_method);
    if (std::find(verbs.begin(), verbs.end(), "ANY") != verbs.end()) verbs = {"DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"};
    verbs.push_back("OPTIONS");
    std::sort(verbs.begin(), verbs.end());
    verbs.erase(std::unique(verbs.begin(), verbs.end()), verbs.end());
  }
  std::map<std::string, std::string> out{{"Access-Control-Allow-Origin", cors.allow_origin},
                                         {"Access-Control-Allow-Methods", joined(verbs)},
                                         {"Access-Control-Max-Age", std::to_string(cors.max_age_seconds)}};
  if (!cors.allow_headers.empty()) out.emplace("Access-Control-Allow-Headers", joined(cors.allow_headers));
  if (cors.allow_credentials) out.emplace("Access-Control-Allow-Credentials", "true");
  // Without it a cache could hand one origin's answer to another.
  out.emplace("Vary", "Origin");
  return out;
}

}  // namespace drdb::aws::apigateway
