#include "drdb/aws/emr/scaling.hpp"

#include <cmath>
#include <set>

namespace drdb::aws::emr {

std::string_view comparison_name(Comparison c) {
  switch (c) {
    case Comparison::GreaterThanOrEqual: return "GREATER_THAN_OR_EQUAL";
    case Comparison::GreaterThan: return "GREATER_THAN";
    case Comparison::LessThan: return "LESS_THAN";
    case Comparison::LessThanOrEqual: return "LESS_THAN_OR_EQUAL";
  }
  return "";
}

std::string_view statistic_name(Statistic s) {
  switch (s) {
    case Statistic::Average: return "AVERAGE";
    case Statistic::Maximum: return "MAXIMUM";
    case Statistic::Minimum: return "MINIMUM";
    case Statistic::SampleCount: return "SAMPLE_COUNT";
    case Statistic::Sum: return "SUM";
  }
  return "";
}

std::string_view adjustment_type_name(AdjustmentType t) {
  switch (t) {
    case AdjustmentType::ChangeInCapacity: return "CHANGE_IN_CAPACITY";
    case AdjustmentType::PercentChangeInCapacity: return "PERCENT_CHANGE_IN_CAPACITY";
    case AdjustmentType::ExactCapacity: return "EXACT_CAPACITY";
  }
  return "";
}

std::string_view capacity_unit_name(CapacityUnit u) {
  switch (u) {
    case CapacityUnit::Instances: return "Instances";
    case CapacityUnit::InstanceFleetUnits: return "InstanceFleetUnits";
    case CapacityUnit::Vcpu: return "VCPU";
  }
  return "";
}

namespace {

// EMR's spelling of CloudWatch units in a scaling trigger.
bool is_unit(const std::string& u) {
  static const std::set<std::string, std::less<>> units{
      "NONE",           "SECONDS",           "MICRO_SECONDS",     "MILLI_SECONDS",     "BYTES",
      "KILO_BYTES",     "MEGA_BYTES",        "GIGA_BYTES",        "TERA_BYTES",        "BITS",
      "KILO_BITS",      "MEGA_BITS",         "GIGA_BITS",         "TERA_BITS",         "PERCENT",
      "COUNT",          "BYTES_PER_SECOND",  "KILO_BYTES_PER_SECOND", "MEGA_BYTES_PER_SECOND",
      "GIGA_BYTES_PER_SECOND", "TERA_BYTES_PER_SECOND", "BITS_PER_SECOND", "KILO_BITS_PER_SECOND",
      "MEGA_BITS_PER_SECOND",  "GIGA_BITS_PER_SECOND",  "TERA_BITS_PER_SECOND", "COUNT_PER_SECOND"};
  return units.count(u) != 0;
}

ScalingRule yarn_memory_rule(std::string name, std::string description, Comparison comparison, double threshold,
                             int adjustment, int evaluation_periods) {
  ScalingRule r;
  r.name = std::move(name);
  r.description = std::move(description);
  r.adjustment = adjustment;
  r.trigger.comparison = comparison;
  r.trigger.threshold = threshold;
  r.trigger.evaluation_periods = evaluation_periods;
  return r;
}

void validate_rule(const ScalingRule& r, const AutoScalingPolicy& policy, const std::string& path, const std::string& at,
                   Diagnostics& out) {
  if (r.name.empty()) out.error(path, at + " has no name", "set .name (unique within the policy)");
  if (r.cooldown_seconds < 0) out.error(path, at + " has a negative cooldown", "use 0 or more seconds");
  if (r.adjustment_type == AdjustmentType::ExactCapacity) {
    if (r.adjustment < policy.min_instances || r.adjustment > policy.max_instances)
      out.error(path, at + " sets exact capacity " + std::to_string(r.adjustment) + " outside the policy's " +
                          std::to_string(policy.min_instances) + "-" + std::to_string(policy.max_instances),
                "use a capacity within the constraints");
  } else if (r.adjustment == 0) {
    out.error(path, at + " adjusts capacity by 0", "use a positive adjustment to scale out, negative to scale in");
  }
  const auto& t = r.trigger;
  if (t.metric.empty()) out.error(path, at + " trigger has no metric", "e.g. YARNMemoryAvailablePercentage");
  if (t.period_seconds < 60 || t.period_seconds % 60 != 0)
    out.error(path, at + " trigger period " + std::to_string(t.period_seconds) + " s is not a multiple of 60",
              "use 300 (EMR publishes metrics every five minutes)");
  if (t.evaluation_periods < 1)
    out.error(path, at + " trigger has " + std::to_string(t.evaluation_periods) + " evaluation periods", "use 1 or more");
  if (!std::isfinite(t.threshold)) out.error(path, at + " trigger threshold is not a number", "use a finite threshold");
  if (!is_unit(t.unit))
    out.error(path, at + " trigger unit \"" + t.unit + "\" is not a CloudWatch unit as EMR spells it",
              "use e.g. PERCENT, COUNT, BYTES, SECONDS");
  for (const auto& [key, value] : t.dimensions)
    if (key.empty() || value.empty())
      out.error(path, at + " trigger has an empty dimension key or value", "e.g. {\"JobFlowId\", \"${emr.clusterId}\"}");
}

}  // namespace

ScalingRule ScalingRule::scale_out_on_memory_pressure(int instances, double available_below) {
  return yarn_memory_rule("ScaleOutOnMemoryPressure", "Add capacity when little YARN memory is available",
                          Comparison::LessThan, available_below, instances, 1);
}

ScalingRule ScalingRule::scale_in_when_idle(int instances, double available_above) {
  // Three periods (15 minutes) of idleness before removing nodes, so short gaps between jobs do not.
  return yarn_memory_rule("ScaleInWhenIdle", "Remove capacity when most YARN memory is free", Comparison::GreaterThan,
                          available_above, -instances, 3);
}

ScalingRule ScalingRule::scale_out_on_pending_containers(int instances, double ratio) {
  ScalingRule r;
  r.name = "ScaleOutOnPendingContainers";
  r.description = "Add capacity while containers wait for resources";
  r.adjustment = instances;
  r.trigger.metric = "ContainerPendingRatio";
  r.trigger.comparison = Comparison::GreaterThan;
  r.trigger.threshold = ratio;
  r.trigger.unit = "COUNT";
  return r;
}

AutoScalingPolicy AutoScalingPolicy::memory_based(int min_instances, int max_instances, int step) {
  return {min_instances, max_instances,
          {ScalingRule::scale_out_on_memory_pressure(step), ScalingRule::scale_in_when_idle(step)}};
}

Value AutoScalingPolicy::api_value() const {
  List rule_values;
  for (const auto& r : rules) {
    const auto& t = r.trigger;
    List dimensions;
    for (const auto& [key, value] : t.dimensions) dimensions.push_back(Value::object({{"Key", key}, {"Value", value}}));
    Object alarm{{"ComparisonOperator", std::string(comparison_name(t.comparison))},
                 {"EvaluationPeriods", t.evaluation_periods},
                 {"MetricName", t.metric},
                 {"Namespace", t.metric_namespace},
                 {"Period", t.period_seconds},
                 {"Statistic", std::string(statistic_name(t.statistic))},
                 {"Threshold", t.threshold},
                 {"Unit", t.unit}};
    if (!dimensions.empty()) alarm.emplace("Dimensions", Value(std::move(dimensions)));
    Object rule{{"Name", r.name},
                {"Action", Value::object({{"SimpleScalingPolicyConfiguration",
                                           Value::object({{"AdjustmentType", std::string(adjustment_type_name(r.adjustment_type))},
                                                          {"CoolDown", r.cooldown_seconds},
                                                          {"ScalingAdjustment", r.adjustment}})}})},
                {"Trigger", Value::object({{"CloudWatchAlarmDefinition", Value(std::move(alarm))}})}};
    if (!r.description.empty()) rule.emplace("Description", r.description);
    rule_values.push_back(Value(std::move(rule)));
  }
  return Value::object({{"Constraints", Value::object({{"MaxCapacity", max_instances}, {"MinCapacity", min_instances}})},
                        {"Rules", Value(std::move(rule_values))}});
}

void AutoScalingPolicy::validate(const std::string& path, const std::string& where, Diagnostics& out) const {
  if (min_instances < 0)
    out.error(path, where + " autoscaling min (" + std::to_string(min_instances) + ") is negative", "use 0 or more");
  if (max_instances < min_instances)
    out.error(path, where + " autoscaling max (" + std::to_string(max_instances) + ") < min (" +
                        std::to_string(min_instances) + ")",
              "raise max or lower min");
  if (rules.empty())
    out.error(path, where + " autoscaling policy has no rules",
              "add rules, e.g. AutoScalingPolicy::memory_based(min, max)");
  std::set<std::string> names;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto at = where + " autoscaling rule " + std::to_string(i + 1) + " (" + rules[i].name + ")";
    validate_rule(rules[i], *this, path, at, out);
    if (!rules[i].name.empty() && !names.insert(rules[i].name).second)
      out.error(path, at + " has the same name as an earlier rule", "give each rule its own name");
  }
}

Value ManagedScaling::api_value() const {
  Object limits{{"MaximumCapacityUnits", max_capacity},
                {"MinimumCapacityUnits", min_capacity},
                {"UnitType", std::string(capacity_unit_name(unit))}};
  if (max_on_demand_capacity) limits.emplace("MaximumOnDemandCapacityUnits", *max_on_demand_capacity);
  if (max_core_capacity) limits.emplace("MaximumCoreCapacityUnits", *max_core_capacity);
  return Value::object({{"ComputeLimits", Value(std::move(limits))}});
}

}  // namespace drdb::aws::emr
