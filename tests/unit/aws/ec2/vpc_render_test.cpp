// What a network renders to, asserted on the parsed CloudFormation template and Terraform module.
#include <doctest/doctest.h>

#include <map>

#include "ec2_test_support.hpp"

using namespace drdb;
using namespace drdb::test_ec2;
using nlohmann::json;

namespace {

std::map<std::string, int> count_types(const json& resources, const char* type_key) {
  std::map<std::string, int> out;
  for (const auto& [name, r] : resources.items()) ++out[r[type_key].get<std::string>()];
  return out;
}

json ref(const Construct& c) { return {{"Ref", logical_id(c)}}; }

const aws::ec2::Vpc& full_vpc(App& app, NatGateways nat) {
  auto& stack = app.add<Stack>("S", {.region = "eu-west-1"});
  return stack.add<aws::ec2::Vpc>("Network", full_network(nat));
}

const aws::ec2::VpcEndpoint& endpoint(const aws::ec2::Vpc& vpc, const char* id) {
  return dynamic_cast<const aws::ec2::VpcEndpoint&>(*vpc.find_child(id));
}

}  // namespace

TEST_CASE("CloudFormation: every piece of the network is its own resource") {
  App app;
  full_vpc(app, NatGateways::PerAz);
  const auto cfn = render(app, "S").cfn;
  const auto types = count_types(cfn["Resources"], "Type");
  CHECK(types.at("AWS::EC2::VPC") == 1);
  CHECK(types.at("AWS::EC2::Subnet") == 6);
  CHECK(types.at("AWS::EC2::RouteTable") == 6);
  CHECK(types.at("AWS::EC2::SubnetRouteTableAssociation") == 6);
  CHECK(types.at("AWS::EC2::Route") == 4);  // 2 public + 2 private; isolated subnets have none
  CHECK(types.at("AWS::EC2::InternetGateway") == 1);
  CHECK(types.at("AWS::EC2::VPCGatewayAttachment") == 1);
  CHECK(types.at("AWS::EC2::EIP") == 2);
  CHECK(types.at("AWS::EC2::NatGateway") == 2);
  CHECK(types.at("AWS::EC2::VPCEndpoint") == 4);
  CHECK(types.at("AWS::EC2::SecurityGroup") == 2);  // one per interface endpoint
  CHECK(types.at("AWS::EC2::FlowLog") == 1);
  CHECK(types.at("AWS::Logs::LogGroup") == 1);
  CHECK(types.at("AWS::IAM::Role") == 1);
  // drdb computes every range itself: the template has literal CIDRs only.
  CHECK_FALSE(contains(cfn.dump(), "Fn::Cidr"));
}

TEST_CASE("CloudFormation: routes per zone, NAT per zone, and the gateway attachment ordering") {
  App app;
  const auto& vpc = full_vpc(app, NatGateways::PerAz);
  const auto cfn = render(app, "S").cfn;
  const auto& res = cfn["Resources"];
  const auto* igw = vpc.internet_gateway();
  const auto attachment = logical_id(*igw->find_child("Attachment"));
  CHECK(res[attachment]["Properties"] == json({{"InternetGatewayId", ref(*igw)}, {"VpcId", ref(vpc)}}));
  for (std::size_t zone = 0; zone < 2; ++zone) {
    const auto& pub = *vpc.subnet_group("Public")[zone];
    const auto& route = res[logical_id(*pub.find_child("DefaultRoute"))];
    CHECK(route["Properties"]["GatewayId"] == ref(*igw));
    CHECK(route["Properties"]["RouteTableId"] == ref(*pub.route_table()));
    CHECK(route["DependsOn"] == json::array({attachment}));  // the gateway must be attached first
    const auto& nat = res[logical_id(*pub.nat_gateway())];
    CHECK(nat["Properties"]["SubnetId"] == ref(pub));
    CHECK(nat["Properties"]["AllocationId"] == json({{"Fn::GetAtt", {logical_id(*pub.find_child("EIP")), "AllocationId"}}}));
    CHECK(res[logical_id(*pub.find_child("EIP"))]["Properties"]["Domain"] == "vpc");
    const auto& priv = *vpc.subnet_group("Private")[zone];
    CHECK(res[logical_id(*priv.find_child("DefaultRoute"))]["Properties"] ==
          json({{"DestinationCidrBlock", "0.0.0.0/0"}, {"NatGatewayId", ref(*pub.nat_gateway())}, {"RouteTableId", ref(*priv.route_table())}}));
    CHECK(res[logical_id(pub)]["Properties"]["MapPublicIpOnLaunch"] == true);
    CHECK(res[logical_id(priv)]["Properties"]["MapPublicIpOnLaunch"] == false);
    CHECK(res[logical_id(priv)]["Properties"]["AvailabilityZone"] == json({{"Fn::Select", {zone, {{"Fn::GetAZs", ""}}}}}));
  }
}

TEST_CASE("CloudFormation: one shared NAT gateway") {
  App app;
  const auto& vpc = full_vpc(app, NatGateways::One);
  const auto cfn = render(app, "S").cfn;
  CHECK(count_types(cfn["Resources"], "Type").at("AWS::EC2::NatGateway") == 1);
  const auto nat = ref(*vpc.nat_gateways().at(0));
  for (const auto* s : vpc.subnet_group("Private"))
    CHECK(cfn["Resources"][logical_id(*s->find_child("DefaultRoute"))]["Properties"]["NatGatewayId"] == nat);
}

TEST_CASE("CloudFormation: endpoints attach to the right route tables and subnets, named for any region") {
  App app;
  const auto& vpc = full_vpc(app, NatGateways::PerAz);
  const auto cfn = render(app, "S").cfn;
  const auto& res = cfn["Resources"];
  const auto& s3 = res[logical_id(endpoint(vpc, "S3Endpoint"))]["Properties"];
  json tables = json::array();
  for (const auto* name : {"Private", "Isolated"})
    for (const auto* s : vpc.subnet_group(name)) tables.push_back(ref(*s->route_table()));
  CHECK(s3["VpcEndpointType"] == "Gateway");
  CHECK(s3["RouteTableIds"] == tables);
  CHECK(s3["ServiceName"] == json::parse(R"({"Fn::Join": ["", ["com.amazonaws.", {"Ref": "AWS::Region"}, ".s3"]]})"));
  const auto& secrets = endpoint(vpc, "SecretsManagerEndpoint");
  const auto& props = res[logical_id(secrets)]["Properties"];
  CHECK(props["VpcEndpointType"] == "Interface");
  CHECK(props["PrivateDnsEnabled"] == true);
  CHECK(props["SubnetIds"] == json::array({ref(*vpc.subnet_group("Private")[0]), ref(*vpc.subnet_group("Private")[1])}));
  const auto group = logical_id(*secrets.security_group());
  CHECK(props["SecurityGroupIds"] == json::array({{{"Fn::GetAtt", {group, "GroupId"}}}}));
  CHECK(res[group]["Properties"]["SecurityGroupIngress"] ==
        json::parse(R"([{"CidrIp": "10.20.0.0/16", "Description": "HTTPS from the VPC", "FromPort": 443, "IpProtocol": "tcp", "ToPort": 443}])"));
}

TEST_CASE("CloudFormation: the flow log delivers to its log group through its role") {
  App app;
  const auto& vpc = full_vpc(app, NatGateways::PerAz);
  const auto cfn = render(app, "S").cfn;
  const auto& flow_log = dynamic_cast<const aws::ec2::FlowLog&>(*vpc.find_child("FlowLog"));
  const auto& props = cfn["Resources"][logical_id(flow_log)]["Properties"];
  CHECK(props["ResourceId"] == ref(vpc));
  CHECK(props["ResourceType"] == "VPC");
  CHECK(props["TrafficType"] == "ALL");
  CHECK(props["LogDestinationType"] == "cloud-watch-logs");
  CHECK(props["DeliverLogsPermissionArn"] == json({{"Fn::GetAtt", {logical_id(*flow_log.role()), "Arn"}}}));
  CHECK(contains(props["LogDestination"].dump(), logical_id(*flow_log.log_group())));
  const auto& group = cfn["Resources"][logical_id(*flow_log.log_group())];
  CHECK(group["Properties"]["RetentionInDays"] == 365);
  CHECK(group["DeletionPolicy"] == "Retain");
  const auto& role = cfn["Resources"][logical_id(*flow_log.role())]["Properties"];
  CHECK(role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"] == "vpc-flow-logs.amazonaws.com");
  const auto policy = role["Policies"][0]["PolicyDocument"].dump();
  CHECK(contains(policy, "logs:PutLogEvents"));
  CHECK(contains(policy, ":log-group:"));
}

TEST_CASE("Terraform: gateways, routes and endpoints") {
  App app;
  const auto& vpc = full_vpc(app, NatGateways::PerAz);
  const auto tf = render(app, "S").tf;
  const auto& res = tf["resource"];
  CHECK(res["aws_route"].size() == 4);
  CHECK(res["aws_route_table"].size() == 6);
  CHECK(res["aws_route_table_association"].size() == 6);
  CHECK(res["aws_nat_gateway"].size() == 2);
  CHECK(res["aws_vpc_endpoint"].size() == 4);
  CHECK_FALSE(res.contains("aws_vpc_endpoint_route_table_association"));  // route_table_ids instead
  const auto igw = logical_id(*vpc.internet_gateway());
  CHECK(res["aws_internet_gateway"][igw]["vpc_id"] == "${aws_vpc.Network.id}");  // attaches it: no separate attachment
  const auto& pub = *vpc.subnet_group("Public")[0];
  CHECK(res["aws_eip"][logical_id(*pub.find_child("EIP"))]["domain"] == "vpc");
  const auto& nat = res["aws_nat_gateway"][logical_id(*pub.nat_gateway())];
  CHECK(nat["depends_on"] == json::array({"aws_internet_gateway." + igw}));
  CHECK(nat["subnet_id"] == "${aws_subnet." + logical_id(pub) + ".id}");
  const auto& priv = *vpc.subnet_group("Private")[0];
  CHECK(res["aws_route"][logical_id(*priv.find_child("DefaultRoute"))]["nat_gateway_id"] ==
        "${aws_nat_gateway." + logical_id(*pub.nat_gateway()) + ".id}");
  const auto& s3 = res["aws_vpc_endpoint"][logical_id(endpoint(vpc, "S3Endpoint"))];
  CHECK(s3["service_name"] == "com.amazonaws.${data.aws_region.current.name}.s3");
  CHECK(s3["route_table_ids"].size() == 4);
  const auto& sts = res["aws_vpc_endpoint"][logical_id(endpoint(vpc, "StsEndpoint"))];
  CHECK(sts["private_dns_enabled"] == true);
  CHECK(sts["subnet_ids"].size() == 2);
  const auto& flow_log = *vpc.find_child("FlowLog");
  const auto& log = res["aws_flow_log"][logical_id(flow_log)];
  CHECK(log["vpc_id"] == "${aws_vpc.Network.id}");
  CHECK(log["log_destination_type"] == "cloud-watch-logs");
  CHECK(res["aws_cloudwatch_log_group"].size() == 1);
}

TEST_CASE("an imported VPC places security groups without deploying anything of its own") {
  App app;
  auto& stack = app.add<Stack>("S");
  const auto& shared = stack.add<aws::ec2::ImportedVpc>(
      "Shared", {.vpc_id = "vpc-0123456789abcdef0",
                 .cidr = "10.40.0.0/16",
                 .private_subnets = {{.subnet_id = "subnet-0123456789abcdef0", .availability_zone = "us-east-1a"},
                                     {.subnet_id = "subnet-0123456789abcdef1", .availability_zone = "us-east-1b"}}});
  auto& group = stack.add<aws::ec2::SecurityGroup>("Emr", {.description = "EMR", .vpc = &shared});
  group.add_ingress(aws::ec2::Peer::ipv4(shared.cidr()), aws::ec2::Port::tcp(8443), "from the shared network");
  CHECK(errors_of(app).empty());
  CHECK(shared.private_subnet_ids().items().at(1) == Str("subnet-0123456789abcdef1"));
  const auto r = render(app, "S");
  CHECK(r.cfn["Resources"].size() == 1);
  CHECK(r.cfn["Resources"]["Emr"]["Properties"]["VpcId"] == "vpc-0123456789abcdef0");
  CHECK(r.tf["resource"]["aws_security_group"]["Emr"]["vpc_id"] == "vpc-0123456789abcdef0");
}

TEST_CASE("an imported VPC can get flow logs of its own") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& shared = stack.add<aws::ec2::ImportedVpc>("Shared", {.vpc_id = "vpc-0123456789abcdef0", .cidr = "10.40.0.0/16"});
  const auto& flow_log = shared.add<aws::ec2::FlowLog>(
      "FlowLog", {.destination = aws::ec2::FlowLogDestination::s3("arn:aws:s3:::network-logs"), .traffic = aws::ec2::FlowLogTraffic::Reject});
  CHECK(errors_of(app).empty());
  const auto r = render(app, "S");
  const auto& props = r.cfn["Resources"][logical_id(flow_log)]["Properties"];
  CHECK(props["ResourceId"] == "vpc-0123456789abcdef0");
  CHECK(props["LogDestination"] == "arn:aws:s3:::network-logs");
  CHECK(props["TrafficType"] == "REJECT");
  CHECK_FALSE(props.contains("DeliverLogsPermissionArn"));
  CHECK(r.tf["resource"]["aws_flow_log"][logical_id(flow_log)]["log_destination_type"] == "s3");
}

TEST_CASE("the same network synthesizes to the same bytes twice") {
  App a, b;
  full_vpc(a, NatGateways::PerAz);
  full_vpc(b, NatGateways::PerAz);
  const auto da = synthesize(a), db = synthesize(b);
  REQUIRE(da.size() == db.size());
  for (std::size_t i = 0; i < da.size(); ++i) CHECK(da[i].content == db[i].content);
}
