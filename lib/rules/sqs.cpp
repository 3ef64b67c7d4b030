// SQS rules. Queues are encrypted (SSE-SQS or a KMS key) by default; SQS.1 catches an override
// that turns it off.
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/core/stack.hpp"
#include "rules/overrides.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::sqs::Queue;

// Whether another queue of the stack sends its failed messages to `q`.
bool is_dead_letter_queue(const Queue& q) {
  const Stack* stack = q.find_stack();
  if (stack == nullptr) return false;
  bool found = false;
  walk(*stack, [&](const Construct& c) {
    const auto* other = dynamic_cast<const Queue*>(&c);
    found = found || (other != nullptr && other->props().dead_letter_queue && other->props().dead_letter_queue->queue == &q);
  });
  return found;
}

}  // namespace

void register_sqs_rules(Registry& r) {
  r.add<Queue>({.id = "SQS.1", .level = Level::Error,
                .rationale = "messages must be encrypted at rest",
                .fix = "remove the override of SqsManagedSseEnabled / KmsMasterKeyId"},
               [](const Queue& q, Context& c) {
                 if (q.props().kms_key == nullptr ? turned_off_by_override(q, "SqsManagedSseEnabled")
                                                  : turned_off_by_override(q, "KmsMasterKeyId"))
                   c.fire(q, "an override turns the queue's encryption off");
               });
  r.add<Queue>({.id = "SQS.2", .level = Level::Warning,
                .rationale = "without a dead-letter queue, a message that always fails is retried until it expires, unseen",
                .fix = "set dead_letter_queue.queue to another queue of the stack"},
               [](const Queue& q, Context& c) {
                 if (!q.props().dead_letter_queue && !is_dead_letter_queue(q)) c.fire(q, "the queue has no dead-letter queue");
               });
}

}  // namespace drdb::rules
