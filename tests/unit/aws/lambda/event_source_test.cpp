// Event-source mappings: SQS queues and DynamoDB streams, the consume grants, per-source checks.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::lambda;
using drdb::test::contains;
using nlohmann::json;

namespace {

Function& fn_in(Construct& scope, std::string id, int timeout = 3) {
  return scope.add<Function>(std::move(id), {.runtime = Runtime::Python313, .handler = "index.handler",
                                             .code = Code::from_inline("def handler(e, c):\n    return {}\n"),
                                             .timeout = timeout});
}

bool role_has(const test::Rendered& r, const std::string& role, const json& actions) {
  for (const auto& st : r.props(role)["Policies"][0]["PolicyDocument"]["Statement"])
    if (st["Action"] == actions) return true;
  return false;
}

}  // namespace

TEST_CASE("an SQS queue source: batch size, window, partial failures, and the queue's consume grant") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& queue = s.add<aws::sqs::Queue>("Jobs", {.visibility_timeout_seconds = 180});
  auto& fn = fn_in(s, "Worker", 30);
  auto& mapping = fn.add_event_source("Jobs", sqs_queue_source(queue, {.batch_size = 100, .max_batching_window_seconds = 5,
                                                                      .maximum_concurrency = 10}));
  const auto r = test::render(app);
  const auto id = logical_id(mapping);
  CHECK(r.props(id) == json::parse(R"({"BatchSize": 100, "Enabled": true,
    "EventSourceArn": {"Fn::GetAtt": ["Jobs", "Arn"]}, "FunctionName": {"Fn::GetAtt": ["Worker", "Arn"]},
    "FunctionResponseTypes": ["ReportBatchItemFailures"], "MaximumBatchingWindowInSeconds": 5,
    "ScalingConfig": {"MaximumConcurrency": 10}})"));
  CHECK(role_has(r, logical_id(fn.role()), json({"sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                                                 "sqs:GetQueueUrl", "sqs:ReceiveMessage"})));
  const auto& body = r.body("aws_lambda_event_source_mapping", id);
  CHECK(body["batch_size"] == 100);
  CHECK(body["event_source_arn"] == "${aws_sqs_queue.Jobs.arn}");
  CHECK(body["scaling_config"][0]["maximum_concurrency"] == 10);
  CHECK(test::diagnostics_of(app) == "");
}

TEST_CASE("a queue by ARN gets explicit receive statements; a stream by ARN the stream reads") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = fn_in(s, "Worker");
  fn.add_event_source("Queue", sqs_queue_source(Str("arn:aws:sqs:eu-west-1:123456789012:jobs"), false));
  auto& stream = fn.add_event_source("Stream", dynamodb_stream_source(Str("arn:aws:dynamodb:eu-west-1:123456789012:table/runs/stream/x"),
                                                                      {.batch_size = 500, .starting_position = StartingPosition::TrimHorizon,
                                                                       .maximum_retry_attempts = 3, .maximum_record_age_seconds = 3600,
                                                                       .bisect_batch_on_error = true}));
  const auto r = test::render(app);
  const auto role = logical_id(fn.role());
  CHECK(role_has(r, role, json({"sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"})));
  CHECK(role_has(r, role, json({"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"})));
  const auto& p = r.props(logical_id(stream));
  CHECK(p["StartingPosition"] == "TRIM_HORIZON");
  CHECK(p["MaximumRetryAttempts"] == 3);
  CHECK(p["MaximumRecordAgeInSeconds"] == 3600);
  CHECK(p["BisectBatchOnFunctionError"] == true);
  CHECK(r.body("aws_lambda_event_source_mapping", logical_id(stream))["starting_position"] == "TRIM_HORIZON");
}

TEST_CASE("a table's stream as a source uses the table's stream grant") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& table = s.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id", aws::dynamodb::AttributeType::String},
                                                     .stream = aws::dynamodb::StreamViewType::NewImage});
  auto& fn = fn_in(s, "Worker");
  auto& m = fn.add_event_source("Runs", dynamodb_stream_source(table));
  const auto r = test::render(app);
  CHECK(r.props(logical_id(m))["EventSourceArn"] == json::parse(R"({"Fn::GetAtt": ["Runs", "StreamArn"]})"));
  CHECK(r.props(logical_id(m))["StartingPosition"] == "LATEST");
}

TEST_CASE("invalid sources: batch sizes per source, options of the other kind, visibility timeout") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fifo = s.add<aws::sqs::Queue>("Fifo", {.fifo = true, .visibility_timeout_seconds = 10});
  auto& fn = fn_in(s, "Worker", 60);
  fn.add_event_source("FifoBig", sqs_queue_source(fifo, {.batch_size = 11}));
  fn.add_event_source("NoWindow", sqs_queue_source(Str("arn:aws:sqs:eu-west-1:123456789012:q"), false, {.batch_size = 50}));
  fn.add_event_source("StreamOpts", sqs_queue_source(Str("arn:aws:sqs:eu-west-1:123456789012:q"), false, {.maximum_retry_attempts = 2}));
  fn.add_event_source("Stream", dynamodb_stream_source(Str("arn:aws:dynamodb:eu-west-1:1:table/t/stream/x"),
                                                       {.batch_size = 0, .max_batching_window_seconds = 301,
                                                        .maximum_concurrency = 5, .maximum_record_age_seconds = 10}));
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Worker/FifoBig] batch_size 11 is out of range — a FIFO queue takes batches of 1-10 messages"));
  CHECK(contains(text, "[App/S/Worker/FifoBig] the queue App/S/Fifo hides a message for 10 s, less than the function's timeout (60 s)"));
  CHECK(contains(text, "[App/S/Worker/NoWindow] a batch size above 10 needs a batching window on a standard queue"));
  CHECK(contains(text, "[App/S/Worker/StreamOpts] retry attempts, record age and bisecting apply to streams, not to SQS queues"));
  CHECK(contains(text, "[App/S/Worker/Stream] batch_size 0 is out of range — use 1-10000"));
  CHECK(contains(text, "[App/S/Worker/Stream] max_batching_window_seconds 301 is out of range"));
  CHECK(contains(text, "[App/S/Worker/Stream] maximum_concurrency applies to SQS queues only"));
  CHECK(contains(text, "[App/S/Worker/Stream] maximum_record_age_seconds 10 is out of range"));
}
