// A VPC that already exists (a network shared by several teams), known by its ids. It deploys
// nothing; security groups, flow logs and, later, clusters can be placed in it like in a Vpc.
//
//   auto& shared = stack.add<aws::ec2::ImportedVpc>("Shared", {
//       .vpc_id = "vpc-0a1b2c3d4e5f67890", .cidr = "10.40.0.0/16",
//       .private_subnets = {{.subnet_id = "subnet-0123456789abcdef0", .availability_zone = "us-east-1a"}}});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/core/construct.hpp"

namespace drdb::aws::ec2 {

class ImportedVpc : public Construct, public IVpc {
 public:
  struct ImportedSubnet {
    Str subnet_id = "";          // "subnet-0123456789abcdef0", or import_value(...) / a parameter
    Str availability_zone = "";  // "us-east-1a"
    std::optional<Str> route_table_id;
  };
  struct Props {
    Str vpc_id = "";   // "vpc-0123456789abcdef0", or import_value(...) / a parameter
    std::string cidr;  // its primary IPv4 range
    std::vector<ImportedSubnet> public_subnets;
    std::vector<ImportedSubnet> private_subnets;  // with egress through NAT
    std::vector<ImportedSubnet> isolated_subnets;
  };
  ImportedVpc(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str vpc_id() const override { return props_.vpc_id; }
  const std::string& cidr() const override { return props_.cidr; }
  std::vector<SubnetRef> subnets_of(SubnetType type) const override;
  const Construct& node() const override { return *this; }

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
