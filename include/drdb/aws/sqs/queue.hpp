// SQS queues: encrypted (SQS-managed SSE, or a KMS key) and TLS-only by default, with an optional
// dead-letter queue. The queue policy is a child resource built from add_to_resource_policy.
#pragma once

#include <optional>
#include <string>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}

namespace drdb::aws::sqs {

class Queue;
class QueuePolicy;

struct DeadLetterQueue {
  const Queue* queue = nullptr;
  int max_receive_count = 3;  // 1-1000 receives before a message moves to the dead-letter queue
};

class Queue : public Resource {
 public:
  struct Props {
    std::string queue_name;  // empty: generated; a FIFO queue's name ends in ".fifo"
    bool fifo = false;
    bool content_based_deduplication = false;  // FIFO only
    // Null: SQS-managed server-side encryption (SSE-SQS). Otherwise this key; senders and
    // consumers then need its use, which grant_send / grant_consume add.
    const kms::Key* kms_key = nullptr;
    std::optional<int> kms_data_key_reuse_period_seconds;  // 60-86400, with a key only
    int visibility_timeout_seconds = 30;                   // 0-43200
    int retention_period_seconds = 345600;                 // 60-1209600 (4 days)
    int delivery_delay_seconds = 0;                        // 0-900
    int receive_wait_time_seconds = 0;                     // 0-20 (long polling)
    std::optional<DeadLetterQueue> dead_letter_queue;
    bool enforce_ssl = true;  // a queue policy statement denying requests without TLS
  };
  Queue(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str queue_arn() const { return attr("Arn"); }
  Str queue_url() const { return attr("Url"); }
  Str queue_name() const { return attr("Name"); }
  const kms::Key* key() const { return props_.kms_key; }
  // {"deadLetterTargetArn": ..., "maxReceiveCount": n}, or null without a dead-letter queue.
  Value redrive_policy() const;

  // Adds a statement to the queue policy (a resource policy: give principals; the resource is
  // usually queue_arn()), e.g. S3 or EventBridge allowed to send.
  void add_to_resource_policy(iam::Statement statement);
  const QueuePolicy* find_policy() const { return policy_; }

  //   send:    sqs:SendMessage, sqs:GetQueueAttributes, sqs:GetQueueUrl; kms:GenerateDataKey, kms:Decrypt
  //   consume: sqs:ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes,
  //            GetQueueUrl; kms:Decrypt
  //   purge:   sqs:PurgeQueue, GetQueueAttributes, GetQueueUrl
  // KMS use is limited to requests made through SQS (kms:ViaService).
  void grant_send(iam::Role& role) const;
  void grant_consume(iam::Role& role) const;
  void grant_purge(iam::Role& role) const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  QueuePolicy* policy_ = nullptr;
};

// AWS::SQS::QueuePolicy / aws_sqs_queue_policy of one queue ("Policy" below the queue).
class QueuePolicy : public Resource {
 public:
  struct Props {
    const Queue* queue = nullptr;
  };
  QueuePolicy(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  void add(iam::Statement statement) { document_.add(std::move(statement)); }
  const iam::PolicyDocument& document() const { return document_; }
  const Queue& queue() const { return *props_.queue; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  iam::PolicyDocument document_;
};

}  // namespace drdb::aws::sqs
