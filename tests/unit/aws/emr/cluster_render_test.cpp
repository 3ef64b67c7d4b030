// What a cluster renders to in both targets, asserted on the parsed documents.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

namespace {

const json& cfn_cluster(const Outputs& o) { return cfn_resource(o.cfn, "AWS::EMR::Cluster")["Properties"]; }
const json& tf_cluster(const Outputs& o) { return tf_resource(o.tf, "aws_emr_cluster"); }

// The item of `list` whose `key` is `name` (null when none).
json item(const json& list, std::string_view key, std::string_view name) {
  for (const auto& c : list)
    if (c[std::string(key)] == name) return c;
  return json();
}

// A JSON document Terraform holds as a string, with its `$${` escapes undone.
json tf_document(const json& s) {
  auto text = s.get<std::string>();
  for (std::size_t at = text.find("$${"); at != std::string::npos; at = text.find("$${", at)) text.erase(at, 1);
  return json::parse(text);
}

// Every action of every statement of the CloudFormation role with logical id prefix `role`.
std::vector<std::string> cfn_actions(const json& cfn, const std::string& role_prefix) {
  std::vector<std::string> out;
  for (const auto& [id, r] : cfn["Resources"].items()) {
    if (r["Type"] != "AWS::IAM::Role" || id.rfind(role_prefix, 0) != 0) continue;
    for (const auto& policy : r["Properties"].value("Policies", json::array()))
      for (const auto& s : policy["PolicyDocument"]["Statement"]) {
        if (s["Action"].is_string()) out.push_back(s["Action"]);
        for (const auto& a : s["Action"]) if (a.is_string()) out.push_back(a);
      }
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("instance groups: EBS, Spot task groups, placement") {
  Env env;
  auto p = env.props();
  auto& g = std::get<InstanceGroups>(p.instances);
  g.core->ebs = {{.type = VolumeType::Gp3, .size_gib = 256, .iops = 4000, .throughput_mibps = 250, .volumes_per_instance = 2}};
  g.task.push_back({.instance_type = "r5.2xlarge", .count = 3, .market = Market::Spot, .bid_price = "0.25",
                    .ebs = {{.type = VolumeType::Io1, .size_gib = 100, .iops = 2000}}, .ebs_optimized = true, .name = "Spot"});
  auto& cluster = env.cluster(std::move(p));
  const auto o = render_all(env.app);

  const auto& instances = cfn_cluster(o)["Instances"];
  CHECK(instances["MasterInstanceGroup"] ==
        json({{"InstanceCount", 1}, {"InstanceType", "m5.xlarge"}, {"Market", "ON_DEMAND"}, {"Name", "Primary"}}));
  CHECK(instances["CoreInstanceGroup"]["EbsConfiguration"] ==
        json::parse(R"({"EbsBlockDeviceConfigs": [{"VolumeSpecification": {"Iops": 4000, "SizeInGB": 256, "Throughput": 250,
                       "VolumeType": "gp3"}, "VolumesPerInstance": 2}]})"));
  const auto& task = instances["TaskInstanceGroups"][0];
  CHECK(task["Name"] == "Spot");
  CHECK(task["Market"] == "SPOT");
  CHECK(task["BidPrice"] == "0.25");
  CHECK(task["EbsConfiguration"]["EbsOptimized"] == true);
  CHECK(task["EbsConfiguration"]["EbsBlockDeviceConfigs"][0]["VolumeSpecification"]["VolumeType"] == "io1");
  CHECK(instances["Ec2SubnetId"] == json({{"Ref", logical_id(env.subnet)}}));
  CHECK(instances["EmrManagedMasterSecurityGroup"] ==
        json({{"Fn::GetAtt", {logical_id(cluster.primary_security_group()), "GroupId"}}}));
  CHECK(instances["KeepJobFlowAliveWhenNoSteps"] == true);
  CHECK(instances["TerminationProtected"] == false);

  const auto& tf = tf_cluster(o);
  CHECK(tf["master_instance_group"][0]["instance_type"] == "m5.xlarge");
  CHECK(tf["core_instance_group"][0]["instance_count"] == 2);
  CHECK(tf["core_instance_group"][0]["ebs_config"][0] ==
        json({{"iops", 4000}, {"size", 256}, {"throughput", 250}, {"type", "gp3"}, {"volumes_per_instance", 2}}));
  CHECK(tf["ec2_attributes"][0]["subnet_id"] == "${aws_subnet." + logical_id(env.subnet) + ".id}");
  const auto& tf_task = tf_resource(o.tf, "aws_emr_instance_group");
  CHECK(tf_task["cluster_id"] == "${aws_emr_cluster." + logical_id(cluster.resource()) + ".id}");
  CHECK(tf_task["bid_price"] == "0.25");
  CHECK(tf_task["ebs_optimized"] == true);
  CHECK(tf_task["ebs_config"][0]["type"] == "io1");
}

TEST_CASE("instance fleets: capacities, weighted types, Spot provisioning, several subnets") {
  Env env;
  auto& second = env.vpc.add_subnet("Private2", {.cidr = "10.20.32.0/19", .availability_zone = pseudo::availability_zone(1)});
  auto p = env.props();
  p.subnets = {env.subnet, second};
  p.instances = InstanceFleets{
      .primary = {.on_demand_capacity = 1, .instance_types = {{.instance_type = "m5.xlarge"}}},
      .core = InstanceFleet{.on_demand_capacity = 2,
                            .spot_capacity = 6,
                            .instance_types = {{.instance_type = "r5.2xlarge", .weighted_capacity = 2, .bid_price_percent = 80},
                                               {.instance_type = "r5.4xlarge", .weighted_capacity = 4}},
                            .spot = SpotProvisioning{.timeout_minutes = 20, .timeout_action = SpotTimeoutAction::TerminateCluster}},
      .task = InstanceFleet{.spot_capacity = 4, .instance_types = {{.instance_type = "c5.2xlarge"}}}};
  p.managed_scaling = ManagedScaling{.unit = CapacityUnit::InstanceFleetUnits, .min_capacity = 3, .max_capacity = 20};
  env.cluster(std::move(p));
  REQUIRE(diagnostics_of(env.app) == "");
  const auto o = render_all(env.app);

  const auto& instances = cfn_cluster(o)["Instances"];
  CHECK(instances["MasterInstanceFleet"]["TargetOnDemandCapacity"] == 1);
  const auto& core = instances["CoreInstanceFleet"];
  CHECK(core["TargetSpotCapacity"] == 6);
  CHECK(core["InstanceTypeConfigs"][0] ==
        json({{"BidPriceAsPercentageOfOnDemandPrice", 80.0}, {"InstanceType", "r5.2xlarge"}, {"WeightedCapacity", 2}}));
  CHECK(core["LaunchSpecifications"]["SpotSpecification"] ==
        json({{"AllocationStrategy", "price-capacity-optimized"}, {"TimeoutAction", "TERMINATE_CLUSTER"}, {"TimeoutDurationMinutes", 20}}));
  CHECK(instances["TaskInstanceFleets"][0]["LaunchSpecifications"]["SpotSpecification"]["TimeoutAction"] == "SWITCH_TO_ON_DEMAND");
  CHECK(instances["Ec2SubnetIds"].size() == 2);
  CHECK_FALSE(instances.contains("Ec2SubnetId"));
  CHECK(cfn_cluster(o)["ManagedScalingPolicy"]["ComputeLimits"]["UnitType"] == "InstanceFleetUnits");

  const auto& tf = tf_cluster(o);
  CHECK(tf["core_instance_fleet"][0]["launch_specifications"][0]["spot_specification"][0]["timeout_duration_minutes"] == 20);
  CHECK(tf["core_instance_fleet"][0]["instance_type_configs"][1]["weighted_capacity"] == 4);
  CHECK(tf["ec2_attributes"][0]["subnet_ids"].size() == 2);
  CHECK(tf_resource(o.tf, "aws_emr_instance_fleet")["target_spot_capacity"] == 4);
  CHECK(tf_resource(o.tf, "aws_emr_managed_scaling_policy")["compute_limits"][0]["unit_type"] == "InstanceFleetUnits");
}

TEST_CASE("custom automatic scaling: the policy's shape, and the autoscaling role") {
  Env env;
  auto p = env.props();
  auto& g = std::get<InstanceGroups>(p.instances);
  g.core->autoscaling = AutoScalingPolicy::memory_based(2, 10);
  g.task.push_back({.instance_type = "m5.xlarge", .count = 0,
                    .autoscaling = AutoScalingPolicy{.min_instances = 0, .max_instances = 8,
                                                     .rules = {ScalingRule::scale_out_on_pending_containers(2)}}});
  auto& cluster = env.cluster(std::move(p));
  const auto o = render_all(env.app);

  const auto expected_rule = json::parse(R"({
    "Action": {"SimpleScalingPolicyConfiguration": {"AdjustmentType": "CHANGE_IN_CAPACITY", "CoolDown": 300, "ScalingAdjustment": 1}},
    "Description": "Add capacity when little YARN memory is available",
    "Name": "ScaleOutOnMemoryPressure",
    "Trigger": {"CloudWatchAlarmDefinition": {"ComparisonOperator": "LESS_THAN", "Dimensions": [{"Key": "JobFlowId", "Value": "${emr.clusterId}"}],
      "EvaluationPeriods": 1, "MetricName": "YARNMemoryAvailablePercentage", "Namespace": "AWS/ElasticMapReduce", "Period": 300,
      "Statistic": "AVERAGE", "Threshold": 15.0, "Unit": "PERCENT"}}})");
  const auto& policy = cfn_cluster(o)["Instances"]["CoreInstanceGroup"]["AutoScalingPolicy"];
  CHECK(policy["Constraints"] == json({{"MaxCapacity", 10}, {"MinCapacity", 2}}));
  CHECK(policy["Rules"][0] == expected_rule);
  CHECK(policy["Rules"][1]["Action"]["SimpleScalingPolicyConfiguration"]["ScalingAdjustment"] == -1);
  CHECK(policy["Rules"][1]["Trigger"]["CloudWatchAlarmDefinition"]["ComparisonOperator"] == "GREATER_THAN");
  const auto& task_rule = cfn_cluster(o)["Instances"]["TaskInstanceGroups"][0]["AutoScalingPolicy"]["Rules"][0];
  CHECK(task_rule["Trigger"]["CloudWatchAlarmDefinition"]["MetricName"] == "ContainerPendingRatio");
  CHECK(cfn_cluster(o)["AutoScalingRole"] == json({{"Ref", logical_id(*cluster.autoscaling_role())}}));
  const auto actions = cfn_actions(o.cfn, logical_id(*cluster.autoscaling_role()));
  CHECK(has(actions, "elasticmapreduce:ModifyInstanceGroups"));
  CHECK(has(actions, "cloudwatch:DescribeAlarms"));

  // Terraform holds the same policy as a JSON string ("$${" keeps EMR's placeholder literal).
  const auto& tf = tf_cluster(o);
  CHECK(tf["core_instance_group"][0]["autoscaling_policy"].get<std::string>().find("$${emr.clusterId}") != std::string::npos);
  CHECK(tf_document(tf["core_instance_group"][0]["autoscaling_policy"])["Rules"][0] == expected_rule);
  CHECK(tf_document(tf_resource(o.tf, "aws_emr_instance_group")["autoscaling_policy"])["Constraints"]["MaxCapacity"] == 8);
  CHECK(tf["autoscaling_role"] == "${aws_iam_role." + logical_id(*cluster.autoscaling_role()) + ".arn}");
}

TEST_CASE("managed scaling with instance groups") {
  Env env;
  auto p = env.props();
  p.managed_scaling = ManagedScaling{.min_capacity = 2, .max_capacity = 10, .max_on_demand_capacity = 4, .max_core_capacity = 3};
  env.cluster(std::move(p));
  const auto o = render_all(env.app);
  CHECK(cfn_cluster(o)["ManagedScalingPolicy"] ==
        json::parse(R"({"ComputeLimits": {"MaximumCapacityUnits": 10, "MaximumCoreCapacityUnits": 3,
                       "MaximumOnDemandCapacityUnits": 4, "MinimumCapacityUnits": 2, "UnitType": "Instances"}})"));
  const auto& policy = tf_resource(o.tf, "aws_emr_managed_scaling_policy");
  CHECK(policy["compute_limits"][0] == json({{"maximum_capacity_units", 10}, {"maximum_core_capacity_units", 3},
                                             {"maximum_ondemand_capacity_units", 4}, {"minimum_capacity_units", 2},
                                             {"unit_type", "Instances"}}));
  CHECK(policy["cluster_id"].get<std::string>().starts_with("${aws_emr_cluster."));
}

TEST_CASE("configurations: typed classifications, nested exports, merged sources") {
  Env env;
  auto p = env.props();
  p.configurations = {Configurations("defaults")
                          .spark_defaults("spark.executor.memory", "4g")
                          .spark_defaults("spark.dynamicAllocation.enabled", "true")
                          .spark_env("PYSPARK_PYTHON", "/usr/bin/python3")
                          .yarn_site("yarn.nodemanager.vmem-check-enabled", "false"),
                      Configurations("job")
                          .spark_defaults("spark.executor.memory", "8g")
                          .emrfs_site("fs.s3.maxConnections", "200")
                          .add({.name = "iceberg-defaults", .properties = {{"iceberg.enabled", "true"}}})};
  env.cluster(std::move(p));
  const auto o = render_all(env.app);

  const auto& configs = cfn_cluster(o)["Configurations"];
  CHECK(item(configs, "Classification", "spark-defaults")["ConfigurationProperties"] ==
        json({{"spark.dynamicAllocation.enabled", "true"}, {"spark.executor.memory", "8g"}}));
  CHECK(item(configs, "Classification", "spark-env") ==
        json::parse(R"({"Classification": "spark-env", "Configurations": [{"Classification": "export",
                       "ConfigurationProperties": {"PYSPARK_PYTHON": "/usr/bin/python3"}}]})"));
  CHECK(item(configs, "Classification", "iceberg-defaults")["ConfigurationProperties"]["iceberg.enabled"] == "true");
  CHECK(item(configs, "Classification", "emrfs-site").is_object());

  const auto tf_configs = json::parse(tf_cluster(o)["configurations_json"].get<std::string>());
  CHECK(item(tf_configs, "Classification", "spark-defaults")["Properties"]["spark.executor.memory"] == "8g");
  CHECK(item(tf_configs, "Classification", "spark-env")["Configurations"][0]["Properties"]["PYSPARK_PYTHON"] == "/usr/bin/python3");
}

TEST_CASE("glue_catalog(): the factory in hive-site and spark-hive-site, Glue actions on this catalog only") {
  Env env;
  auto p = env.props();
  p.metastore = glue_catalog();
  auto& cluster = env.cluster(std::move(p));
  const auto o = render_all(env.app);
  const auto& configs = cfn_cluster(o)["Configurations"];
  for (const char* name : {"hive-site", "spark-hive-site"})
    CHECK(item(configs, "Classification", name)["ConfigurationProperties"]["hive.metastore.client.factory.class"] ==
          "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory");
  const auto tf_configs = json::parse(tf_cluster(o)["configurations_json"].get<std::string>());
  CHECK(item(tf_configs, "Classification", "spark-hive-site")["Properties"]["hive.metastore.client.factory.class"] ==
        std::string(glue_client_factory));

  const auto actions = cfn_actions(o.cfn, logical_id(cluster.job_flow_role()));
  CHECK(has(actions, "glue:GetTable"));
  CHECK(has(actions, "glue:CreatePartition"));
  for (const auto& a : actions) CHECK(a.find('*') == std::string::npos);
  CHECK(o.text.find(":catalog") != std::string::npos);

  // Spark only: spark-hive-site only; another account's catalog by id; read only.
  Env spark_only;
  auto q = spark_only.props();
  q.applications = {Application::spark()};
  q.metastore = glue_catalog({.catalog_id = "111122223333", .read_only = true});
  auto& c2 = spark_only.cluster(std::move(q));
  const auto o2 = render_all(spark_only.app);
  const auto& configs2 = cfn_cluster(o2)["Configurations"];
  CHECK(item(configs2, "Classification", "hive-site").is_null());
  CHECK(item(configs2, "Classification", "spark-hive-site")["ConfigurationProperties"]["hive.metastore.glue.catalogid"] ==
        "111122223333");
  const auto read_only = cfn_actions(o2.cfn, logical_id(c2.job_flow_role()));
  CHECK(has(read_only, "glue:GetPartitions"));
  CHECK_FALSE(has(read_only, "glue:CreateTable"));
  CHECK(o2.text.find(":glue:") != std::string::npos);
  CHECK(o2.text.find("111122223333:catalog") != std::string::npos);
}

TEST_CASE("external Hive metastore: JDBC settings, the password only as a secret reference, 3306 both ways") {
  const std::string secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:hive-AbCdEf";
  Env env;
  auto& db = env.stack.add<aws::ec2::SecurityGroup>("Db", {.description = "metastore", .vpc = &env.vpc});
  auto p = env.props();
  p.metastore = external_hive({.host = "hive.cluster-abc.us-east-1.rds.amazonaws.com",
                               .user = "hive_admin",
                               .password_secret_arn = secret,
                               .database_security_group = &db});
  auto& cluster = env.cluster(std::move(p));
  REQUIRE(diagnostics_of(env.app) == "");
  const auto o = render_all(env.app);

  const auto hive_site = item(cfn_cluster(o)["Configurations"], "Classification", "hive-site")["ConfigurationProperties"];
  CHECK(hive_site ==
        json({{"EMR.secret@javax.jdo.option.ConnectionPassword", secret},
              {"javax.jdo.option.ConnectionDriverName", "org.mariadb.jdbc.Driver"},
              {"javax.jdo.option.ConnectionURL",
               "jdbc:mysql://hive.cluster-abc.us-east-1.rds.amazonaws.com:3306/hive?createDatabaseIfNotExist=true"},
              {"javax.jdo.option.ConnectionUserName", "hive_admin"}}));
  const auto tf_hive = item(json::parse(tf_cluster(o)["configurations_json"].get<std::string>()), "Classification", "hive-site");
  CHECK(tf_hive["Properties"]["EMR.secret@javax.jdo.option.ConnectionPassword"] == secret);
  CHECK(run_job_flow(cluster)["Configurations"][0]["Properties"]["EMR.secret@javax.jdo.option.ConnectionPassword"] == secret);
  // EMR reads the secret with the service role.
  const auto service_actions = cfn_actions(o.cfn, logical_id(cluster.service_role()));
  CHECK(has(service_actions, "secretsmanager:GetSecretValue"));

  // The primary group and the database group reach each other on 3306, nothing wider.
  int ingress = 0, egress = 0;
  for (const auto& [id, r] : o.cfn["Resources"].items()) {
    if (r["Type"] == "AWS::EC2::SecurityGroupIngress" && r["Properties"]["GroupId"]["Fn::GetAtt"][0] == logical_id(db)) {
      CHECK(r["Properties"]["FromPort"] == 3306);
      CHECK(r["Properties"]["SourceSecurityGroupId"]["Fn::GetAtt"][0] == logical_id(cluster.primary_security_group()));
      ++ingress;
    }
    if (r["Type"] == "AWS::EC2::SecurityGroupEgress" && r["Properties"].contains("DestinationSecurityGroupId") &&
        r["Properties"]["DestinationSecurityGroupId"]["Fn::GetAtt"][0] == logical_id(db)) {
      CHECK(r["Properties"]["ToPort"] == 3306);
      ++egress;
    }
  }
  CHECK(ingress == 1);
  CHECK(egress == 1);
}

TEST_CASE("external Hive with a CloudFormation dynamic reference: joined with the ARN expression, refused elsewhere") {
  Env env;
  auto& arn = env.stack.add<Parameter>("HiveSecretArn", {.description = "metastore password secret"});
  auto& db = env.stack.add<aws::ec2::SecurityGroup>("Db", {.description = "metastore", .vpc = &env.vpc});
  auto p = env.props();
  p.metastore = external_hive({.host = "db.internal",
                               .password_secret_arn = arn.as_str(),
                               .password_delivery = PasswordDelivery::CloudFormationDynamicReference,
                               .database_security_group = &db});
  auto& cluster = env.cluster(std::move(p));
  const auto docs = synthesize(env.app, {.formats = {Format::CloudFormationJson}});
  const auto cfn = json::parse(docs.at(0).content);
  const auto hive_site = item(cfn_resource(cfn, "AWS::EMR::Cluster")["Properties"]["Configurations"], "Classification", "hive-site");
  CHECK(hive_site["ConfigurationProperties"]["javax.jdo.option.ConnectionPassword"] ==
        json::parse(R"({"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": "HiveSecretArn"}, ":SecretString:password}}"]]})"));
  CHECK_FALSE(hive_site["ConfigurationProperties"].contains("EMR.secret@javax.jdo.option.ConnectionPassword"));
  CHECK(contains(validate(env.app, {.formats = {Format::Terraform}}).format(),
                 "[App/S/Etl] the metastore password as a CloudFormation dynamic reference has no equivalent in Terraform"));
  Diagnostics d;
  cluster.run_job_flow_parameters(d);
  CHECK(contains(d.format(), "[App/S/Etl] RunJobFlow parameters cannot carry the metastore password"));
}

TEST_CASE("security configuration: the EMR document in both targets, keys granted to the cluster's roles") {
  Env env;
  const Str key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  auto& security = env.stack.add<SecurityConfiguration>(
      "Security", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms, .kms_key_arn = key},
                   .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key},
                   .in_transit_encryption = InTransitEncryption{.certificates_zip_s3_uri = "s3://certs/emr/certs.zip"}});
  auto p = env.props();
  p.security_configuration = &security;
  auto& cluster = env.cluster(std::move(p));
  const auto o = render_all(env.app);
  const auto expected = json::parse(R"({"EncryptionConfiguration": {
    "AtRestEncryptionConfiguration": {
      "LocalDiskEncryptionConfiguration": {"AwsKmsKey": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                           "EnableEbsEncryption": true, "EncryptionKeyProviderType": "AwsKms"},
      "S3EncryptionConfiguration": {"AwsKmsKey": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                    "EncryptionMode": "SSE-KMS"}},
    "EnableAtRestEncryption": true, "EnableInTransitEncryption": true,
    "InTransitEncryptionConfiguration": {"TLSCertificateConfiguration": {"CertificateProviderType": "PEM",
                                                                         "S3Object": "s3://certs/emr/certs.zip"}}}})");
  CHECK(cfn_resource(o.cfn, "AWS::EMR::SecurityConfiguration")["Properties"]["SecurityConfiguration"] == expected);
  CHECK(cfn_cluster(o)["SecurityConfiguration"] == json({{"Ref", "Security"}}));
  CHECK(json::parse(tf_resource(o.tf, "aws_emr_security_configuration")["configuration"].get<std::string>()) == expected);
  CHECK(tf_cluster(o)["security_configuration"] == "${aws_emr_security_configuration.Security.name}");
  CHECK(has(cfn_actions(o.cfn, logical_id(cluster.job_flow_role())), "kms:GenerateDataKey"));
  CHECK(has(cfn_actions(o.cfn, logical_id(cluster.service_role())), "kms:CreateGrant"));
}

TEST_CASE("steps and bootstrap actions") {
  Env env;
  auto p = env.props();
  p.bootstrap_actions = {{.name = "Install", .script = "s3://code/bootstrap.sh", .args = {"--fast"}}};
  p.steps = {Step::spark("Etl", {.application = "s3://code/etl.py", .args = {"--day", "2024-01-01"},
                                 .conf = {{"spark.sql.shuffle.partitions", "400"}}},
                         ActionOnFailure::TerminateCluster),
             Step::hive("Report", "s3://code/report.q", {{"OUTPUT", "s3://out/"}}),
             Step::custom_jar("Jar", "s3://code/app.jar", {"a"}, "com.example.Main")};
  auto& cluster = env.cluster(std::move(p));
  const auto o = render_all(env.app);

  const auto& steps = cfn_cluster(o)["Steps"];
  CHECK(steps[0] == json::parse(R"({"ActionOnFailure": "TERMINATE_CLUSTER", "Name": "Etl", "HadoopJarStep": {
      "Jar": "command-runner.jar", "Args": ["spark-submit", "--deploy-mode", "cluster", "--conf",
      "spark.sql.shuffle.partitions=400", "s3://code/etl.py", "--day", "2024-01-01"]}})"));
  CHECK(steps[1]["HadoopJarStep"]["Args"] ==
        json({"hive-script", "--run-hive-script", "--args", "-f", "s3://code/report.q", "-d", "OUTPUT=s3://out/"}));
  CHECK(steps[2]["HadoopJarStep"]["MainClass"] == "com.example.Main");
  CHECK(cfn_cluster(o)["BootstrapActions"][0] ==
        json::parse(R"({"Name": "Install", "ScriptBootstrapAction": {"Args": ["--fast"], "Path": "s3://code/bootstrap.sh"}})"));

  const auto& tf = tf_cluster(o);
  CHECK(tf["step"][0]["action_on_failure"] == "TERMINATE_CLUSTER");
  CHECK(tf["step"][0]["hadoop_jar_step"][0]["jar"] == "command-runner.jar");
  CHECK(tf["step"][0]["hadoop_jar_step"][0]["args"][0] == "spark-submit");
  CHECK(tf["step"][0]["hadoop_jar_step"][0]["main_class"].is_null());  // every key of the block, null when unset
  CHECK(tf["bootstrap_action"][0] == json({{"args", {"--fast"}}, {"name", "Install"}, {"path", "s3://code/bootstrap.sh"}}));
  CHECK(run_job_flow(cluster)["Steps"][1]["HadoopJarStep"]["Args"][4] == "s3://code/report.q");
}

TEST_CASE("EMR-managed security groups: only rules EMR does not add, before the cluster, revoked on delete") {
  Env env;
  auto p = env.props();
  p.ssh = SshAccess{.existing_key_name = "ops", .allowed_cidrs = {"10.99.0.0/16"}};
  auto& cluster = env.cluster(std::move(p));
  const auto o = render_all(env.app);
  const auto primary = logical_id(cluster.primary_security_group());
  const auto core = logical_id(cluster.core_security_group());
  const auto service = logical_id(cluster.service_access_security_group());

  // No group-to-group ingress at all: EMR adds primary<->core and 8443/9443 itself.
  for (const auto& [id, r] : o.cfn["Resources"].items()) CHECK(r["Type"] != "AWS::EC2::SecurityGroupIngress");
  // The egress side of EMR's traffic, which EMR does not add.
  std::set<std::pair<std::string, std::string>> egress;
  for (const auto& [id, r] : o.cfn["Resources"].items())
    if (r["Type"] == "AWS::EC2::SecurityGroupEgress")
      egress.emplace(r["Properties"]["GroupId"]["Fn::GetAtt"][0].get<std::string>(),
                     r["Properties"]["DestinationSecurityGroupId"]["Fn::GetAtt"][0].get<std::string>());
  CHECK(egress == std::set<std::pair<std::string, std::string>>{{primary, primary}, {primary, core}, {primary, service},
                                                                {core, primary}, {core, core}, {service, primary}, {service, core}});
  const auto& primary_props = o.cfn["Resources"][primary]["Properties"];
  CHECK(primary_props["SecurityGroupIngress"] ==
        json::parse(R"([{"CidrIp": "10.99.0.0/16", "Description": "SSH", "FromPort": 22, "IpProtocol": "tcp", "ToPort": 22}])"));
  CHECK(primary_props["SecurityGroupEgress"][0]["FromPort"] == 443);
  CHECK(cfn_cluster(o)["Instances"]["Ec2KeyName"] == "ops");
  // The cluster waits for every rule.
  const auto& depends = cfn_resource(o.cfn, "AWS::EMR::Cluster")["DependsOn"];
  int rule_dependencies = 0;
  for (const auto& d : depends)
    if (o.cfn["Resources"][d.get<std::string>()]["Type"] == "AWS::EC2::SecurityGroupEgress") ++rule_dependencies;
  CHECK(rule_dependencies == 7);
  // Tagged for AmazonEMRServicePolicy_v2, groups and subnet construct alike.
  CHECK(contains(primary_props["Tags"].dump(), R"({"Key":"for-use-with-amazon-emr-managed-policies","Value":"true"})"));
  CHECK(contains(o.cfn["Resources"][logical_id(env.subnet)]["Properties"]["Tags"].dump(), "for-use-with-amazon-emr-managed-policies"));

  for (const auto& [name, group] : o.tf["resource"]["aws_security_group"].items())
    if (name == primary || name == core || name == service) CHECK(group["revoke_rules_on_delete"] == true);
  CHECK(tf_cluster(o)["depends_on"].size() >= 7);
}

TEST_CASE("roles: v2 service policy with PassRole for the instances' role only, an instance profile, log writes") {
  Env env;
  auto& cluster = env.cluster(env.props());
  const auto o = render_all(env.app);
  const auto& service = o.cfn["Resources"][logical_id(cluster.service_role())]["Properties"];
  CHECK(service["ManagedPolicyArns"][0] ==
        json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AmazonEMRServicePolicy_v2"]]})"));
  const auto statement = service["Policies"][0]["PolicyDocument"]["Statement"][0];
  CHECK(statement["Action"] == "iam:PassRole");
  CHECK(statement["Resource"] == json({{"Fn::GetAtt", {logical_id(cluster.job_flow_role()), "Arn"}}}));
  CHECK(statement["Condition"] == json({{"StringLike", {{"iam:PassedToService", "ec2.amazonaws.com*"}}}}));
  CHECK(cfn_cluster(o)["JobFlowRole"] == json({{"Ref", logical_id(cluster.instance_profile())}}));
  CHECK(cfn_cluster(o)["ServiceRole"] == json({{"Ref", logical_id(cluster.service_role())}}));
  CHECK(cfn_cluster(o)["LogUri"] == json::parse(R"({"Fn::Join": ["", ["s3://", {"Ref": "Logs"}, "/emr-logs/"]]})"));
  CHECK(has(cfn_actions(o.cfn, logical_id(cluster.job_flow_role())), "s3:PutObject"));
  CHECK(tf_cluster(o)["ec2_attributes"][0]["instance_profile"] ==
        "${aws_iam_instance_profile." + logical_id(cluster.instance_profile()) + ".arn}");
  CHECK(tf_cluster(o)["service_role"] == "${aws_iam_role." + logical_id(cluster.service_role()) + ".arn}");

  // Roles the user supplies are used as they are, and get the cluster's grants.
  Env own;
  auto& service_role = own.stack.add<aws::iam::Role>(
      "MyService", {.assumed_by = {aws::iam::Principal::service("elasticmapreduce.amazonaws.com")}});
  auto& instances = own.stack.add<aws::iam::Role>("MyInstances", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  auto q = own.props();
  q.roles = {.service = &service_role, .job_flow = &instances};
  auto& c2 = own.cluster(std::move(q));
  CHECK(&c2.service_role() == &service_role);
  CHECK(&c2.job_flow_role() == &instances);
  CHECK(c2.find_child("ServiceRole") == nullptr);
  const auto o2 = render_all(own.app);
  CHECK(has(cfn_actions(o2.cfn, "MyInstances"), "s3:PutObject"));
}

TEST_CASE("a created key pair: CloudFormation generates it and outputs the SSM parameter of its private key") {
  Env env;
  auto p = env.props();
  p.ssh = SshAccess{.create_key_pair = true, .allowed_cidrs = {"10.0.0.0/8"}};
  auto& cluster = env.cluster(std::move(p));
  const auto docs = synthesize(env.app, {.formats = {Format::CloudFormationJson}});
  const auto cfn = json::parse(docs.at(0).content);
  const auto key = logical_id(*cluster.key_pair());
  CHECK(cfn["Resources"][key]["Properties"]["KeyType"] == "ed25519");
  CHECK(cfn["Resources"][key]["Properties"]["KeyName"] ==
        json::parse(R"({"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "-Etl"]]})"));
  CHECK(cfn_resource(cfn, "AWS::EMR::Cluster")["Properties"]["Instances"]["Ec2KeyName"] == json({{"Ref", key}}));
  CHECK(cfn["Outputs"]["EtlPrivateKeyParameter"]["Value"] ==
        json::parse(R"({"Fn::Join": ["", ["/ec2/keypair/", {"Fn::GetAtt": [")" + key + R"(", "KeyPairId"]}]]})"));
  CHECK_FALSE(cfn.contains("Parameters"));

  // Terraform cannot generate a key without keeping its private half in the state: the operator's
  // public key comes from a variable, checked as an OpenSSH key before anything is planned.
  const auto tf = json::parse(synthesize(env.app, {.formats = {Format::Terraform}}).at(0).content);
  CHECK(tf_resource(tf, "aws_key_pair")["public_key"] == "${var." + key + "PublicKey}");
  const auto& variable = tf.at("variable").at(key + "PublicKey");
  CHECK(variable["type"] == "string");
  CHECK(variable["validation"][0]["condition"] == "${can(regex(\"^(ssh-ed25519|ssh-rsa) \", var." + key + "PublicKey))}");
  CHECK(tf.dump().find("tls_private_key") == std::string::npos);

  // With a public key both targets import it, and there is no private key to point at.
  Env imported;
  auto q = imported.props();
  q.ssh = SshAccess{.create_key_pair = true, .public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample ops", .allowed_cidrs = {"10.0.0.0/8"}};
  imported.cluster(std::move(q));
  const auto o = render_all(imported.app);
  CHECK(tf_resource(o.tf, "aws_key_pair")["public_key"] == "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample ops");
  CHECK(o.tf.dump().find("PublicKey") == std::string::npos);
  CHECK_FALSE(o.cfn.contains("Outputs"));
}

TEST_CASE("cluster options reach both targets") {
  Env env;
  auto p = env.props();
  p.name = "nightly-etl";
  p.idle_timeout_seconds = 3600;
  p.termination_protection = true;
  p.keep_alive_when_no_steps = false;
  p.step_concurrency = 4;
  p.custom_ami_id = "ami-0123456789abcdef0";
  p.root_volume_size_gib = 50;
  env.cluster(std::move(p)).tag("team", "data");
  const auto o = render_all(env.app);
  const auto& c = cfn_cluster(o);
  CHECK(c["Name"] == "nightly-etl");
  CHECK(c["ReleaseLabel"] == "emr-7.1.0");
  CHECK(c["Applications"] == json::parse(R"([{"Name": "Spark"}, {"Name": "Hive"}])"));
  CHECK(c["AutoTerminationPolicy"] == json({{"IdleTimeout", 3600}}));
  CHECK(c["Instances"]["TerminationProtected"] == true);
  CHECK(c["Instances"]["KeepJobFlowAliveWhenNoSteps"] == false);
  CHECK(c["StepConcurrencyLevel"] == 4);
  CHECK(c["CustomAmiId"] == "ami-0123456789abcdef0");
  CHECK(c["EbsRootVolumeSize"] == 50);
  CHECK(c["VisibleToAllUsers"] == true);
  CHECK(contains(c["Tags"].dump(), R"({"Key":"team","Value":"data"})"));
  const auto& tf = tf_cluster(o);
  CHECK(tf["applications"] == json({"Spark", "Hive"}));
  CHECK(tf["auto_termination_policy"][0]["idle_timeout"] == 3600);
  CHECK(tf["termination_protection"] == true);
  CHECK(tf["step_concurrency_level"] == 4);
  CHECK(tf["tags"]["team"] == "data");
}

TEST_CASE("a cluster synthesizes to the same bytes twice") {
  auto build = [] {
    auto env = std::make_unique<Env>();
    auto p = env->props();
    p.metastore = glue_catalog();
    std::get<InstanceGroups>(p.instances).core->autoscaling = AutoScalingPolicy::memory_based(2, 6);
    p.steps = {Step::spark("Etl", {.application = "s3://code/etl.py"})};
    env->cluster(std::move(p));
    return env;
  };
  const auto a = build();
  const auto b = build();
  const auto first = synthesize(a->app);
  const auto second = synthesize(b->app);
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) CHECK(first[i].content == second[i].content);
}
