// Event-source mappings: Lambda polls an SQS queue or a DynamoDB stream and invokes the function
// with batches of records. Created through Function::add_event_source, which grants the
// function's role what polling needs (receive/delete on the queue, stream reads).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::sqs {
class Queue;
}
namespace drdb::aws::dynamodb {
class Table;
}

namespace drdb::aws::lambda {

class Function;

enum class StartingPosition { Latest, TrimHorizon };

struct EventSourceOptions {
  // SQS: 1-10 (FIFO queues), 1-10000 (standard queues, above 10 with a batching window);
  // DynamoDB streams: 1-10000.
  int batch_size = 10;
  int max_batching_window_seconds = 0;  // 0-300
  bool enabled = true;
  // The function reports the records that failed, so only those are retried.
  bool report_batch_item_failures = true;
  // SQS only: how many concurrent invocations the queue may drive, 2-1000.
  std::optional<int> maximum_concurrency;
  // Streams only.
  StartingPosition starting_position = StartingPosition::Latest;
  std::optional<int> maximum_retry_attempts;      // -1 (until the record expires) to 10000
  std::optional<int> maximum_record_age_seconds;  // -1 (no limit) or 60-604800
  bool bisect_batch_on_error = false;
};

// What the function polls: build one with sqs_queue_source / dynamodb_stream_source.
struct EventSource {
  enum class Kind { SqsQueue, DynamoDbStream } kind = Kind::SqsQueue;
  Str arn = "";
  bool fifo = false;                     // SQS FIFO queue: batch size at most 10
  // SQS queue of this app: its visibility timeout, which must cover the function's timeout.
  std::optional<int> visibility_timeout_seconds;
  const Construct* origin = nullptr;     // the queue or table of this app, for messages
  std::function<void(iam::Role&)> grant;  // the consume permissions
  EventSourceOptions options;
};

// A queue of this app (its grant_consume is used), or any queue by ARN (receive, delete, change
// visibility and attributes on that queue; add kms:Decrypt yourself if it has its own key).
EventSource sqs_queue_source(const sqs::Queue& queue, EventSourceOptions options = {});
EventSource sqs_queue_source(Str queue_arn, bool fifo, EventSourceOptions options = {});
// The stream of a table of this app (the table must have a stream), or any stream by ARN.
EventSource dynamodb_stream_source(const dynamodb::Table& table, EventSourceOptions options = {});
EventSource dynamodb_stream_source(Str stream_arn, EventSourceOptions options = {});

class EventSourceMapping : public Resource {
 public:
  struct Props {
    const Function* function = nullptr;
    EventSource source;
  };
  EventSourceMapping(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  const Function& function() const { return *props_.function; }
  Str mapping_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::lambda
