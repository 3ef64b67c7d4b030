// The VPC model: what subnet groups, NAT choices, endpoints and flow logs build, and the handles
// other constructs use.
#include <doctest/doctest.h>

#include "ec2_test_support.hpp"

using namespace drdb;
using namespace drdb::test_ec2;
using aws::ec2::RouteTarget;
using aws::ec2::Subnet;

namespace {

std::vector<std::string> ids(const std::vector<const Subnet*>& subnets) {
  std::vector<std::string> out;
  for (const auto* s : subnets) out.push_back(s->id());
  return out;
}

std::vector<std::string> cidrs(const std::vector<const Subnet*>& subnets) {
  std::vector<std::string> out;
  for (const auto* s : subnets) out.push_back(s->props().cidr);
  return out;
}

const aws::ec2::Route* default_route(const Subnet& s) { return dynamic_cast<const aws::ec2::Route*>(s.find_child("DefaultRoute")); }

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("subnet groups give one subnet per zone and group, carved in declaration order") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network());
  CHECK(errors_of(app).empty());
  CHECK(ids(vpc.subnets()) == Texts{"PublicSubnet1", "PublicSubnet2", "PrivateSubnet1", "PrivateSubnet2",
                                    "IsolatedSubnet1", "IsolatedSubnet2"});
  CHECK(cidrs(vpc.subnet_group("Public")) == Texts{"10.20.0.0/24", "10.20.1.0/24"});
  CHECK(cidrs(vpc.subnet_group("Private")) == Texts{"10.20.16.0/20", "10.20.32.0/20"});
  CHECK(cidrs(vpc.subnet_group("Isolated")) == Texts{"10.20.2.0/24", "10.20.3.0/24"});
  // Zones by count: the region's first zones, in order.
  const auto& second = *vpc.subnet_group("Private")[1];
  CHECK(second.props().availability_zone == pseudo::availability_zone(1));
  // Only public subnets give instances public addresses.
  for (const auto* s : vpc.subnets())
    CHECK(s->props().map_public_ip_on_launch == (s->props().type == SubnetType::Public));
  // Each subnet has its own route table, associated with it.
  for (const auto* s : vpc.subnets()) {
    REQUIRE(s->route_table() != nullptr);
    const auto* association = dynamic_cast<const aws::ec2::SubnetRouteTableAssociation*>(s->find_child("RouteTableAssociation"));
    REQUIRE(association != nullptr);
    CHECK(association->props().table == s->route_table());
  }
}

TEST_CASE("default routes: public to the internet gateway, private to its zone's NAT, isolated none") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network(NatGateways::PerAz));
  const auto* igw = vpc.internet_gateway();
  REQUIRE(igw != nullptr);
  const auto nats = vpc.nat_gateways();
  REQUIRE(nats.size() == 2);
  CHECK(nats[0]->path() == "App/S/Network/PublicSubnet1/NatGateway");
  CHECK(nats[1]->props().subnet == vpc.subnet_group("Public")[1]);
  for (const auto* s : vpc.subnet_group("Public")) {
    REQUIRE(default_route(*s) != nullptr);
    CHECK(default_route(*s)->props().target.kind == RouteTarget::Kind::InternetGateway);
    CHECK(default_route(*s)->props().target.id == igw->gateway_id());
    CHECK(default_route(*s)->props().destination == "0.0.0.0/0");
  }
  const auto private_subnets = vpc.subnet_group("Private");
  for (std::size_t zone = 0; zone < 2; ++zone) {
    const auto* route = default_route(*private_subnets[zone]);
    REQUIRE(route != nullptr);
    CHECK(route->props().target.kind == RouteTarget::Kind::NatGateway);
    CHECK(route->props().target.id == nats[zone]->nat_gateway_id());
  }
  for (const auto* s : vpc.subnet_group("Isolated")) CHECK(default_route(*s) == nullptr);
}

TEST_CASE("one shared NAT gateway serves every zone") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network(NatGateways::One));
  const auto nats = vpc.nat_gateways();
  REQUIRE(nats.size() == 1);
  CHECK(nats[0]->path() == "App/S/Network/PublicSubnet1/NatGateway");
  for (const auto* s : vpc.subnet_group("Private")) CHECK(default_route(*s)->props().target.id == nats[0]->nat_gateway_id());
}

TEST_CASE("secure defaults: no subnets, no gateways, no public addresses unless asked") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& bare = stack.add<aws::ec2::Vpc>("Bare");
  CHECK(bare.subnets().empty());
  CHECK(bare.internet_gateway() == nullptr);
  const auto& isolated = stack.add<aws::ec2::Vpc>(
      "Isolated", {.cidr = "10.1.0.0/16", .subnet_groups = {{.name = "Data", .type = SubnetType::Isolated}}});
  CHECK(isolated.internet_gateway() == nullptr);
  CHECK(isolated.nat_gateways().empty());
  CHECK(cidrs(isolated.subnets()) == Texts{"10.1.0.0/17", "10.1.128.0/17"});  // an even share of the range
  CHECK(errors_of(app).empty());
}

TEST_CASE("zones by name, and explicit ranges per zone") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>(
      "Network", {.cidr = "10.0.0.0/16",
                  .availability_zones = {"eu-west-1a", "eu-west-1b", "eu-west-1c"},
                  .subnet_groups = {{.name = "Data", .cidrs = {"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"}},
                                    {.name = "App", .mask = 24}}});
  CHECK(errors_of(app).empty());
  CHECK(vpc.subnet_group("Data")[2]->props().availability_zone == Str("eu-west-1c"));
  CHECK(cidrs(vpc.subnet_group("App")) == Texts{"10.0.3.0/24", "10.0.4.0/24", "10.0.5.0/24"});  // around the explicit ones
}

TEST_CASE("handles: subnets and route tables by kind, through the IVpc interface") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network());
  const aws::ec2::IVpc& network = vpc;
  CHECK(network.cidr() == "10.20.0.0/16");
  CHECK(network.vpc_id() == vpc.vpc_id());
  const auto private_subnets = network.private_subnets();
  REQUIRE(private_subnets.size() == 2);
  CHECK(private_subnets[0].subnet_id == vpc.subnet_group("Private")[0]->subnet_id());
  CHECK(*private_subnets[1].route_table_id == vpc.subnet_group("Private")[1]->route_table()->route_table_id());
  CHECK(network.public_subnet_ids().items().size() == 2);
  CHECK(network.isolated_subnet_ids().items().size() == 2);
  CHECK(network.route_table_ids(SubnetType::Isolated).items().size() == 2);
}

TEST_CASE("endpoints: gateway ones join the private and isolated route tables, interface ones sit in the private subnets") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network());
  const auto* s3 = dynamic_cast<const aws::ec2::VpcEndpoint*>(vpc.find_child("S3Endpoint"));
  REQUIRE(s3 != nullptr);
  std::vector<const aws::ec2::RouteTable*> expected;
  for (const auto* s : vpc.subnets())
    if (s->props().type != SubnetType::Public) expected.push_back(s->route_table());
  CHECK(s3->route_tables() == expected);
  const auto* secrets = dynamic_cast<const aws::ec2::VpcEndpoint*>(vpc.find_child("SecretsManagerEndpoint"));
  REQUIRE(secrets != nullptr);
  CHECK(secrets->subnets() == vpc.subnet_group("Private"));
  REQUIRE(secrets->security_group() != nullptr);
  const auto& rules = secrets->security_group()->rules();
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].peer.cidr == "10.20.0.0/16");
  CHECK(rules[0].port == aws::ec2::Port::tcp(443));
}

TEST_CASE("flow logs to CloudWatch Logs create their log group and a role scoped to it") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network());
  const auto* flow_log = dynamic_cast<const aws::ec2::FlowLog*>(vpc.find_child("FlowLog"));
  REQUIRE(flow_log != nullptr);
  REQUIRE(flow_log->log_group() != nullptr);
  REQUIRE(flow_log->role() != nullptr);
  CHECK(flow_log->log_group()->removal_policy() == RemovalPolicy::Retain);
  CHECK(flow_log->vpc() == &vpc);

  auto& to_s3 = stack.add<aws::ec2::Vpc>("Other", {.cidr = "10.1.0.0/16"});
  const auto& s3_log = to_s3.add_flow_log("FlowLog", {.destination = aws::ec2::FlowLogDestination::s3("arn:aws:s3:::logs")});
  CHECK(s3_log.log_group() == nullptr);
  CHECK(s3_log.role() == nullptr);
  CHECK(errors_of(app).empty());
}

TEST_CASE("logical ids are readable and stable") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& vpc = stack.add<aws::ec2::Vpc>("Network", full_network());
  CHECK(logical_id(*vpc.nat_gateways()[0]).rfind("NetworkPublicSubnet1NatGateway", 0) == 0);
  CHECK(logical_id(*vpc.subnet_group("Private")[1]->route_table()).rfind("NetworkPrivateSubnet2RouteTable", 0) == 0);
  App again;
  auto& stack2 = again.add<Stack>("S");
  const auto& vpc2 = stack2.add<aws::ec2::Vpc>("Network", full_network());
  CHECK(logical_id(*vpc2.nat_gateways()[0]) == logical_id(*vpc.nat_gateways()[0]));
}
