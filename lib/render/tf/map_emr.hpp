// Pieces of aws_emr_cluster and its companion resources shared by map_emr_*.cpp. The provider
// declares the same block (an instance group, a fleet, an EBS volume) once per resource type with
// slightly different fields, so these are templates over the generated L1 types.
#pragma once

#include <string>

#include "drdb/aws/emr/cluster.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::render::tf::emr {

// Reports what Terraform cannot express about one cluster.
struct Reporter {
  Diagnostics& out;
  std::string path;
  void error(const std::string& what, const std::string& fix) const {
    out.error(path, what + " in Terraform", fix);
  }
};

template <class EbsConfig>
std::optional<ListOf<EbsConfig>> ebs_configs(const std::vector<aws::emr::EbsVolume>& volumes, const std::string& where,
                                             const Reporter& report) {
  if (volumes.empty()) return std::nullopt;
  ListOf<EbsConfig> out;
  for (const auto& v : volumes) {
    EbsConfig c;
    c.type = aws::emr::volume_type_name(v.type);
    c.size = v.size_gib;
    c.volumes_per_instance = v.volumes_per_instance;
    if (v.iops) c.iops = *v.iops;
    if constexpr (requires { c.throughput; }) {
      if (v.throughput_mibps) c.throughput = *v.throughput_mibps;
    } else if (v.throughput_mibps) {
      report.error(where + " sets a gp3 throughput, which the provider cannot set here",
                   "remove .throughput_mibps (gp3's baseline is 125 MiB/s), or synthesize CloudFormation");
    }
    out.push_back(std::move(c));
  }
  return out;
}

template <class Group>
Group instance_group(const aws::emr::InstanceGroup& g, const std::string& fallback_name, const Reporter& report) {
  Group out;
  const auto where = fallback_name + " group";
  out.name = g.name_or(fallback_name);
  out.instance_type = g.instance_type;
  out.instance_count = g.count;
  // The provider declares a Spot group by its bid price.
  if (g.market == aws::emr::Market::Spot && g.bid_price.empty())
    report.error(where + " buys Spot without a bid price", "set .bid_price (e.g. the On-Demand price)");
  if (!g.bid_price.empty()) out.bid_price = g.bid_price;
  out.ebs_config = ebs_configs<typename Group::EbsConfig>(g.ebs, where, report);
  if constexpr (requires { out.ebs_optimized; }) {
    if (g.ebs_optimized) out.ebs_optimized = *g.ebs_optimized;
  } else if (g.ebs_optimized) {
    report.error(where + " sets ebs_optimized, which aws_emr_cluster cannot", "remove .ebs_optimized (the instance type's default applies)");
  }
  if constexpr (requires { out.autoscaling_policy; }) {
    if (g.autoscaling) out.autoscaling_policy = Str::of(json_string(g.autoscaling->api_value()));
  }
  return out;
}

template <class Fleet>
Fleet instance_fleet(const aws::emr::InstanceFleet& f, const std::string& fallback_name, const Reporter& report) {
  using Types = typename Fleet::InstanceTypeConfigs;
  using Launch = typename Fleet::LaunchSpecifications;
  Fleet out;
  out.name = f.name_or(fallback_name);
  out.target_on_demand_capacity = f.on_demand_capacity;
  out.target_spot_capacity = f.spot_capacity;
  ListOf<Types> types;
  for (const auto& t : f.instance_types) {
    Types c;
    c.instance_type = t.instance_type;
    c.weighted_capacity = t.weighted_capacity;
    if (!t.bid_price.empty()) c.bid_price = t.bid_price;
    if (t.bid_price_percent) c.bid_price_as_percentage_of_on_demand_price = *t.bid_price_percent;
    c.ebs_config = ebs_configs<typename Types::EbsConfig>(t.ebs, fallback_name + " fleet " + t.instance_type, report);
    types.push_back(std::move(c));
  }
  out.instance_type_configs = std::move(types);
  if (const auto s = f.spot_provisioning()) {
    typename Launch::SpotSpecification spot;
    spot.allocation_strategy = aws::emr::spot_allocation_name(s->allocation);
    spot.timeout_action = aws::emr::spot_timeout_action_name(s->timeout_action);
    spot.timeout_duration_minutes = s->timeout_minutes;
    Launch launch;
    launch.spot_specification = ListOf<typename Launch::SpotSpecification>{spot};
    out.launch_specifications = ListOf<Launch>{launch};
  }
  return out;
}

}  // namespace drdb::render::tf::emr
