#include "drdb/aws/ec2/security_group.hpp"

#include <algorithm>

#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/logical_id.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ec2 {

namespace {

bool is_known_protocol(const std::string& p) {
  if (p == "tcp" || p == "udp" || p == "icmp" || p == "icmpv6" || p == "-1") return true;
  if (p.empty() || p.size() > 3 || !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return std::stoi(p) <= 255;
}

bool uses_ports(const std::string& p) { return p == "tcp" || p == "udp" || p == "6" || p == "17"; }

bool same_peer(const Peer& a, const Peer& b) {
  return a.kind == b.kind && a.cidr == b.cidr && a.group == b.group && a.prefix_list_id == b.prefix_list_id;
}

void validate_rule(const Rule& rule, const std::string& path, Diagnostics& out) {
  const auto& port = rule.port;
  if (!is_known_protocol(port.protocol)) {
    out.error(path, "unknown protocol \"" + port.protocol + "\"",
              "use tcp, udp, icmp, icmpv6, -1 (all traffic) or an IP protocol number 0-255");
    return;
  }
  if (uses_ports(port.protocol)) {
    if (port.from < 0 || port.from > 65535 || port.to < 0 || port.to > 65535)
      out.error(path, "port range " + port.describe() + " is outside 0-65535", "use ports between 0 and 65535");
    else if (port.from > port.to)
      out.error(path, "port range " + port.describe() + " starts after it ends", "swap the bounds");
  } else if (port.protocol == "icmp" || port.protocol == "icmpv6") {
    if (port.from < -1 || port.from > 255 || port.to < -1 || port.to > 255)
      out.error(path, "ICMP type/code in " + port.describe() + " must be -1 (any) or 0-255", "correct the type and code");
  }
  if (rule.peer.kind == Peer::Kind::Ipv4) {
    std::string error;
    if (!Ipv4Cidr::parse(rule.peer.cidr, &error))
      out.error(path, "invalid peer CIDR in rule " + port.describe() + ": " + error, "use a range such as 10.0.0.0/16");
  } else if (rule.peer.kind == Peer::Kind::Ipv6 && rule.peer.cidr.find(':') == std::string::npos) {
    out.error(path, "\"" + rule.peer.cidr + "\" is not an IPv6 CIDR", "use a range such as ::/0 or 2001:db8::/32");
  }
  if (rule.description.size() > 255)
    out.error(path, "rule description is longer than 255 characters", "shorten it");
}

}  // namespace

std::string Port::describe() const {
  if (protocol == "-1") return "all traffic";
  if (protocol == "icmp" || protocol == "icmpv6")
    return protocol + " type " + std::to_string(from) + " code " + std::to_string(to);
  if (from == to) return protocol + " " + std::to_string(from);
  return protocol + " " + std::to_string(from) + "-" + std::to_string(to);
}

std::string Peer::describe() const {
  switch (kind) {
    case Kind::Ipv4:
    case Kind::Ipv6: return cidr;
    case Kind::PrefixList: return "prefix list";
    case Kind::SecurityGroup: return group->path();
  }
  return {};
}

SecurityGroup::SecurityGroup(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it
}

void SecurityGroup::add_rule(Rule rule) {
  if (rule.peer.kind == Peer::Kind::SecurityGroup) {
    // Child id from direction, peer and port: stable as long as the rule means the same thing.
    std::string id = std::string(rule.direction == Direction::Ingress ? "From" : "To") +
                     logical_id(*rule.peer.group) + rule.port.describe();
    if (find_child(id) != nullptr) return;  // identical rule already present
    add<SecurityGroupRule>(std::move(id), {std::move(rule)});
    return;
  }
  for (auto& existing : rules_) {
    if (existing.direction == rule.direction && same_peer(existing.peer, rule.peer) && existing.port == rule.port) {
      if (existing.description.empty()) existing.description = rule.description;
      return;
    }
  }
  rules_.push_back(std::move(rule));
}

void SecurityGroup::add_ingress(Peer peer, Port port, std::string description) {
  add_rule({Direction::Ingress, std::move(peer), std::move(port), std::move(description)});
}

void SecurityGroup::add_egress(Peer peer, Port port, std::string description) {
  add_rule({Direction::Egress, std::move(peer), std::move(port), std::move(description)});
}

void SecurityGroup::allow_from(SecurityGroup& other, Port port, std::string description) {
  add_ingress(Peer::security_group(other), port, description);
  other.add_egress(Peer::security_group(*this), std::move(port), std::move(description));
}

void SecurityGroup::validate(Diagnostics& out) const {
  if (props_.description.empty())
    out.error(path(), "a security group needs a description", "set .description (it cannot change later)");
  if (props_.vpc == nullptr) out.error(path(), "a security group needs a VPC", "set .vpc = &vpc");
  // EC2 refuses these names (CreateSecurityGroup): "sg-" is how group ids start.
  const auto& name = props_.group_name;
  if (name.starts_with("sg-"))
    out.error(path(), "security group name \"" + name + "\" starts with \"sg-\", which EC2 reserves for group ids",
              "choose another name, or leave group_name empty for a generated one");
  if (name.size() > 255)
    out.error(path(), "the security group name is longer than 255 characters", "shorten it");
  for (const auto& rule : rules_) validate_rule(rule, path(), out);
}

SecurityGroupRule::SecurityGroupRule(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

const SecurityGroup& SecurityGroupRule::group() const { return dynamic_cast<const SecurityGroup&>(*scope()); }

void SecurityGroupRule::validate(Diagnostics& out) const { validate_rule(props_.rule, path(), out); }

void SecurityGroup::accept(ResourceVisitor& v) const { v.visit(*this); }
void SecurityGroupRule::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
