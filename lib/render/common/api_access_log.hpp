// What both targets share for API Gateway stages: the access log line format and the deployment
// description listing the routes it snapshots.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drdb::render {

// One JSON object per request.
inline constexpr std::string_view access_log_format =
    R"({"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller",)"
    R"("user":"$context.identity.user","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod",)"
    R"("resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol",)"
    R"("responseLength":"$context.responseLength","integrationError":"$context.integration.error"})";

inline std::string join_routes(const std::vector<std::string>& routes) {
  std::string out;
  for (const auto& r : routes) out += (out.empty() ? "" : ", ") + r;
  return out.size() > 1024 ? out.substr(0, 1021) + "..." : out;
}

}  // namespace drdb::render
