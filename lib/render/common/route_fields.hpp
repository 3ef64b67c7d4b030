// Route and route-table-association fields have the same names in CloudFormation's and Terraform's
// L1 structs (route_table_id, destination_cidr_block, gateway_id...), so both targets fill them here.
#pragma once

#include "drdb/aws/ec2/routing.hpp"

namespace drdb::render {

template <class L1Route>
void fill_route(L1Route& r, const aws::ec2::Route& route) {
  using Kind = aws::ec2::RouteTarget::Kind;
  const auto& p = route.props();
  if (p.table != nullptr) r.route_table_id = p.table->route_table_id();
  r.destination_cidr_block = p.destination;
  switch (p.target.kind) {
    case Kind::InternetGateway: r.gateway_id = p.target.id; break;
    case Kind::NatGateway: r.nat_gateway_id = p.target.id; break;
    case Kind::TransitGateway: r.transit_gateway_id = p.target.id; break;
    case Kind::VpcPeeringConnection: r.vpc_peering_connection_id = p.target.id; break;
  }
}

template <class L1Association>
void fill_association(L1Association& r, const aws::ec2::SubnetRouteTableAssociation& association) {
  const auto& p = association.props();
  if (p.subnet != nullptr) r.subnet_id = p.subnet->subnet_id();
  if (p.table != nullptr) r.route_table_id = p.table->route_table_id();
}

}  // namespace drdb::render
