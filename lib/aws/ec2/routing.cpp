#include "drdb/aws/ec2/routing.hpp"

#include "aws/ec2/checks.hpp"
#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/gateways.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ec2 {

RouteTarget RouteTarget::internet_gateway(const InternetGateway& gateway) { return {Kind::InternetGateway, gateway.gateway_id()}; }
RouteTarget RouteTarget::nat_gateway(const NatGateway& gateway) { return {Kind::NatGateway, gateway.nat_gateway_id()}; }

RouteTable::RouteTable(const Scope& scope, Props props) : Resource(scope), props_(props) {
  tag("Name", path());  // how the console lists it
}

void RouteTable::validate(Diagnostics& out) const {
  detail::require(props_.vpc, *this, "the route table's VPC (.vpc)", "set .vpc = &vpc", out);
}

Route::Route(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

void Route::validate(Diagnostics& out) const {
  detail::require(props_.table, *this, "the route's table (.table)", "set .table = subnet.route_table()", out);
  std::string error;
  if (!Ipv4Cidr::parse(props_.destination, &error))
    out.error(path(), "invalid route destination: " + error, "use a range such as 0.0.0.0/0 or 192.168.0.0/16");
  if (props_.target.id.is_literal() && props_.target.id.value().as_string().empty())
    out.error(path(), "the route has no target", "set .target = RouteTarget::transit_gateway(\"tgw-...\") or another target");
}

SubnetRouteTableAssociation::SubnetRouteTableAssociation(const Scope& scope, Props props)
    : Resource(scope), props_(props) {}

void SubnetRouteTableAssociation::validate(Diagnostics& out) const {
  detail::require(props_.subnet, *this, "the associated subnet (.subnet)", "set .subnet = &subnet", out);
  detail::require(props_.table, *this, "the associated route table (.table)", "set .table = &table", out);
}

void RouteTable::accept(ResourceVisitor& v) const { v.visit(*this); }
void Route::accept(ResourceVisitor& v) const { v.visit(*this); }
void SubnetRouteTableAssociation::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
