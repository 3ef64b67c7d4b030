#include "aws/ec2/subnet_plan.hpp"

#include <algorithm>
#include <set>

#include "aws/ec2/checks.hpp"
#include "drdb/aws/ec2/cidr.hpp"

namespace drdb::aws::ec2::detail {

namespace {

// No region has more zones than this (us-east-1); Fn::Select past the last one fails the deployment.
constexpr int max_zones = 6;

bool looks_like_zone(const std::string& name) {
  return name.size() >= 4 && name.back() >= 'a' && name.back() <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::vector<Str> plan_zones(const Vpc::Props& props, const std::string& path, Diagnostics& out) {
  std::vector<Str> zones;
  if (!props.availability_zones.empty()) {
    std::set<std::string> seen;
    for (const auto& name : props.availability_zones) {
      if (!looks_like_zone(name))
        out.error(path, "\"" + name + "\" is not an availability zone name", "use names such as us-east-1a");
      else if (!seen.insert(name).second)
        out.error(path, "availability zone " + name + " is listed twice", "list each zone once");
      zones.emplace_back(name);
    }
    return zones;
  }
  if (props.max_azs < 1 || props.max_azs > max_zones)
    out.error(path, "max_azs is " + std::to_string(props.max_azs) + "; a VPC spans 1 to 6 availability zones",
              "set .max_azs between 1 and 6 (no region has more than 6 zones), or name them in .availability_zones");
  const int n = std::clamp(props.max_azs, 0, max_zones);
  for (int i = 0; i < n; ++i) zones.push_back(pseudo::availability_zone(i));
  return zones;
}

// Keeps the groups that can be built; reports the others and inconsistent ranges.
std::vector<SubnetPlan::Group> usable_groups(const Vpc::Props& props, std::size_t zones, const std::string& path,
                                             Diagnostics& out) {
  std::vector<SubnetPlan::Group> groups;
  std::set<std::string> names;
  for (const auto& spec : props.subnet_groups) {
    if (!is_alphanumeric(spec.name)) {
      out.error(path, "subnet group name \"" + spec.name + "\" must be letters and digits (it names its subnets)",
                "use a name such as \"Private\"");
      continue;
    }
    if (!names.insert(spec.name).second) {
      out.error(path, "subnet group " + spec.name + " is declared twice", "give each subnet group its own name");
      continue;
    }
    SubnetPlan::Group group{&spec, {}};
    if (spec.mask && !spec.cidrs.empty())
      out.error(path, "subnet group " + spec.name + " sets both .mask and .cidrs", "keep one of them");
    if (!spec.cidrs.empty() && spec.cidrs.size() != zones)
      out.error(path, "subnet group " + spec.name + " gives " + std::to_string(spec.cidrs.size()) + " ranges for " +
                          std::to_string(zones) + " availability zones",
                "give one range per zone, in zone order (or a .mask and let drdb place them)");
    else
      group.cidrs = spec.cidrs;
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace

SubnetPlan plan_subnets(const Vpc::Props& props, const std::string& vpc_path) {
  SubnetPlan plan;
  plan.zones = plan_zones(props, vpc_path, plan.problems);
  plan.groups = usable_groups(props, plan.zones.size(), vpc_path, plan.problems);
  const auto range = Ipv4Cidr::parse(props.cidr);
  if (!range || plan.zones.empty()) return plan;  // the VPC's own checks report its range

  // Explicit ranges are placed first; the others are carved around them, in group order.
  std::vector<Ipv4Cidr> reserved;
  std::vector<CarveRequest> requests;
  std::vector<SubnetPlan::Group*> carved;
  for (auto& group : plan.groups) {
    if (!group.spec->cidrs.empty()) {
      for (const auto& text : group.cidrs)
        if (auto cidr = Ipv4Cidr::parse(text)) reserved.push_back(*cidr);
      continue;
    }
    requests.push_back({group.spec->name, plan.zones.size(), group.spec->mask});
    carved.push_back(&group);
  }
  const auto carving = carve(*range, requests, reserved);
  for (std::size_t i = 0; i < carved.size(); ++i)
    for (const auto& block : carving.blocks[i]) carved[i]->cidrs.push_back(block.to_string());
  for (const auto& e : carving.errors)
    plan.problems.error(vpc_path, "subnet group " + e.message,
                        e.fix + (plan.zones.size() > 1 ? ", or use fewer availability zones" : ""));
  return plan;
}

}  // namespace drdb::aws::ec2::detail
