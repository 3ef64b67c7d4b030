// SQS queues: secure defaults, dead-letter queues, FIFO, the queue policy, grants, and validation.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::sqs;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("a queue is encrypted by SQS and TLS-only by default") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& queue = s.add<Queue>("Jobs");
  s.add<Output>("Url", {.value = queue.queue_url().value()});
  s.add<Output>("Arn", {.value = queue.queue_arn().value()});
  s.add<Output>("Name", {.value = queue.queue_name().value()});
  const auto r = test::render(app);
  CHECK(r.props("Jobs") == json::parse(R"({"DelaySeconds": 0, "MessageRetentionPeriod": 345600,
    "ReceiveMessageWaitTimeSeconds": 0, "SqsManagedSseEnabled": true, "VisibilityTimeout": 30})"));
  CHECK_FALSE(r.cfn["Resources"]["Jobs"].contains("DeletionPolicy"));
  REQUIRE(queue.find_policy() != nullptr);
  const auto policy_id = logical_id(*queue.find_policy());
  CHECK(r.cfn["Resources"][policy_id]["Type"] == "AWS::SQS::QueuePolicy");
  CHECK(r.props(policy_id) == json::parse(R"({"Queues": [{"Ref": "Jobs"}], "PolicyDocument": {"Version": "2012-10-17",
    "Statement": [{"Action": "sqs:*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}, "Effect": "Deny",
                   "Principal": {"AWS": "*"}, "Resource": {"Fn::GetAtt": ["Jobs", "Arn"]}}]}})"));
  CHECK(r.cfn["Outputs"]["Url"]["Value"] == json::parse(R"({"Ref": "Jobs"})"));
  CHECK(r.cfn["Outputs"]["Arn"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Jobs", "Arn"]})"));
  CHECK(r.cfn["Outputs"]["Name"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Jobs", "QueueName"]})"));

  CHECK(r.body("aws_sqs_queue", "Jobs") == json::parse(R"({"delay_seconds": 0, "message_retention_seconds": 345600,
    "receive_wait_time_seconds": 0, "sqs_managed_sse_enabled": true, "visibility_timeout_seconds": 30})"));
  CHECK(r.body("aws_sqs_queue_policy", policy_id)["queue_url"] == "${aws_sqs_queue.Jobs.url}");
  CHECK(r.tf_document("aws_sqs_queue_policy", policy_id, "policy")["Statement"][0]["Effect"] == "Deny");
  CHECK(r.tf["output"]["Name"]["value"] == "${aws_sqs_queue.Jobs.name}");
}

TEST_CASE("FIFO queues with a customer key and a FIFO dead-letter queue") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& dlq = s.add<Queue>("Dead", {.queue_name = "dead.fifo", .fifo = true, .retention_period_seconds = 1209600});
  s.add<Queue>("Jobs", {.queue_name = "jobs.fifo",
                        .fifo = true,
                        .content_based_deduplication = true,
                        .kms_key = &key,
                        .kms_data_key_reuse_period_seconds = 3600,
                        .visibility_timeout_seconds = 900,
                        .delivery_delay_seconds = 5,
                        .receive_wait_time_seconds = 20,
                        .dead_letter_queue = DeadLetterQueue{.queue = &dlq, .max_receive_count = 5},
                        .enforce_ssl = false});
  const auto r = test::render(app);
  const auto& p = r.props("Jobs");
  CHECK(p["QueueName"] == "jobs.fifo");
  CHECK(p["FifoQueue"] == true);
  CHECK(p["ContentBasedDeduplication"] == true);
  CHECK(p["KmsMasterKeyId"] == json::parse(R"({"Fn::GetAtt": ["Key", "Arn"]})"));
  CHECK(p["KmsDataKeyReusePeriodSeconds"] == 3600);
  CHECK_FALSE(p.contains("SqsManagedSseEnabled"));
  CHECK(p["RedrivePolicy"] == json::parse(R"({"deadLetterTargetArn": {"Fn::GetAtt": ["Dead", "Arn"]}, "maxReceiveCount": 5})"));
  CHECK(p["VisibilityTimeout"] == 900);
  CHECK(p["DelaySeconds"] == 5);
  CHECK(p["ReceiveMessageWaitTimeSeconds"] == 20);
  CHECK(r.cfn["Resources"].size() == 4);  // key, two queues, the dead-letter queue's policy; none for Jobs

  const auto& body = r.body("aws_sqs_queue", "Jobs");
  CHECK(body["name"] == "jobs.fifo");
  CHECK(body["fifo_queue"] == true);
  CHECK(body["kms_master_key_id"] == "${aws_kms_key.Key.arn}");
  CHECK(json::parse(body["redrive_policy"].get<std::string>()) ==
        json::parse(R"({"deadLetterTargetArn": "${aws_sqs_queue.Dead.arn}", "maxReceiveCount": 5})"));
}

TEST_CASE("statements added to the queue policy, e.g. a service allowed to send") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& queue = s.add<Queue>("Jobs");
  queue.add_to_resource_policy({.actions = {"sqs:SendMessage"},
                                .resources = {queue.queue_arn()},
                                .principals = {aws::iam::Principal::service("events.amazonaws.com")}});
  const auto r = test::render(app);
  const auto statements = r.props(logical_id(*queue.find_policy()))["PolicyDocument"]["Statement"];
  REQUIRE(statements.size() == 2);
  CHECK(statements[1]["Principal"] == json::parse(R"({"Service": "events.amazonaws.com"})"));
}

TEST_CASE("queue grants: send, consume and purge, with the key through SQS") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& queue = s.add<Queue>("Jobs", {.kms_key = &key});
  auto& plain = s.add<Queue>("Plain");
  auto& sender = test::ec2_role(s, "Sender");
  auto& consumer = test::ec2_role(s, "Consumer");
  auto& purger = test::ec2_role(s, "Purger");
  queue.grant_send(sender);
  queue.grant_consume(consumer);
  plain.grant_purge(purger);
  const auto r = test::render(app);
  auto statements = [&](const char* role) { return r.props(role)["Policies"][0]["PolicyDocument"]["Statement"]; };
  const auto via = json::parse(R"({"StringEquals": {"kms:ViaService": {"Fn::Join": ["", ["sqs.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}]]}}})");
  CHECK(statements("Sender")[0]["Action"] == json({"kms:Decrypt", "kms:GenerateDataKey"}));
  CHECK(statements("Sender")[0]["Condition"] == via);
  CHECK(statements("Sender")[1]["Action"] == json({"sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"}));
  CHECK(statements("Consumer")[0]["Action"] == "kms:Decrypt");
  CHECK(statements("Consumer")[1]["Action"] == json({"sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                                                     "sqs:GetQueueUrl", "sqs:ReceiveMessage"}));
  CHECK(statements("Consumer")[1]["Resource"] == json::parse(R"({"Fn::GetAtt": ["Jobs", "Arn"]})"));
  REQUIRE(statements("Purger").size() == 1);
  CHECK(statements("Purger")[0]["Action"] == json({"sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:PurgeQueue"}));
}

TEST_CASE("queue validation names the queue and says how to fix each problem") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fifo_dlq = s.add<Queue>("FifoDead", {.fifo = true});
  auto& short_dlq = s.add<Queue>("ShortDead", {.retention_period_seconds = 60});
  s.add<Queue>("Ranges", {.queue_name = "bad name",
                          .content_based_deduplication = true,
                          .kms_data_key_reuse_period_seconds = 10,
                          .visibility_timeout_seconds = 43201,
                          .retention_period_seconds = 59,
                          .delivery_delay_seconds = 901,
                          .receive_wait_time_seconds = 21,
                          .dead_letter_queue = DeadLetterQueue{.queue = &fifo_dlq, .max_receive_count = 0}});
  s.add<Queue>("NotFifo", {.queue_name = "jobs", .fifo = true, .dead_letter_queue = DeadLetterQueue{}});
  s.add<Queue>("Suffix", {.queue_name = "jobs.fifo", .dead_letter_queue = DeadLetterQueue{.queue = &short_dlq}});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Ranges] queue name \"bad name\" is not a valid SQS queue name — use at most 80 letters"));
  CHECK(contains(text, "[App/S/Ranges] content_based_deduplication is set on a standard queue — set .fifo = true"));
  CHECK(contains(text, "[App/S/Ranges] kms_data_key_reuse_period_seconds is set but the queue has no KMS key"));
  CHECK(contains(text, "[App/S/Ranges] kms_data_key_reuse_period_seconds 10 is out of range — use 60-86400"));
  CHECK(contains(text, "[App/S/Ranges] visibility_timeout_seconds 43201 is out of range — use 0-43200"));
  CHECK(contains(text, "[App/S/Ranges] retention_period_seconds 59 is out of range — use 60-1209600"));
  CHECK(contains(text, "[App/S/Ranges] delivery_delay_seconds 901 is out of range — use 0-900"));
  CHECK(contains(text, "[App/S/Ranges] receive_wait_time_seconds 21 is out of range — use 0-20"));
  CHECK(contains(text, "[App/S/Ranges] dead_letter_queue max_receive_count 0 is out of range — use 1-1000"));
  CHECK(contains(text, "[App/S/Ranges] the dead-letter queue App/S/FifoDead is FIFO but this queue is not"));
  CHECK(contains(text, "[App/S/NotFifo] FIFO queue name \"jobs\" does not end in \".fifo\""));
  CHECK(contains(text, "[App/S/NotFifo] dead_letter_queue has no queue"));
  CHECK(contains(text, "[App/S/Suffix] queue name \"jobs.fifo\" ends in \".fifo\" but the queue is not FIFO"));
  CHECK(contains(text, "[App/S/Suffix] the dead-letter queue App/S/ShortDead keeps messages 60 s, not longer than this queue (345600 s)"));
}
