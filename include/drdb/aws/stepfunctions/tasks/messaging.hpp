// Lambda and SNS integrations for Task states: invoke one function, publish to one topic, each
// allowed exactly that call on that resource.
#pragma once

#include <optional>
#include <string>

#include "drdb/aws/stepfunctions/service_call.hpp"

namespace drdb::aws::lambda {
class Function;
}

namespace drdb::aws::stepfunctions::tasks {

struct LambdaInvoke {
  // The function's payload; none: the state's whole (filtered) input.
  std::optional<Payload> payload;
  IntegrationPattern pattern = IntegrationPattern::RequestResponse;  // or WaitForTaskToken
};
ServiceCall lambda_invoke(const lambda::Function& function, LambdaInvoke options = {});
// A function given by ARN (of another stack or account).
ServiceCall lambda_invoke(Str function_arn, LambdaInvoke options = {});

struct SnsPublish {
  Field message = Field::path("$");  // the text, or a path/intrinsic giving it
  std::string subject;
};
ServiceCall sns_publish(Str topic_arn, SnsPublish options = {});

}  // namespace drdb::aws::stepfunctions::tasks
