#include "drdb/aws/ec2/vpc.hpp"

#include <algorithm>
#include <map>

#include "aws/ec2/checks.hpp"
#include "aws/ec2/subnet_plan.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ec2 {

namespace {

template <class T>
std::vector<T*> children_of(const Construct& c) {
  std::vector<T*> out;
  for (const auto& child : c.children())
    if (auto* t = dynamic_cast<T*>(child.get())) out.push_back(t);
  return out;
}

}  // namespace

Vpc::Vpc(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it
  build_subnets();
  build_gateways();
  // Ids are checked by validate(); a bad or repeated one is skipped here rather than thrown on.
  for (const auto& service : props_.gateway_endpoints)
    if (detail::is_alphanumeric(service.id) && find_child(service.id + "Endpoint") == nullptr) add_gateway_endpoint(service);
  for (const auto& service : props_.interface_endpoints)
    if (detail::is_alphanumeric(service.id) && find_child(service.id + "Endpoint") == nullptr) add_interface_endpoint(service);
  if (props_.flow_logs) add_flow_log("FlowLog", *props_.flow_logs);
}

void Vpc::build_subnets() {
  const auto plan = detail::plan_subnets(props_, path());
  for (const auto& group : plan.groups) {
    const auto& spec = *group.spec;
    for (std::size_t zone = 0; zone < group.cidrs.size(); ++zone) {
      auto& subnet = add<Subnet>(spec.name + "Subnet" + std::to_string(zone + 1),
                                 {.cidr = group.cidrs[zone],
                                  .availability_zone = plan.zones[zone],
                                  .map_public_ip_on_launch = spec.type == SubnetType::Public,
                                  .type = spec.type,
                                  .group = spec.name});
      auto& table = subnet.add<RouteTable>("RouteTable", {.vpc = this});
      subnet.add<SubnetRouteTableAssociation>("RouteTableAssociation", {.subnet = &subnet, .table = &table});
    }
  }
}

// Public subnets route to an internet gateway; private subnets with egress to the NAT gateway of
// their zone (or the shared one), which lives in the first public group's subnet of that zone.
void Vpc::build_gateways() {
  std::vector<Subnet*> all = children_of<Subnet>(*this);
  std::vector<Subnet*> public_subnets, egress_subnets;
  for (auto* s : all) {
    if (s->props().type == SubnetType::Public) public_subnets.push_back(s);
    if (s->props().type == SubnetType::PrivateWithEgress) egress_subnets.push_back(s);
  }
  if (public_subnets.empty()) return;
  auto& igw = add<InternetGateway>("InternetGateway", {.vpc = this});
  for (auto* s : public_subnets) {
    auto& route = s->add<Route>("DefaultRoute", {.table = s->route_table(), .target = RouteTarget::internet_gateway(igw)});
    route.add_dependency(igw);  // the route needs the gateway attached, not only created
  }
  if (egress_subnets.empty() || props_.nat_gateways == NatGateways::None) return;

  std::vector<Subnet*> hosts;
  for (auto* s : public_subnets)
    if (s->props().group == public_subnets.front()->props().group) hosts.push_back(s);
  if (props_.nat_gateways == NatGateways::One) hosts.resize(1);
  std::vector<const NatGateway*> nats;
  for (auto* host : hosts) {
    auto& eip = host->add<ElasticIp>("EIP");
    auto& nat = host->add<NatGateway>("NatGateway", {.subnet = host, .eip = &eip});
    eip.add_dependency(igw);
    nat.add_dependency(igw);
    nats.push_back(&nat);
  }
  std::map<std::string, std::size_t> zone_index;  // per group: subnets come in zone order
  for (auto* s : egress_subnets) {
    const auto zone = zone_index[s->props().group]++;
    const auto* nat = nats[std::min(zone, nats.size() - 1)];
    s->add<Route>("DefaultRoute", {.table = s->route_table(), .target = RouteTarget::nat_gateway(*nat)});
  }
}

Subnet& Vpc::add_subnet(std::string id, SubnetProps props) {
  return add<Subnet>(std::move(id), {.cidr = std::move(props.cidr),
                                     .availability_zone = std::move(props.availability_zone),
                                     .map_public_ip_on_launch = props.map_public_ip_on_launch,
                                     .type = SubnetType::Isolated,
                                     .group = {}});
}

VpcEndpoint& Vpc::add_gateway_endpoint(EndpointService service) {
  auto id = service.id + "Endpoint";
  return add<VpcEndpoint>(std::move(id), {.service = std::move(service), .type = EndpointType::Gateway});
}

VpcEndpoint& Vpc::add_interface_endpoint(EndpointService service) {
  auto id = service.id + "Endpoint";
  return add<VpcEndpoint>(std::move(id), {.service = std::move(service), .type = EndpointType::Interface});
}

FlowLog& Vpc::add_flow_log(std::string id, FlowLog::Props props) { return add<FlowLog>(std::move(id), std::move(props)); }

std::vector<Str> Vpc::availability_zones() const {
  return detail::plan_subnets(props_, path()).zones;
}

std::vector<const Subnet*> Vpc::subnets() const {
  const auto all = children_of<const Subnet>(*this);
  return {all.begin(), all.end()};
}

std::vector<const Subnet*> Vpc::subnet_group(std::string_view name) const {
  std::vector<const Subnet*> out;
  for (const auto* s : subnets())
    if (!name.empty() && s->props().group == name) out.push_back(s);
  return out;
}

const InternetGateway* Vpc::internet_gateway() const {
  return dynamic_cast<const InternetGateway*>(find_child("InternetGateway"));
}

std::vector<const NatGateway*> Vpc::nat_gateways() const {
  std::vector<const NatGateway*> out;
  for (const auto* s : subnets())
    if (const auto* nat = s->nat_gateway()) out.push_back(nat);
  return out;
}

std::vector<SubnetRef> Vpc::subnets_of(SubnetType type) const {
  std::vector<SubnetRef> out;
  for (const auto* s : subnets())
    if (s->props().type == type) out.push_back(s->ref());
  return out;
}

void Vpc::accept(ResourceVisitor& v) const { v.visit(*this); }

Subnet::Subnet(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it
}

const Vpc& Subnet::vpc() const { return dynamic_cast<const Vpc&>(*scope()); }

const RouteTable* Subnet::route_table() const { return dynamic_cast<const RouteTable*>(find_child("RouteTable")); }

const NatGateway* Subnet::nat_gateway() const { return dynamic_cast<const NatGateway*>(find_child("NatGateway")); }

SubnetRef Subnet::ref() const {
  const auto* table = route_table();
  return {subnet_id(), props_.availability_zone,
          table != nullptr ? std::optional<Str>(table->route_table_id()) : std::nullopt};
}

void Subnet::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
