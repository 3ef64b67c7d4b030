// Security-group rules of a document, compared as sets, wherever each is declared.
#include "diff/readable.hpp"
#include "diff/tables.hpp"

namespace drdb::diff::detail {
namespace {

using nlohmann::json;

std::string text(const json& rule, const char* key) {
  const auto it = rule.find(key);
  return it == rule.end() || it->is_null() ? std::string() : readable(*it);
}

std::string protocol(std::string p) {
  if (p == "-1" || p == "all") return "all";
  if (p == "6") return "tcp";
  if (p == "17") return "udp";
  if (p == "1") return "icmp";
  return p;
}

std::string ports(const json& rule, const std::string& proto, const char* from_key, const char* to_key) {
  if (proto == "all") return "all";
  const auto from = text(rule, from_key), to = text(rule, to_key);
  if (from.empty() && to.empty()) return "all";
  return from == to || to.empty() ? from : from + "-" + to;
}

// The first peer field the rule has: a CIDR, a security group, a prefix list.
std::string peer(const json& rule, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = rule.find(key);
    if (it == rule.end() || it->is_null() || (it->is_array() && it->empty())) continue;
    if (it->is_array()) {
      std::string out;
      for (const auto& item : *it) out += (out.empty() ? "" : ", ") + readable(item);
      return out;
    }
    if (it->is_boolean()) return it->get<bool>() ? "itself" : std::string();
    return readable(*it);
  }
  return {};
}

RuleChange cfn_rule(const json& rule, std::string group, std::string direction) {
  RuleChange r;
  r.group = std::move(group);
  r.direction = std::move(direction);
  r.protocol = protocol(text(rule, "IpProtocol"));
  r.ports = ports(rule, r.protocol, "FromPort", "ToPort");
  r.peer = peer(rule, {"CidrIp", "CidrIpv6", "SourceSecurityGroupId", "DestinationSecurityGroupId", "SourcePrefixListId",
                       "DestinationPrefixListId", "SourceSecurityGroupName"});
  r.description = text(rule, "Description");
  return r;
}

RuleChange tf_rule(const json& rule, std::string group, std::string direction) {
  RuleChange r;
  r.group = std::move(group);
  r.direction = std::move(direction);
  r.protocol = protocol(text(rule, rule.contains("ip_protocol") ? "ip_protocol" : "protocol"));
  r.ports = ports(rule, r.protocol, "from_port", "to_port");
  r.peer = peer(rule, {"cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "prefix_list_id", "cidr_blocks",
                       "ipv6_cidr_blocks", "source_security_group_id", "security_groups", "prefix_list_ids", "self"});
  r.description = text(rule, "description");
  return r;
}

void inline_rules(const json& list, const std::string& group, const char* direction, bool terraform,
                  std::multiset<RuleChange>& out) {
  if (!list.is_array()) return;
  for (const auto& rule : list)
    if (rule.is_object()) out.insert(terraform ? tf_rule(rule, group, direction) : cfn_rule(rule, group, direction));
}

std::multiset<RuleChange> rules_of(const ResourceMap& resources, Kind kind) {
  std::multiset<RuleChange> out;
  for (const auto& [id, r] : resources) {
    if (r.body == nullptr || !r.body->is_object()) continue;
    const json& b = *r.body;
    if (kind == Kind::Terraform) {
      if (r.type == "aws_security_group") {
        inline_rules(b.value("ingress", json()), id, "ingress", true, out);
        inline_rules(b.value("egress", json()), id, "egress", true, out);
      } else if (r.type == "aws_vpc_security_group_ingress_rule" || r.type == "aws_vpc_security_group_egress_rule") {
        out.insert(tf_rule(b, text(b, "security_group_id"), r.type.find("ingress") != std::string::npos ? "ingress" : "egress"));
      } else if (r.type == "aws_security_group_rule") {
        out.insert(tf_rule(b, text(b, "security_group_id"), text(b, "type")));
      }
      continue;
    }
    const json properties = b.value("Properties", json::object());
    if (r.type == "AWS::EC2::SecurityGroup") {
      inline_rules(properties.value("SecurityGroupIngress", json()), id, "ingress", false, out);
      inline_rules(properties.value("SecurityGroupEgress", json()), id, "egress", false, out);
    } else if (r.type == "AWS::EC2::SecurityGroupIngress" || r.type == "AWS::EC2::SecurityGroupEgress") {
      const auto group = properties.contains("GroupId") ? text(properties, "GroupId") : text(properties, "GroupName");
      out.insert(cfn_rule(properties, group, r.type.ends_with("Ingress") ? "ingress" : "egress"));
    }
  }
  return out;
}

}  // namespace

std::vector<RuleChange> rule_changes(const ResourceMap& before, const ResourceMap& after, Kind kind) {
  return changes_between(rules_of(before, kind), rules_of(after, kind), [](const auto& c) { return c.group; });
}

}  // namespace drdb::diff::detail
