// What a Task state calls: the resource (an optimized integration, an AWS SDK integration or an
// activity/function ARN), its parameters, and the IAM statements the state machine's role needs to
// make exactly that call. The functions in tasks/*.hpp build them; `ServiceCall::custom` covers
// anything else.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/aws/stepfunctions/payload.hpp"

namespace drdb::aws::stepfunctions {

// How Step Functions waits for the call: the response (request/response), the job's end (".sync",
// "Run a Job"), or a task token sent back (".waitForTaskToken").
enum class IntegrationPattern { RequestResponse, RunJob, WaitForTaskToken };

struct ServiceCall {
  Str resource = "";  // arn:<partition>:states:::elasticmapreduce:createCluster.sync...
  // The Parameters object, computed when the definition is rendered (a cluster model's RunJobFlow
  // parameters depend on tags and roles known only then); problems go to `out` under `path`.
  std::function<Value(Diagnostics& out, const std::string& path)> parameters;
  std::vector<iam::Statement> statements;
  IntegrationPattern pattern = IntegrationPattern::RequestResponse;

  // Any other resource with a fixed payload and the statements it needs.
  static ServiceCall custom(Str resource, Payload parameters, std::vector<iam::Statement> statements,
                            IntegrationPattern pattern = IntegrationPattern::RequestResponse);
};

// "arn:<partition>:states:::<service>:<api><suffix>" with ".sync" / ".waitForTaskToken" per pattern.
Str integration_arn(std::string_view service_api, IntegrationPattern pattern = IntegrationPattern::RequestResponse);
// "arn:<partition>:states:::aws-sdk:<service>:<action>" (AWS SDK integrations, request/response).
Str sdk_integration_arn(std::string_view service, std::string_view action);

}  // namespace drdb::aws::stepfunctions
