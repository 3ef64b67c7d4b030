// What a rule sends to its targets: constant input, input path, input transformers; their limits.
#include <doctest/doctest.h>

#include <map>

#include "unit/aws/events/events_fixture.hpp"

using namespace drdb;
using namespace drdb::aws::events;
using drdb::test::contains;
using nlohmann::json;

namespace {

struct Fixture {
  App app;
  Stack& s = app.add<Stack>("S");
  aws::lambda::Function& fn = test::python_function(s, "Fn");
  Rule& rule = s.add<Rule>("Rule", {.schedule = Schedule::rate(1, RateUnit::Hours)});
};

const std::string upload_template = R"({"bucket": "<bucket>", "key": "<key>", "rule": "<aws.events.rule-name>", "detail": <detail>})";

}  // namespace

TEST_CASE("input, input path and input transformer render to both targets") {
  Fixture f;
  auto& queue = f.s.add<aws::sqs::Queue>("Queue");
  f.rule.add_lambda_target(f.fn, {.id = "Constant", .input = TargetInput::json(Value::object({{"queue", queue.queue_url().value()}, {"n", 1}}))});
  f.rule.add_lambda_target(f.fn, {.id = "Detail", .input = TargetInput::path("$.detail")});
  f.rule.add_lambda_target(
      f.fn, {.id = "Upload",
             .input = TargetInput::transform({{"bucket", "$.detail.bucket.name"}, {"key", "$.detail.object.key"}, {"detail", "$.detail"}},
                                             upload_template)});
  const auto r = test::render(f.app);
  const auto targets = r.props("Rule")["Targets"];
  CHECK(targets[0]["Id"] == "Constant");
  CHECK(targets[0]["Input"] == json::parse(R"({"Fn::Sub": "{\"n\":1,\"queue\":\"${Queue}\"}"})"));
  CHECK(targets[1]["InputPath"] == "$.detail");
  CHECK(targets[2]["InputTransformer"] ==
        json{{"InputPathsMap", {{"bucket", "$.detail.bucket.name"}, {"detail", "$.detail"}, {"key", "$.detail.object.key"}}},
             {"InputTemplate", upload_template}});

  std::map<std::string, json> tf;
  for (const auto& t : test::tf_of_type(r.tf, "aws_cloudwatch_event_target")) tf[t["target_id"]] = t;
  CHECK(tf["Constant"]["input"] == "{\"n\":1,\"queue\":\"${aws_sqs_queue.Queue.url}\"}");
  CHECK(tf["Detail"]["input_path"] == "$.detail");
  CHECK(tf["Upload"]["input_transformer"][0]["input_template"] == upload_template);
  CHECK(tf["Upload"]["input_transformer"][0]["input_paths"]["key"] == "$.detail.object.key");
}

TEST_CASE("input transformers: placeholders need paths, paths are JSON paths, JSON templates stay JSON") {
  Fixture f;
  auto add = [&](std::string id, std::map<std::string, std::string> paths, std::string t) {
    f.rule.add_lambda_target(f.fn, {.id = std::move(id), .input = TargetInput::transform(std::move(paths), std::move(t))});
  };
  add("Unknown", {{"key", "$.detail.object.key"}}, R"({"key": "<key>", "size": <size>})");
  add("NotPath", {{"key", "detail.object.key"}}, "<key>");
  add("BadName", {{"the key", "$.detail"}}, "<the key>");
  add("Unused", {{"key", "$.detail.object.key"}, {"extra", "$.id"}}, "object <key>");
  add("NotJson", {{"key", "$.detail.object.key"}}, R"({"key": <key> "x": 1})");
  add("AsKey", {{"key", "$.detail.object.key"}}, R"({"<key>": 1})");
  add("Predefined", {}, R"({"rule": "<aws.events.rule-arn>", "event": <aws.events.event.json>})");
  add("Empty", {}, "");
  const auto d = test::diagnostics_of(f.app);
  CHECK(contains(d, "target \"Unknown\" (Lambda function App/S/Fn): the input template uses <size>, which has no path"));
  CHECK(contains(d, "target \"NotPath\" (Lambda function App/S/Fn): the path of <key> \"detail.object.key\" is not a JSON path — start it with $"));
  CHECK(contains(d, "input transformer variable \"the key\" is not a valid name"));
  CHECK(contains(d, "target \"Unused\" (Lambda function App/S/Fn): input transformer variable \"extra\" is not used in the template"));
  CHECK(contains(d, "target \"NotJson\" (Lambda function App/S/Fn): the input template looks like JSON but is not valid JSON once filled"));
  CHECK(contains(d, "target \"AsKey\" (Lambda function App/S/Fn): the input template uses <key> as an object key"));
  CHECK_FALSE(contains(d, "\"Predefined\""));
  CHECK(contains(d, "target \"Empty\" (Lambda function App/S/Fn): the input template is 0 characters"));
}

TEST_CASE("input sizes: constant input 8192 characters, path 256, template 8192, 100 variables") {
  Fixture f;
  f.rule.add_lambda_target(f.fn, {.id = "Big", .input = TargetInput::json(Value(std::string(8200, 'x')))});
  f.rule.add_lambda_target(f.fn, {.id = "Fits", .input = TargetInput::json(Value(std::string(8000, 'x')))});
  f.rule.add_lambda_target(f.fn, {.id = "LongPath", .input = TargetInput::path("$." + std::string(300, 'a'))});
  std::map<std::string, std::string> many;
  std::string uses;
  for (int i = 0; i < 101; ++i) {
    many["v" + std::to_string(i)] = "$.detail.v" + std::to_string(i);
    uses += "<v" + std::to_string(i) + ">";
  }
  f.rule.add_lambda_target(f.fn, {.id = "Many", .input = TargetInput::transform(many, uses)});
  auto& other = f.s.add<Rule>("Other", {.schedule = Schedule::rate(1, RateUnit::Hours)});
  other.add_lambda_target(f.fn, {.input = TargetInput::transform({{"k", "$.k"}}, "<k>" + std::string(8200, ' '))});
  const auto d = test::diagnostics_of(f.app);
  CHECK(contains(d, "target \"Big\" (Lambda function App/S/Fn): the input is 8202 characters; EventBridge allows 8192"));
  CHECK_FALSE(contains(d, "\"Fits\""));
  CHECK(contains(d, "target \"LongPath\" (Lambda function App/S/Fn): input path is 302 characters; EventBridge allows 256"));
  CHECK(contains(d, "target \"Many\" (Lambda function App/S/Fn): the input transformer has 101 variables; EventBridge allows 100"));
  CHECK(contains(d, "[App/S/Other] target \"Fn\" (Lambda function App/S/Fn): the input template is 8203 characters"));
}
