// CloudFormation: gateways, elastic IPs, route tables, routes and their associations.
#include "drdb/aws/ec2/gateways.hpp"
#include "drdb/aws/ec2/routing.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/l1/cfn/ec2.hpp"
#include "render/common/route_fields.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::ec2;

void CfnMapper::visit(const aws::ec2::InternetGateway& gateway) {
  const auto& out = emit(gateway, l1::InternetGateway{});
  bind_ref(gateway, "Id", out);
}

void CfnMapper::visit(const aws::ec2::InternetGatewayAttachment& attachment) {
  const auto& p = attachment.props();
  l1::VPCGatewayAttachment r;
  if (p.gateway != nullptr) r.internet_gateway_id = p.gateway->gateway_id();
  if (p.vpc != nullptr) r.vpc_id = p.vpc->vpc_id();
  emit(attachment, r);
}

void CfnMapper::visit(const aws::ec2::ElasticIp& eip) {
  l1::EIP r;
  r.domain = "vpc";
  const auto& out = emit(eip, r);
  bind(eip, "AllocationId", out, "AllocationId");
  bind(eip, "PublicIp", out, "PublicIp");
}

void CfnMapper::visit(const aws::ec2::NatGateway& nat) {
  const auto& p = nat.props();
  l1::NatGateway r;
  if (p.subnet != nullptr) r.subnet_id = p.subnet->subnet_id();
  if (p.eip != nullptr) r.allocation_id = p.eip->allocation_id();
  const auto& out = emit(nat, r);
  bind_ref(nat, "Id", out);
}

void CfnMapper::visit(const aws::ec2::RouteTable& table) {
  l1::RouteTable r;
  if (table.props().vpc != nullptr) r.vpc_id = table.props().vpc->vpc_id();
  const auto& out = emit(table, r);
  bind_ref(table, "Id", out);
}

void CfnMapper::visit(const aws::ec2::Route& route) {
  l1::Route r;
  fill_route(r, route);
  emit(route, r);
}

void CfnMapper::visit(const aws::ec2::SubnetRouteTableAssociation& association) {
  l1::SubnetRouteTableAssociation r;
  fill_association(r, association);
  emit(association, r);
}

}  // namespace drdb::render::cfn
