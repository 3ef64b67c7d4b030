// Event patterns: the typed helpers, free-form patterns, and their validation (shape, size).
#include <doctest/doctest.h>

#include "unit/aws/events/events_fixture.hpp"

using namespace drdb;
using namespace drdb::aws::events;
using drdb::aws::s3::Bucket;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("S3 Object Created for a bucket and key prefixes turns on the bucket's EventBridge notifications") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& data = s.add<Bucket>("Data");
  s.add<Rule>("Uploads", {.event_pattern = EventPattern::s3_object_created(data, {"sales/", "hr/"})});
  s.add<Rule>("AnyUpload", {.event_pattern = EventPattern::s3_object_created(data)});
  const auto r = test::render(app);
  CHECK(r.props("Uploads")["EventPattern"] == json::parse(R"({
    "source": ["aws.s3"], "detail-type": ["Object Created"],
    "detail": {"bucket": {"name": [{"Ref": "Data"}]}, "object": {"key": [{"prefix": "sales/"}, {"prefix": "hr/"}]}}})"));
  CHECK_FALSE(r.props("AnyUpload")["EventPattern"]["detail"].contains("object"));
  CHECK(r.props("Data")["NotificationConfiguration"] == json::parse(R"({"EventBridgeConfiguration": {"EventBridgeEnabled": true}})"));

  const auto pattern = json::parse(r.body("aws_cloudwatch_event_rule", "Uploads")["event_pattern"].get<std::string>());
  CHECK(pattern["detail"]["bucket"]["name"] == json::array({"${aws_s3_bucket.Data.bucket}"}));
  const auto notifications = test::tf_of_type(r.tf, "aws_s3_bucket_notification");
  REQUIRE(notifications.size() == 1);
  CHECK(notifications[0]["eventbridge"] == true);
  CHECK(notifications[0]["bucket"] == "${aws_s3_bucket.Data.bucket}");
}

TEST_CASE("EMR cluster state and step status patterns") {
  CHECK(EventPattern::emr_cluster_state_change().value() ==
        Value::object({{"source", Value::list({"aws.emr"})}, {"detail-type", Value::list({"EMR Cluster State Change"})}}));
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Rule>("Cluster", {.event_pattern = EventPattern::emr_cluster_state_change(
                              {.states = {ClusterState::TerminatedWithErrors, ClusterState::Terminated},
                               .cluster_names = {"etl"},
                               .cluster_ids = {Str("j-ABC")}})});
  s.add<Rule>("Steps", {.event_pattern = EventPattern::emr_step_status_change(
                            {.states = {StepState::Failed, StepState::Cancelled}, .step_names = {"spark-job"}})});
  const auto r = test::render(app);
  CHECK(r.props("Cluster")["EventPattern"] == json::parse(R"({"source": ["aws.emr"], "detail-type": ["EMR Cluster State Change"],
    "detail": {"state": ["TERMINATED_WITH_ERRORS", "TERMINATED"], "name": ["etl"], "clusterId": ["j-ABC"]}})"));
  CHECK(r.props("Steps")["EventPattern"] == json::parse(R"({"source": ["aws.emr"], "detail-type": ["EMR Step Status Change"],
    "detail": {"state": ["FAILED", "CANCELLED"], "name": ["spark-job"]}})"));
}

TEST_CASE("free-form patterns: objects down to lists; size within EventBridge's quota") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Rule>("Good", {.event_pattern = EventPattern::of(Value::object(
                           {{"source", Value::list({"aws.ec2"})},
                            {"detail", Value::object({{"state", Value::list({Value::object({{"anything-but", "running"}})})}})}}))});
  s.add<Rule>("Scalar", {.event_pattern = EventPattern::of(Value::object({{"source", "aws.ec2"}}))});
  s.add<Rule>("EmptyList", {.event_pattern = EventPattern::of(Value::object({{"source", Value::list({})}}))});
  s.add<Rule>("NotObject", {.event_pattern = EventPattern::of(Value::list({"aws.ec2"}))});
  s.add<Rule>("EmptyDetail", {.event_pattern = EventPattern::of(Value::object({{"source", Value::list({"a"})}, {"detail", Value(Object{})}}))});
  List many;
  for (int i = 0; i < 200; ++i) many.push_back(Value("prefix-number-" + std::to_string(i)));
  s.add<Rule>("Huge", {.event_pattern = EventPattern::of(Value::object({{"source", Value(many)}}))});
  s.add<Rule>("HugeAllowed", {.event_pattern = EventPattern::of(Value::object({{"source", Value(many)}})),
                              .max_event_pattern_size = 8192});
  const auto d = test::diagnostics_of(app);
  CHECK_FALSE(contains(d, "[App/S/Good]"));
  CHECK(contains(d, "[App/S/Scalar] event pattern: source is a string, not a list of values"));
  CHECK(contains(d, "put the value in a list: \"source\": [ ... ]"));
  CHECK(contains(d, "[App/S/EmptyList] event pattern: source is an empty list, which matches nothing"));
  CHECK(contains(d, "[App/S/NotObject] event pattern: the pattern is a list"));
  CHECK(contains(d, "[App/S/EmptyDetail] event pattern: detail is an empty object"));
  CHECK(contains(d, "characters; EventBridge allows 2048"));
  CHECK(contains(d, "[App/S/Huge] event pattern is "));
  CHECK_FALSE(contains(d, "[App/S/HugeAllowed]"));
}
