// A VPC and the subnets placed in it.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/resource.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::ec2 {

class Subnet;

class Vpc : public Resource {
 public:
  struct Props {
    std::string cidr = "10.0.0.0/16";
    bool enable_dns_hostnames = true;  // needed by interface endpoints and EMR's private DNS names
    bool enable_dns_support = true;
  };
  Vpc(const Scope& scope, Props props);

  struct SubnetProps {
    std::string cidr;
    // A literal zone ("us-east-1a") or pseudo::availability_zone(i).
    Str availability_zone = pseudo::availability_zone(0);
    bool map_public_ip_on_launch = false;
  };
  Subnet& add_subnet(std::string id, SubnetProps props);
  std::vector<const Subnet*> subnets() const;

  const Props& props() const { return props_; }
  Str vpc_id() const { return attr("Id"); }
  Str cidr_block() const { return attr("CidrBlock"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

class Subnet : public Resource {
 public:
  using Props = Vpc::SubnetProps;
  Subnet(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  const Vpc& vpc() const;
  Str subnet_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
