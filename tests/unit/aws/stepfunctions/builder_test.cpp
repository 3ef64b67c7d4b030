// The graph builder: every state type, chaining, conditions, error handling and input/output
// processing render to the States Language.
#include <doctest/doctest.h>

#include "unit/aws/stepfunctions/sfn_fixture.hpp"

using namespace sfn_test;

TEST_CASE("a chain: StartAt the first state, Next in order, End on the last") {
  Graph g;
  auto& start = g.pass("Start", {.result = Value::object({{"attempt", 0}}), .result_path = "$.retry"});
  start.next(g.wait("Pause", WaitFor::seconds(30))).next(g.succeed("Done"));
  CHECK(definition_of(g) == json::parse(R"({"StartAt": "Start", "States": {
    "Start": {"Type": "Pass", "Result": {"attempt": 0}, "ResultPath": "$.retry", "Next": "Pause"},
    "Pause": {"Type": "Wait", "Seconds": 30, "Next": "Done"},
    "Done": {"Type": "Succeed"}}})"));
}

TEST_CASE("a state without next ends its graph; start_at overrides the first state") {
  Graph g;
  auto& a = g.pass("A");
  auto& b = g.pass("B");
  b.next(a);
  g.start_at(b);
  const auto d = definition_of(g);
  CHECK(d["StartAt"] == "B");
  CHECK(d["States"]["A"]["End"] == true);
  CHECK(d["States"]["B"]["Next"] == "A");
}

TEST_CASE("Choice: typed comparisons, path variants, type tests, and/or/not, default") {
  Graph g;
  auto& route = g.choice("Route", {.comment = "where to go"});
  auto& yes = g.succeed("Yes");
  auto& no = g.fail("No", {.error = "Rejected", .cause = "no rule matched"});
  route.when(Condition::string_equals("$.state", "WAITING"), yes)
      .when(Condition::numeric_greater_than_equals("$.count", 3), yes)
      .when(Condition::numeric_less_than("$.ratio", 0.5), yes)
      .when(Condition::string_matches("$.name", "etl-*"), yes)
      .when(Condition::string_equals_path("$.a", "$.b"), yes)
      .when(Condition::timestamp_less_than("$.at", "2026-01-31T00:00:00Z"), yes)
      .when(Condition::boolean_equals("$.ok", true), yes)
      .when(Condition::all_of({Condition::is_present("$.cluster"), Condition::negate(Condition::is_null("$.cluster"))}), yes)
      .when(Condition::any_of({Condition::is_string("$.x"), Condition::is_numeric("$.x", false)}), yes)
      .otherwise(no);
  const auto d = definition_of(g)["States"];
  CHECK(d["Route"] == json::parse(R"({"Type": "Choice", "Comment": "where to go", "Default": "No", "Choices": [
    {"Variable": "$.state", "StringEquals": "WAITING", "Next": "Yes"},
    {"Variable": "$.count", "NumericGreaterThanEquals": 3, "Next": "Yes"},
    {"Variable": "$.ratio", "NumericLessThan": 0.5, "Next": "Yes"},
    {"Variable": "$.name", "StringMatches": "etl-*", "Next": "Yes"},
    {"Variable": "$.a", "StringEqualsPath": "$.b", "Next": "Yes"},
    {"Variable": "$.at", "TimestampLessThan": "2026-01-31T00:00:00Z", "Next": "Yes"},
    {"Variable": "$.ok", "BooleanEquals": true, "Next": "Yes"},
    {"And": [{"Variable": "$.cluster", "IsPresent": true}, {"Not": {"Variable": "$.cluster", "IsNull": true}}], "Next": "Yes"},
    {"Or": [{"Variable": "$.x", "IsString": true}, {"Variable": "$.x", "IsNumeric": false}], "Next": "Yes"}]})"));
  CHECK(d["No"] == json::parse(R"({"Type": "Fail", "Error": "Rejected", "Cause": "no rule matched"})"));
}

TEST_CASE("Wait: seconds, timestamp, and either from a path") {
  Graph g;
  g.wait("A", WaitFor::seconds(5)).next(g.wait("B", WaitFor::until("2026-03-01T12:00:00Z")))
      .next(g.wait("C", WaitFor::seconds_path("$.delay")))
      .next(g.wait("D", WaitFor::timestamp_path("$.until")));
  const auto d = definition_of(g)["States"];
  CHECK(d["A"]["Seconds"] == 5);
  CHECK(d["B"]["Timestamp"] == "2026-03-01T12:00:00Z");
  CHECK(d["C"]["SecondsPath"] == "$.delay");
  CHECK(d["D"]["TimestampPath"] == "$.until");
  CHECK(d["D"]["End"] == true);
}

TEST_CASE("Task: resource, parameters with paths, result processing, Retry and Catch") {
  Graph g;
  auto& call = g.task("Notify",
                      ServiceCall::custom("arn:aws:states:::sns:publish",
                                          {{"TopicArn", "arn:aws:sns:us-east-1:123456789012:runs"},
                                           {"Message", Field::path("$.text")},
                                           {"Subject", Field::intrinsic("States.Format('run {}', $.id)")},
                                           {"Meta", Payload{{"Attempt", 1}, {"Execution", Field::path("$$.Execution.Id")}}}},
                                          {}),
                      {.input_path = "$.notification",
                       .result_selector = Payload{{"MessageId", Field::path("$.MessageId")}},
                       .result_path = "$.published",
                       .output_path = "$",
                       .timeout_seconds = 60});
  auto& failed = g.fail("Failed", {.error_path = "$.error.Error", .cause_path = "$.error.Cause"});
  call.retry({.errors = {"Sns.ThrottledException"}, .interval_seconds = 2, .backoff_rate = 1.5, .max_attempts = 4,
              .max_delay_seconds = 60, .jitter = Jitter::Full})
      .retry({})
      .catch_errors({.result_path = "$.error", .next = &failed});
  const auto d = definition_of(g)["States"]["Notify"];
  CHECK(d == json::parse(R"j({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
    "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:runs", "Message.$": "$.text",
                   "Subject.$": "States.Format('run {}', $.id)", "Meta": {"Attempt": 1, "Execution.$": "$$.Execution.Id"}},
    "InputPath": "$.notification", "ResultSelector": {"MessageId.$": "$.MessageId"}, "ResultPath": "$.published",
    "OutputPath": "$", "TimeoutSeconds": 60,
    "Retry": [{"ErrorEquals": ["Sns.ThrottledException"], "IntervalSeconds": 2, "BackoffRate": 1.5, "MaxAttempts": 4,
               "MaxDelaySeconds": 60, "JitterStrategy": "FULL"},
              {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 3}],
    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}],
    "End": true})j"));
}

TEST_CASE("ResultPath discard renders null: the input passes on unchanged") {
  Graph g;
  g.pass("Keep", {.result_path = ReferencePath::discard()});
  CHECK(definition_of(g)["States"]["Keep"]["ResultPath"].is_null());
  CHECK(definition_of(g)["States"]["Keep"].contains("ResultPath"));
}

TEST_CASE("Parallel branches and a Map item processor are graphs of their own") {
  Graph g;
  auto& both = g.parallel("Both", {.result_path = "$.both"});
  both.branch().pass("Left");
  auto& right = both.branch();
  right.pass("Right").next(right.succeed("RightDone"));
  auto& each = g.map("Each", {.items_path = "$.items",
                              .item_selector = Payload{{"item", Field::path("$$.Map.Item.Value")}},
                              .max_concurrency = 2});
  each.processor().pass("Handle");
  both.next(each);
  const auto d = definition_of(g)["States"];
  CHECK(d["Both"]["Branches"] == json::parse(R"([
    {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
    {"StartAt": "Right", "States": {"Right": {"Type": "Pass", "Next": "RightDone"}, "RightDone": {"Type": "Succeed"}}}])"));
  CHECK(d["Both"]["Next"] == "Each");
  CHECK(d["Each"] == json::parse(R"({"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"item.$": "$$.Map.Item.Value"},
    "MaxConcurrency": 2, "End": true,
    "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Handle", "States": {"Handle": {"Type": "Pass", "End": true}}}})"));
}

TEST_CASE("handles stay valid when the graph moves") {
  Graph g;
  auto& a = g.pass("A");
  Graph moved = std::move(g);
  a.next(moved.succeed("B"));
  CHECK(definition_of(moved)["States"]["A"]["Next"] == "B");
  CHECK(moved.owns(a));
}

TEST_CASE("a JSONata Pass state: QueryLanguage and Output, no JSONPath field") {
  Graph g;
  g.pass("Stamp", {.jsonata_output = "$merge([$states.input, {'at': $states.context.Execution.StartTime}])"});
  CHECK(definition_of(g)["States"]["Stamp"] == json::parse(R"({"Type": "Pass", "QueryLanguage": "JSONata", "End": true,
    "Output": "{% $merge([$states.input, {'at': $states.context.Execution.StartTime}]) %}"})"));
}
