// Scaling of an EMR cluster in specs: custom automatic scaling policies of instance groups (rules
// of your own or presets) and managed scaling.
#include "spec/emr_codecs.hpp"

namespace drdb::spec {

using namespace aws::emr;

// Custom automatic scaling ----------------------------------------------------------------------

template <>
struct EnumNames<AdjustmentType> {
  static constexpr std::pair<std::string_view, AdjustmentType> values[] = {
      {"change_in_capacity", AdjustmentType::ChangeInCapacity},
      {"percent_change_in_capacity", AdjustmentType::PercentChangeInCapacity},
      {"exact_capacity", AdjustmentType::ExactCapacity}};
};
template <>
struct EnumNames<Comparison> {
  static constexpr std::pair<std::string_view, Comparison> values[] = {{"greater_than_or_equal", Comparison::GreaterThanOrEqual},
                                                                       {"greater_than", Comparison::GreaterThan},
                                                                       {"less_than", Comparison::LessThan},
                                                                       {"less_than_or_equal", Comparison::LessThanOrEqual}};
};
template <>
struct EnumNames<Statistic> {
  static constexpr std::pair<std::string_view, Statistic> values[] = {{"average", Statistic::Average}, {"maximum", Statistic::Maximum},
                                                                      {"minimum", Statistic::Minimum}, {"sample_count", Statistic::SampleCount},
                                                                      {"sum", Statistic::Sum}};
};

template <>
struct Fields<ScalingTrigger> {
  static constexpr std::string_view name = "scaling trigger";
  static const FieldList<ScalingTrigger>& get() {
    using T = ScalingTrigger;
    static const FieldList<T> list{
        field("metric", &T::metric, "default YARNMemoryAvailablePercentage; ContainerPendingRatio, AppsPending..."),
        field("metric_namespace", &T::metric_namespace, "default AWS/ElasticMapReduce"),
        field("comparison", &T::comparison, "less_than (default), less_than_or_equal, greater_than, greater_than_or_equal"),
        field("threshold", &T::threshold, "default 15"),
        field("period_seconds", &T::period_seconds, "a multiple of 60 (default 300)"),
        field("evaluation_periods", &T::evaluation_periods, "default 1"),
        field("statistic", &T::statistic, "average (default), maximum, minimum, sample_count or sum"),
        field("unit", &T::unit, "PERCENT (default), COUNT, BYTES... as EMR spells them"),
        field("dimensions", &T::dimensions, "default {JobFlowId: ${emr.clusterId}}")};
    return list;
  }
};

namespace {

// A rule of the user's own: the "custom" form of a scaling rule.
const FieldList<ScalingRule>& custom_rule_fields() {
  using R = ScalingRule;
  static const FieldList<R> list{
      field("name", &R::name, "unique within the policy", required),
      field("description", &R::description, ""),
      field("adjustment_type", &R::adjustment_type, "change_in_capacity (default), percent_change_in_capacity or exact_capacity"),
      field("adjustment", &R::adjustment, "instances (or percent); negative scales in"),
      field("cooldown_seconds", &R::cooldown_seconds, "default 300"),
      field("trigger", &R::trigger, "the CloudWatch alarm that fires the rule")};
  return list;
}

Form<ScalingRule> custom_rule() {
  return {"custom", "a rule of your own",
          [](const YAML::Node& n, ScalingRule& out, Context& c) { return read_fields(n, out, custom_rule_fields(), c, "scaling rule"); },
          [] { return object_schema(custom_rule_fields()); }};
}

// The arguments of a preset rule; the threshold defaults to the preset's own.
struct RulePreset {
  int instances = 1;
  std::optional<double> threshold;
};

}  // namespace

template <>
struct Fields<RulePreset> {
  static constexpr std::string_view name = "preset rule";
  static const FieldList<RulePreset>& get() {
    static const FieldList<RulePreset> list{field("instances", &RulePreset::instances, "added or removed (default 1)"),
                                            field("threshold", &RulePreset::threshold, "the preset's alarm threshold")};
    return list;
  }
};

namespace {

Form<ScalingRule> preset(std::string_view key, std::string_view doc, ScalingRule (*make)(int instances)) {
  return form<ScalingRule, RulePreset>(key, doc, [make](const RulePreset& p) {
    ScalingRule rule = make(p.instances);
    if (p.threshold) rule.trigger.threshold = *p.threshold;
    return rule;
  });
}

}  // namespace

template <>
struct Forms<ScalingRule> {
  static constexpr std::string_view name = "scaling rule";
  static const FormList<ScalingRule>& get() {
    static const FormList<ScalingRule> list{
        custom_rule(),
        preset("scale_out_on_memory_pressure", "when less than threshold % (15) of YARN memory is available",
               [](int n) { return ScalingRule::scale_out_on_memory_pressure(n); }),
        preset("scale_in_when_idle", "when more than threshold % (75) of YARN memory is free for 15 minutes",
               [](int n) { return ScalingRule::scale_in_when_idle(n); }),
        preset("scale_out_on_pending_containers", "while ContainerPendingRatio is above threshold (0.75)",
               [](int n) { return ScalingRule::scale_out_on_pending_containers(n); })};
    return list;
  }
};

const FieldList<AutoScalingPolicy>& Fields<AutoScalingPolicy>::get() {
  static const FieldList<AutoScalingPolicy> list{
      field("min_instances", &AutoScalingPolicy::min_instances, "", required),
      field("max_instances", &AutoScalingPolicy::max_instances, "", required),
      field("rules", &AutoScalingPolicy::rules, "presets ({scale_out_on_memory_pressure: {}}) or {custom: {...}}", required)};
  return list;
}

// Managed scaling -------------------------------------------------------------------------------

template <>
struct EnumNames<CapacityUnit> {
  static constexpr std::pair<std::string_view, CapacityUnit> values[] = {
      {"instances", CapacityUnit::Instances}, {"instance_fleet_units", CapacityUnit::InstanceFleetUnits}, {"vcpu", CapacityUnit::Vcpu}};
};

const FieldList<ManagedScaling>& Fields<ManagedScaling>::get() {
  using M = ManagedScaling;
  static const FieldList<M> list{field("unit", &M::unit, "instances (default), instance_fleet_units or vcpu"),
                                 field("min_capacity", &M::min_capacity, "", required),
                                 field("max_capacity", &M::max_capacity, "", required),
                                 field("max_on_demand_capacity", &M::max_on_demand_capacity, "the rest may be Spot"),
                                 field("max_core_capacity", &M::max_core_capacity, "the rest are task nodes")};
  return list;
}

}  // namespace drdb::spec
