// Codecs of EventBridge values, for events.Rule and for kinds that take schedules or patterns of
// their own (workflow triggers):
//   schedule:  {cron: {hours: "6", day_of_week: MON-FRI}} | {rate: {value: 5, unit: minutes}}
//              | {expression: "rate(1 hour)"}
//   pattern:   {s3_object_created: {bucket: Landing, key_prefixes: [sales/]}}
//              | {emr_cluster_state_change: {states: [terminated_with_errors]}}
//              | {emr_step_status_change: {states: [failed]}} | {custom: {source: [aws.ec2]}}
//   input:     {json: {...}} | {path: $.detail} | {transformer: {paths: {...}, template: "..."}}
#pragma once

#include "drdb/aws/events/event_pattern.hpp"
#include "drdb/aws/events/schedule.hpp"
#include "drdb/aws/events/target_input.hpp"
#include "spec/forms.hpp"

namespace drdb::spec {

template <>
struct Forms<aws::events::Schedule> {
  static constexpr std::string_view name = "schedule";
  static const FormList<aws::events::Schedule>& get();
};

template <>
struct Forms<aws::events::EventPattern> {
  static constexpr std::string_view name = "event pattern";
  static const FormList<aws::events::EventPattern>& get();
};

template <>
struct Forms<aws::events::TargetInput> {
  static constexpr std::string_view name = "target input";
  static const FormList<aws::events::TargetInput>& get();
};

// Values to read into (optional schedules and patterns), for these types have no empty state.
template <>
aws::events::Schedule blank<aws::events::Schedule>();
template <>
aws::events::EventPattern blank<aws::events::EventPattern>();

}  // namespace drdb::spec
