// Generated CloudFormation L1 structs: rendering, recursion and the EMR API renderers code against.
#include <doctest/doctest.h>

#include "check_helpers.hpp"
#include "drdb/l1/cfn/ec2.hpp"
#include "drdb/l1/cfn/emr.hpp"
#include "drdb/l1/cfn/s3.hpp"

namespace {

using namespace drdb;
namespace ec2 = drdb::l1::cfn::ec2;
namespace emr = drdb::l1::cfn::emr;
using l1::testing::check_properties;

TEST_CASE("cfn L1: to_value writes the schema's PascalCase keys and omits unset fields") {
  ec2::VPC vpc{.cidr_block = "10.20.0.0/16",
               .enable_dns_hostnames = true,
               .ipv4_netmask_length = 16,
               .tags = ListOf<ec2::VPC::Tag>{{.key = "Name", .value = "main"}}};
  Value v = vpc.to_value();

  REQUIRE(v.is_object());
  const Object& o = v.as_object();
  CHECK(o.size() == 4);
  CHECK(o.at("CidrBlock") == Value("10.20.0.0/16"));
  CHECK(o.at("EnableDnsHostnames") == Value(true));
  CHECK(o.at("Ipv4NetmaskLength") == Value(16));
  CHECK(o.at("Tags") == Value::list({Value::object({{"Key", "Name"}, {"Value", "main"}})}));
  CHECK_FALSE(o.contains("EnableDnsSupport"));
  CHECK(ec2::VPC::type_name == "AWS::EC2::VPC");
  CHECK(ec2::VPC::attr::VpcId == "VpcId");
  CHECK(check_properties(v, ec2::VPC::shape()).empty());
}

TEST_CASE("cfn L1: an empty struct renders an empty object") {
  CHECK(ec2::InternetGateway{}.to_value() == Value(Object{}));
}

TEST_CASE("cfn L1: expressions pass through to_value untouched") {
  ec2::Subnet subnet{.availability_zone = Str(Pseudo::Region) + "a", .vpc_id = Str(Pseudo::AccountId)};
  Value v = subnet.to_value();
  CHECK(v.as_object().at("VpcId").is_expression());
  CHECK(check_properties(v, ec2::Subnet::shape()).empty());
}

TEST_CASE("cfn L1: a list given as one expression renders as that expression") {
  emr::Cluster::JobFlowInstancesConfig instances{.ec2_subnet_ids = ListOf<Str>::of(Value(Pseudo::Region))};
  CHECK(instances.to_value().as_object().at("Ec2SubnetIds") == Value(Pseudo::Region));
}

TEST_CASE("cfn L1: recursive EMR configurations build and render") {
  using Configuration = emr::Cluster::Configuration;
  Configuration spark{.classification = "spark-env",
                      .configurations = ListOf<Configuration>{
                          {.classification = "export",
                           .configuration_properties = MapOf<Str>{{"PYSPARK_PYTHON", "/usr/bin/python3"}}}}};
  Value v = spark.to_value();
  const auto& nested = v.as_object().at("Configurations").as_list();
  REQUIRE(nested.size() == 1);
  CHECK(nested[0].as_object().at("Classification") == Value("export"));
  CHECK(nested[0].as_object().at("ConfigurationProperties") == Value::object({{"PYSPARK_PYTHON", "/usr/bin/python3"}}));
  CHECK_FALSE(nested[0].as_object().contains("Configurations"));
  CHECK(check_properties(v, Configuration::shape(), "Properties.Configurations[0]").empty());
}

TEST_CASE("cfn L1: an EMR cluster with instance groups, as renderers write it") {
  using Cluster = emr::Cluster;
  Cluster::InstanceGroupConfig master{.instance_count = 1, .instance_type = "m5.xlarge", .market = "ON_DEMAND"};
  Cluster::InstanceGroupConfig core{
      .ebs_configuration = Cluster::EbsConfiguration{
          .ebs_block_device_configs = ListOf<Cluster::EbsBlockDeviceConfig>{
              {.volume_specification = Cluster::VolumeSpecification{.size_in_gb = 64, .volume_type = "gp3"},
               .volumes_per_instance = 2}},
          .ebs_optimized = true},
      .instance_count = 2,
      .instance_type = "r5.2xlarge"};
  Cluster cluster{
      .applications = ListOf<Cluster::Application>{{.name = "Spark"}, {.name = "Hive"}},
      .configurations = ListOf<Cluster::Configuration>{
          {.classification = "hive-site",
           .configuration_properties = MapOf<Str>{{"hive.metastore.client.factory.class",
                                                   "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory"}}}},
      .instances = Cluster::JobFlowInstancesConfig{
          .core_instance_group = core,
          .ec2_subnet_id = "subnet-123",
          .keep_job_flow_alive_when_no_steps = true,
          .master_instance_group = master,
          .task_instance_groups = ListOf<Cluster::InstanceGroupConfig>{
              {.instance_count = 0, .instance_type = "r5.2xlarge", .market = "SPOT", .name = "Task"}}},
      .job_flow_role = "EMR_EC2_DefaultRole",
      .name = "etl",
      .release_label = "emr-7.1.0",
      .service_role = "EMR_DefaultRole",
      .step_concurrency_level = 4,
  };
  Value v = cluster.to_value();
  CHECK(check_properties(v, Cluster::shape()).empty());

  const Object& instances = v.as_object().at("Instances").as_object();
  CHECK(instances.at("MasterInstanceGroup") ==
        Value::object({{"InstanceCount", 1}, {"InstanceType", "m5.xlarge"}, {"Market", "ON_DEMAND"}}));
  const Object& core_group = instances.at("CoreInstanceGroup").as_object();
  const auto& devices = core_group.at("EbsConfiguration").as_object().at("EbsBlockDeviceConfigs").as_list();
  CHECK(devices.at(0) == Value::object({{"VolumeSpecification", Value::object({{"SizeInGB", 64}, {"VolumeType", "gp3"}})},
                                        {"VolumesPerInstance", 2}}));
  CHECK(instances.at("TaskInstanceGroups").as_list().size() == 1);
  CHECK(v.as_object().at("Applications") ==
        Value::list({Value::object({{"Name", "Spark"}}), Value::object({{"Name", "Hive"}})}));
}

TEST_CASE("cfn L1: EMR cluster missing its required properties is reported") {
  emr::Cluster cluster{.name = "etl"};
  auto found = check_properties(cluster.to_value(), emr::Cluster::shape());
  std::vector<std::string> messages;
  for (const auto& d : found) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{"Properties.Instances: required property is missing",
                                             "Properties.JobFlowRole: required property is missing",
                                             "Properties.ServiceRole: required property is missing"});
}

}  // namespace
