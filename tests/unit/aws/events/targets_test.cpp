// Rule targets: what each grants EventBridge (and nothing more), target ids, and target limits.
#include <doctest/doctest.h>

#include "unit/aws/events/events_fixture.hpp"

using namespace drdb;
using namespace drdb::aws::events;
using drdb::test::contains;
using nlohmann::json;

namespace {

const json rule_arn = json::parse(R"({"Fn::GetAtt": ["Rule", "Arn"]})");

}  // namespace

TEST_CASE("Lambda target: the invoke permission for EventBridge, scoped to the rule") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = test::python_function(s, "Relauncher");
  auto& rule = s.add<Rule>("Rule", {.event_pattern = EventPattern::emr_cluster_state_change(
                                        {.states = {ClusterState::TerminatedWithErrors}})});
  rule.add_lambda_target(fn);
  rule.add_lambda_target(fn, {.id = "Again"});  // a second target on the same function: one permission
  const auto r = test::render(app);
  CHECK(r.props("Rule")["Targets"] == json::parse(R"([
    {"Arn": {"Fn::GetAtt": ["Relauncher", "Arn"]}, "Id": "Again"},
    {"Arn": {"Fn::GetAtt": ["Relauncher", "Arn"]}, "Id": "Relauncher"}])"));
  const auto permissions = test::of_type(r.cfn, "AWS::Lambda::Permission");
  REQUIRE(permissions.size() == 1);
  CHECK(r.props(permissions[0]) == json{{"Action", "lambda:InvokeFunction"},
                                        {"FunctionName", json::parse(R"({"Fn::GetAtt": ["Relauncher", "Arn"]})")},
                                        {"Principal", "events.amazonaws.com"},
                                        {"SourceArn", rule_arn}});
  const auto targets = test::tf_of_type(r.tf, "aws_cloudwatch_event_target");
  REQUIRE(targets.size() == 2);
  CHECK(targets[1]["rule"] == "${aws_cloudwatch_event_rule.Rule.name}");
  CHECK(targets[1]["arn"] == "${aws_lambda_function.Relauncher.arn}");
  const auto tf_permissions = test::tf_of_type(r.tf, "aws_lambda_permission");
  REQUIRE(tf_permissions.size() == 1);
  CHECK(tf_permissions[0]["source_arn"] == "${aws_cloudwatch_event_rule.Rule.arn}");
  CHECK(tf_permissions[0]["principal"] == "events.amazonaws.com");
}

TEST_CASE("state machine target: a role that may start exactly that state machine") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& sm = test::one_state_machine(s, "Workflow");
  auto& other = test::one_state_machine(s, "Other");
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::cron({.hours = "2"})});
  rule.add_state_machine_target(sm, {.input = TargetInput::json(Value::object({{"trigger", "schedule"}}))});
  const auto r = test::render(app);
  const auto role_id = logical_id(rule.events_role());
  const auto target = r.props("Rule")["Targets"][0];
  CHECK(target["Id"] == "Workflow");
  CHECK(target["RoleArn"] == json{{"Fn::GetAtt", {role_id, "Arn"}}});
  CHECK(target["Input"] == R"({"trigger":"schedule"})");
  const auto& role = r.props(role_id);
  CHECK(role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == json{{"Service", "events.amazonaws.com"}});
  CHECK(role["AssumeRolePolicyDocument"]["Statement"][0]["Condition"] ==
        json::parse(R"({"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}})"));
  const auto statements = role["Policies"][0]["PolicyDocument"]["Statement"];
  REQUIRE(statements.size() == 1);
  CHECK(statements[0]["Action"] == "states:StartExecution");
  CHECK(statements[0]["Resource"] == target["Arn"]);  // that state machine, and only it
  CHECK(target["Arn"]["Ref"].get<std::string>().starts_with("Workflow"));
  (void)other;
}

TEST_CASE("state machine target with a role of one's own") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& sm = test::one_state_machine(s, "Workflow");
  auto& mine = s.add<aws::iam::Role>("Mine", {.assumed_by = {aws::iam::Principal::service("events.amazonaws.com")}});
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  rule.add_state_machine_target(sm, {.role = &mine});
  const auto r = test::render(app);
  CHECK(r.props("Rule")["Targets"][0]["RoleArn"] == json::parse(R"({"Fn::GetAtt": ["Mine", "Arn"]})"));
  CHECK(r.props("Mine")["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"] == "states:StartExecution");
  CHECK(rule.find_child("EventsRole") == nullptr);  // no role of the rule's own
  CHECK(r.body("aws_cloudwatch_event_rule", "Rule")["schedule_expression"] == "rate(1 hour)");
  const auto targets = test::tf_of_type(r.tf, "aws_cloudwatch_event_target");
  REQUIRE(targets.size() == 1);
  CHECK(targets[0]["role_arn"] == "${aws_iam_role.Mine.arn}");
}

TEST_CASE("SQS target: the queue policy statement for this rule") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& queue = s.add<aws::sqs::Queue>("Jobs");
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  rule.add_queue_target(queue, {.max_retry_attempts = 3, .max_event_age_seconds = 3600});
  const auto r = test::render(app);
  CHECK(r.props("Rule")["Targets"][0] == json::parse(R"({"Arn": {"Fn::GetAtt": ["Jobs", "Arn"]}, "Id": "Jobs",
    "RetryPolicy": {"MaximumEventAgeInSeconds": 3600, "MaximumRetryAttempts": 3}})"));
  const auto policies = test::of_type(r.cfn, "AWS::SQS::QueuePolicy");
  REQUIRE(policies.size() == 1);
  const auto statements = r.props(policies[0])["PolicyDocument"]["Statement"];
  bool found = false;
  for (const auto& st : statements)
    if (st["Principal"] == json{{"Service", "events.amazonaws.com"}}) {
      found = true;
      CHECK(st["Action"] == "sqs:SendMessage");
      CHECK(st["Condition"] == json{{"ArnEquals", {{"aws:SourceArn", rule_arn}}}});
      CHECK(st["Resource"] == json::parse(R"({"Fn::GetAtt": ["Jobs", "Arn"]})"));
    }
  CHECK(found);
  const auto targets = test::tf_of_type(r.tf, "aws_cloudwatch_event_target");
  REQUIRE(targets.size() == 1);
  CHECK(targets[0]["retry_policy"][0]["maximum_retry_attempts"] == 3);
}

TEST_CASE("SQS target on a KMS-encrypted queue: the key must let EventBridge use it") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& closed = s.add<aws::kms::Key>("Closed");
  auto& open = s.add<aws::kms::Key>("Open");
  open.add_to_policy({.actions = {"kms:Decrypt", "kms:GenerateDataKey"},
                      .resources = {Str("*")},
                      .principals = {aws::iam::Principal::service("events.amazonaws.com")}});
  auto& q1 = s.add<aws::sqs::Queue>("Q1", {.kms_key = &closed});
  auto& q2 = s.add<aws::sqs::Queue>("Q2", {.kms_key = &open});
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  rule.add_queue_target(q1);
  rule.add_queue_target(q2);
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "[App/S/Rule] target \"Q1\" (SQS queue App/S/Q1) is encrypted with App/S/Closed, whose key policy "
                    "does not let EventBridge use it"));
  CHECK(contains(d, "iam::Principal::service(\"events.amazonaws.com\")"));
  CHECK_FALSE(contains(d, "\"Q2\""));
}

TEST_CASE("FIFO queue targets need a message group id") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fifo = s.add<aws::sqs::Queue>("Fifo", {.queue_name = "jobs.fifo", .fifo = true});
  auto& plain = s.add<aws::sqs::Queue>("Plain");
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  rule.add_queue_target(fifo);
  rule.add_queue_target(fifo, {.id = "Grouped", .message_group_id = "runs"});
  rule.add_queue_target(plain, {.message_group_id = "runs"});
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "target \"Fifo\" (SQS queue App/S/Fifo): a FIFO queue needs a message group id"));
  CHECK_FALSE(contains(d, "target \"Grouped\""));
  CHECK(contains(d, "target \"Plain\" (SQS queue App/S/Plain): message_group_id is set but the target is not a FIFO queue"));
}

TEST_CASE("target ids: unique, valid, and the order targets are added in does not matter") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = test::python_function(s, "Fn");
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  rule.add_lambda_target(fn);
  rule.add_lambda_target(fn);
  rule.add_lambda_target(fn, {.id = "has space"});
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "[App/S/Rule] two targets have the id \"Fn\" — give one of them TargetOptions::id"));
  CHECK(contains(d, "target id \"has space\" is not valid"));

  auto build = [](App& a, bool reversed) {
    auto& st = a.add<Stack>("S");
    auto& f = test::python_function(st, "Fn");
    auto& q = st.add<aws::sqs::Queue>("Queue");
    auto& r = st.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
    if (reversed) {
      r.add_queue_target(q);
      r.add_lambda_target(f);
    } else {
      r.add_lambda_target(f);
      r.add_queue_target(q);
    }
  };
  App a;
  App b;
  build(a, false);
  build(b, true);
  CHECK(test::render(a).props("Rule") == test::render(b).props("Rule"));
}

TEST_CASE("at most five targets; retry limits; a role only where one is used") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = test::python_function(s, "Fn");
  auto& role = s.add<aws::iam::Role>("R", {.assumed_by = {aws::iam::Principal::service("events.amazonaws.com")}});
  auto& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  for (int i = 0; i < 6; ++i) rule.add_lambda_target(fn, {.id = "T" + std::to_string(i)});
  auto& other = s.add<Rule>("Other", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  other.add_lambda_target(fn, {.role = &role, .max_retry_attempts = 186, .max_event_age_seconds = 30});
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "[App/S/Rule] 6 targets; EventBridge allows at most 5 per rule"));
  CHECK(contains(d, "[App/S/Other] target \"Fn\" (Lambda function App/S/Fn): a role is given, but only state machine targets use one"));
  CHECK(contains(d, "max_retry_attempts 186 is out of range — use 0-185"));
  CHECK(contains(d, "max_event_age_seconds 30 is out of range — use 60-86400 seconds"));
}
