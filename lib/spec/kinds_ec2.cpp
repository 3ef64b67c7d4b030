// ec2.Vpc and ec2.SecurityGroup in specs.
#include <regex>

#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/kms/key.hpp"
#include "spec/ec2_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"
#include "spec/logs_codecs.hpp"

namespace drdb::spec {

using namespace aws::ec2;

template <>
struct EnumNames<NatGateways> {
  static constexpr std::pair<std::string_view, NatGateways> values[] = {
      {"none", NatGateways::None}, {"one", NatGateways::One}, {"per_az", NatGateways::PerAz}};
};
template <>
struct EnumNames<FlowLogTraffic> {
  static constexpr std::pair<std::string_view, FlowLogTraffic> values[] = {
      {"all", FlowLogTraffic::All}, {"accept", FlowLogTraffic::Accept}, {"reject", FlowLogTraffic::Reject}};
};

// An AWS service by its short name: s3, dynamodb, secrets_manager...
template <>
struct Codec<EndpointService> {
  static constexpr std::pair<std::string_view, EndpointService (*)()> services[] = {
      {"cloudwatch_logs", &EndpointService::cloudwatch_logs}, {"dynamodb", &EndpointService::dynamodb},
      {"emr", &EndpointService::emr},  {"glue", &EndpointService::glue}, {"kms", &EndpointService::kms},
      {"s3", &EndpointService::s3},    {"secrets_manager", &EndpointService::secrets_manager},
      {"ssm", &EndpointService::ssm},  {"sts", &EndpointService::sts}};
  static bool read(const YAML::Node& n, EndpointService& v, Context& c) {
    if (!detail::scalar(n, c, "a service name")) return false;
    std::vector<std::string_view> names;
    for (const auto& [name, make] : services) {
      if (name == n.Scalar()) {
        v = make();
        return true;
      }
      names.push_back(name);
    }
    c.unknown(n, "endpoint service", names);
    return false;
  }
  static Schema schema() {
    Schema names = Schema::array();
    for (const auto& [name, make] : services) names.push_back(name);
    return {{"enum", names}};
  }
};

// "tcp/443", "tcp/1024-65535", "udp/53", "icmp", "icmp/8", "all".
template <>
struct Codec<Port> {
  static bool read(const YAML::Node& n, Port& v, Context& c) {
    if (!detail::scalar(n, c, "a port such as tcp/443")) return false;
    static const std::regex form(R"((tcp|udp|icmp)(/(-?[0-9]{1,5})(-([0-9]{1,5}))?)?|all)");
    std::smatch m;
    const std::string& s = n.Scalar();
    if (!std::regex_match(s, m, form) || (m[1] != "icmp" && m[1].matched && !m[3].matched) ||
        (m[1] == "icmp" && m[5].matched)) {
      c.error(n, "\"" + s + "\" is not a port", "write tcp/443, tcp/1024-65535, udp/53, icmp, icmp/8 or all");
      return false;
    }
    if (s == "all") v = Port::all_traffic();
    else if (m[1] == "icmp") v = Port::icmp(m[3].matched ? std::stoi(m[3]) : -1);
    else v = {m[1], std::stoi(m[3]), m[5].matched ? std::stoi(m[5]) : std::stoi(m[3])};
    return true;
  }
  static Schema schema() {
    return {{"type", "string"}, {"pattern", R"(^((tcp|udp)/[0-9]{1,5}(-[0-9]{1,5})?|icmp(/-?[0-9]{1,3})?|all)$)"}};
  }
};

// A CIDR ("0.0.0.0/0", "::/0"), or {prefix_list: <id>}.
template <>
struct Codec<Peer> {
  static bool read(const YAML::Node& n, Peer& v, Context& c) {
    if (n.IsMap() && n["prefix_list"] && n.size() == 1) {
      Str id = "";
      if (!detail::read_str(n["prefix_list"], id, c)) return false;
      v = Peer::prefix_list(std::move(id));
      return true;
    }
    if (!detail::scalar(n, c, "a CIDR such as 10.0.0.0/16, or {prefix_list: <id>}")) return false;
    v = n.Scalar().find(':') != std::string::npos ? Peer::ipv6(n.Scalar()) : Peer::ipv4(n.Scalar());
    return true;
  }
  static Schema schema() {
    return {{"oneOf",
             {{{"type", "string"}, {"description", "an IPv4 or IPv6 CIDR"}},
              {{"type", "object"}, {"additionalProperties", false}, {"required", {"prefix_list"}},
               {"properties", {{"prefix_list", detail::str_schema()}}}}}}};
  }
};

// "cloudwatch_logs", or {s3: <bucket ARN>}.
template <>
struct Codec<FlowLogDestination> {
  static bool read(const YAML::Node& n, FlowLogDestination& v, Context& c) {
    if (n.IsScalar() && n.Scalar() == "cloudwatch_logs") {
      v = FlowLogDestination::cloudwatch_logs();
      return true;
    }
    if (n.IsMap() && n["s3"] && n.size() == 1) {
      Str arn = "";
      if (!detail::read_str(n["s3"], arn, c)) return false;
      v = FlowLogDestination::s3(std::move(arn));
      return true;
    }
    c.error(n, "expected cloudwatch_logs or {s3: <bucket ARN>}", "write one of the two");
    return false;
  }
  static Schema schema() {
    return {{"oneOf",
             {{{"const", "cloudwatch_logs"}},
              {{"type", "object"}, {"additionalProperties", false}, {"required", {"s3"}},
               {"properties", {{"s3", detail::str_schema()}}}}}}};
  }
};

template <>
struct Fields<SubnetGroup> {
  static constexpr std::string_view name = "subnet group";
  static const FieldList<SubnetGroup>& get() {
    static const FieldList<SubnetGroup> list{
        field("name", &SubnetGroup::name, "letters and digits; its subnets are <name>Subnet1, <name>Subnet2...", required),
        field("type", &SubnetGroup::type, "public, private_with_egress (through NAT) or isolated"),
        field("mask", &SubnetGroup::mask, "prefix length of each subnet, 16-28"),
        field("cidrs", &SubnetGroup::cidrs, "one range per zone, in zone order (instead of a mask)")};
    return list;
  }
};

template <>
struct Fields<FlowLog::Props> {
  static constexpr std::string_view name = "flow log";
  static const FieldList<FlowLog::Props>& get() {
    using P = FlowLog::Props;
    static const FieldList<P> list{
        field("destination", &P::destination, "cloudwatch_logs (default) or {s3: <bucket ARN>}"),
        field("traffic", &P::traffic, "all, accept or reject"),
        field("retention", &P::retention, "cloudwatch_logs: the log group's retention, one_year by default"),
        field("kms_key", &P::kms_key, "cloudwatch_logs: a kms.Key of this stack with allow_log_encryption"),
        field("max_aggregation_interval", &P::max_aggregation_interval, "seconds: 60 or 600")};
    return list;
  }
};

template <>
struct Fields<Vpc::Props> {
  static constexpr std::string_view name = "ec2.Vpc";
  static const FieldList<Vpc::Props>& get() {
    using P = Vpc::Props;
    static const FieldList<P> list{
        field("cidr", &P::cidr, "the VPC's IPv4 range"),
        field("max_azs", &P::max_azs, "the region's first N zones (1-6), when availability_zones is empty"),
        field("availability_zones", &P::availability_zones, "explicit zone names, in order"),
        field("subnet_groups", &P::subnet_groups, "one subnet per zone in each group"),
        field("nat_gateways", &P::nat_gateways, "none, one or per_az"),
        field("gateway_endpoints", &P::gateway_endpoints, "s3, dynamodb"),
        field("interface_endpoints", &P::interface_endpoints, "secrets_manager, sts, glue, ..."),
        field("flow_logs", &P::flow_logs, "flow logs of the whole VPC ({} for the defaults)"),
        field("enable_dns_hostnames", &P::enable_dns_hostnames, ""),
        field("enable_dns_support", &P::enable_dns_support, "")};
    return list;
  }
};

template <>
struct Fields<SecurityGroup::Props> {
  static constexpr std::string_view name = "ec2.SecurityGroup";
  static const FieldList<SecurityGroup::Props>& get() {
    using P = SecurityGroup::Props;
    static const FieldList<P> list{
        field("description", &P::description, "required by EC2", required),
        field("vpc", &P::vpc, "the VPC's id in this stack"),
        field("allow_all_outbound", &P::allow_all_outbound, ""),
        field("group_name", &P::group_name, "empty: generated by AWS (recommended)"),
        field("revoke_rules_on_delete", &P::revoke_rules_on_delete, "for groups a service adds rules to (EMR)")};
    return list;
  }
};

namespace {

struct Rule {
  Peer peer;
  Port port;
  std::string description;
};

struct GroupConnection {
  SecurityGroup* source = nullptr;
  Port port;
  std::string description;
};

struct SecurityGroupActions {
  std::vector<GroupConnection> allow_from;
  std::vector<Rule> ingress;
  std::vector<Rule> egress;
};

}  // namespace

template <>
struct Fields<Rule> {
  static constexpr std::string_view name = "rule";
  static const FieldList<Rule>& get() {
    static const FieldList<Rule> list{field("peer", &Rule::peer, "a CIDR, or {prefix_list: <id>}", required),
                                      field("port", &Rule::port, "tcp/443, tcp/1024-65535, udp/53, icmp or all", required),
                                      field("description", &Rule::description, "")};
    return list;
  }
};

template <>
struct Fields<GroupConnection> {
  static constexpr std::string_view name = "connection";
  static const FieldList<GroupConnection>& get() {
    static const FieldList<GroupConnection> list{
        field("source", &GroupConnection::source, "the security group allowed in", required),
        field("port", &GroupConnection::port, "tcp/3306...", required),
        field("description", &GroupConnection::description, "")};
    return list;
  }
};

template <>
struct Fields<SecurityGroupActions> {
  static constexpr std::string_view name = "ec2.SecurityGroup";
  static const FieldList<SecurityGroupActions>& get() {
    using A = SecurityGroupActions;
    static const FieldList<A> list{
        field("allow_from", &A::allow_from, "ingress here from another group, and the matching egress there"),
        field("ingress", &A::ingress, "rules from CIDRs or prefix lists"),
        field("egress", &A::egress, "rules to CIDRs or prefix lists")};
    return list;
  }
};

std::vector<Kind> ec2_kinds() {
  return {
      make_kind<Vpc>("a VPC with subnet groups, NAT, endpoints and flow logs",
                     {{"vpc_id", [](const Vpc& v) { return v.vpc_id(); }},
                      {"cidr_block", [](const Vpc& v) { return v.cidr_block(); }}}),
      make_kind<SecurityGroup, SecurityGroupActions>(
          "a security group; group-to-group rules with allow_from",
          {{"group_id", [](const SecurityGroup& g) { return g.group_id(); }}},
          [](SecurityGroup& group, const SecurityGroupActions& a) {
            for (const auto& c : a.allow_from) group.allow_from(*c.source, c.port, c.description);
            for (const auto& r : a.ingress) group.add_ingress(r.peer, r.port, r.description);
            for (const auto& r : a.egress) group.add_egress(r.peer, r.port, r.description);
          }),
  };
}

}  // namespace drdb::spec
