// The ways out of a VPC: an internet gateway for public subnets, NAT gateways (each with its
// elastic IP) for private subnets with egress.
#pragma once

#include "drdb/core/resource.hpp"

namespace drdb::aws::ec2 {

class Subnet;
class Vpc;

// Renders with its attachment to the VPC (a child, below): CloudFormation needs a separate
// attachment resource, Terraform sets vpc_id on the gateway itself.
class InternetGateway : public Resource {
 public:
  struct Props {
    const Vpc* vpc = nullptr;
  };
  InternetGateway(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str gateway_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

// AWS::EC2::VPCGatewayAttachment in CloudFormation; nothing of its own in Terraform. Resources
// that need the gateway attached (public routes, NAT gateways, elastic IPs) depend on the gateway
// construct, which covers this child in both targets.
class InternetGatewayAttachment : public Resource {
 public:
  struct Props {
    const InternetGateway* gateway = nullptr;
    const Vpc* vpc = nullptr;
  };
  InternetGatewayAttachment(const Scope& scope, Props props);

  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

class ElasticIp : public Resource {
 public:
  struct Props {};
  ElasticIp(const Scope& scope, Props props);

  Str allocation_id() const { return attr("AllocationId"); }
  Str public_ip() const { return attr("PublicIp"); }

  void accept(ResourceVisitor& v) const override;
};

class NatGateway : public Resource {
 public:
  struct Props {
    const Subnet* subnet = nullptr;  // a public subnet
    const ElasticIp* eip = nullptr;
  };
  NatGateway(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str nat_gateway_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
