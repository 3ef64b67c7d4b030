// Where a Vpc's subnet groups go: the zones, and one range per zone for each group. A pure function
// of the props, computed when the Vpc builds its subnets and again when it is validated (which
// reports the problems), so the two never disagree.
#pragma once

#include <string>
#include <vector>

#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::ec2::detail {

struct SubnetPlan {
  struct Group {
    const SubnetGroup* spec = nullptr;
    std::vector<std::string> cidrs;  // one per zone, or none when the group could not be placed
  };
  std::vector<Str> zones;
  std::vector<Group> groups;  // the groups that can be built (valid, unique names), in declaration order
  Diagnostics problems;       // at the VPC's path
};

SubnetPlan plan_subnets(const Vpc::Props& props, const std::string& vpc_path);

}  // namespace drdb::aws::ec2::detail
