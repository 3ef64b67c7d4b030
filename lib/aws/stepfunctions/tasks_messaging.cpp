#include "drdb/aws/stepfunctions/tasks/messaging.hpp"

#include "drdb/aws/lambda/function.hpp"

namespace drdb::aws::stepfunctions::tasks {

ServiceCall lambda_invoke(const lambda::Function& function, LambdaInvoke options) {
  return lambda_invoke(function.function_arn(), std::move(options));
}

ServiceCall lambda_invoke(Str function_arn, LambdaInvoke options) {
  Payload p{{"FunctionName", Field(function_arn)}};
  p.emplace("Payload", options.payload ? Field(*options.payload) : Field::path("$"));
  return ServiceCall::custom(integration_arn("lambda:invoke", options.pattern), std::move(p),
                             {{.actions = {"lambda:InvokeFunction"}, .resources = {function_arn}}}, options.pattern);
}

ServiceCall sns_publish(Str topic_arn, SnsPublish options) {
  Payload p{{"TopicArn", Field(topic_arn)}, {"Message", std::move(options.message)}};
  if (!options.subject.empty()) p.emplace("Subject", Field(options.subject));
  return ServiceCall::custom(integration_arn("sns:publish"), std::move(p), {{.actions = {"sns:Publish"}, .resources = {topic_arn}}});
}

}  // namespace drdb::aws::stepfunctions::tasks
