// The instances of an EMR cluster in specs: instance groups or instance fleets, with their EBS
// volumes (automatic scaling policies: emr_scaling_codecs.cpp).
#include "spec/emr_codecs.hpp"

namespace drdb::spec {

using namespace aws::emr;

// EBS ------------------------------------------------------------------------------------------

template <>
struct EnumNames<VolumeType> {
  static constexpr std::pair<std::string_view, VolumeType> values[] = {{"gp3", VolumeType::Gp3}, {"gp2", VolumeType::Gp2},
                                                                       {"io1", VolumeType::Io1}, {"st1", VolumeType::St1},
                                                                       {"sc1", VolumeType::Sc1}, {"standard", VolumeType::Standard}};
};

template <>
struct Fields<EbsVolume> {
  static constexpr std::string_view name = "EBS volume";
  static const FieldList<EbsVolume>& get() {
    static const FieldList<EbsVolume> list{field("type", &EbsVolume::type, "gp3 (default), gp2, io1, st1, sc1 or standard"),
                                           field("size_gib", &EbsVolume::size_gib, "", required),
                                           field("iops", &EbsVolume::iops, "io1: required; gp3: 3000-16000"),
                                           field("throughput_mibps", &EbsVolume::throughput_mibps, "gp3 only: 125-1000"),
                                           field("volumes_per_instance", &EbsVolume::volumes_per_instance, "default 1")};
    return list;
  }
};

// Instance groups -------------------------------------------------------------------------------

template <>
struct EnumNames<Market> {
  static constexpr std::pair<std::string_view, Market> values[] = {{"on_demand", Market::OnDemand}, {"spot", Market::Spot}};
};

template <>
struct Fields<InstanceGroup> {
  static constexpr std::string_view name = "instance group";
  static const FieldList<InstanceGroup>& get() {
    using G = InstanceGroup;
    static const FieldList<G> list{
        field("instance_type", &G::instance_type, "e.g. m5.xlarge", required),
        field("count", &G::count, "default 1 (3 primary nodes: high availability)"),
        field("market", &G::market, "on_demand (default) or spot"),
        field("bid_price", &G::bid_price, "spot: USD per instance-hour; empty: the On-Demand price"),
        field("ebs", &G::ebs, "volumes attached to each instance"),
        field("ebs_optimized", &G::ebs_optimized, "unset: the instance type's default"),
        field("autoscaling", &G::autoscaling, "core and task groups: a custom automatic scaling policy"),
        field("name", &G::name, "default Primary, Core, Task1...")};
    return list;
  }
};

template <>
struct Fields<InstanceGroups> {
  static constexpr std::string_view name = "instance groups";
  static const FieldList<InstanceGroups>& get() {
    static const FieldList<InstanceGroups> list{field("primary", &InstanceGroups::primary, "", required),
                                                field("core", &InstanceGroups::core, "none: a single-node cluster"),
                                                field("task", &InstanceGroups::task, "")};
    return list;
  }
};

// Instance fleets -------------------------------------------------------------------------------

template <>
struct EnumNames<SpotTimeoutAction> {
  static constexpr std::pair<std::string_view, SpotTimeoutAction> values[] = {
      {"switch_to_on_demand", SpotTimeoutAction::SwitchToOnDemand}, {"terminate_cluster", SpotTimeoutAction::TerminateCluster}};
};
template <>
struct EnumNames<SpotAllocation> {
  static constexpr std::pair<std::string_view, SpotAllocation> values[] = {
      {"price_capacity_optimized", SpotAllocation::PriceCapacityOptimized},
      {"capacity_optimized", SpotAllocation::CapacityOptimized},
      {"capacity_optimized_prioritized", SpotAllocation::CapacityOptimizedPrioritized},
      {"lowest_price", SpotAllocation::LowestPrice},
      {"diversified", SpotAllocation::Diversified}};
};

template <>
struct Fields<FleetInstanceType> {
  static constexpr std::string_view name = "fleet instance type";
  static const FieldList<FleetInstanceType>& get() {
    using T = FleetInstanceType;
    static const FieldList<T> list{field("instance_type", &T::instance_type, "e.g. r5.2xlarge", required),
                                   field("weighted_capacity", &T::weighted_capacity, "units of target capacity per instance"),
                                   field("bid_price", &T::bid_price, "spot: USD per instance-hour"),
                                   field("bid_price_percent", &T::bid_price_percent, "spot: % of the On-Demand price"),
                                   field("ebs", &T::ebs, "volumes attached to each instance")};
    return list;
  }
};

template <>
struct Fields<SpotProvisioning> {
  static constexpr std::string_view name = "spot provisioning";
  static const FieldList<SpotProvisioning>& get() {
    using S = SpotProvisioning;
    static const FieldList<S> list{field("timeout_minutes", &S::timeout_minutes, "5-1440 (default 60)"),
                                   field("timeout_action", &S::timeout_action, "switch_to_on_demand (default) or terminate_cluster"),
                                   field("allocation", &S::allocation, "default price_capacity_optimized")};
    return list;
  }
};

template <>
struct Fields<InstanceFleet> {
  static constexpr std::string_view name = "instance fleet";
  static const FieldList<InstanceFleet>& get() {
    using F = InstanceFleet;
    static const FieldList<F> list{field("on_demand_capacity", &F::on_demand_capacity, "target units"),
                                   field("spot_capacity", &F::spot_capacity, "target units"),
                                   field("instance_types", &F::instance_types, "", required),
                                   field("spot", &F::spot, "unset with a Spot target: EMR's defaults"),
                                   field("name", &F::name, "default Primary, Core, Task")};
    return list;
  }
};

template <>
struct Fields<InstanceFleets> {
  static constexpr std::string_view name = "instance fleets";
  static const FieldList<InstanceFleets>& get() {
    static const FieldList<InstanceFleets> list{field("primary", &InstanceFleets::primary, "on_demand_capacity 1 by default", required),
                                                field("core", &InstanceFleets::core, ""),
                                                field("task", &InstanceFleets::task, "one task fleet")};
    return list;
  }
};

const FormList<Instances>& Forms<Instances>::get() {
  static const FormList<Instances> list{
      form<Instances, InstanceGroups>("groups", "one instance type per node type", [](InstanceGroups g) { return Instances(std::move(g)); }),
      form<Instances, InstanceFleets>("fleets", "target capacities filled from several instance types",
                                      [](InstanceFleets f) { return Instances(std::move(f)); })};
  return list;
}

}  // namespace drdb::spec
