// Terraform: gateways, elastic IPs, route tables, routes and their associations.
#include "drdb/aws/ec2/gateways.hpp"
#include "drdb/aws/ec2/routing.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;
using aws::ec2::RouteTarget;

void TfMapper::visit(const aws::ec2::InternetGateway& gateway) {
  l1::aws_internet_gateway r;
  if (gateway.props().vpc != nullptr) r.vpc_id = gateway.props().vpc->vpc_id();  // attaches it
  const auto& out = emit(gateway, r);
  bind(gateway, "Id", out, "id");
}

// aws_internet_gateway.vpc_id is the attachment: nothing of its own to render.
void TfMapper::visit(const aws::ec2::InternetGatewayAttachment&) {}

void TfMapper::visit(const aws::ec2::ElasticIp& eip) {
  l1::aws_eip r;
  r.domain = "vpc";
  const auto& out = emit(eip, r);
  bind(eip, "AllocationId", out, "allocation_id");
  bind(eip, "PublicIp", out, "public_ip");
}

void TfMapper::visit(const aws::ec2::NatGateway& nat) {
  const auto& p = nat.props();
  l1::aws_nat_gateway r;
  if (p.subnet != nullptr) r.subnet_id = p.subnet->subnet_id();
  if (p.eip != nullptr) r.allocation_id = p.eip->allocation_id();
  const auto& out = emit(nat, r);
  bind(nat, "Id", out, "id");
}

void TfMapper::visit(const aws::ec2::RouteTable& table) {
  l1::aws_route_table r;
  if (table.props().vpc != nullptr) r.vpc_id = table.props().vpc->vpc_id();
  const auto& out = emit(table, r);
  bind(table, "Id", out, "id");
}

// Routes are aws_route resources, never inline: the provider forbids mixing the two forms.
void TfMapper::visit(const aws::ec2::Route& route) {
  const auto& p = route.props();
  l1::aws_route r;
  if (p.table != nullptr) r.route_table_id = p.table->route_table_id();
  r.destination_cidr_block = p.destination;
  switch (p.target.kind) {
    case RouteTarget::Kind::InternetGateway: r.gateway_id = p.target.id; break;
    case RouteTarget::Kind::NatGateway: r.nat_gateway_id = p.target.id; break;
    case RouteTarget::Kind::TransitGateway: r.transit_gateway_id = p.target.id; break;
    case RouteTarget::Kind::VpcPeeringConnection: r.vpc_peering_connection_id = p.target.id; break;
  }
  emit(route, r);
}

void TfMapper::visit(const aws::ec2::SubnetRouteTableAssociation& association) {
  const auto& p = association.props();
  l1::aws_route_table_association r;
  if (p.subnet != nullptr) r.subnet_id = p.subnet->subnet_id();
  if (p.table != nullptr) r.route_table_id = p.table->route_table_id();
  emit(association, r);
}

}  // namespace drdb::render::tf
