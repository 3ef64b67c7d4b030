// Uniform instance groups: one instance type per node type (primary, core, task).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/emr/ebs.hpp"
#include "drdb/aws/emr/scaling.hpp"

namespace drdb::aws::emr {

enum class Market { OnDemand, Spot };

// "ON_DEMAND" / "SPOT", as EMR spells them.
std::string_view market_name(Market m);

struct InstanceGroup {
  std::string instance_type;  // "m5.xlarge"
  int count = 1;
  Market market = Market::OnDemand;
  // Spot only: maximum USD per instance-hour ("0.25"); empty caps it at the On-Demand price.
  std::string bid_price;
  std::vector<EbsVolume> ebs;
  std::optional<bool> ebs_optimized;  // unset: the instance type's default
  // Core and task groups only; needs the autoscaling role (created when the cluster has none).
  std::optional<AutoScalingPolicy> autoscaling;
  std::string name;  // empty: "Primary", "Core", "Task1"...

  std::string name_or(std::string fallback) const { return name.empty() ? fallback : name; }
  // EMR API shape (RunJobFlow's InstanceGroupConfig) for `role` "MASTER", "CORE" or "TASK".
  Value api_value(std::string_view role, const std::string& default_name) const;
};

// Primary (1, or 3 for high availability), optional core, any number of task groups.
struct InstanceGroups {
  InstanceGroup primary;
  std::optional<InstanceGroup> core;  // none: a single-node cluster
  std::vector<InstanceGroup> task;
};

}  // namespace drdb::aws::emr
