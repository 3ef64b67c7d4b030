#include "drdb/aws/ec2/ivpc.hpp"

namespace drdb::aws::ec2 {

std::string_view describe(SubnetType type) {
  switch (type) {
    case SubnetType::Public: return "public";
    case SubnetType::PrivateWithEgress: return "private with egress";
    case SubnetType::Isolated: return "isolated";
  }
  return {};
}

StrList IVpc::subnet_ids(SubnetType type) const {
  StrList out;
  for (auto& s : subnets_of(type)) out.push_back(std::move(s.subnet_id));
  return out;
}

StrList IVpc::route_table_ids(SubnetType type) const {
  StrList out;
  for (auto& s : subnets_of(type))
    if (s.route_table_id) out.push_back(std::move(*s.route_table_id));
  return out;
}

}  // namespace drdb::aws::ec2
