#include "drdb/aws/sqs/queue.hpp"

#include <regex>

#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::sqs {

namespace {

void check_range(const std::string& path, const char* what, int value, int min, int max, Diagnostics& out) {
  if (value < min || value > max)
    out.error(path, std::string(what) + " " + std::to_string(value) + " is out of range",
              "use " + std::to_string(min) + "-" + std::to_string(max));
}

void check_name(const std::string& path, const Queue::Props& p, Diagnostics& out) {
  if (p.queue_name.empty()) return;
  static const std::regex valid("[A-Za-z0-9_-]+(\\.fifo)?");
  const bool fifo_name = p.queue_name.ends_with(".fifo");
  if (p.queue_name.size() > 80 || !std::regex_match(p.queue_name, valid))
    out.error(path, "queue name \"" + p.queue_name + "\" is not a valid SQS queue name",
              "use at most 80 letters, digits, '-' and '_' (a FIFO queue's name ends in \".fifo\", counted in the 80)");
  if (p.fifo && !fifo_name)
    out.error(path, "FIFO queue name \"" + p.queue_name + "\" does not end in \".fifo\"", "append \".fifo\" to the name");
  if (!p.fifo && fifo_name)
    out.error(path, "queue name \"" + p.queue_name + "\" ends in \".fifo\" but the queue is not FIFO",
              "set .fifo = true, or rename the queue");
}

void check_dead_letter_queue(const std::string& path, const Queue::Props& p, Diagnostics& out) {
  const auto& dlq = *p.dead_letter_queue;
  if (dlq.queue == nullptr) {
    out.error(path, "dead_letter_queue has no queue", "set .dead_letter_queue = {.queue = &dlq}, or drop it");
    return;
  }
  check_range(path, "dead_letter_queue max_receive_count", dlq.max_receive_count, 1, 1000, out);
  const auto& target = dlq.queue->props();
  if (target.fifo != p.fifo)
    out.error(path,
              std::string("the dead-letter queue ") + dlq.queue->path() + (target.fifo ? " is" : " is not") +
                  " FIFO but this queue" + (p.fifo ? " is" : " is not"),
              "a FIFO queue needs a FIFO dead-letter queue, a standard queue a standard one");
  // A message keeps its original enqueue time when it moves, so a dead-letter queue that keeps
  // messages no longer than the source may drop them on arrival.
  if (target.retention_period_seconds <= p.retention_period_seconds)
    out.warning(path,
                "the dead-letter queue " + dlq.queue->path() + " keeps messages " +
                    std::to_string(target.retention_period_seconds) + " s, not longer than this queue (" +
                    std::to_string(p.retention_period_seconds) + " s); moved messages may expire at once",
                "give the dead-letter queue a longer retention_period_seconds (e.g. 1209600, 14 days)");
}

}  // namespace

Queue::Queue(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  if (props_.enforce_ssl) {
    iam::Statement deny;
    deny.effect = iam::Effect::Deny;
    deny.actions = {"sqs:*"};
    deny.allow_wildcard_actions = true;  // a deny of everything over plain HTTP is the point
    deny.principals = {iam::Principal::any()};
    deny.resources = {queue_arn()};
    deny.conditions["Bool"]["aws:SecureTransport"] = {Str("false")};
    add_to_resource_policy(std::move(deny));
  }
}

Value Queue::redrive_policy() const {
  if (!props_.dead_letter_queue || props_.dead_letter_queue->queue == nullptr) return {};
  return Value::object({{"deadLetterTargetArn", props_.dead_letter_queue->queue->queue_arn().value()},
                        {"maxReceiveCount", props_.dead_letter_queue->max_receive_count}});
}

void Queue::add_to_resource_policy(iam::Statement statement) {
  if (policy_ == nullptr) policy_ = &add<QueuePolicy>("Policy", {this});
  policy_->add(std::move(statement));
}

void Queue::validate(Diagnostics& out) const {
  const auto p = path();
  check_name(p, props_, out);
  check_range(p, "visibility_timeout_seconds", props_.visibility_timeout_seconds, 0, 43200, out);
  check_range(p, "retention_period_seconds", props_.retention_period_seconds, 60, 1209600, out);
  check_range(p, "delivery_delay_seconds", props_.delivery_delay_seconds, 0, 900, out);
  check_range(p, "receive_wait_time_seconds", props_.receive_wait_time_seconds, 0, 20, out);
  if (props_.content_based_deduplication && !props_.fifo)
    out.error(p, "content_based_deduplication is set on a standard queue", "set .fifo = true, or drop it");
  if (props_.kms_data_key_reuse_period_seconds) {
    if (props_.kms_key == nullptr)
      out.error(p, "kms_data_key_reuse_period_seconds is set but the queue has no KMS key",
                "set .kms_key, or drop the reuse period");
    check_range(p, "kms_data_key_reuse_period_seconds", *props_.kms_data_key_reuse_period_seconds, 60, 86400, out);
  }
  if (props_.dead_letter_queue) check_dead_letter_queue(p, props_, out);
}

QueuePolicy::QueuePolicy(const Scope& scope, Props props) : Resource(scope), props_(props) {}

void QueuePolicy::validate(Diagnostics& out) const {
  if (props_.queue == nullptr) out.error(path(), "the queue policy has no queue", "use queue.add_to_resource_policy");
  document_.validate(path(), "queue policy", out, iam::PolicyKind::Resource);
}

void Queue::accept(ResourceVisitor& v) const { v.visit(*this); }
void QueuePolicy::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::sqs
