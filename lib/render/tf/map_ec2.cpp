#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;
using aws::ec2::Direction;
using aws::ec2::Peer;
using aws::ec2::Rule;

namespace {

// One rule as an aws_vpc_security_group_{ingress,egress}_rule body (both have the same fields).
template <class L1Rule>
L1Rule rule_body(const aws::ec2::SecurityGroup& group, const Rule& rule) {
  L1Rule r;
  r.security_group_id = group.group_id();
  r.ip_protocol = rule.port.protocol;
  if (rule.port.protocol != "-1") {
    r.from_port = rule.port.from;
    r.to_port = rule.port.to;
  }
  if (!rule.description.empty()) r.description = rule.description;
  switch (rule.peer.kind) {
    case Peer::Kind::Ipv4: r.cidr_ipv4 = rule.peer.cidr; break;
    case Peer::Kind::Ipv6: r.cidr_ipv6 = rule.peer.cidr; break;
    case Peer::Kind::PrefixList: r.prefix_list_id = *rule.peer.prefix_list_id; break;
    case Peer::Kind::SecurityGroup: r.referenced_security_group_id = rule.peer.group->group_id(); break;
  }
  return r;
}

std::string rule_key(const Rule& rule) {
  return std::string(rule.direction == Direction::Ingress ? "ingress " : "egress ") + rule.port.describe() + " " +
         rule.peer.describe();
}

}  // namespace

void TfMapper::visit(const aws::ec2::Vpc& vpc) {
  l1::aws_vpc r;
  r.cidr_block = vpc.props().cidr;
  r.enable_dns_hostnames = vpc.props().enable_dns_hostnames;
  r.enable_dns_support = vpc.props().enable_dns_support;
  const auto& out = emit(vpc, r);
  bind(vpc, "Id", out, "id");
  bind(vpc, "CidrBlock", out, "cidr_block");
  bind(vpc, "DefaultSecurityGroup", out, "default_security_group_id");
}

void TfMapper::visit(const aws::ec2::Subnet& subnet) {
  l1::aws_subnet r;
  r.vpc_id = subnet.vpc().vpc_id();
  r.cidr_block = subnet.props().cidr;
  r.availability_zone = subnet.props().availability_zone;
  r.map_public_ip_on_launch = subnet.props().map_public_ip_on_launch;
  const auto& out = emit(subnet, r);
  bind(subnet, "Id", out, "id");
  bind(subnet, "AvailabilityZone", out, "availability_zone");
}

void TfMapper::visit(const aws::ec2::SecurityGroup& group) {
  const auto& props = group.props();
  l1::aws_security_group r;
  r.description = props.description;
  if (props.vpc != nullptr) r.vpc_id = props.vpc->vpc_id();
  if (!props.group_name.empty()) r.name = props.group_name;
  if (props.revoke_rules_on_delete) r.revoke_rules_on_delete = true;
  // Rules are separate resources: the provider forbids mixing inline and separate rules, and
  // without inline egress it removes EC2's default allow-all egress rule.
  const auto& out = emit(group, r);
  bind(group, "GroupId", out, "id");
  std::vector<Rule> rules = group.rules();
  if (props.allow_all_outbound)
    rules.push_back({Direction::Egress, Peer::any_ipv4(), aws::ec2::Port::all_traffic(), "Allow all outbound traffic"});
  for (const auto& rule : rules) {
    const auto name = secondary_name(group, rule_key(rule));
    if (rule.direction == Direction::Ingress)
      emit(group, rule_body<l1::aws_vpc_security_group_ingress_rule>(group, rule), name, false);
    else
      emit(group, rule_body<l1::aws_vpc_security_group_egress_rule>(group, rule), name, false);
  }
}

void TfMapper::visit(const aws::ec2::SecurityGroupRule& rule_construct) {
  const auto& rule = rule_construct.rule();
  if (rule.direction == Direction::Ingress)
    emit(rule_construct, rule_body<l1::aws_vpc_security_group_ingress_rule>(rule_construct.group(), rule));
  else
    emit(rule_construct, rule_body<l1::aws_vpc_security_group_egress_rule>(rule_construct.group(), rule));
}

}  // namespace drdb::render::tf
