// emr.Cluster and emr.SecurityConfiguration in specs: each synthesizes the bytes of the equivalent
// C++ program, and mistakes are reported where they were made.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using namespace drdb::aws::emr;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

Str s3_uri(const s3::Bucket& bucket, const std::string& key) { return Str("s3://") + bucket.bucket_name() + "/" + key; }

// The spec version of examples/emr/app.cpp's cluster, with a Spot task group scaled by rules of its own.
const char* spark_spec = R"(stacks:
  Emr:
    region: us-east-1
    tags: {project: drdb-example}
    resources:
      Vpc:
        type: ec2.Vpc
        cidr: 10.30.0.0/16
        max_azs: 2
        subnet_groups:
          - {name: Public, type: public, mask: 24}
          - {name: Emr, type: private_with_egress, mask: 19}
        nat_gateways: one
        gateway_endpoints: [s3]
      DataKey: {type: kms.Key, description: data and disks, alias: alias/drdb-example-emr}
      Logs: {type: s3.Bucket, lifecycle_rules: [{id: AgeOutLogs, expiration_days: 365}]}
      Data: {type: s3.Bucket, encryption: kms, kms_key: DataKey, versioned: true, access_logs_bucket: Logs,
             access_logs_prefix: s3-access/data/}
      Encryption:
        type: emr.SecurityConfiguration
        s3_encryption: {mode: sse_kms, kms_key_arn: {ref: DataKey, attribute: key_arn}}
        local_disk_encryption: {kms_key_arn: {ref: DataKey, attribute: key_arn}, encrypt_ebs: true}
      Spark:
        type: emr.Cluster
        name: drdb-example-spark
        release_label: emr-7.1.0
        applications: [Hadoop, Spark, Hive, Livy]
        instances:
          groups:
            primary: {instance_type: m5.xlarge, ebs: [{type: gp3, size_gib: 64}]}
            core:
              instance_type: r5.2xlarge
              count: 2
              ebs: [{size_gib: 256, volumes_per_instance: 2}]
              autoscaling:
                min_instances: 2
                max_instances: 10
                rules: [{scale_out_on_memory_pressure: {}}, {scale_in_when_idle: {}}]
            task:
              - instance_type: m5.2xlarge
                market: spot
                bid_price: "0.40"
                autoscaling:
                  min_instances: 1
                  max_instances: 4
                  rules:
                    - custom:
                        name: ScaleOutOnPendingApps
                        adjustment: 2
                        cooldown_seconds: 600
                        trigger: {metric: AppsPending, comparison: greater_than, threshold: 0, statistic: maximum, unit: COUNT}
                    - scale_in_when_idle: {instances: 2, threshold: 80}
        vpc: Vpc
        subnets: [{vpc: Vpc, type: private_with_egress, index: 0}]
        security_configuration: Encryption
        logs: {bucket: Logs, prefix: emr/}
        configurations:
          - source: tuning
            classifications:
              - classification: spark-defaults
                properties: {spark.dynamicAllocation.enabled: "true", spark.sql.adaptive.enabled: "true"}
              - {classification: yarn-site, properties: {yarn.nodemanager.vmem-check-enabled: "false"}}
        metastore: {glue_catalog: {}}
        step_concurrency: 2
        bootstrap_actions:
          - name: InstallPythonLibraries
            script: {join: ["s3://", {ref: Data, attribute: bucket_name}, /code/bootstrap/install-python-libraries.sh]}
            args: [pyarrow==16.1.0]
        steps:
          - name: DailyAggregates
            spark:
              application: {join: ["s3://", {ref: Data, attribute: bucket_name}, /code/jobs/daily_aggregates.py]}
              args: [--warehouse, {join: ["s3://", {ref: Data, attribute: bucket_name}, /warehouse/]}]
              conf: {spark.sql.shuffle.partitions: "200"}
        bucket_grants: [{bucket: Data, access: read, keys: code/*}]
        suppress: [{rule: EMR.4, reason: in-transit TLS needs a certificate bundle of the user's own}]
    outputs:
      ClusterId: {value: {ref: Spark, attribute: cluster_id}, description: EMR cluster id}
      SecurityConfiguration: {value: {ref: Encryption, attribute: name}}
      InstanceProfile: {value: {ref: Spark, attribute: instance_profile_name}}
)";

void spark_program(App& app) {
  auto& stack = app.add<Stack>("Emr", {.region = "us-east-1"});
  stack.tag("project", "drdb-example");
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.cidr = "10.30.0.0/16",
                                          .max_azs = 2,
                                          .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                            {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 19}},
                                          .nat_gateways = ec2::NatGateways::One,
                                          .gateway_endpoints = {ec2::EndpointService::s3()}});
  auto& key = stack.add<kms::Key>("DataKey", {.description = "data and disks", .alias = "alias/drdb-example-emr"});
  auto& logs = stack.add<s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& data = stack.add<s3::Bucket>("Data", {.encryption = s3::Encryption::Kms,
                                              .kms_key = &key,
                                              .versioned = true,
                                              .access_logs_bucket = &logs,
                                              .access_logs_prefix = "s3-access/data/"});
  auto& security = stack.add<SecurityConfiguration>(
      "Encryption", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms, .kms_key_arn = key.key_arn()},
                     .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = true}});
  const ScalingRule pending_apps{.name = "ScaleOutOnPendingApps",
                                 .adjustment = 2,
                                 .cooldown_seconds = 600,
                                 .trigger = {.metric = "AppsPending",
                                             .comparison = Comparison::GreaterThan,
                                             .threshold = 0,
                                             .statistic = Statistic::Maximum,
                                             .unit = "COUNT"}};
  auto& cluster = stack.add<Cluster>(
      "Spark",
      {.name = "drdb-example-spark",
       .release_label = "emr-7.1.0",
       .applications = {Application::hadoop(), Application::spark(), Application::hive(), Application::livy()},
       .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge", .ebs = {{.type = VolumeType::Gp3, .size_gib = 64}}},
                                   .core = InstanceGroup{.instance_type = "r5.2xlarge",
                                                         .count = 2,
                                                         .ebs = {{.size_gib = 256, .volumes_per_instance = 2}},
                                                         .autoscaling = AutoScalingPolicy::memory_based(2, 10)},
                                   .task = {{.instance_type = "m5.2xlarge",
                                             .market = Market::Spot,
                                             .bid_price = "0.40",
                                             .autoscaling = AutoScalingPolicy{
                                                 .min_instances = 1,
                                                 .max_instances = 4,
                                                 .rules = {pending_apps, ScalingRule::scale_in_when_idle(2, 80)}}}}},
       .vpc = &vpc,
       .subnets = {vpc.private_subnets()[0]},
       .security_configuration = &security,
       .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
       .configurations = {Configurations("tuning")
                              .spark_defaults("spark.dynamicAllocation.enabled", "true")
                              .spark_defaults("spark.sql.adaptive.enabled", "true")
                              .yarn_site("yarn.nodemanager.vmem-check-enabled", "false")},
       .metastore = glue_catalog(),
       .step_concurrency = 2,
       .bootstrap_actions = {{.name = "InstallPythonLibraries",
                              .script = s3_uri(data, "code/bootstrap/install-python-libraries.sh"),
                              .args = {"pyarrow==16.1.0"}}},
       .steps = {Step::spark("DailyAggregates", {.application = s3_uri(data, "code/jobs/daily_aggregates.py"),
                                                 .args = {"--warehouse", s3_uri(data, "warehouse/")},
                                                 .conf = {{"spark.sql.shuffle.partitions", "200"}}})}});
  cluster.suppress("EMR.4", "in-transit TLS needs a certificate bundle of the user's own");
  data.grant_read(cluster.job_flow_role(), "code/*");
  stack.add<Output>("ClusterId", {.value = cluster.cluster_id().value(), .description = "EMR cluster id"});
  stack.add<Output>("SecurityConfiguration", {.value = security.name().value()});
  stack.add<Output>("InstanceProfile", {.value = cluster.instance_profile().name().value()});
}

// A cluster of instance fleets with an external Hive metastore, roles and groups of its own.
const char* lake_spec = R"(stacks:
  Lake:
    region: eu-west-1
    resources:
      Net:
        type: ec2.Vpc
        cidr: 10.50.0.0/16
        max_azs: 2
        subnet_groups: [{name: Public, type: public, mask: 24}, {name: Emr, type: private_with_egress, mask: 20}]
        nat_gateways: one
      Key: {type: kms.Key, description: lake key}
      Database: {type: ec2.SecurityGroup, description: metastore database, vpc: Net}
      Extra: {type: ec2.SecurityGroup, description: extra primary access, vpc: Net}
      HivePassword: {type: secretsmanager.Secret, description: Hive metastore password, generate: {}}
      Instances: {type: iam.Role, assumed_by: [{service: ec2.amazonaws.com}]}
      Security:
        type: emr.SecurityConfiguration
        name: lake-security
        s3_encryption: {mode: cse_kms, kms_key_arn: {ref: Key, attribute: key_arn}}
        local_disk_encryption: {kms_key_arn: {ref: Key, attribute: key_arn}, encrypt_ebs: false}
        in_transit_encryption: {certificates_zip_s3_uri: s3://lake-certs/emr/certs.zip}
      Lake:
        type: emr.Cluster
        name: lake
        release_label: emr-6.15.0
        applications: [Hadoop, Hive, Spark]
        instances:
          fleets:
            primary: {on_demand_capacity: 1, instance_types: [{instance_type: m5.xlarge}]}
            core:
              on_demand_capacity: 2
              spot_capacity: 4
              instance_types:
                - {instance_type: r5.2xlarge, weighted_capacity: 2, bid_price_percent: 80, ebs: [{size_gib: 128}]}
                - {instance_type: r5a.2xlarge, weighted_capacity: 2}
              spot: {timeout_minutes: 20, timeout_action: terminate_cluster, allocation: capacity_optimized}
        vpc: Net
        subnets: [{vpc: Net, index: 0}, {vpc: Net, index: 1}]
        additional_primary_security_groups: [{ref: Extra, attribute: group_id}]
        ssh: {existing_key_name: ops, allowed_cidrs: [10.0.0.0/8]}
        roles: {job_flow: Instances}
        security_configuration: Security
        configurations:
          - source: base
            classifications:
              - classification: spark-env
                configurations: [{classification: export, properties: {PYSPARK_PYTHON: /usr/bin/python3}}]
          - source: tuning
            classifications: [{classification: spark-defaults, properties: {spark.executor.memory: 8g}}]
        metastore:
          external_hive:
            host: metastore.internal
            password_secret_arn: {ref: HivePassword, attribute: secret_arn}
            database_security_group: Database
        managed_scaling: {unit: instance_fleet_units, min_capacity: 3, max_capacity: 20, max_on_demand_capacity: 3}
        idle_timeout_seconds: 1800
        bootstrap_actions: [{name: Tools, script: s3://lake-code/bootstrap.sh, args: [--fast]}]
        steps:
          - {name: Compact, hive: {script: s3://lake-code/compact.q, variables: {DAY: "2024-01-01"}}}
          - name: Tool
            action_on_failure: cancel_and_wait
            jar: {jar: s3://lake-code/tool.jar, args: [--x], main_class: com.example.Tool}
            properties: {mode: batch}
    outputs:
      Dns: {value: {ref: Lake, attribute: primary_public_dns}}
      PrimaryGroup: {value: {ref: Lake, attribute: primary_security_group_id}}
)";

void lake_program(App& app) {
  auto& stack = app.add<Stack>("Lake", {.region = "eu-west-1"});
  auto& net = stack.add<ec2::Vpc>("Net", {.cidr = "10.50.0.0/16",
                                          .max_azs = 2,
                                          .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                            {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20}},
                                          .nat_gateways = ec2::NatGateways::One});
  auto& key = stack.add<kms::Key>("Key", {.description = "lake key"});
  auto& database = stack.add<ec2::SecurityGroup>("Database", {.description = "metastore database", .vpc = &net});
  auto& extra = stack.add<ec2::SecurityGroup>("Extra", {.description = "extra primary access", .vpc = &net});
  auto& password = stack.add<secretsmanager::Secret>(
      "HivePassword", {.description = "Hive metastore password", .generate = secretsmanager::GeneratedSecret{}});
  auto& instances = stack.add<iam::Role>("Instances", {.assumed_by = {iam::Principal::service("ec2.amazonaws.com")}});
  auto& security = stack.add<SecurityConfiguration>(
      "Security", {.name = "lake-security",
                   .s3_encryption = S3Encryption{.mode = S3EncryptionMode::CseKms, .kms_key_arn = key.key_arn()},
                   .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = false},
                   .in_transit_encryption = InTransitEncryption{.certificates_zip_s3_uri = "s3://lake-certs/emr/certs.zip"}});
  Step tool = Step::custom_jar("Tool", "s3://lake-code/tool.jar", {"--x"}, "com.example.Tool", ActionOnFailure::CancelAndWait);
  tool.properties = {{"mode", "batch"}};
  auto& cluster = stack.add<Cluster>(
      "Lake",
      {.name = "lake",
       .release_label = "emr-6.15.0",
       .applications = {Application::hadoop(), Application::hive(), Application::spark()},
       .instances = InstanceFleets{.primary = {.on_demand_capacity = 1, .instance_types = {{.instance_type = "m5.xlarge"}}},
                                   .core = InstanceFleet{.on_demand_capacity = 2,
                                                         .spot_capacity = 4,
                                                         .instance_types = {{.instance_type = "r5.2xlarge",
                                                                             .weighted_capacity = 2,
                                                                             .bid_price_percent = 80,
                                                                             .ebs = {{.size_gib = 128}}},
                                                                            {.instance_type = "r5a.2xlarge", .weighted_capacity = 2}},
                                                         .spot = SpotProvisioning{.timeout_minutes = 20,
                                                                                  .timeout_action = SpotTimeoutAction::TerminateCluster,
                                                                                  .allocation = SpotAllocation::CapacityOptimized}}},
       .vpc = &net,
       .subnets = {net.private_subnets()[0], net.private_subnets()[1]},
       .additional_primary_security_groups = {extra.group_id()},
       .ssh = SshAccess{.existing_key_name = "ops", .allowed_cidrs = {"10.0.0.0/8"}},
       .roles = {.job_flow = &instances},
       .security_configuration = &security,
       .configurations = {Configurations("base").spark_env("PYSPARK_PYTHON", "/usr/bin/python3"),
                          Configurations("tuning").spark_defaults("spark.executor.memory", "8g")},
       .metastore = external_hive({.host = "metastore.internal",
                                   .password_secret_arn = password.secret_arn(),
                                   .database_security_group = &database}),
       .managed_scaling = ManagedScaling{.unit = CapacityUnit::InstanceFleetUnits,
                                         .min_capacity = 3,
                                         .max_capacity = 20,
                                         .max_on_demand_capacity = 3},
       .idle_timeout_seconds = 1800,
       .bootstrap_actions = {{.name = "Tools", .script = "s3://lake-code/bootstrap.sh", .args = {"--fast"}}},
       .steps = {Step::hive("Compact", "s3://lake-code/compact.q", {{"DAY", "2024-01-01"}}), tool}});
  stack.add<Output>("Dns", {.value = cluster.primary_public_dns().value()});
  stack.add<Output>("PrimaryGroup", {.value = cluster.primary_security_group().group_id().value()});
}

// A small valid cluster spec with `extra` lines appended to the cluster (8 spaces of indentation).
std::string cluster_spec(const std::string& extra) {
  return "stacks:\n"
         "  S:\n"
         "    resources:\n"
         "      Net: {type: ec2.Vpc, cidr: 10.0.0.0/16, max_azs: 1, nat_gateways: one,\n"
         "            subnet_groups: [{name: Public, type: public, mask: 24}, {name: Emr, type: private_with_egress, mask: 20}]}\n"
         "      Key: {type: kms.Key}\n"
         "      C:\n"
         "        type: emr.Cluster\n"
         "        instances: {groups: {primary: {instance_type: m5.xlarge}}}\n"
         "        vpc: Net\n" +
         extra;
}

}  // namespace

TEST_CASE("spec kinds: emr.Cluster with instance groups synthesizes the C++ program's bytes") {
  check_same_documents(spark_spec, spark_program);
}

TEST_CASE("spec kinds: emr.Cluster with fleets and an external metastore synthesizes the C++ program's bytes") {
  check_same_documents(lake_spec, lake_program);
}

TEST_CASE("spec kinds: the smallest emr.Cluster loads") {
  CHECK(errors_of(cluster_spec("        release_label: emr-7.1.0\n        subnets: [{vpc: Net}]\n")) == "");
}

TEST_CASE("spec kinds: emr mistakes are reported at their place, with the nearest name") {
  const auto typo = errors_of(cluster_spec("        relase_label: emr-7.1.0\n"));
  CHECK(has(typo, "[app.yaml:11:9] unknown emr.Cluster key \"relase_label\" — did you mean \"release_label\"?"));
  CHECK(has(typo, "emr.Cluster needs \"release_label\""));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        applications: [spark]\n")),
            "[app.yaml:12:24] unknown application \"spark\" — did you mean \"Spark\"?"));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        metastore: {glue_catalg: {}}\n")),
            "[app.yaml:12:21] unknown metastore key \"glue_catalg\" — did you mean \"glue_catalog\"?"));
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n"
                      "      Sec: {type: emr.SecurityConfiguration, s3_encryption: {mode: sse_kms, kms_key_ar: x}}\n"),
            "[app.yaml:4:77] unknown S3 encryption key \"kms_key_ar\" — did you mean \"kms_key_arn\"?"));
}

TEST_CASE("spec kinds: emr values of the wrong type are reported") {
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        step_concurrency: two\n")),
            "[app.yaml:12:27] expected a whole number, found \"two\""));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        termination_protection: 'yes'\n")),
            "[app.yaml:12:33] expected true or false, found \"yes\""));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        logs: emr/\n")),
            "[app.yaml:12:15] \"logs\" expects a mapping of logs settings, found a single value"));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n"
                                   "        steps: [{name: a, spark: {application: s3://b/a.py}, hive: {script: s3://b/a.q}}]\n")),
            "[app.yaml:12:17] step takes only one of spark, hive, jar"));
}

TEST_CASE("spec kinds: emr references to missing or wrong resources are reported") {
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        security_configuration: Missing\n")),
            "[app.yaml:12:33] unknown resource emr.SecurityConfiguration \"Missing\""));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        logs: {bucket: Key}\n")),
            "[app.yaml:12:24] \"Key\" is a kms.Key, not a s3.Bucket"));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        subnets: [{vpc: Net, index: 2}]\n")),
            "[app.yaml:12:19] VPC \"Net\" has 1 private with egress subnets, so none has index 2"));
  CHECK(has(errors_of(cluster_spec("        release_label: emr-7.1.0\n        launch: by_workflows\n") +
                      "    outputs:\n      Id: {value: {ref: C, attribute: cluster_id}}\n"),
            "[app.yaml:14:39] App/S/C: the cluster is launched by workflows, so the stack has no cluster resource"));
}
