// Generated Terraform L1 structs: object attributes, nested blocks, the EMR API renderers use.
#include <doctest/doctest.h>

#include "check_helpers.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "drdb/l1/tf/emr.hpp"

namespace {

using namespace drdb;
namespace tf = drdb::l1::tf;
using l1::testing::check_properties;
using l1::testing::only;

TEST_CASE("tf L1: object-typed attributes render every key, null when unset") {
  tf::aws_security_group sg{.description = "emr master",
                            .ingress = ListOf<tf::aws_security_group::Ingress>{
                                {.from_port = 443, .protocol = "tcp", .security_groups = StrList{"sg-1"}, .to_port = 443}},
                            .vpc_id = "vpc-1"};
  Value v = sg.to_value();
  const Object& body = v.as_object();
  CHECK(body.size() == 3);  // unset attributes of the resource itself are omitted
  const Object& rule = body.at("ingress").as_list().at(0).as_object();
  CHECK(rule.size() == 9);
  CHECK(rule.at("from_port") == Value(443));
  CHECK(rule.at("security_groups") == Value::list({"sg-1"}));
  CHECK(rule.at("cidr_blocks").is_null());
  CHECK(rule.at("self").is_null());
  CHECK(rule.at("description").is_null());
  CHECK(check_properties(v, tf::aws_security_group::shape(), "").empty());
}

TEST_CASE("tf L1: names that are C++ keywords get a trailing underscore, keys stay") {
  tf::aws_security_group sg{.timeouts = tf::aws_security_group::Timeouts{.delete_ = "15m"}};
  CHECK(sg.to_value().as_object().at("timeouts") == Value::object({{"delete", "15m"}}));
}

TEST_CASE("tf L1: an EMR cluster with instance group blocks, as renderers write it") {
  using Cluster = tf::aws_emr_cluster;
  Cluster cluster{
      .applications = StrList{"Spark"},
      .core_instance_group = ListOf<Cluster::CoreInstanceGroup>{
          {.ebs_config = ListOf<Cluster::CoreInstanceGroup::EbsConfig>{{.size = 64, .type = "gp3", .volumes_per_instance = 2}},
           .instance_count = 2,
           .instance_type = "r5.2xlarge"}},
      .ec2_attributes = ListOf<Cluster::Ec2Attributes>{{.instance_profile = "emr-ec2", .subnet_id = "subnet-1"}},
      .master_instance_group = ListOf<Cluster::MasterInstanceGroup>{{.instance_type = "m5.xlarge"}},
      .name = "etl",
      .release_label = "emr-7.1.0",
      .service_role = "EMR_DefaultRole",
      .step = ListOf<Cluster::Step>{{.action_on_failure = "CONTINUE",
                                     .hadoop_jar_step = ListOf<Cluster::Step::HadoopJarStep>{
                                         {.args = StrList{"spark-submit", "s3://b/job.py"}, .jar = "command-runner.jar"}},
                                     .name = "job"}},
      .step_concurrency_level = 4,
  };
  Value v = cluster.to_value();
  CHECK(check_properties(v, Cluster::shape(), "").empty());

  const Object& body = v.as_object();
  CHECK(body.at("master_instance_group") == Value::list({Value::object({{"instance_type", "m5.xlarge"}})}));
  const Object& core = body.at("core_instance_group").as_list().at(0).as_object();
  CHECK(core.at("ebs_config") ==
        Value::list({Value::object({{"size", 64}, {"type", "gp3"}, {"volumes_per_instance", 2}})}));
  // step is an object-typed attribute: all of its keys, nested objects included.
  const Object& step = body.at("step").as_list().at(0).as_object();
  CHECK(step.size() == 3);
  const Object& jar_step = step.at("hadoop_jar_step").as_list().at(0).as_object();
  CHECK(jar_step.size() == 4);
  CHECK(jar_step.at("main_class").is_null());
  CHECK(jar_step.at("properties").is_null());
  CHECK(Cluster::attr::master_public_dns == "master_public_dns");
}

TEST_CASE("tf L1: shape of a resource: required, computed and unknown attributes, blocks") {
  const l1::Shape& shape = tf::aws_emr_cluster::shape();
  SUBCASE("required attributes") {
    auto found = check_properties(Value::object({{"name", "etl"}}), shape, "");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "release_label: required property is missing");
    CHECK(found[1].message == "service_role: required property is missing");
  }
  SUBCASE("computed-only attributes cannot be set") {
    auto d = only(check_properties(
        Value::object({{"name", "etl"}, {"release_label", "emr-7.1.0"}, {"service_role", "r"}, {"cluster_state", "x"}}),
        shape, ""));
    CHECK(d.message == "cluster_state: read-only property cannot be set");
  }
  SUBCASE("a single object stands for a one-item block list") {
    Value body = Value::object({{"name", "etl"},
                                {"release_label", "emr-7.1.0"},
                                {"service_role", "r"},
                                {"master_instance_group", Value::object({{"instance_typ", "m5.xlarge"}})}});
    auto found = check_properties(body, shape, "aws_emr_cluster.etl");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "aws_emr_cluster.etl.master_instance_group.instance_typ: unknown property");
    CHECK(found[0].fix == "did you mean instance_type?");
    CHECK(found[1].message == "aws_emr_cluster.etl.master_instance_group.instance_type: required property is missing");
  }
  SUBCASE("block item counts") {
    Value group = Value::object({{"instance_type", "m5.xlarge"}});
    Value body = Value::object({{"name", "etl"},
                                {"release_label", "emr-7.1.0"},
                                {"service_role", "r"},
                                {"master_instance_group", Value::list({group, group})}});
    auto d = only(check_properties(body, shape, ""));
    CHECK(d.message == "master_instance_group: 2 items, at most 1 allowed");
  }
  SUBCASE("object attributes: null keys are fine, missing keys are not") {
    const l1::Shape& sg = tf::aws_security_group::shape();
    Value rule = tf::aws_security_group::Ingress{.from_port = 22, .protocol = "tcp", .to_port = 22}.to_value();
    CHECK(check_properties(Value::object({{"ingress", Value::list({rule})}}), sg, "").empty());
    rule.as_object().erase("self");
    auto d = only(check_properties(Value::object({{"ingress", Value::list({rule})}}), sg, ""));
    CHECK(d.message == "ingress[0].self: required property is missing");
  }
  SUBCASE("interpolations in raw literals are accepted as expressions") {
    Value body = Value::object({{"name", "etl"},
                                {"release_label", "emr-7.1.0"},
                                {"service_role", "r"},
                                {"step_concurrency_level", "${var.concurrency}"}});
    CHECK(check_properties(body, shape, "").empty());
  }
}

}  // namespace
