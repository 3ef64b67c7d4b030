#include "drdb/aws/stepfunctions/service_call.hpp"

#include "drdb/core/stack.hpp"

namespace drdb::aws::stepfunctions {

Str integration_arn(std::string_view service_api, IntegrationPattern pattern) {
  std::string suffix;
  if (pattern == IntegrationPattern::RunJob) suffix = ".sync";
  if (pattern == IntegrationPattern::WaitForTaskToken) suffix = ".waitForTaskToken";
  return "arn:" + pseudo::partition() + ":states:::" + std::string(service_api) + suffix;
}

Str sdk_integration_arn(std::string_view service, std::string_view action) {
  return "arn:" + pseudo::partition() + ":states:::aws-sdk:" + std::string(service) + ":" + std::string(action);
}

ServiceCall ServiceCall::custom(Str resource, Payload parameters, std::vector<iam::Statement> statements, IntegrationPattern pattern) {
  ServiceCall call{.resource = std::move(resource), .statements = std::move(statements), .pattern = pattern};
  if (!parameters.empty())
    call.parameters = [value = payload_value(parameters)](Diagnostics&, const std::string&) { return value; };
  return call;
}

}  // namespace drdb::aws::stepfunctions
