#include "drdb/aws/ec2/imported_vpc.hpp"

#include <set>

#include "aws/ec2/checks.hpp"
#include "drdb/aws/ec2/cidr.hpp"

namespace drdb::aws::ec2 {

ImportedVpc::ImportedVpc(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {}

std::vector<SubnetRef> ImportedVpc::subnets_of(SubnetType type) const {
  const auto& list = type == SubnetType::Public              ? props_.public_subnets
                     : type == SubnetType::PrivateWithEgress ? props_.private_subnets
                                                             : props_.isolated_subnets;
  std::vector<SubnetRef> out;
  for (const auto& s : list) out.push_back({s.subnet_id, s.availability_zone, s.route_table_id});
  return out;
}

void ImportedVpc::validate(Diagnostics& out) const {
  if (props_.vpc_id.is_literal() && props_.vpc_id.value().as_string().empty())
    out.error(path(), "an imported VPC needs its id", "set .vpc_id = \"vpc-...\" (or a parameter / import_value)");
  else
    detail::check_aws_id(props_.vpc_id, "vpc-", path(), "vpc_id", out);
  std::string error;
  if (!Ipv4Cidr::parse(props_.cidr, &error))
    out.error(path(), "invalid CIDR of the imported VPC: " + error, "give its primary range, e.g. 10.40.0.0/16");
  std::set<std::string> seen;
  for (const auto type : {SubnetType::Public, SubnetType::PrivateWithEgress, SubnetType::Isolated}) {
    for (const auto& s : subnets_of(type)) {
      const std::string kind = std::string(describe(type)) + " subnet";
      detail::check_aws_id(s.subnet_id, "subnet-", path(), kind + " id", out);
      if (s.subnet_id.is_literal() && !seen.insert(s.subnet_id.value().as_string()).second)
        out.error(path(), kind + " " + s.subnet_id.value().as_string() + " is listed twice", "list each subnet once, under its kind");
      if (s.availability_zone.is_literal() && s.availability_zone.value().as_string().empty())
        out.error(path(), kind + " " + (s.subnet_id.is_literal() ? s.subnet_id.value().as_string() : "") + " has no availability zone",
                  "set .availability_zone (e.g. \"us-east-1a\")");
      if (s.route_table_id) detail::check_aws_id(*s.route_table_id, "rtb-", path(), kind + " route table id", out);
    }
  }
}

}  // namespace drdb::aws::ec2
