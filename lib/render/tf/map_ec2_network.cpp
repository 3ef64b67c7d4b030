// Terraform: gateways, elastic IPs, route tables, routes and their associations.
#include "drdb/aws/ec2/gateways.hpp"
#include "drdb/aws/ec2/routing.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "render/common/route_fields.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

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
  l1::aws_route r;
  fill_route(r, route);
  emit(route, r);
}

void TfMapper::visit(const aws::ec2::SubnetRouteTableAssociation& association) {
  l1::aws_route_table_association r;
  fill_association(r, association);
  emit(association, r);
}

}  // namespace drdb::render::tf
