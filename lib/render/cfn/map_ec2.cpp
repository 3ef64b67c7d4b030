#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/l1/cfn/ec2.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::ec2;
using aws::ec2::Direction;
using aws::ec2::Peer;
using aws::ec2::Rule;

namespace {

bool has_ports(const aws::ec2::Port& p) { return p.protocol != "-1"; }

template <class L1Rule>
void fill_ports(L1Rule& r, const aws::ec2::Port& port) {
  r.ip_protocol = port.protocol;
  if (has_ports(port)) {
    r.from_port = port.from;
    r.to_port = port.to;
  }
}

template <class L1Rule>
void fill_description(L1Rule& r, const Rule& rule) {
  if (!rule.description.empty()) r.description = rule.description;
}

l1::SecurityGroup::Ingress inline_ingress(const Rule& rule) {
  l1::SecurityGroup::Ingress r;
  fill_ports(r, rule.port);
  fill_description(r, rule);
  if (rule.peer.kind == Peer::Kind::Ipv4) r.cidr_ip = rule.peer.cidr;
  if (rule.peer.kind == Peer::Kind::Ipv6) r.cidr_ipv6 = rule.peer.cidr;
  if (rule.peer.kind == Peer::Kind::PrefixList) r.source_prefix_list_id = *rule.peer.prefix_list_id;
  return r;
}

l1::SecurityGroup::Egress inline_egress(const Rule& rule) {
  l1::SecurityGroup::Egress r;
  fill_ports(r, rule.port);
  fill_description(r, rule);
  if (rule.peer.kind == Peer::Kind::Ipv4) r.cidr_ip = rule.peer.cidr;
  if (rule.peer.kind == Peer::Kind::Ipv6) r.cidr_ipv6 = rule.peer.cidr;
  if (rule.peer.kind == Peer::Kind::PrefixList) r.destination_prefix_list_id = *rule.peer.prefix_list_id;
  return r;
}

}  // namespace

void CfnMapper::visit(const aws::ec2::Vpc& vpc) {
  l1::VPC r;
  r.cidr_block = vpc.props().cidr;
  r.enable_dns_hostnames = vpc.props().enable_dns_hostnames;
  r.enable_dns_support = vpc.props().enable_dns_support;
  const auto& out = emit(vpc, r);
  bind_ref(vpc, "Id", out);
  bind(vpc, "CidrBlock", out, "CidrBlock");
  bind(vpc, "DefaultSecurityGroup", out, "DefaultSecurityGroup");
}

void CfnMapper::visit(const aws::ec2::Subnet& subnet) {
  l1::Subnet r;
  r.vpc_id = subnet.vpc().vpc_id();
  r.cidr_block = subnet.props().cidr;
  r.availability_zone = subnet.props().availability_zone;
  r.map_public_ip_on_launch = subnet.props().map_public_ip_on_launch;
  const auto& out = emit(subnet, r);
  bind_ref(subnet, "Id", out);
  bind(subnet, "AvailabilityZone", out, "AvailabilityZone");
}

void CfnMapper::visit(const aws::ec2::SecurityGroup& group) {
  const auto& props = group.props();
  l1::SecurityGroup r;
  r.group_description = props.description;
  if (props.vpc != nullptr) r.vpc_id = props.vpc->vpc_id();
  if (!props.group_name.empty()) r.group_name = props.group_name;
  ListOf<l1::SecurityGroup::Ingress> ingress;
  ListOf<l1::SecurityGroup::Egress> egress;
  for (const auto& rule : group.rules()) {
    if (rule.direction == Direction::Ingress)
      ingress.push_back(inline_ingress(rule));
    else
      egress.push_back(inline_egress(rule));
  }
  if (props.allow_all_outbound) {
    egress.push_back(inline_egress({Direction::Egress, Peer::any_ipv4(), aws::ec2::Port::all_traffic(), "Allow all outbound traffic"}));
  } else if (egress.items().empty()) {
    // Without any egress property CloudFormation keeps EC2's allow-all rule; this rule matches no
    // traffic (ICMP type 252 code 86 to 255.255.255.255/32) and replaces it, as AWS CDK does.
    egress.push_back(inline_egress({Direction::Egress, Peer::ipv4("255.255.255.255/32"), aws::ec2::Port::icmp(252, 86),
                                    "Disallow all traffic"}));
  }
  if (!ingress.items().empty()) r.security_group_ingress = std::move(ingress);
  r.security_group_egress = std::move(egress);
  const auto& out = emit(group, r);
  bind(group, "GroupId", out, "GroupId");
}

void CfnMapper::visit(const aws::ec2::SecurityGroupRule& rule_construct) {
  const auto& rule = rule_construct.rule();
  const auto& group = rule_construct.group();
  if (rule.direction == Direction::Ingress) {
    l1::SecurityGroupIngress r;
    r.group_id = group.group_id();
    fill_ports(r, rule.port);
    fill_description(r, rule);
    r.source_security_group_id = rule.peer.group->group_id();
    emit(rule_construct, r);
  } else {
    l1::SecurityGroupEgress r;
    r.group_id = group.group_id();
    fill_ports(r, rule.port);
    fill_description(r, rule);
    r.destination_security_group_id = rule.peer.group->group_id();
    emit(rule_construct, r);
  }
}

}  // namespace drdb::render::cfn
