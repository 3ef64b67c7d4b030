#include "drdb/aws/lambda/event_source_mapping.hpp"

#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::lambda {

EventSource sqs_queue_source(const sqs::Queue& queue, EventSourceOptions options) {
  EventSource s{.kind = EventSource::Kind::SqsQueue,
                .arn = queue.queue_arn(),
                .fifo = queue.props().fifo,
                .visibility_timeout_seconds = queue.props().visibility_timeout_seconds,
                .origin = &queue,
                .grant = [&queue](iam::Role& role) { queue.grant_consume(role); },
                .options = options};
  return s;
}

EventSource sqs_queue_source(Str queue_arn, bool fifo, EventSourceOptions options) {
  EventSource s{.kind = EventSource::Kind::SqsQueue, .arn = queue_arn, .fifo = fifo, .options = options};
  s.grant = [arn = std::move(queue_arn)](iam::Role& role) {
    role.add_to_policy({.actions = {"sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                                    "sqs:ReceiveMessage"},
                        .resources = {arn}});
  };
  return s;
}

EventSource dynamodb_stream_source(const dynamodb::Table& table, EventSourceOptions options) {
  return {.kind = EventSource::Kind::DynamoDbStream,
          .arn = table.stream_arn(),  // a table without a stream: Error naming the table
          .origin = &table,
          .grant = [&table](iam::Role& role) { table.grant_stream_read(role); },
          .options = options};
}

EventSource dynamodb_stream_source(Str stream_arn, EventSourceOptions options) {
  EventSource s{.kind = EventSource::Kind::DynamoDbStream, .arn = stream_arn, .options = options};
  s.grant = [arn = std::move(stream_arn)](iam::Role& role) {
    role.add_to_policy({.actions = {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"},
                        .resources = {arn}});
    role.add_to_policy({.actions = {"dynamodb:ListStreams"}, .resources = {Str("*")}});  // no resource-level scoping
  };
  return s;
}

EventSourceMapping::EventSourceMapping(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

void EventSourceMapping::validate(Diagnostics& out) const {
  const auto p = path();
  const auto& s = props_.source;
  const auto& o = s.options;
  const bool sqs = s.kind == EventSource::Kind::SqsQueue;
  auto range = [&](std::string_view what, int value, int lo, int hi, std::string fix) {
    if (value < lo || value > hi) out.error(p, std::string(what) + " " + std::to_string(value) + " is out of range", std::move(fix));
  };
  if (sqs && s.fifo) {
    range("batch_size", o.batch_size, 1, 10, "a FIFO queue takes batches of 1-10 messages");
  } else {
    range("batch_size", o.batch_size, 1, 10000, "use 1-10000");
  }
  range("max_batching_window_seconds", o.max_batching_window_seconds, 0, 300, "use 0-300 seconds");
  if (sqs && !s.fifo && o.batch_size > 10 && o.max_batching_window_seconds == 0)
    out.error(p, "a batch size above 10 needs a batching window on a standard queue",
              "set max_batching_window_seconds to 1 or more, or batch_size to 10 or less");
  if (sqs) {
    if (o.maximum_concurrency) range("maximum_concurrency", *o.maximum_concurrency, 2, 1000, "use 2-1000");
    if (o.maximum_retry_attempts || o.maximum_record_age_seconds || o.bisect_batch_on_error)
      out.error(p, "retry attempts, record age and bisecting apply to streams, not to SQS queues",
                "configure retries with the queue's redrive policy (dead_letter_queue.max_receive_count)");
    const auto* fn = props_.function;
    if (fn != nullptr && s.visibility_timeout_seconds && *s.visibility_timeout_seconds < fn->props().timeout)
      out.error(p, "the queue " + (s.origin != nullptr ? s.origin->path() : std::string("")) + " hides a message for " +
                       std::to_string(*s.visibility_timeout_seconds) + " s, less than the function's timeout (" +
                       std::to_string(fn->props().timeout) + " s); Lambda refuses the mapping",
                "raise the queue's visibility_timeout_seconds to at least six times the function's timeout");
  } else {
    if (o.maximum_concurrency)
      out.error(p, "maximum_concurrency applies to SQS queues only", "drop it, or use parallelization on the stream side");
    if (o.maximum_retry_attempts) range("maximum_retry_attempts", *o.maximum_retry_attempts, -1, 10000, "use -1 (until expiry) to 10000");
    if (o.maximum_record_age_seconds && *o.maximum_record_age_seconds != -1)
      range("maximum_record_age_seconds", *o.maximum_record_age_seconds, 60, 604800, "use -1 (no limit) or 60-604800");
  }
}

void EventSourceMapping::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::lambda
