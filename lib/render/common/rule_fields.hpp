// EventBridge rule fields both targets name alike (name, description, bus, schedule, state), and
// a target's retry policy; the event pattern (an object in CloudFormation, JSON text in
// Terraform) and the target blocks' shapes are each target's own.
#pragma once

#include <optional>

#include "drdb/aws/events/rule.hpp"

namespace drdb::render {

template <class L1Rule>
void fill_rule(L1Rule& r, const aws::events::Rule& rule) {
  const auto& props = rule.props();
  if (!props.rule_name.empty()) r.name = props.rule_name;
  if (!props.description.empty()) r.description = props.description;
  if (props.event_bus_name != "default") r.event_bus_name = props.event_bus_name;
  if (props.schedule) r.schedule_expression = props.schedule->text();
  r.state = props.enabled ? "ENABLED" : "DISABLED";
}

// None when the target keeps EventBridge's default retries.
template <class L1RetryPolicy>
std::optional<L1RetryPolicy> retry_policy(const aws::events::RuleTarget& t) {
  if (!t.max_retry_attempts && !t.max_event_age_seconds) return std::nullopt;
  L1RetryPolicy retry;
  if (t.max_retry_attempts) retry.maximum_retry_attempts = *t.max_retry_attempts;
  if (t.max_event_age_seconds) retry.maximum_event_age_in_seconds = *t.max_event_age_seconds;
  return retry;
}

}  // namespace drdb::render
