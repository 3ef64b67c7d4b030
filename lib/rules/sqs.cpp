// SQS rules. Queues are encrypted (SSE-SQS or a KMS key) by default; SQS.1 catches an override
// that turns it off.
#include <set>
#include <vector>

#include "drdb/aws/sqs/queue.hpp"
#include "drdb/core/stack.hpp"
#include "rules/overrides.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::sqs::Queue;

// Every queue of the stack, and those another queue of it sends its failed messages to: one walk
// per stack (a walk per queue would make the rule quadratic in the stack's size).
struct StackQueues {
  std::vector<const Queue*> queues;
  std::set<const Queue*> dead_letter_targets;
};

StackQueues queues_of(const Stack& stack) {
  StackQueues out;
  walk(stack, [&](const Construct& c) {
    const auto* q = dynamic_cast<const Queue*>(&c);
    if (q == nullptr) return;
    out.queues.push_back(q);
    if (q->props().dead_letter_queue) out.dead_letter_targets.insert(q->props().dead_letter_queue->queue);
  });
  return out;
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
  r.add<Stack>({.id = "SQS.2", .level = Level::Warning,
                .rationale = "without a dead-letter queue, a message that always fails is retried until it expires, unseen",
                .fix = "set dead_letter_queue.queue to another queue of the stack"},
               [](const Stack& stack, Context& c) {
                 const auto found = queues_of(stack);
                 for (const Queue* q : found.queues)
                   if (!q->props().dead_letter_queue && !found.dead_letter_targets.contains(q))
                     c.fire(*q, "the queue has no dead-letter queue");
               });
}

}  // namespace drdb::rules
