// FIFO and encryption fields of a queue have the same names in CloudFormation's and Terraform's L1
// structs (fifo_queue, kms_master_key_id, sqs_managed_sse_enabled...), so both targets fill them here.
#pragma once

#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/sqs/queue.hpp"

namespace drdb::render {

template <class L1Queue>
void fill_queue_fifo_and_encryption(L1Queue& r, const aws::sqs::Queue::Props& props) {
  if (props.fifo) {
    r.fifo_queue = true;
    if (props.content_based_deduplication) r.content_based_deduplication = true;
  }
  if (props.kms_key == nullptr) {
    r.sqs_managed_sse_enabled = true;
    return;
  }
  r.kms_master_key_id = props.kms_key->key_arn();
  if (props.kms_data_key_reuse_period_seconds) r.kms_data_key_reuse_period_seconds = *props.kms_data_key_reuse_period_seconds;
}

}  // namespace drdb::render
