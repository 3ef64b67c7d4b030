// The same cluster description as RunJobFlow parameters.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

TEST_CASE("RunJobFlow parameters: instance groups, roles by name, the same parts as the templates") {
  Env env;
  auto p = env.props();
  p.name = "transient";
  p.keep_alive_when_no_steps = false;
  p.idle_timeout_seconds = 900;
  p.step_concurrency = 2;
  p.metastore = glue_catalog();
  auto& g = std::get<InstanceGroups>(p.instances);
  g.core->ebs = {{.size_gib = 128}};
  g.core->autoscaling = AutoScalingPolicy::memory_based(2, 6);
  g.task.push_back({.instance_type = "m5.2xlarge", .count = 0, .market = Market::Spot});
  p.bootstrap_actions = {{.name = "Setup", .script = "s3://code/setup.sh"}};
  p.steps = {Step::spark("Etl", {.application = "s3://code/etl.py"}, ActionOnFailure::TerminateCluster)};
  auto& cluster = env.cluster(std::move(p));
  cluster.tag("team", "data");
  const auto params = run_job_flow(cluster);

  CHECK(params["Name"] == "transient");
  CHECK(params["ReleaseLabel"] == "emr-7.1.0");
  CHECK(params["Applications"] == json::parse(R"([{"Name": "Spark"}, {"Name": "Hive"}])"));
  CHECK(params["JobFlowRole"] == "${" + cluster.instance_profile().path() + ".Name}");
  CHECK(params["ServiceRole"] == "${" + cluster.service_role().path() + ".Name}");
  CHECK(params["AutoScalingRole"] == "${" + cluster.autoscaling_role()->path() + ".Name}");
  CHECK(params["LogUri"] == "s3://${App/S/Logs.Name}/emr-logs/");
  CHECK(params["AutoTerminationPolicy"] == json({{"IdleTimeout", 900}}));
  CHECK(params["StepConcurrencyLevel"] == 2);
  CHECK(params["VisibleToAllUsers"] == true);
  CHECK(params["Tags"] == json::parse(R"([{"Key": "drdb:stack", "Value": "S"}, {"Key": "team", "Value": "data"}])"));
  CHECK(params["BootstrapActions"][0]["ScriptBootstrapAction"]["Path"] == "s3://code/setup.sh");
  CHECK(params["Steps"][0]["ActionOnFailure"] == "TERMINATE_CLUSTER");
  CHECK(params["Steps"][0]["HadoopJarStep"]["Jar"] == "command-runner.jar");

  const auto& instances = params["Instances"];
  CHECK(instances["KeepJobFlowAliveWhenNoSteps"] == false);
  CHECK(instances["Ec2SubnetId"] == "${" + env.subnet.path() + ".Id}");
  CHECK(instances["EmrManagedMasterSecurityGroup"] == "${" + cluster.primary_security_group().path() + ".GroupId}");
  CHECK(instances["ServiceAccessSecurityGroup"] == "${" + cluster.service_access_security_group().path() + ".GroupId}");
  const auto& groups = instances["InstanceGroups"];
  REQUIRE(groups.size() == 3);
  CHECK(groups[0] == json({{"InstanceCount", 1}, {"InstanceRole", "MASTER"}, {"InstanceType", "m5.xlarge"},
                           {"Market", "ON_DEMAND"}, {"Name", "Primary"}}));
  CHECK(groups[1]["InstanceRole"] == "CORE");
  CHECK(groups[1]["EbsConfiguration"]["EbsBlockDeviceConfigs"][0]["VolumeSpecification"] ==
        json({{"SizeInGB", 128}, {"VolumeType", "gp3"}}));
  CHECK(groups[1]["AutoScalingPolicy"]["Constraints"] == json({{"MaxCapacity", 6}, {"MinCapacity", 2}}));
  CHECK(groups[1]["AutoScalingPolicy"]["Rules"][0]["Trigger"]["CloudWatchAlarmDefinition"]["Dimensions"][0]["Value"] ==
        "${emr.clusterId}");
  CHECK(groups[2] == json({{"InstanceCount", 0}, {"InstanceRole", "TASK"}, {"InstanceType", "m5.2xlarge"},
                           {"Market", "SPOT"}, {"Name", "Task1"}}));

  // Configurations in the API's shape (Properties, not ConfigurationProperties), Glue included.
  bool glue = false;
  for (const auto& c : params["Configurations"])
    glue = glue || (c["Classification"] == "spark-hive-site" &&
                    c["Properties"]["hive.metastore.client.factory.class"] == std::string(glue_client_factory));
  CHECK(glue);
}

TEST_CASE("RunJobFlow parameters: instance fleets and managed scaling") {
  Env env;
  auto p = env.props();
  p.instances = InstanceFleets{.primary = {.on_demand_capacity = 1, .instance_types = {{.instance_type = "m5.xlarge"}}},
                               .core = InstanceFleet{.spot_capacity = 4,
                                                     .instance_types = {{.instance_type = "r5.xlarge", .bid_price = "0.2"}}}};
  p.managed_scaling = ManagedScaling{.unit = CapacityUnit::InstanceFleetUnits, .min_capacity = 2, .max_capacity = 8};
  auto& cluster = env.cluster(std::move(p));
  const auto params = run_job_flow(cluster);
  const auto& fleets = params["Instances"]["InstanceFleets"];
  CHECK(fleets[0]["InstanceFleetType"] == "MASTER");
  CHECK(fleets[1] == json::parse(R"({"InstanceFleetType": "CORE", "Name": "Core", "TargetOnDemandCapacity": 0,
      "TargetSpotCapacity": 4, "InstanceTypeConfigs": [{"BidPrice": "0.2", "InstanceType": "r5.xlarge", "WeightedCapacity": 1}],
      "LaunchSpecifications": {"SpotSpecification": {"AllocationStrategy": "price-capacity-optimized",
      "TimeoutAction": "SWITCH_TO_ON_DEMAND", "TimeoutDurationMinutes": 60}}})"));
  CHECK(params["Instances"]["Ec2SubnetIds"] == json::array({"${" + env.subnet.path() + ".Id}"}));
  CHECK(params["ManagedScalingPolicy"]["ComputeLimits"] ==
        json({{"MaximumCapacityUnits", 8}, {"MinimumCapacityUnits", 2}, {"UnitType", "InstanceFleetUnits"}}));
  CHECK_FALSE(params.contains("AutoScalingRole"));
}
