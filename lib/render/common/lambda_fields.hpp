// Lambda permission and event-source-mapping fields have the same names in CloudFormation's and
// Terraform's L1 structs, so both targets fill them here; each adds what it spells differently
// (the statement id, the SQS scaling block).
#pragma once

#include "drdb/aws/lambda/event_source_mapping.hpp"
#include "drdb/aws/lambda/function.hpp"

namespace drdb::render {

template <class L1Permission>
void fill_permission(L1Permission& r, const aws::lambda::Permission& permission) {
  const auto& props = permission.props();
  r.action = props.action;
  if (props.function != nullptr) r.function_name = props.function->function_arn();  // none: reported by validate
  r.principal = props.principal;
  if (props.source_arn) r.source_arn = *props.source_arn;
  if (props.source_account) r.source_account = *props.source_account;
}

// Everything but the SQS scaling configuration (an object in one target, a block in the other).
template <class L1Mapping>
void fill_event_source_mapping(L1Mapping& r, const aws::lambda::EventSourceMapping& mapping) {
  const auto& s = mapping.props().source;
  const auto& o = s.options;
  r.function_name = mapping.function().function_arn();
  r.event_source_arn = s.arn;
  r.batch_size = o.batch_size;
  if (o.max_batching_window_seconds > 0) r.maximum_batching_window_in_seconds = o.max_batching_window_seconds;
  r.enabled = o.enabled;
  if (o.report_batch_item_failures) r.function_response_types = ListOf<Str>{Str("ReportBatchItemFailures")};
  if (s.kind == aws::lambda::EventSource::Kind::SqsQueue) return;
  r.starting_position = o.starting_position == aws::lambda::StartingPosition::Latest ? "LATEST" : "TRIM_HORIZON";
  if (o.maximum_retry_attempts) r.maximum_retry_attempts = *o.maximum_retry_attempts;
  if (o.maximum_record_age_seconds) r.maximum_record_age_in_seconds = *o.maximum_record_age_seconds;
  if (o.bisect_batch_on_error) r.bisect_batch_on_function_error = true;
}

}  // namespace drdb::render
