// Instance fleets: per node type, a target capacity filled from several instance types, On-Demand
// and Spot. Custom automatic scaling policies do not exist for fleets (managed scaling does).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/emr/ebs.hpp"

namespace drdb::aws::emr {

enum class SpotTimeoutAction { SwitchToOnDemand, TerminateCluster };
enum class SpotAllocation { PriceCapacityOptimized, CapacityOptimized, CapacityOptimizedPrioritized, LowestPrice, Diversified };

struct FleetInstanceType {
  std::string instance_type;  // "r5.2xlarge"
  int weighted_capacity = 1;  // units of the fleet's target capacity one instance provides
  // Spot: either a USD price ("0.40") or a percentage of the On-Demand price; neither means 100 %.
  std::string bid_price;
  std::optional<double> bid_price_percent;
  std::vector<EbsVolume> ebs;
};

// How Spot capacity is provisioned when the fleet has a Spot target.
struct SpotProvisioning {
  int timeout_minutes = 60;  // 5-1440: how long to wait for Spot capacity
  SpotTimeoutAction timeout_action = SpotTimeoutAction::SwitchToOnDemand;
  SpotAllocation allocation = SpotAllocation::PriceCapacityOptimized;
};

struct InstanceFleet {
  int on_demand_capacity = 0;
  int spot_capacity = 0;
  std::vector<FleetInstanceType> instance_types;
  std::optional<SpotProvisioning> spot;  // unset with a Spot target: EMR's defaults
  std::string name;                       // empty: "Primary", "Core", "Task"

  // `spot`, or EMR's defaults when the fleet has a Spot target; nullopt without Spot.
  std::optional<SpotProvisioning> spot_provisioning() const;
  std::string name_or(std::string fallback) const { return name.empty() ? fallback : name; }
  // EMR API shape (RunJobFlow's InstanceFleetConfig) for `type` "MASTER", "CORE" or "TASK".
  Value api_value(std::string_view type, const std::string& default_name) const;
};

struct InstanceFleets {
  InstanceFleet primary{.on_demand_capacity = 1};
  std::optional<InstanceFleet> core;
  std::optional<InstanceFleet> task;  // drdb models one task fleet
};

std::string_view spot_timeout_action_name(SpotTimeoutAction a);
std::string_view spot_allocation_name(SpotAllocation a);

}  // namespace drdb::aws::emr
