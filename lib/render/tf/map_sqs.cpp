#include "drdb/aws/sqs/queue.hpp"
#include "drdb/l1/tf/sqs.hpp"
#include "render/common/queue_fields.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

void TfMapper::visit(const aws::sqs::Queue& queue) {
  const auto& props = queue.props();
  l1::aws_sqs_queue r;
  if (!props.queue_name.empty()) r.name = props.queue_name;  // else generated (".fifo" appended for FIFO)
  fill_queue_fifo_and_encryption(r, props);
  r.visibility_timeout_seconds = props.visibility_timeout_seconds;
  r.message_retention_seconds = props.retention_period_seconds;
  r.delay_seconds = props.delivery_delay_seconds;
  r.receive_wait_time_seconds = props.receive_wait_time_seconds;
  if (auto redrive = queue.redrive_policy(); !redrive.is_null()) r.redrive_policy = Str::of(json_string(std::move(redrive)));
  const auto& out = emit(queue, r);
  bind(queue, "Url", out, "url");
  bind(queue, "Arn", out, "arn");
  bind(queue, "Name", out, "name");
}

void TfMapper::visit(const aws::sqs::QueuePolicy& policy) {
  l1::aws_sqs_queue_policy r;
  if (policy.props().queue != nullptr) r.queue_url = policy.props().queue->queue_url();  // none: reported by validate
  r.policy = policy.document().to_json_string();
  emit(policy, r);
}

}  // namespace drdb::render::tf
