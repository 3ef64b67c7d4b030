#include "drdb/aws/s3/cors.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace drdb::aws::s3 {

namespace {

constexpr std::array<std::string_view, 5> cors_methods = {"GET", "PUT", "POST", "DELETE", "HEAD"};

// `where` is the bucket's path, `rule_name` says which rule ("CORS rule 2 \"FrontEnd\"").
void check_rule(const CorsRule& rule, const std::string& where, const std::string& rule_name, Diagnostics& out) {
  const auto error = [&](const std::string& message, const std::string& fix) { out.error(where, rule_name + ": " + message, fix); };
  if (rule.id.size() > 255) error("the rule id is longer than 255 characters", "shorten it");
  if (rule.allowed_origins.empty())
    error("the rule has no allowed_origins", "name the front end's origin, e.g. https://app.example.com");
  if (rule.allowed_methods.empty()) error("the rule has no allowed_methods", "e.g. PUT for pre-signed uploads");
  for (const auto& m : rule.allowed_methods)
    if (std::find(cors_methods.begin(), cors_methods.end(), m) == cors_methods.end())
      error("allowed method \"" + m + "\" is not one S3 knows", "use GET, PUT, POST, DELETE or HEAD");
  for (const auto& origin : rule.allowed_origins) {
    if (origin == "*")
      out.warning(where, rule_name + ": allowed origin \"*\" lets any web site send requests to the bucket from a visitor's browser",
                  "name the front end's origins, e.g. https://app.example.com");
    else if (std::count(origin.begin(), origin.end(), '*') > 1)
      error("allowed origin \"" + origin + "\" has more than one \"*\"", "S3 allows one wildcard per origin");
    else if (origin.empty() || origin.back() == '/' || origin.find("://") == std::string::npos)
      error("allowed origin \"" + origin + "\" is not an origin", "give scheme and host (and port), no path: https://app.example.com");
  }
  for (const auto& h : rule.allowed_headers)
    if (std::count(h.begin(), h.end(), '*') > 1)
      error("allowed header \"" + h + "\" has more than one \"*\"", "S3 allows one wildcard per header");
  if (rule.max_age_seconds && *rule.max_age_seconds < 0)
    error("max_age_seconds is negative", "give the seconds the browser may cache the preflight, e.g. 3000");
}

}  // namespace

void validate_cors(const std::vector<CorsRule>& rules, const std::string& path, Diagnostics& out) {
  if (rules.size() > 100) out.error(path, "the bucket has more than 100 CORS rules", "S3 allows 100; merge rules");
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = rules[i];
    check_rule(rule, path, "CORS rule " + std::to_string(i + 1) + (rule.id.empty() ? "" : " \"" + rule.id + "\""), out);
    if (rule.id.empty()) continue;
    if (std::find(ids.begin(), ids.end(), rule.id) != ids.end())
      out.error(path, "CORS rule id \"" + rule.id + "\" is used twice", "give each rule its own id");
    ids.push_back(rule.id);
  }
}

}  // namespace drdb::aws::s3
