// S3 event notifications: destinations with the grants S3 needs, filters and their overlaps, and
// rendering without the bucket ↔ destination dependency cycle in both targets.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "unit/aws/events/events_fixture.hpp"

using namespace drdb;
using drdb::aws::s3::Bucket;
using drdb::aws::s3::EventType;
using drdb::test::contains;
using nlohmann::json;

namespace {

const json named_arn = json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::acme-landing"]]})");

}  // namespace

TEST_CASE("Lambda and SQS destinations with prefix/suffix filters; the bucket's grants") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& landing = s.add<Bucket>("Landing", {.bucket_name = "acme-landing"});
  auto& fn = test::python_function(s, "Loader");
  auto& queue = s.add<aws::sqs::Queue>("Audit");
  // The function reads what lands: its role refers to the bucket's ARN, the classic cycle.
  landing.grant_read(fn.role(), "sales/*");
  landing.notify_lambda(fn, {EventType::ObjectCreated}, {.prefix = "sales/", .suffix = ".csv"});
  landing.notify_lambda(fn, {EventType::ObjectCreated}, {.prefix = "hr/"});
  landing.notify_queue(queue, {EventType::ObjectRemoved, EventType::ObjectRestoreCompleted});
  const auto r = test::render(app);

  const auto& bucket = r.cfn["Resources"]["Landing"];
  CHECK(bucket["Properties"]["NotificationConfiguration"] == json::parse(R"({
    "LambdaConfigurations": [
      {"Event": "s3:ObjectCreated:*", "Function": {"Fn::GetAtt": ["Loader", "Arn"]},
       "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": "sales/"}, {"Name": "suffix", "Value": ".csv"}]}}},
      {"Event": "s3:ObjectCreated:*", "Function": {"Fn::GetAtt": ["Loader", "Arn"]},
       "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": "hr/"}]}}}],
    "QueueConfigurations": [
      {"Event": "s3:ObjectRemoved:*", "Queue": {"Fn::GetAtt": ["Audit", "Arn"]}},
      {"Event": "s3:ObjectRestore:Completed", "Queue": {"Fn::GetAtt": ["Audit", "Arn"]}}]})"));
  // The bucket waits for the permission and the queue policy S3 checks when it is configured.
  const auto permissions = test::of_type(r.cfn, "AWS::Lambda::Permission");
  REQUIRE(permissions.size() == 1);
  const auto queue_policies = test::of_type(r.cfn, "AWS::SQS::QueuePolicy");
  REQUIRE(queue_policies.size() == 1);
  const auto depends = bucket["DependsOn"];
  CHECK(std::find(depends.begin(), depends.end(), permissions[0]) != depends.end());
  CHECK(std::find(depends.begin(), depends.end(), queue_policies[0]) != depends.end());
  CHECK(r.props(permissions[0]) == json{{"Action", "lambda:InvokeFunction"},
                                        {"FunctionName", json::parse(R"({"Fn::GetAtt": ["Loader", "Arn"]})")},
                                        {"Principal", "s3.amazonaws.com"},
                                        {"SourceAccount", json{{"Ref", "AWS::AccountId"}}},
                                        {"SourceArn", named_arn}});
  bool found = false;
  for (const auto& st : r.props(queue_policies[0])["PolicyDocument"]["Statement"])
    if (st["Principal"] == json{{"Service", "s3.amazonaws.com"}}) {
      found = true;
      CHECK(st["Action"] == "sqs:SendMessage");
      CHECK(st["Condition"] == json{{"ArnEquals", {{"aws:SourceArn", named_arn}}},
                                    {"StringEquals", {{"aws:SourceAccount", {{"Ref", "AWS::AccountId"}}}}}});
    }
  CHECK(found);

  const auto notifications = test::tf_of_type(r.tf, "aws_s3_bucket_notification");
  REQUIRE(notifications.size() == 1);
  const auto& n = notifications[0];
  CHECK(n["bucket"] == "${aws_s3_bucket.Landing.bucket}");
  REQUIRE(n["lambda_function"].size() == 2);
  CHECK(n["lambda_function"][0]["events"] == json::array({"s3:ObjectCreated:*"}));
  CHECK(n["lambda_function"][0]["filter_prefix"] == "sales/");
  CHECK(n["lambda_function"][0]["filter_suffix"] == ".csv");
  CHECK(n["lambda_function"][0]["lambda_function_arn"] == "${aws_lambda_function.Loader.arn}");
  CHECK(n["queue"][0]["events"] == json::array({"s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"}));
  CHECK(n["queue"][0]["queue_arn"] == "${aws_sqs_queue.Audit.arn}");
  const auto tf_depends = n["depends_on"];
  CHECK(tf_depends.size() >= 2);
  const auto tf_permission = test::tf_of_type(r.tf, "aws_lambda_permission");
  REQUIRE(tf_permission.size() == 1);
  CHECK(tf_permission[0]["source_arn"] == "arn:${data.aws_partition.current.partition}:s3:::acme-landing");
}

TEST_CASE("an unnamed bucket notifies through Terraform, and CloudFormation says what to do") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& data = s.add<Bucket>("Data");
  auto& fn = test::python_function(s, "Loader");
  data.grant_read(fn.role());
  data.notify_lambda(fn, {EventType::ObjectCreatedPut});
  const auto documents = synthesize(app, {.formats = {Format::Terraform}});
  REQUIRE(documents.size() == 1);
  const auto tf = json::parse(documents[0].content);
  const auto n = test::tf_of_type(tf, "aws_s3_bucket_notification");
  REQUIRE(n.size() == 1);
  CHECK(n[0]["depends_on"].size() == 1);
  CHECK(test::tf_of_type(tf, "aws_lambda_permission")[0]["source_arn"] == "${aws_s3_bucket.Data.arn}");
  try {
    (void)synthesize(app, {.formats = {Format::CloudFormationJson}});
    FAIL("expected a render error");
  } catch (const Error& e) {
    CHECK(contains(e.what(), "[App/S/Data] notifies Lambda function App/S/Loader but has no bucket_name"));
    CHECK(contains(e.what(), "set .bucket_name"));
    CHECK_FALSE(contains(e.what(), "dependency cycle"));
  }
}

TEST_CASE("the no-cycle property: the rendered reference graph of a notifying bucket has no cycle") {
  // finalize reports every cycle as an error, so a synthesis that succeeds has none; check the
  // references by hand as well, for the resources on the classic cycle.
  App app;
  auto& s = app.add<Stack>("S");
  auto& landing = s.add<Bucket>("Landing", {.bucket_name = "acme-landing"});
  auto& fn = test::python_function(s, "Loader");
  landing.grant_read_write(fn.role());
  landing.notify_lambda(fn, {EventType::ObjectCreated});
  const auto r = test::render(app);
  std::map<std::string, std::set<std::string>> edges;
  for (const auto& [id, resource] : r.cfn["Resources"].items()) {
    auto& out = edges[id];
    std::function<void(const json&)> walk = [&](const json& v) {
      if (v.is_object()) {
        if (v.contains("Ref") && v["Ref"].is_string() && !v["Ref"].get<std::string>().starts_with("AWS::")) out.insert(v["Ref"]);
        if (v.contains("Fn::GetAtt")) out.insert(v["Fn::GetAtt"][0].get<std::string>());
        for (const auto& [k, m] : v.items()) walk(m);
      } else if (v.is_array()) {
        for (const auto& m : v) walk(m);
      }
    };
    walk(resource["Properties"]);
    if (resource.contains("DependsOn"))
      for (const auto& d : resource["DependsOn"]) out.insert(d.get<std::string>());
  }
  std::map<std::string, int> color;
  std::function<bool(const std::string&)> cyclic = [&](const std::string& n) {
    color[n] = 1;
    for (const auto& m : edges[n]) {
      if (color[m] == 1) return true;
      if (color[m] == 0 && cyclic(m)) return true;
    }
    color[n] = 2;
    return false;
  };
  bool any = false;
  for (const auto& [n, _] : edges)
    if (color[n] == 0) any = any || cyclic(n);
  CHECK_FALSE(any);
  CHECK(edges["Landing"].count(test::of_type(r.cfn, "AWS::Lambda::Permission")[0]) == 1);
}

TEST_CASE("overlapping notifications for the same event type are errors") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& b = s.add<Bucket>("B", {.bucket_name = "acme-b"});
  auto& f1 = test::python_function(s, "F1");
  auto& f2 = test::python_function(s, "F2");
  auto& q = s.add<aws::sqs::Queue>("Q");
  b.notify_lambda(f1, {EventType::ObjectCreated}, {.prefix = "sales/"});
  b.notify_lambda(f2, {EventType::ObjectCreatedPut}, {.prefix = "sales/2024/"});  // inside sales/, Put ⊂ *
  b.notify_queue(q, {EventType::ObjectRemoved}, {.prefix = "sales/"});             // another event type: fine
  b.notify_lambda(f2, {EventType::ObjectCreated}, {.prefix = "hr/"});             // another prefix: fine
  b.notify_lambda(f2, {EventType::ObjectCreated}, {.prefix = "logs/", .suffix = ".json"});
  b.notify_queue(q, {EventType::ObjectCreated}, {.prefix = "logs/", .suffix = ".csv"});  // other suffix: fine
  b.notify_queue(q, {EventType::ObjectCreatedCopy}, {.prefix = "logs/2024/", .suffix = ".json"});  // inside logs/ .json
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "[App/S/B/Notifications] notifications to Lambda function App/S/F1 (s3:ObjectCreated:*, prefix \"sales/\") "
                    "and to Lambda function App/S/F2 (s3:ObjectCreated:Put, prefix \"sales/2024/\") overlap"));
  CHECK(contains(d, "one per database"));
  CHECK(contains(d, "(s3:ObjectCreated:*, prefix \"logs/\", suffix \".json\") and to SQS queue App/S/Q "
                    "(s3:ObjectCreated:Copy, prefix \"logs/2024/\", suffix \".json\") overlap"));
  CHECK_FALSE(contains(d, "prefix \"hr/\""));
  CHECK_FALSE(contains(d, "s3:ObjectRemoved"));
  CHECK_FALSE(contains(d, "suffix \".csv\""));
}

TEST_CASE("notification validation: no events, a type twice, long or wildcard filters, KMS queues") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& b = s.add<Bucket>("B", {.bucket_name = "acme-b"});
  auto& fn = test::python_function(s, "F");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& q = s.add<aws::sqs::Queue>("Q", {.kms_key = &key});
  b.notify_lambda(fn, {}, {.prefix = "a/"});
  b.notify_lambda(fn, {EventType::ObjectRemovedDelete, EventType::ObjectRemovedDelete}, {.prefix = "b/"});
  b.notify_lambda(fn, {EventType::ObjectCreated}, {.prefix = std::string(1025, 'p')});
  b.notify_lambda(fn, {EventType::ObjectCreated}, {.prefix = "{database}/{date}/"});
  b.notify_queue(q, {EventType::ObjectTagging}, {.prefix = "c/"});
  const auto d = test::diagnostics_of(app);
  CHECK(contains(d, "notification to Lambda function App/S/F has no event types"));
  CHECK(contains(d, "notification to Lambda function App/S/F lists s3:ObjectRemoved:Delete twice"));
  CHECK(contains(d, "a filter is 1025 characters — S3 allows 1024"));
  CHECK(contains(d, "filter \"{database}/{date}/\" has wildcard or template characters, which S3 matches literally"));
  CHECK(contains(d, "notification to SQS queue App/S/Q: the queue is encrypted with App/S/Key, whose key policy does not let S3 use it"));
  CHECK(contains(d, "iam::Principal::service(\"s3.amazonaws.com\")"));
}

TEST_CASE("EventBridge alone needs no name and no grant") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& b = s.add<Bucket>("B");
  b.enable_event_bridge();
  const auto r = test::render(app);
  CHECK(r.props("B")["NotificationConfiguration"] == json::parse(R"({"EventBridgeConfiguration": {"EventBridgeEnabled": true}})"));
  CHECK_FALSE(r.cfn["Resources"]["B"].contains("DependsOn"));
  CHECK(test::tf_of_type(r.tf, "aws_s3_bucket_notification")[0]["eventbridge"] == true);
}
