#include "drdb/aws/emr/instance_group.hpp"

#include "aws/emr/checks.hpp"
#include "aws/emr/instances_check.hpp"

namespace drdb::aws::emr {

std::string_view market_name(Market m) { return m == Market::Spot ? "SPOT" : "ON_DEMAND"; }

Value InstanceGroup::api_value(std::string_view role, const std::string& default_name) const {
  Object out{{"InstanceCount", count},
             {"InstanceRole", std::string(role)},
             {"InstanceType", instance_type},
             {"Market", std::string(market_name(market))},
             {"Name", name_or(default_name)}};
  if (!bid_price.empty()) out.emplace("BidPrice", bid_price);
  if (auto ebs_config = ebs_configuration_api_value(ebs, ebs_optimized); !ebs_config.is_null())
    out.emplace("EbsConfiguration", std::move(ebs_config));
  if (autoscaling) out.emplace("AutoScalingPolicy", autoscaling->api_value());
  return Value(std::move(out));
}

namespace detail {

namespace {

void validate_group(const InstanceGroup& g, const std::string& where, const std::string& path, Diagnostics& out) {
  if (g.instance_type.empty())
    out.error(path, where + " group has no instance type", "set .instance_type, e.g. \"m5.xlarge\"");
  else if (!is_instance_type(g.instance_type))
    out.error(path, where + " instance type \"" + g.instance_type + "\" is not an EC2 instance type",
              "use family.size, e.g. \"m5.xlarge\"");
  if (g.market == Market::OnDemand && !g.bid_price.empty())
    out.error(path, where + " group has a bid price but buys On-Demand", "set .market = Market::Spot or remove .bid_price");
  if (!g.bid_price.empty() && !is_price(g.bid_price))
    out.error(path, where + " bid price \"" + g.bid_price + "\" is not a positive USD amount",
              "use a decimal such as \"0.25\", or leave it empty to cap at the On-Demand price");
  if (g.name.size() > 256) out.error(path, where + " group name is longer than 256 characters", "shorten it");
  validate_ebs(g.ebs, path, where + " group", out);
  if (g.autoscaling) {
    g.autoscaling->validate(path, where, out);
    if (g.count < g.autoscaling->min_instances || g.count > g.autoscaling->max_instances)
      out.error(path, where + " instance count " + std::to_string(g.count) + " is outside its autoscaling range " +
                          std::to_string(g.autoscaling->min_instances) + "-" + std::to_string(g.autoscaling->max_instances),
                "start the group within the range");
  }
}

}  // namespace

void validate_instance_groups(const InstanceGroups& groups, const std::optional<Release>& release,
                              const std::string& path, Diagnostics& out) {
  const auto& primary = groups.primary;
  validate_group(primary, "primary", path, out);
  if (primary.count != 1 && primary.count != 3)
    out.error(path, "primary group count is " + std::to_string(primary.count),
              "use 1, or 3 for high availability");
  else if (primary.count == 3 && release && *release < Release{5, 23, 0})
    out.error(path, "three primary nodes need emr-5.23.0 or later (" + release->label() + ")",
              "use a later release or one primary node");
  if (primary.autoscaling)
    out.error(path, "the primary group cannot have an autoscaling policy", "scale the core or task groups");

  if (groups.core) {
    validate_group(*groups.core, "core", path, out);
    if (groups.core->count < 1)
      out.error(path, "core group count is " + std::to_string(groups.core->count),
                "use 1 or more, or remove the core group for a single-node cluster");
  } else if (!groups.task.empty()) {
    out.error(path, "task groups without a core group", "add a core group (task nodes need core nodes for HDFS)");
  }
  for (std::size_t i = 0; i < groups.task.size(); ++i) {
    const auto where = "task " + std::to_string(i + 1);
    validate_group(groups.task[i], where, path, out);
    if (groups.task[i].count < 0)
      out.error(path, where + " group count is " + std::to_string(groups.task[i].count), "use 0 or more");
  }
  if (groups.task.size() > 48)
    out.error(path, std::to_string(groups.task.size()) + " task groups", "use at most 48 task instance groups");
}

}  // namespace detail

}  // namespace drdb::aws::emr
