// Rules of the Lambda, Logs, DynamoDB, SQS and Secrets Manager packs.
#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;
using aws::lambda::Code;
using aws::lambda::Function;
using aws::lambda::Runtime;

namespace {

Function::Props function_props() {
  return {.runtime = Runtime::Python313, .handler = "index.handler", .code = Code::from_inline("def handler(e, c): pass")};
}

}  // namespace

TEST_CASE("LAMBDA.1 fires on secrets-looking environment values, not on references or plain settings") {
  Env env;
  auto p = function_props();
  p.environment = {{"DB_PASSWORD", Str("hunter2")}, {"STAGE", Str("prod")}};
  auto& f = env.stack.add<Function>("Leaky", p);
  fires_and_is_suppressible(env, f, "LAMBDA.1");

  auto& secret = env.stack.add<aws::secretsmanager::Secret>("Db");
  auto ok = function_props();
  ok.environment = {{"DB_PASSWORD_SECRET", secret.attr("Arn")}, {"STAGE", Str("prod")}};
  env.stack.add<Function>("Careful", ok);
  auto key = function_props();
  key.environment = {{"UPSTREAM", Str("AKIAIOSFODNN7EXAMPLE")}};
  env.stack.add<Function>("Keyed", key);
  const auto found = env.findings();
  CHECK_FALSE(found.fires("LAMBDA.1", "Careful"));
  CHECK(found.fires("LAMBDA.1", "Keyed"));
}

TEST_CASE("LAMBDA.2 fires on a function whose logs never expire; LOGS.1 on other log groups") {
  Env env;
  auto p = function_props();
  p.log_retention = aws::logs::Retention::Infinite;
  auto& f = env.stack.add<Function>("Forever", p);
  fires_and_is_suppressible(env, f, "LAMBDA.2");
  CHECK(env.findings().silent("LOGS.1"));  // the function's own group is LAMBDA.2's
  env.stack.add<Function>("Yearly", function_props());
  CHECK_FALSE(env.findings().fires("LAMBDA.2", "Yearly"));

  auto& group = env.stack.add<aws::logs::LogGroup>("Audit", {.retention = aws::logs::Retention::Infinite});
  const auto found = env.findings();
  CHECK(found.fires("LOGS.1", "Audit"));
  CHECK(found.passes());  // info
  fires_and_is_suppressible(env, group, "LOGS.1");
}

TEST_CASE("LAMBDA.3 fires on a deprecated runtime and names its successor") {
  Env env;
  auto p = function_props();
  p.runtime = Runtime::Python38;
  auto& f = env.stack.add<Function>("Old", p);
  const auto found = env.findings();
  REQUIRE(aws::lambda::is_deprecated(Runtime::Python38));
  CHECK(found.has_warning("LAMBDA.3: runtime " + std::string(aws::lambda::to_string(Runtime::Python38)) + " is deprecated"));
  fires_and_is_suppressible(env, f, "LAMBDA.3");
  env.stack.add<Function>("Fresh", function_props());
  CHECK(env.findings().silent("LAMBDA.3"));
}

TEST_CASE("DYNAMODB.1 fires without point-in-time recovery; DYNAMODB.2 when an override removes encryption") {
  Env env;
  auto& t = env.stack.add<aws::dynamodb::Table>("Orders", {.partition_key = {.name = "id"}, .point_in_time_recovery = false});
  fires_and_is_suppressible(env, t, "DYNAMODB.1");
  auto& plain = env.stack.add<aws::dynamodb::Table>("Plain", {.partition_key = {.name = "id"}});
  CHECK(env.findings().silent("DYNAMODB.2"));
  plain.cfn_override("SSESpecification", Value());
  fires_and_is_suppressible(env, plain, "DYNAMODB.2");
}

TEST_CASE("SQS.1 fires when an override turns encryption off; SQS.2 on queues without a dead-letter queue") {
  Env env;
  auto& dlq = env.stack.add<aws::sqs::Queue>("Failed");
  env.stack.add<aws::sqs::Queue>("Jobs", {.dead_letter_queue = aws::sqs::DeadLetterQueue{.queue = &dlq}});
  auto found = env.findings();
  CHECK(found.silent("SQS.1"));
  CHECK(found.silent("SQS.2"));  // the dead-letter queue itself needs none

  auto& lonely = env.stack.add<aws::sqs::Queue>("Lonely");
  fires_and_is_suppressible(env, lonely, "SQS.2");
  lonely.cfn_override("SqsManagedSseEnabled", Value(false));
  fires_and_is_suppressible(env, lonely, "SQS.1");
}

TEST_CASE("SECRETSMANAGER.1 (info) fires on a secret without a customer key") {
  Env env;
  auto& s = env.stack.add<aws::secretsmanager::Secret>("Plain");
  auto& key = env.stack.add<aws::kms::Key>("Key");
  env.stack.add<aws::secretsmanager::Secret>("Keyed", {.kms_key = &key});
  const auto found = env.findings();
  CHECK_FALSE(found.fires("SECRETSMANAGER.1", "Keyed"));
  fires_and_is_suppressible(env, s, "SECRETSMANAGER.1");
}
