// EventBridge rules: schedules and patterns in both targets, validation of the rule itself.
#include <doctest/doctest.h>

#include "unit/aws/events/events_fixture.hpp"

using namespace drdb;
using namespace drdb::aws::events;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("a scheduled rule renders its expression and state to both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Rule>("Nightly", {.description = "nightly run", .schedule = Schedule::cron({.hours = "2"})});
  s.add<Rule>("Paused", {.schedule = Schedule::rate(5, RateUnit::Minutes), .enabled = false});
  const auto r = test::render(app);
  CHECK(r.cfn["Resources"]["Nightly"]["Type"] == "AWS::Events::Rule");
  CHECK(r.props("Nightly") ==
        json::parse(R"J({"Description": "nightly run", "ScheduleExpression": "cron(0 2 * * ? *)", "State": "ENABLED"})J"));
  CHECK(r.props("Paused")["ScheduleExpression"] == "rate(5 minutes)");
  CHECK(r.props("Paused")["State"] == "DISABLED");
  CHECK(r.body("aws_cloudwatch_event_rule", "Nightly") ==
        json::parse(R"J({"description": "nightly run", "schedule_expression": "cron(0 2 * * ? *)", "state": "ENABLED"})J"));
  CHECK(r.body("aws_cloudwatch_event_rule", "Paused")["state"] == "DISABLED");
}

TEST_CASE("name, event bus and pattern; the rule's ARN and name as attributes") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& rule = s.add<Rule>("Failures", {.rule_name = "emr-failures",
                                        .event_pattern = EventPattern::emr_cluster_state_change(
                                            {.states = {ClusterState::TerminatedWithErrors}}),
                                        .event_bus_name = "platform"});
  s.add<Output>("RuleArn", {.value = rule.rule_arn().value()});
  s.add<Output>("RuleName", {.value = rule.rule_name().value()});
  const auto r = test::render(app);
  const json pattern = json::parse(R"({"source": ["aws.emr"], "detail-type": ["EMR Cluster State Change"],
                                       "detail": {"state": ["TERMINATED_WITH_ERRORS"]}})");
  CHECK(r.props("Failures") == json{{"Name", "emr-failures"}, {"EventBusName", "platform"}, {"EventPattern", pattern}, {"State", "ENABLED"}});
  CHECK(r.cfn["Outputs"]["RuleArn"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Failures", "Arn"]})"));
  CHECK(r.cfn["Outputs"]["RuleName"]["Value"] == json::parse(R"({"Ref": "Failures"})"));
  const auto& body = r.body("aws_cloudwatch_event_rule", "Failures");
  CHECK(body["name"] == "emr-failures");
  CHECK(body["event_bus_name"] == "platform");
  CHECK(json::parse(body["event_pattern"].get<std::string>()) == pattern);
  CHECK(r.tf["output"]["RuleArn"]["value"] == "${aws_cloudwatch_event_rule.Failures.arn}");
}

TEST_CASE("rule validation: schedule problems, nothing to match, schedule on a custom bus, names") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Rule>("BadCron", {.schedule = Schedule::expression("cron(0 25 * * ? *)")});
  s.add<Rule>("Nothing");
  s.add<Rule>("OnBus", {.schedule = Schedule::rate(1, RateUnit::Hours), .event_bus_name = "platform"});
  s.add<Rule>("BadName", {.rule_name = "no spaces allowed", .schedule = Schedule::rate(1, RateUnit::Days)});
  s.add<Rule>("LongText", {.description = std::string(513, 'x'), .schedule = Schedule::rate(1, RateUnit::Days)});
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "[App/S/BadCron] schedule cron(0 25 * * ? *): hours field \"25\": 25 is out of range 0-23"));
  CHECK(contains(d, "e.g. cron(0 6 * * ? *)"));
  CHECK(contains(d, "[App/S/Nothing] the rule has neither a schedule nor an event pattern"));
  CHECK(contains(d, "[App/S/OnBus] a schedule runs only on the default event bus, not on \"platform\""));
  CHECK(contains(d, "[App/S/BadName] rule name \"no spaces allowed\" is not valid"));
  CHECK(contains(d, "[App/S/LongText] description is 513 characters"));
  CHECK_THROWS_AS(test::render(app), ValidationError);
}

TEST_CASE("the same rules render to the same bytes") {
  auto build = [](App& app) {
    auto& s = app.add<Stack>("S");
    auto& fn = test::python_function(s, "Fn");
    auto& sm = test::one_state_machine(s, "Workflow");
    auto& rule = s.add<Rule>("Nightly", {.schedule = Schedule::cron({.hours = "2"})});
    rule.add_state_machine_target(sm);
    rule.add_lambda_target(fn, {.input = TargetInput::json(Value::object({{"run", "nightly"}}))});
  };
  App a;
  App b;
  build(a);
  build(b);
  const auto x = synthesize(a);
  const auto y = synthesize(b);
  REQUIRE(x.size() == y.size());
  for (std::size_t i = 0; i < x.size(); ++i) CHECK(x[i].content == y[i].content);
}
