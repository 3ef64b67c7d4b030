// A VPC built from subnet groups: one subnet per availability zone and group, ranges carved by
// drdb (or given), a route table per subnet with the right default route, an internet gateway for
// public groups, NAT gateways for private groups with egress, gateway and interface endpoints, and
// flow logs. Every deployable piece is its own child construct, so logical ids stay stable and
// readable (Network/PublicSubnet1/NatGateway).
//
//   auto& vpc = stack.add<aws::ec2::Vpc>("Network", {
//       .cidr = "10.20.0.0/16", .max_azs = 2,
//       .subnet_groups = {{.name = "Public", .type = SubnetType::Public, .mask = 24},
//                         {.name = "Private", .type = SubnetType::PrivateWithEgress, .mask = 20}},
//       .gateway_endpoints = {EndpointService::s3()}});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/ec2/endpoint.hpp"
#include "drdb/aws/ec2/flow_log.hpp"
#include "drdb/aws/ec2/gateways.hpp"
#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/ec2/routing.hpp"
#include "drdb/core/resource.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::ec2 {

class Subnet;

// One subnet per availability zone, all of one kind. Ranges: `mask` (carved by drdb, in group
// order, zones in order), or explicit `cidrs`, or neither (an even share of what the others leave).
struct SubnetGroup {
  std::string name;  // letters and digits; its subnets are <name>Subnet1, <name>Subnet2...
  SubnetType type = SubnetType::Isolated;
  std::optional<int> mask;         // prefix length of each subnet, /16 to /28
  std::vector<std::string> cidrs;  // one range per zone, in zone order (instead of a mask)
};

enum class NatGateways {
  None,   // no NAT: private groups with egress are an error
  One,    // one shared by every zone (cheaper; the zone it lives in is a single point of failure)
  PerAz,  // one per zone, each zone's private subnets routed to their own
};

class Vpc : public Resource, public IVpc {
 public:
  struct Props {
    std::string cidr = "10.0.0.0/16";
    int max_azs = 2;                              // used when availability_zones is empty: the region's first max_azs zones (1-6)
    std::vector<std::string> availability_zones;  // explicit zone names ("us-east-1a"...), in order
    std::vector<SubnetGroup> subnet_groups;       // none: no subnets (add_subnet adds single ones)
    NatGateways nat_gateways = NatGateways::PerAz;  // for private groups with egress; in the first public group
    std::vector<EndpointService> gateway_endpoints;    // S3, DynamoDB: in the private and isolated route tables
    std::vector<EndpointService> interface_endpoints;  // in the private subnets: HTTPS from the VPC, private DNS
    std::optional<FlowLog::Props> flow_logs;           // none: no flow logs
    bool enable_dns_hostnames = true;  // needed by interface endpoints and EMR's private DNS names
    bool enable_dns_support = true;
  };
  Vpc(const Scope& scope, Props props);

  // A single subnet with an explicit range and no route table of its own (it uses the VPC's main
  // route table: traffic inside the VPC only). Prefer subnet groups.
  struct SubnetProps {
    std::string cidr;
    // A literal zone ("us-east-1a") or pseudo::availability_zone(i).
    Str availability_zone = pseudo::availability_zone(0);
    bool map_public_ip_on_launch = false;  // refused: only subnets of a public group map public addresses
  };
  Subnet& add_subnet(std::string id, SubnetProps props);

  VpcEndpoint& add_gateway_endpoint(EndpointService service);
  VpcEndpoint& add_interface_endpoint(EndpointService service);
  FlowLog& add_flow_log(std::string id, FlowLog::Props props);

  // The zones subnets are placed in: literal names, or pseudo::availability_zone(i).
  std::vector<Str> availability_zones() const;
  // Every subnet, grouped or single, in creation order.
  std::vector<const Subnet*> subnets() const;
  // The subnets of one group, in zone order (empty for an unknown group).
  std::vector<const Subnet*> subnet_group(std::string_view name) const;
  const InternetGateway* internet_gateway() const;
  std::vector<const NatGateway*> nat_gateways() const;

  const Props& props() const { return props_; }
  Str vpc_id() const override { return attr("Id"); }
  Str cidr_block() const { return attr("CidrBlock"); }
  const std::string& cidr() const override { return props_.cidr; }
  std::vector<SubnetRef> subnets_of(SubnetType type) const override;
  const Construct& node() const override { return *this; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  void build_subnets();
  void build_gateways();
  Props props_;
};

class Subnet : public Resource {
 public:
  struct Props {
    std::string cidr;
    Str availability_zone = pseudo::availability_zone(0);
    bool map_public_ip_on_launch = false;
    SubnetType type = SubnetType::Isolated;
    std::string group;  // its subnet group; empty for a single subnet (add_subnet)
  };
  Subnet(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  const Vpc& vpc() const;
  // Its own route table (subnets of groups), or null (single subnets use the main route table).
  const RouteTable* route_table() const;
  const NatGateway* nat_gateway() const;  // public subnets hosting one
  Str subnet_id() const { return attr("Id"); }
  SubnetRef ref() const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
