// Scaling of a cluster: custom automatic scaling policies on core and task instance groups
// (CloudWatch alarms → adjustments), or EMR managed scaling (compute limits only). A cluster uses
// one or the other, never both.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/value.hpp"

namespace drdb::aws::emr {

enum class AdjustmentType { ChangeInCapacity, PercentChangeInCapacity, ExactCapacity };
enum class Comparison { GreaterThanOrEqual, GreaterThan, LessThan, LessThanOrEqual };
enum class Statistic { Average, Maximum, Minimum, SampleCount, Sum };

// The CloudWatch alarm that fires a rule. EMR publishes its metrics every five minutes.
struct ScalingTrigger {
  std::string metric = "YARNMemoryAvailablePercentage";  // or ContainerPendingRatio, AppsPending...
  std::string metric_namespace = "AWS/ElasticMapReduce";
  Comparison comparison = Comparison::LessThan;
  double threshold = 15;
  int period_seconds = 300;
  int evaluation_periods = 1;
  Statistic statistic = Statistic::Average;
  std::string unit = "PERCENT";  // CloudWatch unit in EMR's spelling: PERCENT, COUNT, BYTES...
  // ${emr.clusterId} is replaced by EMR with the cluster's id.
  std::map<std::string, std::string> dimensions = {{"JobFlowId", "${emr.clusterId}"}};
};

struct ScalingRule {
  std::string name;
  std::string description;
  AdjustmentType adjustment_type = AdjustmentType::ChangeInCapacity;
  int adjustment = 1;  // instances (or percent); negative scales in
  int cooldown_seconds = 300;
  ScalingTrigger trigger;

  // Presets: add `instances` when less than `available_below` % of YARN memory is free…
  static ScalingRule scale_out_on_memory_pressure(int instances = 1, double available_below = 15);
  // …and remove them when more than `available_above` % is free (the cluster is idle).
  static ScalingRule scale_in_when_idle(int instances = 1, double available_above = 75);
  // Add `instances` while containers wait (ContainerPendingRatio above `ratio`).
  static ScalingRule scale_out_on_pending_containers(int instances = 1, double ratio = 0.75);
};

// A custom automatic scaling policy of one core or task instance group.
struct AutoScalingPolicy {
  int min_instances = 1;
  int max_instances = 1;
  std::vector<ScalingRule> rules;

  // The usual pair: scale out on memory pressure, scale in when idle.
  static AutoScalingPolicy memory_based(int min_instances, int max_instances, int step = 1);

  // EMR API shape ({"Constraints": ..., "Rules": [...]}), also Terraform's autoscaling_policy JSON.
  Value api_value() const;
  void validate(const std::string& path, const std::string& where, Diagnostics& out) const;
};

enum class CapacityUnit { Instances, InstanceFleetUnits, Vcpu };

// EMR managed scaling: EMR picks the size between the limits.
struct ManagedScaling {
  CapacityUnit unit = CapacityUnit::Instances;
  int min_capacity = 1;
  int max_capacity = 1;
  std::optional<int> max_on_demand_capacity;  // the rest may be Spot
  std::optional<int> max_core_capacity;       // the rest are task nodes

  // EMR API shape: {"ComputeLimits": {...}}
  Value api_value() const;
};

// Names as EMR spells them ("GREATER_THAN", "AVERAGE", "CHANGE_IN_CAPACITY", "InstanceFleetUnits").
std::string_view comparison_name(Comparison c);
std::string_view statistic_name(Statistic s);
std::string_view adjustment_type_name(AdjustmentType t);
std::string_view capacity_unit_name(CapacityUnit u);

}  // namespace drdb::aws::emr
