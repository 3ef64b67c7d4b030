// AWS::EMR::Cluster's Instances: groups or fleets, EBS, automatic scaling, network placement.
#include "drdb/aws/ec2/security_group.hpp"
#include "render/cfn/map_emr.hpp"

namespace drdb::render::cfn::emr {

namespace {

using namespace drdb::aws::emr;
using C = L1Cluster;

std::optional<C::EbsConfiguration> ebs_configuration(const std::vector<EbsVolume>& volumes, std::optional<bool> optimized) {
  if (volumes.empty() && !optimized) return std::nullopt;
  C::EbsConfiguration out;
  if (optimized) out.ebs_optimized = *optimized;
  if (volumes.empty()) return out;
  ListOf<C::EbsBlockDeviceConfig> configs;
  for (const auto& v : volumes) {
    C::VolumeSpecification spec;
    spec.volume_type = volume_type_name(v.type);
    spec.size_in_gb = v.size_gib;
    if (v.iops) spec.iops = *v.iops;
    if (v.throughput_mibps) spec.throughput = *v.throughput_mibps;
    C::EbsBlockDeviceConfig config;
    config.volume_specification = spec;
    config.volumes_per_instance = v.volumes_per_instance;
    configs.push_back(config);
  }
  out.ebs_block_device_configs = std::move(configs);
  return out;
}

C::ScalingRule scaling_rule(const ScalingRule& rule) {
  const auto& t = rule.trigger;
  C::CloudWatchAlarmDefinition alarm;
  alarm.comparison_operator = comparison_name(t.comparison);
  alarm.evaluation_periods = t.evaluation_periods;
  alarm.metric_name = t.metric;
  alarm.namespace_ = t.metric_namespace;
  alarm.period = t.period_seconds;
  alarm.statistic = statistic_name(t.statistic);
  alarm.threshold = t.threshold;
  alarm.unit = t.unit;
  if (!t.dimensions.empty()) {
    ListOf<C::MetricDimension> dimensions;
    for (const auto& [key, value] : t.dimensions) dimensions.push_back({key, value});
    alarm.dimensions = std::move(dimensions);
  }
  C::SimpleScalingPolicyConfiguration simple;
  simple.adjustment_type = adjustment_type_name(rule.adjustment_type);
  simple.cool_down = rule.cooldown_seconds;
  simple.scaling_adjustment = rule.adjustment;
  C::ScalingAction action;
  action.simple_scaling_policy_configuration = simple;
  C::ScalingTrigger trigger;
  trigger.cloud_watch_alarm_definition = alarm;
  C::ScalingRule out;
  out.name = rule.name;
  if (!rule.description.empty()) out.description = rule.description;
  out.action = action;
  out.trigger = trigger;
  return out;
}

C::AutoScalingPolicy autoscaling(const AutoScalingPolicy& policy) {
  C::ScalingConstraints constraints;
  constraints.min_capacity = policy.min_instances;
  constraints.max_capacity = policy.max_instances;
  ListOf<C::ScalingRule> rules;
  for (const auto& rule : policy.rules) rules.push_back(scaling_rule(rule));
  C::AutoScalingPolicy out;
  out.constraints = constraints;
  out.rules = std::move(rules);
  return out;
}

C::InstanceGroupConfig group(const InstanceGroup& g, std::string fallback_name) {
  C::InstanceGroupConfig out;
  out.name = g.name_or(std::move(fallback_name));
  out.instance_type = g.instance_type;
  out.instance_count = g.count;
  out.market = market_name(g.market);
  if (!g.bid_price.empty()) out.bid_price = g.bid_price;
  out.ebs_configuration = ebs_configuration(g.ebs, g.ebs_optimized);
  if (g.autoscaling) out.auto_scaling_policy = autoscaling(*g.autoscaling);
  return out;
}

C::InstanceFleetConfig fleet(const InstanceFleet& f, std::string fallback_name) {
  C::InstanceFleetConfig out;
  out.name = f.name_or(std::move(fallback_name));
  out.target_on_demand_capacity = f.on_demand_capacity;
  out.target_spot_capacity = f.spot_capacity;
  ListOf<C::InstanceTypeConfig> types;
  for (const auto& t : f.instance_types) {
    C::InstanceTypeConfig c;
    c.instance_type = t.instance_type;
    c.weighted_capacity = t.weighted_capacity;
    if (!t.bid_price.empty()) c.bid_price = t.bid_price;
    if (t.bid_price_percent) c.bid_price_as_percentage_of_on_demand_price = *t.bid_price_percent;
    c.ebs_configuration = ebs_configuration(t.ebs, std::nullopt);
    types.push_back(std::move(c));
  }
  out.instance_type_configs = std::move(types);
  if (const auto s = f.spot_provisioning()) {
    C::SpotProvisioningSpecification spot;
    spot.allocation_strategy = spot_allocation_name(s->allocation);
    spot.timeout_action = spot_timeout_action_name(s->timeout_action);
    spot.timeout_duration_minutes = s->timeout_minutes;
    C::InstanceFleetProvisioningSpecifications launch;
    launch.spot_specification = spot;
    out.launch_specifications = launch;
  }
  return out;
}

}  // namespace

C::JobFlowInstancesConfig instances(const aws::emr::Cluster& cluster) {
  const auto& p = cluster.props();
  C::JobFlowInstancesConfig out;
  if (const auto* groups = std::get_if<InstanceGroups>(&p.instances)) {
    out.master_instance_group = group(groups->primary, "Primary");
    if (groups->core) out.core_instance_group = group(*groups->core, "Core");
    if (!groups->task.empty()) {
      ListOf<C::InstanceGroupConfig> tasks;
      for (std::size_t i = 0; i < groups->task.size(); ++i) tasks.push_back(group(groups->task[i], "Task" + std::to_string(i + 1)));
      out.task_instance_groups = std::move(tasks);
    }
    if (!p.subnets.empty()) out.ec2_subnet_id = p.subnets.front().id;
  } else {
    const auto& fleets = std::get<InstanceFleets>(p.instances);
    out.master_instance_fleet = fleet(fleets.primary, "Primary");
    if (fleets.core) out.core_instance_fleet = fleet(*fleets.core, "Core");
    if (fleets.task) out.task_instance_fleets = ListOf<C::InstanceFleetConfig>{fleet(*fleets.task, "Task")};
    if (!p.subnets.empty()) out.ec2_subnet_ids = ListOf<Str>(cluster.subnet_ids());
  }
  out.emr_managed_master_security_group = cluster.primary_security_group().group_id();
  out.emr_managed_slave_security_group = cluster.core_security_group().group_id();
  out.service_access_security_group = cluster.service_access_security_group().group_id();
  if (!p.additional_primary_security_groups.empty())
    out.additional_master_security_groups = ListOf<Str>(p.additional_primary_security_groups);
  if (!p.additional_core_security_groups.empty())
    out.additional_slave_security_groups = ListOf<Str>(p.additional_core_security_groups);
  if (auto key = cluster.key_name()) out.ec2_key_name = *key;
  out.keep_job_flow_alive_when_no_steps = p.keep_alive_when_no_steps;
  out.termination_protected = p.termination_protection;
  return out;
}

ListOf<C::Configuration> configurations(const std::vector<Classification>& classifications) {
  ListOf<C::Configuration> out;
  for (const auto& c : classifications) {
    C::Configuration config;
    config.classification = c.name;
    if (!c.properties.empty()) config.configuration_properties = c.properties;
    if (!c.nested.empty()) config.configurations = configurations(c.nested);
    out.push_back(std::move(config));
  }
  return out;
}

}  // namespace drdb::render::cfn::emr
