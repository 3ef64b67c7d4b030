#include "drdb/aws/ec2/endpoint.hpp"

#include <algorithm>

#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ec2 {

namespace {

bool is_service_name(const std::string& name) {
  return !name.empty() && name.front() != '.' && name.back() != '.' &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'; });
}

// The subnets of the first group of `type`, in zone order.
std::vector<const Subnet*> first_group_of(const Vpc& vpc, SubnetType type) {
  for (const auto* s : vpc.subnets())
    if (s->props().type == type && !s->props().group.empty()) return vpc.subnet_group(s->props().group);
  return {};
}

}  // namespace

Str EndpointService::service_name() const { return Join{"", {"com.amazonaws.", Pseudo::Region, "." + name}}; }

VpcEndpoint::VpcEndpoint(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it
  const auto* owner = vpc();
  if (props_.type != EndpointType::Interface || owner == nullptr) return;
  auto& group = add<SecurityGroup>("SecurityGroup", {.description = "HTTPS from the VPC to the " + props_.service.name + " endpoint",
                                                     .vpc = owner});
  if (Ipv4Cidr::parse(owner->cidr()))  // else the VPC reports its range
    group.add_ingress(Peer::ipv4(owner->cidr()), Port::tcp(443), "HTTPS from the VPC");
}

const Vpc* VpcEndpoint::vpc() const { return dynamic_cast<const Vpc*>(scope()); }

std::vector<const RouteTable*> VpcEndpoint::route_tables() const {
  std::vector<const RouteTable*> out;
  if (props_.type != EndpointType::Gateway || vpc() == nullptr) return out;
  for (const auto* s : vpc()->subnets())
    if (s->props().type != SubnetType::Public && s->route_table() != nullptr) out.push_back(s->route_table());
  return out;
}

std::vector<const Subnet*> VpcEndpoint::subnets() const {
  if (props_.type != EndpointType::Interface || vpc() == nullptr) return {};
  auto out = first_group_of(*vpc(), SubnetType::PrivateWithEgress);
  return out.empty() ? first_group_of(*vpc(), SubnetType::Isolated) : out;
}

const SecurityGroup* VpcEndpoint::security_group() const {
  return dynamic_cast<const SecurityGroup*>(find_child("SecurityGroup"));
}

StrList VpcEndpoint::route_table_ids() const {
  StrList out;
  for (const auto* t : route_tables()) out.push_back(t->route_table_id());
  return out;
}

StrList VpcEndpoint::subnet_ids() const {
  StrList out;
  for (const auto* s : subnets()) out.push_back(s->subnet_id());
  return out;
}

StrList VpcEndpoint::security_group_ids() const {
  StrList out;
  if (const auto* group = security_group()) out.push_back(group->group_id());
  return out;
}

void VpcEndpoint::validate(Diagnostics& out) const {
  const auto& service = props_.service;
  if (vpc() == nullptr) {
    out.error(path(), "a VPC endpoint must be created in its VPC", "use vpc.add_gateway_endpoint / add_interface_endpoint");
    return;
  }
  if (!is_service_name(service.name))
    out.error(path(), "\"" + service.name + "\" is not an endpoint service name",
              "use the name in com.amazonaws.<region>.<name>, e.g. \"secretsmanager\" or \"ecr.dkr\"");
  if (props_.type == EndpointType::Gateway) {
    if (service.name != "s3" && service.name != "dynamodb")
      out.error(path(), "only S3 and DynamoDB have gateway endpoints, not \"" + service.name + "\"",
                "make it an interface endpoint (interface_endpoints / add_interface_endpoint)");
    if (route_tables().empty())
      out.error(path(), "the gateway endpoint has no route table to join: the VPC has no private or isolated subnet group",
                "add a subnet group of type PrivateWithEgress or Isolated, or drop the endpoint");
    return;
  }
  if (subnets().empty())
    out.error(path(), "the interface endpoint has no subnet to live in: the VPC has no private or isolated subnet group",
              "add a subnet group of type PrivateWithEgress or Isolated, or drop the endpoint");
  const auto& p = vpc()->props();
  if (!p.enable_dns_hostnames || !p.enable_dns_support)
    out.error(path(), "an interface endpoint with private DNS needs the VPC's DNS support and DNS host names",
              "set .enable_dns_support = true and .enable_dns_hostnames = true on the VPC");
}

void VpcEndpoint::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
