#include "drdb/aws/emr/instance_fleet.hpp"

#include <set>

#include "aws/emr/checks.hpp"
#include "aws/emr/instances_check.hpp"

namespace drdb::aws::emr {

std::string_view spot_timeout_action_name(SpotTimeoutAction a) {
  return a == SpotTimeoutAction::TerminateCluster ? "TERMINATE_CLUSTER" : "SWITCH_TO_ON_DEMAND";
}

std::string_view spot_allocation_name(SpotAllocation a) {
  switch (a) {
    case SpotAllocation::PriceCapacityOptimized: return "price-capacity-optimized";
    case SpotAllocation::CapacityOptimized: return "capacity-optimized";
    case SpotAllocation::CapacityOptimizedPrioritized: return "capacity-optimized-prioritized";
    case SpotAllocation::LowestPrice: return "lowest-price";
    case SpotAllocation::Diversified: return "diversified";
  }
  return "";
}

std::optional<SpotProvisioning> InstanceFleet::spot_provisioning() const {
  if (spot) return spot;
  if (spot_capacity > 0) return SpotProvisioning{};
  return std::nullopt;
}

Value InstanceFleet::api_value(std::string_view type, const std::string& default_name) const {
  List configs;
  for (const auto& t : instance_types) {
    Object c{{"InstanceType", t.instance_type}, {"WeightedCapacity", t.weighted_capacity}};
    if (!t.bid_price.empty()) c.emplace("BidPrice", t.bid_price);
    if (t.bid_price_percent) c.emplace("BidPriceAsPercentageOfOnDemandPrice", *t.bid_price_percent);
    if (auto ebs_config = ebs_configuration_api_value(t.ebs, std::nullopt); !ebs_config.is_null())
      c.emplace("EbsConfiguration", std::move(ebs_config));
    configs.push_back(Value(std::move(c)));
  }
  Object out{{"InstanceFleetType", std::string(type)},
             {"InstanceTypeConfigs", Value(std::move(configs))},
             {"Name", name_or(default_name)},
             {"TargetOnDemandCapacity", on_demand_capacity},
             {"TargetSpotCapacity", spot_capacity}};
  if (const auto s = spot_provisioning())
    out.emplace("LaunchSpecifications",
                Value::object({{"SpotSpecification",
                                Value::object({{"AllocationStrategy", std::string(spot_allocation_name(s->allocation))},
                                               {"TimeoutAction", std::string(spot_timeout_action_name(s->timeout_action))},
                                               {"TimeoutDurationMinutes", s->timeout_minutes}})}}));
  return Value(std::move(out));
}

namespace detail {

namespace {

void validate_type(const FleetInstanceType& t, const InstanceFleet& fleet, const std::string& at, const std::string& path,
                   Diagnostics& out) {
  if (!is_instance_type(t.instance_type))
    out.error(path, at + " instance type \"" + t.instance_type + "\" is not an EC2 instance type",
              "use family.size, e.g. \"r5.2xlarge\"");
  if (t.weighted_capacity < 1)
    out.error(path, at + " weighted capacity " + std::to_string(t.weighted_capacity) + " is below 1", "use 1 or more");
  if (!t.bid_price.empty() && t.bid_price_percent)
    out.error(path, at + " has both a bid price and a bid price percentage", "set one of them");
  if (!t.bid_price.empty() && !is_price(t.bid_price))
    out.error(path, at + " bid price \"" + t.bid_price + "\" is not a positive USD amount", "use a decimal such as \"0.40\"");
  if (t.bid_price_percent && (*t.bid_price_percent <= 0 || *t.bid_price_percent > 1000))
    out.error(path, at + " bid price percentage " + std::to_string(*t.bid_price_percent) + " is out of range",
              "use more than 0 and at most 1000 (% of the On-Demand price)");
  if ((!t.bid_price.empty() || t.bid_price_percent) && fleet.spot_capacity == 0)
    out.error(path, at + " has a Spot bid but its fleet has no Spot capacity", "set .spot_capacity or remove the bid");
  validate_ebs(t.ebs, path, at, out);
}

void validate_fleet(const InstanceFleet& f, const std::string& where, const std::string& path, Diagnostics& out) {
  if (f.on_demand_capacity < 0 || f.spot_capacity < 0)
    out.error(path, where + " fleet has a negative target capacity", "use 0 or more");
  if (f.instance_types.empty())
    out.error(path, where + " fleet has no instance types", "add at least one to .instance_types");
  if (f.instance_types.size() > 30)
    out.error(path, where + " fleet has " + std::to_string(f.instance_types.size()) + " instance types",
              "use at most 30");
  else if (f.instance_types.size() > 5 && !f.spot)
    out.error(path, where + " fleet has more than 5 instance types without an allocation strategy",
              "set .spot (its allocation strategy allows up to 30 types), or use at most 5");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < f.instance_types.size(); ++i) {
    const auto at = where + " fleet instance type " + std::to_string(i + 1);
    validate_type(f.instance_types[i], f, at, path, out);
    if (!seen.insert(f.instance_types[i].instance_type).second)
      out.error(path, at + " repeats " + f.instance_types[i].instance_type, "list each instance type once");
  }
  if (f.spot && (f.spot->timeout_minutes < 5 || f.spot->timeout_minutes > 1440))
    out.error(path, where + " fleet Spot timeout " + std::to_string(f.spot->timeout_minutes) + " min is out of range",
              "use 5-1440 minutes");
  if (f.name.size() > 256) out.error(path, where + " fleet name is longer than 256 characters", "shorten it");
}

}  // namespace

void validate_instance_fleets(const InstanceFleets& fleets, const std::string& path, Diagnostics& out) {
  const auto& primary = fleets.primary;
  validate_fleet(primary, "primary", path, out);
  if (primary.on_demand_capacity + primary.spot_capacity != 1)
    out.error(path, "primary fleet target capacity is " + std::to_string(primary.on_demand_capacity + primary.spot_capacity),
              "set exactly one of .on_demand_capacity or .spot_capacity to 1 (one primary node)");
  for (const auto& t : primary.instance_types)
    if (t.weighted_capacity != 1)
      out.error(path, "primary fleet instance type " + t.instance_type + " has weighted capacity " +
                          std::to_string(t.weighted_capacity),
                "use 1 for the primary fleet");
  if (fleets.core) {
    validate_fleet(*fleets.core, "core", path, out);
    if (fleets.core->on_demand_capacity + fleets.core->spot_capacity < 1)
      out.error(path, "core fleet has no target capacity", "set .on_demand_capacity or .spot_capacity");
  } else if (fleets.task) {
    out.error(path, "a task fleet without a core fleet", "add a core fleet");
  }
  if (fleets.task) validate_fleet(*fleets.task, "task", path, out);
}

}  // namespace detail

}  // namespace drdb::aws::emr
