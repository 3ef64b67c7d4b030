// Every problem of a network model is a diagnostic naming the construct and the fix; nothing throws.
#include <doctest/doctest.h>

#include "ec2_test_support.hpp"

using namespace drdb;
using namespace drdb::test_ec2;
using aws::ec2::SubnetGroup;

namespace {

std::string errors_for(aws::ec2::Vpc::Props props) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<aws::ec2::Vpc>("Network", std::move(props));
  return errors_of(app);
}

const SubnetGroup public_group{.name = "Public", .type = SubnetType::Public, .mask = 24};

}  // namespace

TEST_CASE("a range too small for the groups names the group, the range, and what would fit") {
  const auto text = errors_for({.cidr = "10.0.0.0/21",
                                .max_azs = 3,
                                .subnet_groups = {{.name = "Public", .type = SubnetType::Public, .mask = 24},
                                                  {.name = "Private", .type = SubnetType::Isolated, .mask = 22}}});
  CHECK(contains(text, "[App/S/Network] subnet group Private needs 3 × /22 but only 1 remains in 10.0.0.0/21 after Public — "
                       "use a /20 range such as 10.0.0.0/20, or a smaller mask such as /24, or use fewer availability zones"));
}

TEST_CASE("too many zones for the space, and more zones than any region has") {
  const auto text = errors_for({.cidr = "10.0.0.0/26", .max_azs = 6, .subnet_groups = {{.name = "Private"}}});
  CHECK(contains(text, "[App/S/Network] subnet group Private needs 6 subnets of an even share of the 64 addresses left in "
                       "10.0.0.0/26, and that share is smaller than a /28"));
  CHECK(contains(text, "or use fewer availability zones"));
  CHECK(contains(errors_for({.max_azs = 7, .subnet_groups = {{.name = "Private"}}}),
                 "[App/S/Network] max_azs is 7; a VPC spans 1 to 6 availability zones — set .max_azs between 1 and 6"));
  CHECK(contains(errors_for({.max_azs = 0}), "max_azs is 0"));
}

TEST_CASE("explicit ranges outside the VPC or overlapping are reported on the subnet") {
  const auto text = errors_for({.cidr = "10.0.0.0/16",
                                .subnet_groups = {{.name = "A", .cidrs = {"10.0.0.0/24", "10.1.0.0/24"}},
                                                  {.name = "B", .cidrs = {"10.0.0.128/25", "10.0.5.0/24"}}}});
  CHECK(contains(text, "[App/S/Network/ASubnet2] subnet 10.1.0.0/24 is outside its VPC's range 10.0.0.0/16 — choose a range inside 10.0.0.0/16"));
  CHECK(contains(text, "[App/S/Network/BSubnet1] subnet 10.0.0.128/25 overlaps App/S/Network/ASubnet1 (10.0.0.0/24)"));
}

TEST_CASE("subnet group declarations: names, duplicates, ranges per zone, mask and ranges together") {
  const auto text = errors_for({.subnet_groups = {{.name = "Bad-Name"},
                                                  {.name = "Data", .mask = 24},
                                                  {.name = "Data", .mask = 24},
                                                  {.name = "Few", .cidrs = {"10.0.100.0/24"}},
                                                  {.name = "Both", .mask = 24, .cidrs = {"10.0.101.0/24", "10.0.102.0/24"}}}});
  CHECK(contains(text, "[App/S/Network] subnet group name \"Bad-Name\" must be letters and digits"));
  CHECK(contains(text, "[App/S/Network] subnet group Data is declared twice — give each subnet group its own name"));
  CHECK(contains(text, "[App/S/Network] subnet group Few gives 1 ranges for 2 availability zones — give one range per zone"));
  CHECK(contains(text, "[App/S/Network] subnet group Both sets both .mask and .cidrs — keep one of them"));
  CHECK(contains(errors_for({.subnet_groups = {{.name = "Huge", .mask = 12}}}),
                 "subnet group Huge asks for /12 subnets; AWS allows /16 to /28 — use a mask between /16 and /28"));
}

TEST_CASE("private groups with egress need a public group and NAT gateways") {
  const auto no_public = errors_for({.subnet_groups = {{.name = "Private", .type = SubnetType::PrivateWithEgress}}});
  CHECK(contains(no_public, "[App/S/Network] subnet group Private is private with egress, but the VPC has no public subnet "
                            "group to hold its NAT gateways — add a group {.name = \"Public\", .type = SubnetType::Public, "
                            ".mask = 24}, or make Private Isolated"));
  const auto no_nat = errors_for({.subnet_groups = {public_group, {.name = "Private", .type = SubnetType::PrivateWithEgress}},
                                  .nat_gateways = NatGateways::None});
  CHECK(contains(no_nat, "[App/S/Network] subnet group Private is private with egress, but nat_gateways is None — set "
                         ".nat_gateways = NatGateways::One or NatGateways::PerAz, or make Private Isolated"));
}

TEST_CASE("endpoints: only S3 and DynamoDB are gateways, and endpoints need somewhere to go") {
  CHECK(contains(errors_for({.subnet_groups = {{.name = "Data"}}, .gateway_endpoints = {EndpointService::sts()}}),
                 "[App/S/Network/StsEndpoint] only S3 and DynamoDB have gateway endpoints, not \"sts\""));
  const auto nowhere = errors_for({.subnet_groups = {public_group},
                                   .gateway_endpoints = {EndpointService::s3()},
                                   .interface_endpoints = {EndpointService::glue()}});
  CHECK(contains(nowhere, "[App/S/Network/S3Endpoint] the gateway endpoint has no route table to join"));
  CHECK(contains(nowhere, "[App/S/Network/GlueEndpoint] the interface endpoint has no subnet to live in"));
  CHECK(contains(errors_for({.subnet_groups = {{.name = "Data"}},
                             .interface_endpoints = {EndpointService::sts()},
                             .enable_dns_hostnames = false}),
                 "[App/S/Network/StsEndpoint] an interface endpoint with private DNS needs the VPC's DNS support and DNS host names"));
  const auto twice = errors_for({.subnet_groups = {{.name = "Data"}},
                                 .gateway_endpoints = {EndpointService::s3()},
                                 .interface_endpoints = {EndpointService::s3(), {"Bad Id", "x"}, {"Odd", "Not_A_Name"}}});
  CHECK(contains(twice, "[App/S/Network] endpoint S3 is listed twice"));
  CHECK(contains(twice, "[App/S/Network] interface endpoint id \"Bad Id\" must be letters and digits"));
  CHECK(contains(twice, "[App/S/Network/OddEndpoint] \"Not_A_Name\" is not an endpoint service name"));
}

TEST_CASE("flow log settings are checked") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network");
  auto& key = stack.add<aws::kms::Key>("LogKey");
  vpc.add_flow_log("Bad", {.max_aggregation_interval = 300});
  vpc.add_flow_log("ToS3", {.destination = aws::ec2::FlowLogDestination::s3("my-bucket"), .kms_key = &key});
  vpc.add_flow_log("Encrypted", {.kms_key = &key});  // the key does not let CloudWatch Logs use it
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Network/Bad] max_aggregation_interval is 300 seconds — use 60 or 600"));
  CHECK(contains(text, "[App/S/Network/ToS3] the S3 destination \"my-bucket\" is not a bucket ARN"));
  CHECK(contains(text, "[App/S/Network/ToS3] kms_key encrypts a CloudWatch Logs destination, and this flow log writes to S3"));
  CHECK(contains(text, "[App/S/Network/Encrypted/LogGroup] the key App/S/LogKey does not let CloudWatch Logs use it"));
}

TEST_CASE("zones by name must be names, once each; DNS host names need DNS support") {
  const auto text = errors_for({.availability_zones = {"us-east-1a", "us-east-1a", "East"}, .enable_dns_support = false});
  CHECK(contains(text, "[App/S/Network] availability zone us-east-1a is listed twice"));
  CHECK(contains(text, "[App/S/Network] \"East\" is not an availability zone name"));
  CHECK(contains(text, "[App/S/Network] enable_dns_hostnames needs enable_dns_support"));
}

TEST_CASE("single subnets never map public addresses, and gateway endpoints do not reach them") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.subnet_groups = {{.name = "Data", .mask = 24}},
                                                   .gateway_endpoints = {EndpointService::s3()}});
  vpc.add_subnet("Legacy", {.cidr = "10.0.200.0/24", .map_public_ip_on_launch = true});
  const auto d = validate(app);
  const auto text = d.format();
  CHECK(contains(text, "[App/S/Network/Legacy] map_public_ip_on_launch is set on a subnet that is not public (isolated)"));
  CHECK(contains(text, "[App/S/Network/Legacy] this subnet uses the VPC's main route table, so the gateway endpoints do not reach it"));
}

TEST_CASE("an imported VPC's ids are checked") {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<aws::ec2::ImportedVpc>("Shared", {.vpc_id = "vpc-123",
                                              .cidr = "10.40.0.0/33",
                                              .private_subnets = {{.subnet_id = "subnet-0123456789abcdef0"},
                                                                  {.subnet_id = "subnet-0123456789abcdef0", .availability_zone = "us-east-1b"}},
                                              .isolated_subnets = {{.subnet_id = "sub-1", .availability_zone = "us-east-1a",
                                                                    .route_table_id = Str("rtb-0123456789abcdef0")}}});
  stack.add<aws::ec2::ImportedVpc>("NoId", {.cidr = "10.41.0.0/16"});
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Shared] vpc_id \"vpc-123\" is not a vpc-... id"));
  CHECK(contains(text, "[App/S/Shared] invalid CIDR of the imported VPC"));
  CHECK(contains(text, "[App/S/Shared] private with egress subnet subnet-0123456789abcdef0 has no availability zone"));
  CHECK(contains(text, "[App/S/Shared] private with egress subnet subnet-0123456789abcdef0 is listed twice"));
  CHECK(contains(text, "[App/S/Shared] isolated subnet id \"sub-1\" is not a subnet-... id"));
  CHECK(contains(text, "[App/S/NoId] an imported VPC needs its id"));
}

TEST_CASE("resources built by hand are checked too") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.subnet_groups = {{.name = "Data", .mask = 24}}});
  auto& subnet = *dynamic_cast<aws::ec2::Subnet*>(vpc.find_child("DataSubnet1"));
  subnet.add<aws::ec2::Route>("ToNowhere", {.table = subnet.route_table(), .destination = "192.168.0.0/33"});
  subnet.add<aws::ec2::NatGateway>("Nat", {.subnet = &subnet});
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Network/DataSubnet1/ToNowhere] invalid route destination"));
  CHECK(contains(text, "[App/S/Network/DataSubnet1/ToNowhere] the route has no target"));
  CHECK(contains(text, "[App/S/Network/DataSubnet1/Nat] the NAT gateway's elastic IP (.eip) is not set"));
  CHECK(contains(text, "[App/S/Network/DataSubnet1/Nat] a NAT gateway must be in a public subnet"));
}
