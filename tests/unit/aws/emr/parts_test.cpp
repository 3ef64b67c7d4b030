// The EMR model's parts on their own: release labels, configuration merges, API shapes.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

TEST_CASE("release labels parse and compare") {
  CHECK(Release::parse("emr-6.15.0") == Release{6, 15, 0});
  CHECK(Release::parse("emr-5.8.0") < Release::parse("emr-5.28.0"));
  CHECK_FALSE(Release::parse("emr-6.15"));
  CHECK_FALSE(Release::parse("emr-6.15.0-beta"));
  CHECK_FALSE(Release::parse("ami-3.11.0"));
  CHECK(Release{7, 1, 0}.label() == "emr-7.1.0");
  CHECK(unavailable_reason(Application::trino(), {6, 4, 0}) == "");
  CHECK(unavailable_reason({"SomethingNew"}, {4, 0, 0}) == "");
}

TEST_CASE("merging configurations: later sources win, nested classifications merge, conflicts name both sources") {
  const auto merged = merge({Configurations("a").spark_defaults("x", "1").spark_defaults("y", "1").spark_env("V", "1"),
                             Configurations("b").spark_defaults("x", "2").spark_defaults("y", "1").spark_env("V", "2"),
                             Configurations("c").hive_site("z", "3")});
  REQUIRE(merged.classifications.size() == 3);
  CHECK(merged.classifications[0].name == "spark-defaults");
  CHECK(merged.classifications[0].properties.at("x") == Str("2"));
  CHECK(merged.classifications[1].nested.at(0).properties.at("V") == Str("2"));
  REQUIRE(merged.conflicts.size() == 2);  // y is set to the same value twice: no conflict
  CHECK(merged.conflicts[0].classification == "spark-defaults");
  CHECK(merged.conflicts[0].key == "x");
  CHECK(merged.conflicts[0].earlier_source == "a");
  CHECK(merged.conflicts[0].later_source == "b");
  CHECK(merged.conflicts[1].classification == "spark-env/export");
  // Within one source, a later set replaces without a conflict.
  CHECK(merge({Configurations("a").core_site("k", "1").core_site("k", "2")}).conflicts.empty());
  CHECK(configurations_api_value(merged.classifications).as_list().at(2) ==
        Value::object({{"Classification", "hive-site"}, {"Properties", Value::object({{"z", "3"}})}}));
}

TEST_CASE("EBS and scaling in EMR's API shape") {
  CHECK(ebs_configuration_api_value({}, std::nullopt).is_null());
  CHECK(to_json(ebs_configuration_api_value({{.type = VolumeType::Io1, .size_gib = 10, .iops = 500}}, false)) ==
        json::parse(R"({"EbsBlockDeviceConfigs": [{"VolumeSpecification": {"Iops": 500, "SizeInGB": 10, "VolumeType": "io1"},
                       "VolumesPerInstance": 1}], "EbsOptimized": false})"));
  CHECK(to_json(ManagedScaling{.unit = CapacityUnit::Vcpu, .min_capacity = 8, .max_capacity = 64}.api_value()) ==
        json::parse(R"({"ComputeLimits": {"MaximumCapacityUnits": 64, "MinimumCapacityUnits": 8, "UnitType": "VCPU"}})"));
  const auto idle = ScalingRule::scale_in_when_idle(2, 80);
  CHECK(idle.adjustment == -2);
  CHECK(idle.trigger.threshold == 80);
  CHECK(idle.trigger.evaluation_periods == 3);
}
