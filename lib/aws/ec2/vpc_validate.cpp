// Validation of a Vpc and its subnets: ranges, subnet groups, what private groups with egress need,
// endpoints listed twice.
#include <set>

#include "aws/ec2/checks.hpp"
#include "aws/ec2/subnet_plan.hpp"
#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/vpc.hpp"

namespace drdb::aws::ec2 {

namespace {

void check_range(const std::string& cidr, const std::string& path, Diagnostics& out) {
  std::string error;
  const auto range = Ipv4Cidr::parse(cidr, &error);
  if (!range) {
    out.error(path, "invalid VPC CIDR: " + error, "use a range such as 10.20.0.0/16");
    return;
  }
  if (range->prefix_length() < min_prefix_length || range->prefix_length() > max_prefix_length) {
    const auto text = range->to_string();
    out.error(path, "VPC CIDR " + cidr + " has a /" + std::to_string(range->prefix_length()) + " prefix",
              "AWS allows /16 to /28 for a VPC; e.g. " + text.substr(0, text.find('/')) + "/16");
  }
}

// Overlapping subnets: reported once per pair, on the later one, naming both.
void check_overlaps(const std::vector<const Subnet*>& all, const std::string& vpc_cidr, Diagnostics& out) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto a = Ipv4Cidr::parse(all[i]->props().cidr);
    for (std::size_t j = i + 1; a && j < all.size(); ++j) {
      const auto b = Ipv4Cidr::parse(all[j]->props().cidr);
      if (b && a->overlaps(*b))
        out.error(all[j]->path(), "subnet " + b->to_string() + " overlaps " + all[i]->path() + " (" + a->to_string() + ")",
                  "give each subnet its own range inside " + vpc_cidr);
    }
  }
}

// Private groups with egress need a public group to hold NAT gateways, and NAT gateways.
void check_egress(const Vpc::Props& props, const std::string& path, Diagnostics& out) {
  bool has_public = false;
  for (const auto& g : props.subnet_groups) has_public = has_public || g.type == SubnetType::Public;
  for (const auto& g : props.subnet_groups) {
    if (g.type != SubnetType::PrivateWithEgress) continue;
    if (!has_public)
      out.error(path, "subnet group " + g.name + " is private with egress, but the VPC has no public subnet group to hold its NAT gateways",
                "add a group {.name = \"Public\", .type = SubnetType::Public, .mask = 24}, or make " + g.name + " Isolated");
    if (props.nat_gateways == NatGateways::None)
      out.error(path, "subnet group " + g.name + " is private with egress, but nat_gateways is None",
                "set .nat_gateways = NatGateways::One or NatGateways::PerAz, or make " + g.name + " Isolated");
  }
}

void check_endpoint_lists(const Vpc::Props& props, const std::string& path, Diagnostics& out) {
  std::set<std::string> ids;
  auto check = [&](const EndpointService& s, std::string_view kind) {
    if (!detail::is_alphanumeric(s.id))
      out.error(path, std::string(kind) + " endpoint id \"" + s.id + "\" must be letters and digits (it names the endpoint)",
                "use an id such as \"SecretsManager\"");
    else if (!ids.insert(s.id).second)
      out.error(path, "endpoint " + s.id + " is listed twice", "list each service once; give a second endpoint of one service another id");
  };
  for (const auto& s : props.gateway_endpoints) check(s, "gateway");
  for (const auto& s : props.interface_endpoints) check(s, "interface");
}

}  // namespace

void Vpc::validate(Diagnostics& out) const {
  check_range(props_.cidr, path(), out);
  out.append(detail::plan_subnets(props_, path()).problems);
  check_egress(props_, path(), out);
  check_endpoint_lists(props_, path(), out);
  if (props_.enable_dns_hostnames && !props_.enable_dns_support)
    out.error(path(), "enable_dns_hostnames needs enable_dns_support", "set .enable_dns_support = true");
  check_overlaps(subnets(), props_.cidr, out);
  bool gateway_endpoints = false;
  for (const auto& child : children())
    if (const auto* e = dynamic_cast<const VpcEndpoint*>(child.get())) gateway_endpoints |= e->props().type == EndpointType::Gateway;
  for (const auto* s : subnets())
    if (gateway_endpoints && s->route_table() == nullptr)
      out.warning(s->path(), "this subnet uses the VPC's main route table, so the gateway endpoints do not reach it",
                  "declare it in a subnet group (each of their subnets gets its own route table)");
}

void Subnet::validate(Diagnostics& out) const {
  if (dynamic_cast<const Vpc*>(scope()) == nullptr) {
    out.error(path(), "a subnet must be created in its VPC", "use vpc.add_subnet(...) or the VPC's subnet groups");
    return;
  }
  if (props_.map_public_ip_on_launch && props_.type != SubnetType::Public)
    out.error(path(), "map_public_ip_on_launch is set on a subnet that is not public (" + std::string(describe(props_.type)) + ")",
              "drop it: only subnets of a SubnetType::Public group give instances public addresses");
  std::string error;
  const auto cidr = Ipv4Cidr::parse(props_.cidr, &error);
  if (!cidr) {
    out.error(path(), "invalid subnet CIDR: " + error, "use a range inside the VPC, e.g. 10.20.1.0/24");
    return;
  }
  if (cidr->prefix_length() < min_prefix_length || cidr->prefix_length() > max_prefix_length)
    out.error(path(), "subnet CIDR " + cidr->to_string() + " must have a prefix between /16 and /28",
              "choose a mask such as /24");
  const auto vpc_cidr = Ipv4Cidr::parse(vpc().props().cidr);
  if (vpc_cidr && !vpc_cidr->contains(*cidr))
    out.error(path(), "subnet " + cidr->to_string() + " is outside its VPC's range " + vpc_cidr->to_string(),
              "choose a range inside " + vpc_cidr->to_string());
}

}  // namespace drdb::aws::ec2
