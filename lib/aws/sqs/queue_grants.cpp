// Queue::grant_*: the queue actions each role needs, and the queue key's use through SQS only.
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/sqs/queue.hpp"

namespace drdb::aws::sqs {

namespace {

// Clients resolve the queue (GetQueueUrl) and read its attributes before using it.
void grant(const Queue& queue, iam::Role& role, std::vector<std::string> actions, std::vector<std::string> key_actions) {
  actions.insert(actions.end(), {"sqs:GetQueueAttributes", "sqs:GetQueueUrl"});
  role.add_to_policy({.actions = std::move(actions), .resources = {queue.queue_arn()}});
  if (queue.key() != nullptr && !key_actions.empty())
    queue.key()->grant(
        role, std::move(key_actions),
        {{"StringEquals", {{"kms:ViaService", {Join{"", {"sqs.", Pseudo::Region, ".", Pseudo::UrlSuffix}}}}}}});
}

}  // namespace

// SQS asks KMS for a data key to encrypt, and decrypts a cached one it reuses.
void Queue::grant_send(iam::Role& role) const {
  grant(*this, role, {"sqs:SendMessage"}, {"kms:Decrypt", "kms:GenerateDataKey"});
}
void Queue::grant_consume(iam::Role& role) const {
  grant(*this, role, {"sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:ReceiveMessage"}, {"kms:Decrypt"});
}
void Queue::grant_purge(iam::Role& role) const { grant(*this, role, {"sqs:PurgeQueue"}, {}); }

}  // namespace drdb::aws::sqs
