#include "drdb/aws/sqs/queue.hpp"
#include "drdb/l1/cfn/sqs.hpp"
#include "render/common/queue_fields.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::sqs;

void CfnMapper::visit(const aws::sqs::Queue& queue) {
  const auto& props = queue.props();
  l1::Queue r;
  if (!props.queue_name.empty()) r.queue_name = props.queue_name;
  fill_queue_fifo_and_encryption(r, props);
  r.visibility_timeout = props.visibility_timeout_seconds;
  r.message_retention_period = props.retention_period_seconds;
  r.delay_seconds = props.delivery_delay_seconds;
  r.receive_message_wait_time_seconds = props.receive_wait_time_seconds;
  if (auto redrive = queue.redrive_policy(); !redrive.is_null()) r.redrive_policy = std::move(redrive);
  const auto& out = emit(queue, r);
  bind_ref(queue, "Url", out);
  bind(queue, "Arn", out, "Arn");
  bind(queue, "Name", out, "QueueName");
}

void CfnMapper::visit(const aws::sqs::QueuePolicy& policy) {
  l1::QueuePolicy r;
  if (policy.props().queue != nullptr) r.queues = ListOf<Str>{policy.props().queue->queue_url()};  // none: reported by validate
  r.policy_document = policy.document().to_value();
  emit(policy, r);
}

}  // namespace drdb::render::cfn
