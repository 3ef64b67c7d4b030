#include "drdb/aws/ec2/gateways.hpp"

#include "aws/ec2/checks.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ec2 {

InternetGateway::InternetGateway(const Scope& scope, Props props) : Resource(scope), props_(props) {
  tag("Name", path());  // how the console lists it
  add<InternetGatewayAttachment>("Attachment", {.gateway = this, .vpc = props_.vpc});
}

void InternetGateway::validate(Diagnostics& out) const {
  detail::require(props_.vpc, *this, "the gateway's VPC (.vpc)", "set .vpc = &vpc", out);
}

InternetGatewayAttachment::InternetGatewayAttachment(const Scope& scope, Props props) : Resource(scope), props_(props) {}

void InternetGatewayAttachment::validate(Diagnostics& out) const {
  detail::require(props_.gateway, *this, "the attached gateway (.gateway)", "set .gateway = &gateway", out);
  detail::require(props_.vpc, *this, "the attachment's VPC (.vpc)", "set .vpc = &vpc", out);
}

ElasticIp::ElasticIp(const Scope& scope, Props) : Resource(scope) {
  tag("Name", path());  // how the console lists it
}

NatGateway::NatGateway(const Scope& scope, Props props) : Resource(scope), props_(props) {
  tag("Name", path());  // how the console lists it
}

void NatGateway::validate(Diagnostics& out) const {
  detail::require(props_.subnet, *this, "the NAT gateway's subnet (.subnet)", "set .subnet to a public subnet", out);
  detail::require(props_.eip, *this, "the NAT gateway's elastic IP (.eip)", "set .eip = &eip", out);
  if (props_.subnet != nullptr && props_.subnet->props().type != SubnetType::Public)
    out.error(path(), "a NAT gateway must be in a public subnet, not in " + props_.subnet->path(),
              "place it in a subnet of a SubnetType::Public group");
}

void InternetGateway::accept(ResourceVisitor& v) const { v.visit(*this); }
void InternetGatewayAttachment::accept(ResourceVisitor& v) const { v.visit(*this); }
void ElasticIp::accept(ResourceVisitor& v) const { v.visit(*this); }
void NatGateway::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
