// EC2 security-group rules: what the internet (0.0.0.0/0, ::/0) may reach.
#include "drdb/aws/ec2/security_group.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::ec2::Direction;
using aws::ec2::Peer;
using aws::ec2::Port;
using aws::ec2::SecurityGroup;

bool from_anywhere(const aws::ec2::Rule& rule) {
  const auto& p = rule.peer;
  return rule.direction == Direction::Ingress &&
         ((p.kind == Peer::Kind::Ipv4 && p.cidr == "0.0.0.0/0") || (p.kind == Peer::Kind::Ipv6 && p.cidr == "::/0"));
}

bool all_protocols(const Port& port) { return port.protocol == "-1"; }
bool has_ports(const Port& port) { return port.protocol == "tcp" || port.protocol == "udp" || port.protocol == "6" || port.protocol == "17"; }
bool is_tcp(const Port& port) { return port.protocol == "tcp" || port.protocol == "6"; }

bool reaches_ssh(const Port& port) {
  return all_protocols(port) || (is_tcp(port) && port.from <= 22 && 22 <= port.to);
}

// A port other than HTTP, HTTPS (the web's) and SSH (EC2.1's).
bool reaches_other_port(const Port& port) {
  if (all_protocols(port)) return true;
  if (!has_ports(port)) return false;  // ICMP and other protocols without ports
  if (!is_tcp(port)) return true;
  int allowed = 0;
  for (int p : {22, 80, 443}) allowed += port.from <= p && p <= port.to ? 1 : 0;
  return port.to - port.from + 1 > allowed;
}

template <class Test>
void fire_on_rules(const SecurityGroup& g, Context& c, Test reaches, const std::string& what) {
  for (const auto& rule : g.rules())
    if (from_anywhere(rule) && reaches(rule.port))
      c.fire(g, what + " is open to " + rule.peer.cidr + " (" + rule.port.describe() + ")");
}

}  // namespace

void register_ec2_rules(Registry& r) {
  r.add<SecurityGroup>({.id = "EC2.1", .level = Level::Error,
                        .rationale = "SSH open to the internet is scanned and brute-forced within minutes",
                        .fix = "allow port 22 only from your network's CIDR, or reach instances with SSM Session Manager"},
                       [](const SecurityGroup& g, Context& c) { fire_on_rules(g, c, reaches_ssh, "SSH (port 22)"); });
  r.add<SecurityGroup>({.id = "EC2.2", .level = Level::Error,
                        .rationale = "only web traffic (80, 443) should be reachable from the whole internet",
                        .fix = "limit the rule to the CIDRs or security groups that need it"},
                       [](const SecurityGroup& g, Context& c) {
                         fire_on_rules(g, c, reaches_other_port, "a port other than 80/443");
                       });
}

}  // namespace drdb::rules
