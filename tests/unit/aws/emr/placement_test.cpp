// Where a cluster runs: a VPC of this app or an imported (shared) one, its subnets given as
// constructs, SubnetRefs or ids, and what the created service role needs for each.
#include <doctest/doctest.h>

#include <drdb/testing/template.hpp>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;
using drdb::testing::array_with;
using drdb::testing::Template;

namespace {

constexpr const char* v2_tag = "for-use-with-amazon-emr-managed-policies";

// A network team's VPC, known by its ids.
aws::ec2::ImportedVpc& shared_vpc(Stack& stack) {
  return stack.add<aws::ec2::ImportedVpc>(
      "Shared", {.vpc_id = "vpc-0a1b2c3d4e5f67890",
                 .cidr = "10.40.0.0/16",
                 .private_subnets = {{.subnet_id = "subnet-0123456789abcdef0", .availability_zone = "us-east-1a"},
                                     {.subnet_id = "subnet-0fedcba9876543210", .availability_zone = "us-east-1b"}}});
}

struct SharedEnv {
  App app;
  Stack& stack = app.add<Stack>("S", {.region = "us-east-1"});
  aws::ec2::ImportedVpc& vpc = shared_vpc(stack);
  aws::s3::Bucket& logs = stack.add<aws::s3::Bucket>("Logs");

  Cluster::Props props() {
    return {.release_label = "emr-7.1.0",
            .applications = {Application::spark()},
            .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                        .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
            .vpc = &vpc,
            .subnets = {vpc.private_subnets()[0]},
            .logs = LogDestination{.bucket = &logs}};
  }
};

// The service role's statement granting the EC2 launch calls on untagged subnets.
Value launch_statement(List subnet_arns) {
  return Value::object({{"Action", Value(List{"ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion",
                                              "ec2:CreateNetworkInterface", "ec2:RunInstances"})},
                        {"Effect", "Allow"},
                        {"Resource", subnet_arns.size() == 1 ? subnet_arns[0] : Value(std::move(subnet_arns))}});
}

// An IAM role pattern: some inline policy holds `statement`.
Value role_with(Value statement) {
  auto document = Value::object({{"Statement", array_with({std::move(statement)})}});
  auto policy = Value::object({{"PolicyDocument", std::move(document)}});
  return Value::object({{"Policies", array_with({std::move(policy)})}});
}

Value ref(const char* name) { return Value::object({{"Ref", name}}); }

// arn:<partition>:ec2:<region>:*:subnet/<id>, as CloudFormation joins it.
Value subnet_arn(Value id) {
  List parts{"arn:", ref("AWS::Partition"), ":ec2:", ref("AWS::Region")};
  if (id.is_string()) {
    parts.push_back(":*:subnet/" + id.as_string());
  } else {
    parts.push_back(":*:subnet/");
    parts.push_back(std::move(id));
  }
  return Value::object({{"Fn::Join", Value(List{"", Value(std::move(parts))})}});
}

}  // namespace

TEST_CASE("a cluster in an imported VPC: groups in that VPC, the subnet by id, the service role may launch there") {
  SharedEnv env;
  auto& cluster = env.stack.add<Cluster>("Etl", env.props());
  CHECK(diagnostics_of(env.app) == "");

  const auto cfn = Template::cloudformation(env.app, "S");
  CHECK(cfn.resource_count("AWS::EC2::Subnet") == 0);
  CHECK(cfn.resource_count("AWS::EC2::VPC") == 0);
  CHECK(cfn.all_resources("AWS::EC2::SecurityGroup", Value::object({{"VpcId", "vpc-0a1b2c3d4e5f67890"}})));
  CHECK(cfn.has_resource("AWS::EMR::Cluster",
                         Value::object({{"Instances", Value::object({{"Ec2SubnetId", "subnet-0123456789abcdef0"}})}})));
  // The v2 policy launches only in tagged subnets; drdb cannot tag a subnet it does not create, so
  // the created service role names it.
  CHECK(cfn.has_resource("AWS::IAM::Role", role_with(launch_statement({subnet_arn("subnet-0123456789abcdef0")}))));

  const auto tf = Template::terraform(env.app, "S");
  CHECK(tf.all_resources("aws_security_group", Value::object({{"vpc_id", "vpc-0a1b2c3d4e5f67890"}})));
  CHECK(tf.has_resource("aws_emr_cluster", Value::object({{"ec2_attributes", array_with({Value::object(
                                                                                  {{"subnet_id", "subnet-0123456789abcdef0"}})})}})));
  std::string tf_policies;
  for (const auto& name : tf.resources_of("aws_iam_role_policy"))
    tf_policies += to_json(tf.properties("aws_iam_role_policy", name)).dump();
  CHECK(contains(tf_policies, ":*:subnet/subnet-0123456789abcdef0"));

  const auto rjf = run_job_flow(cluster);
  CHECK(rjf["Instances"]["Ec2SubnetId"] == "subnet-0123456789abcdef0");
}

TEST_CASE("an imported VPC with instance fleets: every subnet named in the service role") {
  SharedEnv env;
  auto p = env.props();
  p.instances = InstanceFleets{.primary = {.on_demand_capacity = 1, .instance_types = {{.instance_type = "m5.xlarge"}}}};
  p.subnets = {env.vpc.private_subnets()[0], env.vpc.private_subnets()[1]};
  env.stack.add<Cluster>("Etl", std::move(p));
  CHECK(diagnostics_of(env.app) == "");
  const auto cfn = Template::cloudformation(env.app, "S");
  CHECK(cfn.has_resource("AWS::IAM::Role", role_with(launch_statement({subnet_arn("subnet-0123456789abcdef0"),
                                                                          subnet_arn("subnet-0fedcba9876543210")}))));
}

TEST_CASE("a supplied service role is left as it is, also in an imported VPC") {
  SharedEnv env;
  auto& service = env.stack.add<aws::iam::Role>("MyService", {.assumed_by = {aws::iam::Principal::service("elasticmapreduce.amazonaws.com")}});
  auto p = env.props();
  p.roles.service = &service;
  env.stack.add<Cluster>("Etl", std::move(p));
  CHECK(diagnostics_of(env.app) == "");
  const auto cfn = Template::cloudformation(env.app, "S");
  CHECK(cfn.properties("AWS::IAM::Role", "MyService").as_object().count("Policies") == 0);
  for (const auto& name : cfn.resources_of("AWS::IAM::Role")) {
    const auto& props = cfn.properties("AWS::IAM::Role", name).as_object();
    if (auto policies = props.find("Policies"); policies != props.end())
      CHECK_FALSE(contains(to_json(policies->second).dump(), ":subnet/"));
  }
}

TEST_CASE("subnets of a VPC this app creates: found from their ids and tagged, never named in the role") {
  Env env;
  auto& vpc = env.stack.add<aws::ec2::Vpc>(
      "Grouped", {.cidr = "10.50.0.0/16",
                  .subnet_groups = {{.name = "Public", .type = aws::ec2::SubnetType::Public, .mask = 24},
                                    {.name = "Emr", .type = aws::ec2::SubnetType::PrivateWithEgress, .mask = 20}},
                  .nat_gateways = aws::ec2::NatGateways::One});
  auto p = env.props();
  p.vpc = &vpc;
  p.subnets = {vpc.private_subnets()[0]};  // a SubnetRef, as for an imported VPC
  env.cluster(std::move(p));
  CHECK(diagnostics_of(env.app) == "");
  const auto* subnet = vpc.subnet_group("Emr").front();
  const auto cfn = Template::cloudformation(env.app, "S");
  CHECK(contains(to_json(cfn.properties("AWS::EC2::Subnet", logical_id(*subnet))).dump(),
                 std::string(R"({"Key":")") + v2_tag + R"(","Value":"true"})"));
  // The other private subnet, unused by the cluster, is not tagged.
  for (const auto* other : vpc.subnets())
    if (other != subnet) CHECK_FALSE(contains(to_json(cfn.properties("AWS::EC2::Subnet", logical_id(*other))).dump(), v2_tag));
  for (const auto& name : cfn.resources_of("AWS::IAM::Role")) {
    const auto& props = cfn.properties("AWS::IAM::Role", name).as_object();
    if (auto policies = props.find("Policies"); policies != props.end())
      CHECK_FALSE(contains(to_json(policies->second).dump(), ":subnet/"));
  }
  // Terraform tags the same subnet.
  const auto tf = Template::terraform(env.app, "S");
  CHECK(contains(to_json(tf.properties("aws_subnet", logical_id(*subnet))).dump(), v2_tag));
}

TEST_CASE("subnets outside the cluster's VPC are errors naming both") {
  SharedEnv env;
  auto p = env.props();
  p.subnets = {"subnet-0aaaaaaaaaaaaaaaa"};
  env.stack.add<Cluster>("Etl", std::move(p));
  CHECK(contains(diagnostics_of(env.app),
                 "[App/S/Etl] subnet \"subnet-0aaaaaaaaaaaaaaaa\" is not a subnet of the cluster's VPC App/S/Shared — list it in the "
                 "ImportedVpc's subnets (e.g. .private_subnets), or use one of them"));

  Env owned;
  auto q = owned.props();
  q.subnets = {"subnet-0aaaaaaaaaaaaaaaa"};
  owned.cluster(std::move(q));
  CHECK(contains(diagnostics_of(owned.app),
                 "[App/S/Etl] subnet \"subnet-0aaaaaaaaaaaaaaaa\" is not a subnet of the cluster's VPC App/S/Network — use one of its "
                 "subnets, e.g. .subnets = {vpc.private_subnets()[0]}"));

  Env mixed;
  auto& shared = shared_vpc(mixed.stack);
  auto r = mixed.props();
  r.vpc = &shared;  // the groups go to the shared VPC, the subnet is the fixture's own
  mixed.cluster(std::move(r));
  CHECK(contains(diagnostics_of(mixed.app),
                 "[App/S/Etl] subnet App/S/Network/Private1 is in VPC App/S/Network, not in the cluster's VPC App/S/Shared — place the "
                 "cluster in a subnet of App/S/Shared, or set .vpc to the subnet's VPC"));
}

TEST_CASE("a subnet id from a parameter is not checked at synth time and is named in the role") {
  SharedEnv env;
  auto& subnet = env.stack.add<Parameter>("EmrSubnet", {.description = "subnet of the shared VPC for EMR"});
  auto p = env.props();
  p.subnets = {subnet.as_str()};
  env.stack.add<Cluster>("Etl", std::move(p));
  CHECK(diagnostics_of(env.app) == "");
  const auto cfn = Template::cloudformation(env.app, "S");
  CHECK(cfn.has_resource("AWS::IAM::Role", role_with(launch_statement({subnet_arn(ref("EmrSubnet"))}))));
}
