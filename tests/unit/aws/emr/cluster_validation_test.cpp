// Every validation rule of the EMR cluster: each problem names the construct and the fix.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

namespace {

// Diagnostics of a cluster built from the fixture's valid props after `change`.
template <class Change>
std::string problems(Change change) {
  Env env;
  auto p = env.props();
  change(p, env);
  env.cluster(std::move(p));
  return diagnostics_of(env.app);
}

InstanceGroups& groups(Cluster::Props& p) { return std::get<InstanceGroups>(p.instances); }

}  // namespace

TEST_CASE("the fixture's cluster is valid and renders to both targets") {
  Env env;
  env.cluster(env.props());
  CHECK(diagnostics_of(env.app) == "");
  CHECK_NOTHROW(render_all(env.app));
}

TEST_CASE("release label: required, emr-x.y.z") {
  CHECK(contains(problems([](auto& p, auto&) { p.release_label = ""; }),
                 "[App/S/Etl] the cluster has no release label — set .release_label, e.g. \"emr-7.1.0\""));
  CHECK(contains(problems([](auto& p, auto&) { p.release_label = "7.1.0"; }),
                 "[App/S/Etl] release label \"7.1.0\" is not of the form emr-x.y.z"));
  CHECK(contains(problems([](auto& p, auto&) { p.release_label = "emr-3.11.0"; }), "is not of the form emr-x.y.z"));
}

TEST_CASE("applications: names valid for the release family") {
  CHECK(contains(problems([](auto& p, auto&) { p.applications.push_back(Application::trino()); p.release_label = "emr-6.3.0"; }),
                 "[App/S/Etl] Trino is available from emr-6.4.0 (PrestoSQL was renamed Trino in emr-6.4.0); the cluster uses "
                 "emr-6.3.0 — change the release or the application"));
  CHECK(contains(problems([](auto& p, auto&) { p.applications.push_back(Application::prestosql()); }),
                 "PrestoSQL is not available from emr-6.4.0 on"));
  CHECK(contains(problems([](auto& p, auto&) { p.applications.push_back(Application::ganglia()); }),
                 "Ganglia is not available from emr-7.0.0 on"));
  CHECK(contains(problems([](auto& p, auto&) { p.applications.push_back(Application::spark()); }),
                 "[App/S/Etl] application Spark is listed twice — list it once"));
  CHECK(contains(problems([](auto& p, auto&) { p.applications.clear(); }), "[App/S/Etl] the cluster installs no applications"));
  // Free-form names are allowed.
  CHECK(problems([](auto& p, auto&) { p.applications.push_back({"MyCustomApp"}); }) == "");
}

TEST_CASE("instance groups: types, counts, markets, bid prices") {
  CHECK(contains(problems([](auto& p, auto&) { groups(p).primary.instance_type = "xlarge"; }),
                 "[App/S/Etl] primary instance type \"xlarge\" is not an EC2 instance type — use family.size"));
  CHECK(contains(problems([](auto& p, auto&) { groups(p).primary.count = 2; }),
                 "[App/S/Etl] primary group count is 2 — use 1, or 3 for high availability"));
  CHECK(contains(problems([](auto& p, auto&) { groups(p).primary.count = 3; p.release_label = "emr-5.20.0"; }),
                 "three primary nodes need emr-5.23.0 or later (emr-5.20.0)"));
  CHECK(contains(problems([](auto& p, auto&) { groups(p).core->count = 0; }), "[App/S/Etl] core group count is 0"));
  CHECK(contains(problems([](auto& p, auto&) { groups(p).core->bid_price = "0.5"; }),
                 "[App/S/Etl] core group has a bid price but buys On-Demand — set .market = Market::Spot or remove .bid_price"));
  CHECK(contains(problems([](auto& p, auto&) {
                   groups(p).core->market = Market::Spot;
                   groups(p).core->bid_price = "$0.50";
                 }),
                 "[App/S/Etl] core bid price \"$0.50\" is not a positive USD amount"));
  CHECK(contains(problems([](auto& p, auto&) {
                   groups(p).core->market = Market::Spot;
                   groups(p).core->bid_price = "0";
                 }),
                 "bid price \"0\" is not a positive USD amount"));
  CHECK(contains(problems([](auto& p, auto&) {
                   groups(p).core.reset();
                   groups(p).task.push_back({.instance_type = "m5.xlarge"});
                 }),
                 "[App/S/Etl] task groups without a core group"));
  CHECK(contains(problems([](auto& p, auto&) { groups(p).task.push_back({.instance_type = "m5.xlarge", .count = -1}); }),
                 "[App/S/Etl] task 1 group count is -1 — use 0 or more"));
}

TEST_CASE("EBS limits per volume type") {
  auto with = [](EbsVolume v) {
    return problems([v](auto& p, auto&) { groups(p).core->ebs = {v}; });
  };
  CHECK(with({.type = VolumeType::Gp3, .size_gib = 500, .iops = 6000, .throughput_mibps = 500}) == "");
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 0}),
                 "[App/S/Etl] core group EBS volume 1: gp3 size 0 GiB is out of range — use 1-16384 GiB for gp3"));
  CHECK(contains(with({.type = VolumeType::Gp2, .size_gib = 20000}), "gp2 size 20000 GiB is out of range"));
  CHECK(contains(with({.type = VolumeType::Io1, .size_gib = 2, .iops = 100}), "use 4-16384 GiB for io1"));
  CHECK(contains(with({.type = VolumeType::Io1, .size_gib = 100}), "io1 needs provisioned IOPS"));
  CHECK(contains(with({.type = VolumeType::Io1, .size_gib = 100, .iops = 6000}),
                 "io1 IOPS 6000 exceed 50 per GiB of 100 GiB — lower .iops to 5000 or enlarge the volume"));
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 100, .iops = 2000}), "gp3 IOPS 2000 is out of range — use 3000-16000"));
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 100, .iops = 20000}), "use 3000-16000"));
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 100, .throughput_mibps = 100}),
                 "gp3 throughput 100 MiB/s is out of range — use 125-1000 MiB/s"));
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 100, .throughput_mibps = 1000}),
                 "gp3 throughput 1000 MiB/s exceeds 0.25 MiB/s per IOPS (3000 IOPS) — raise .iops to at least 4000"));
  CHECK(contains(with({.type = VolumeType::Gp2, .size_gib = 100, .iops = 3000}), "gp2 does not take provisioned IOPS"));
  CHECK(contains(with({.type = VolumeType::Io1, .size_gib = 100, .iops = 1000, .throughput_mibps = 200}),
                 "io1 does not take a throughput"));
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 100, .volumes_per_instance = 0}), "volumes_per_instance 0"));
  CHECK(contains(with({.type = VolumeType::Gp3, .size_gib = 100, .volumes_per_instance = 26}),
                 "[App/S/Etl] core group attaches 26 EBS volumes to each instance"));
}

TEST_CASE("network placement, security groups and SSH") {
  CHECK(contains(problems([](auto& p, auto&) { p.subnets.clear(); }), "[App/S/Etl] the cluster has no subnet"));
  CHECK(contains(problems([](auto& p, auto&) { p.vpc = nullptr; }), "[App/S/Etl] the cluster has no VPC"));
  CHECK(contains(problems([](auto& p, auto&) { p.subnets.push_back("subnet-0123"); }),
                 "[App/S/Etl] instance groups launch in one subnet; 2 are given — give one subnet, or use instance fleets"));
  CHECK(contains(problems([](auto& p, auto&) { p.ssh = SshAccess{.allowed_cidrs = {"10.0.0.0/8"}}; }),
                 "[App/S/Etl] SSH access without a key pair — set ssh.existing_key_name, or ssh.create_key_pair = true"));
  CHECK(contains(problems([](auto& p, auto&) { p.ssh = SshAccess{.existing_key_name = "ops", .allowed_cidrs = {"0.0.0.0/0"}}; }),
                 "[App/S/Etl] SSH is open to the whole internet (0.0.0.0/0)"));
  CHECK(contains(problems([](auto& p, auto&) { p.ssh = SshAccess{.existing_key_name = "ops", .allowed_cidrs = {"10.0.0.300/8"}}; }),
                 "[App/S/Etl/PrimarySecurityGroup] invalid peer CIDR"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.ssh = SshAccess{.existing_key_name = "ops", .create_key_pair = true, .allowed_cidrs = {"10.0.0.0/8"}};
                 }),
                 "ssh names an existing key and asks to create one"));
  CHECK(contains(problems([](auto& p, auto&) { p.additional_core_security_groups = {"sg-1", "sg-2", "sg-3", "sg-4", "sg-5"}; }),
                 "more than 4 additional security groups"));
}

TEST_CASE("options: idle timeout, step concurrency, AMI, root volume, logs") {
  CHECK(contains(problems([](auto& p, auto&) { p.idle_timeout_seconds = 30; }),
                 "[App/S/Etl] idle timeout 30 s is outside 60-604800 s — use 1 minute to 7 days"));
  CHECK(contains(problems([](auto& p, auto&) { p.idle_timeout_seconds = 604801; }), "is outside 60-604800 s"));
  CHECK(contains(problems([](auto& p, auto&) { p.idle_timeout_seconds = 3600; p.release_label = "emr-6.0.0"; }),
                 "auto-termination needs emr-5.30.0 or later (not emr-6.0.x)"));
  CHECK(contains(problems([](auto& p, auto&) { p.step_concurrency = 0; }), "[App/S/Etl] step concurrency 0 is outside 1-256"));
  CHECK(contains(problems([](auto& p, auto&) { p.step_concurrency = 257; }), "step concurrency 257 is outside 1-256"));
  CHECK(contains(problems([](auto& p, auto&) { p.step_concurrency = 4; p.release_label = "emr-5.27.0"; }),
                 "concurrent steps need emr-5.28.0 or later; the cluster uses emr-5.27.0"));
  CHECK(contains(problems([](auto& p, auto&) { p.custom_ami_id = "ami-xyz"; }), "custom AMI id \"ami-xyz\" is not an AMI id"));
  CHECK(contains(problems([](auto& p, auto&) { p.root_volume_size_gib = 10; }), "root volume size 10 GiB is outside 15-100 GiB"));
  CHECK(contains(problems([](auto& p, auto&) { p.logs->prefix = "/logs/"; }), "log prefix \"/logs/\" starts with '/'"));
}

TEST_CASE("steps and bootstrap actions") {
  CHECK(contains(problems([](auto& p, auto&) {
                   p.applications = {Application::hive()};
                   p.steps = {Step::spark("Etl", {.application = "s3://code/etl.py"})};
                 }),
                 "[App/S/Etl] step 1 (Etl) runs on Spark, which the cluster does not install — add Application::spark()"));
  CHECK(contains(problems([](auto& p, auto&) { p.steps = {Step::custom_jar("", "s3://code/app.jar")}; }),
                 "step 1 () needs a name of 1-256 characters"));
  CHECK(contains(problems([](auto& p, auto&) { p.steps = {Step::custom_jar("Jar", "")}; }), "step 1 (Jar) has no JAR"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.step_concurrency = 4;
                   p.steps = {Step::custom_jar("Jar", "s3://code/app.jar", {}, {}, ActionOnFailure::TerminateCluster)};
                 }),
                 "[App/S/Etl] step 1 (Jar) uses TERMINATE_CLUSTER with step concurrency 4 — use ActionOnFailure::Continue"));
  CHECK(contains(problems([](auto& p, auto&) { p.bootstrap_actions = {{.name = "Setup", .script = "/tmp/setup.sh"}}; }),
                 "[App/S/Etl] bootstrap action 1 script \"/tmp/setup.sh\" is not an S3 URI — use s3://bucket/path/script.sh"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.bootstrap_actions.assign(17, BootstrapAction{.name = "B", .script = "s3://b/s.sh"});
                 }),
                 "17 bootstrap actions — use at most 16"));
}

TEST_CASE("autoscaling policies: constraints, rules, autoscaling role") {
  auto with = [](AutoScalingPolicy policy, int count = 2) {
    return problems([=](auto& p, auto&) {
      groups(p).core->autoscaling = policy;
      groups(p).core->count = count;
    });
  };
  CHECK(with(AutoScalingPolicy::memory_based(2, 10)) == "");
  CHECK(contains(with(AutoScalingPolicy::memory_based(4, 2), 3),
                 "[App/S/Etl] core autoscaling max (2) < min (4) — raise max or lower min"));
  CHECK(contains(with({.min_instances = 1, .max_instances = 3}), "core autoscaling policy has no rules"));
  CHECK(contains(with(AutoScalingPolicy::memory_based(3, 10)),
                 "[App/S/Etl] core instance count 2 is outside its autoscaling range 3-10 — start the group within the range"));
  auto bad = AutoScalingPolicy::memory_based(1, 4);
  bad.rules[0].trigger.period_seconds = 90;
  bad.rules[0].trigger.unit = "Percent";
  bad.rules[1].name = bad.rules[0].name;
  bad.rules[1].adjustment = 0;
  const auto text = with(bad);
  CHECK(contains(text, "core autoscaling rule 1 (ScaleOutOnMemoryPressure) trigger period 90 s is not a multiple of 60"));
  CHECK(contains(text, "trigger unit \"Percent\" is not a CloudWatch unit as EMR spells it — use e.g. PERCENT"));
  CHECK(contains(text, "core autoscaling rule 2 (ScaleOutOnMemoryPressure) has the same name as an earlier rule"));
  CHECK(contains(text, "adjusts capacity by 0"));
  CHECK(contains(problems([](auto& p, auto&) { groups(p).primary.autoscaling = AutoScalingPolicy::memory_based(1, 1); }),
                 "[App/S/Etl] the primary group cannot have an autoscaling policy"));

  Env env;
  auto p = env.props();
  groups(p).core->autoscaling = AutoScalingPolicy::memory_based(2, 10);
  CHECK(env.cluster(std::move(p)).autoscaling_role() != nullptr);  // created because a policy needs it
  Env plain;
  CHECK(plain.cluster(plain.props()).autoscaling_role() == nullptr);
}

TEST_CASE("managed scaling: limits, exclusive with custom policies, units by instance kind") {
  CHECK(problems([](auto& p, auto&) { p.managed_scaling = ManagedScaling{.min_capacity = 2, .max_capacity = 10}; }) == "");
  CHECK(contains(problems([](auto& p, auto&) { p.managed_scaling = ManagedScaling{.min_capacity = 5, .max_capacity = 2}; }),
                 "[App/S/Etl] managed scaling max (2) < min (5) — raise max or lower min"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.managed_scaling = ManagedScaling{.min_capacity = 2, .max_capacity = 10};
                   groups(p).core->autoscaling = AutoScalingPolicy::memory_based(2, 4);
                 }),
                 "[App/S/Etl] managed scaling and custom automatic scaling policies are mutually exclusive"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.managed_scaling = ManagedScaling{.min_capacity = 2, .max_capacity = 10, .max_on_demand_capacity = 11};
                 }),
                 "managed scaling On-Demand limit 11 is outside 0-10"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.managed_scaling = ManagedScaling{.unit = CapacityUnit::InstanceFleetUnits, .max_capacity = 4};
                 }),
                 "InstanceFleetUnits apply to instance fleets only"));
  CHECK(contains(problems([](auto& p, auto&) {
                   p.managed_scaling = ManagedScaling{.max_capacity = 4};
                   p.release_label = "emr-5.29.0";
                 }),
                 "managed scaling needs emr-5.30.0 or later"));
}

TEST_CASE("instance fleets over several subnets: each once, in more than one zone") {
  auto fleets_over = [](auto subnets) {
    return problems([&](auto& p, Env& env) {
      p.instances = InstanceFleets{.primary = {.on_demand_capacity = 1, .instance_types = {{.instance_type = "m5.xlarge"}}},
                                   .core = InstanceFleet{.on_demand_capacity = 2, .instance_types = {{.instance_type = "r5.2xlarge"}}}};
      p.subnets = subnets(env);
    });
  };
  CHECK(fleets_over([](Env& env) -> std::vector<ClusterSubnet> {
          return {env.subnet, env.vpc.add_subnet("Private2", {.cidr = "10.20.32.0/19", .availability_zone = pseudo::availability_zone(1)})};
        }) == "");
  CHECK(contains(fleets_over([](Env& env) -> std::vector<ClusterSubnet> { return {env.subnet, env.subnet}; }),
                 "[App/S/Etl] subnet 2 repeats subnet 1 — list each subnet once"));
  CHECK(contains(fleets_over([](Env& env) -> std::vector<ClusterSubnet> {
                   return {env.subnet, env.vpc.add_subnet("Private2", {.cidr = "10.20.32.0/19"})};
                 }),
                 "warning: [App/S/Etl] the cluster's 2 subnets are all in one availability zone — list private subnets of different zones"));
}

TEST_CASE("instance fleets: capacities, types, Spot settings") {
  auto fleets = [](auto change) {
    return problems([=](auto& p, auto&) {
      InstanceFleets f{.primary = {.on_demand_capacity = 1, .instance_types = {{.instance_type = "m5.xlarge"}}},
                       .core = InstanceFleet{.on_demand_capacity = 2,
                                             .spot_capacity = 4,
                                             .instance_types = {{.instance_type = "r5.2xlarge", .weighted_capacity = 2},
                                                                {.instance_type = "r5a.2xlarge", .weighted_capacity = 2}}}};
      change(f);
      p.instances = f;
    });
  };
  CHECK(fleets([](InstanceFleets&) {}) == "");
  CHECK(contains(fleets([](InstanceFleets& f) { f.primary.spot_capacity = 1; }),
                 "[App/S/Etl] primary fleet target capacity is 2 — set exactly one of .on_demand_capacity or .spot_capacity to 1"));
  CHECK(contains(fleets([](InstanceFleets& f) { f.core->instance_types.clear(); }), "core fleet has no instance types"));
  CHECK(contains(fleets([](InstanceFleets& f) { f.core->spot = SpotProvisioning{.timeout_minutes = 2}; }),
                 "core fleet Spot timeout 2 min is out of range — use 5-1440 minutes"));
  CHECK(contains(fleets([](InstanceFleets& f) {
                   f.core->instance_types[0].bid_price = "0.3";
                   f.core->instance_types[0].bid_price_percent = 50;
                 }),
                 "core fleet instance type 1 has both a bid price and a bid price percentage"));
  CHECK(contains(fleets([](InstanceFleets& f) { f.core->instance_types[1].instance_type = "r5.2xlarge"; }),
                 "core fleet instance type 2 repeats r5.2xlarge"));
  CHECK(contains(fleets([](InstanceFleets& f) {
                   f.core->spot_capacity = 0;
                   f.core->instance_types[0].bid_price_percent = 60;
                 }),
                 "has a Spot bid but its fleet has no Spot capacity"));
  CHECK(contains(fleets([](InstanceFleets& f) {
                   for (int i = 0; i < 4; ++i) f.core->instance_types.push_back({.instance_type = "m5." + std::to_string(i + 2) + "xlarge"});
                 }),
                 "core fleet has more than 5 instance types without an allocation strategy"));
}

TEST_CASE("configurations: later sources override earlier ones, with a warning; the metastore's settings win") {
  Env env;
  auto p = env.props();
  p.configurations = {Configurations("team defaults").spark_defaults("spark.executor.memory", "4g"),
                      Configurations("job tuning").spark_defaults("spark.executor.memory", "8g")};
  env.cluster(std::move(p));
  const auto d = validate(env.app);
  CHECK_FALSE(d.has_errors());
  CHECK(contains(d.format(), "[App/S/Etl] spark-defaults spark.executor.memory set by \"team defaults\" is overridden by \"job "
                             "tuning\" — remove one of them if the override is not intended"));

  CHECK(contains(problems([](auto& p2, auto&) {
                   p2.metastore = glue_catalog();
                   p2.configurations = {Configurations("mine").hive_site("hive.metastore.client.factory.class", "x.Y")};
                 }),
                 "[App/S/Etl] hive-site hive.metastore.client.factory.class set by \"mine\" is overridden by \"metastore\" — "
                 "remove it from \"mine\": the metastore choice sets it"));
}

TEST_CASE("metastore: Glue from emr-5.8.0, Hive 3 on emr-6.x, no Aurora PostgreSQL, a secret and a database group") {
  CHECK(contains(problems([](auto& p, auto&) { p.metastore = glue_catalog(); p.release_label = "emr-5.7.0"; }),
                 "[App/S/Etl] the Glue Data Catalog as metastore needs emr-5.8.0 or later (emr-5.7.0)"));
  CHECK(contains(problems([](auto& p, auto&) { p.metastore = glue_catalog(); p.applications = {Application::flink()}; }),
                 "glue_catalog() without Hive or Spark has no effect"));
  CHECK(contains(problems([](auto& p, auto&) { p.metastore = glue_catalog({.catalog_id = "abc"}); }),
                 "Glue catalog id \"abc\" is not an account id"));
  auto hive = [](auto change) {
    return problems([=](auto& p, Env& env) {
      auto& db = env.stack.add<aws::ec2::SecurityGroup>("Db", {.description = "metastore", .vpc = &env.vpc});
      ExternalHive h{.host = "db.example.internal",
                     .password_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:hive-AbCdEf",
                     .database_security_group = &db};
      change(h);
      p.metastore = external_hive(h);
    });
  };
  CHECK(hive([](ExternalHive&) {}) == "");
  CHECK(contains(hive([](ExternalHive& h) { h.engine = MetastoreEngine::AuroraPostgreSql; }),
                 "[App/S/Etl] an Aurora PostgreSQL metastore cannot be set up at cluster creation — use Aurora MySQL or MySQL"));
  CHECK(contains(hive([](ExternalHive& h) { h.password_secret_arn = ""; }),
                 "the external Hive metastore has no password secret — set .password_secret_arn to a Secrets Manager secret ARN"));
  CHECK(contains(hive([](ExternalHive& h) { h.password_secret_arn = "hunter2"; }),
                 "password_secret_arn is not a Secrets Manager secret ARN"));
  CHECK(contains(hive([](ExternalHive& h) { h.database_security_group = nullptr; }),
                 "the external Hive metastore has no database security group"));
  CHECK(contains(hive([](ExternalHive& h) { h.port = 70000; }), "metastore port 70000 is outside 1-65535"));
  CHECK(contains(problems([](auto& p, Env& env) {
                   auto& db = env.stack.add<aws::ec2::SecurityGroup>("Db", {.description = "metastore", .vpc = &env.vpc});
                   p.release_label = "emr-5.36.0";
                   p.metastore = external_hive({.host = "db",
                                                .password_secret_arn = "arn:aws:secretsmanager:us-east-1:1:secret:h",
                                                .database_security_group = &db,
                                                .hive_schema_version = 3});
                 }),
                 "[App/S/Etl] a Hive 3 metastore needs emr-6.x or later (emr-5.36.0 ships Hive 2)"));
}

TEST_CASE("security configuration: keys for KMS modes, certificates, Kerberos attributes on the cluster") {
  Env env;
  env.stack.add<SecurityConfiguration>("Kms", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms}});
  env.stack.add<SecurityConfiguration>("Nothing", {.s3_encryption = std::nullopt});
  env.stack.add<SecurityConfiguration>("Tls", {.in_transit_encryption = InTransitEncryption{.certificates_zip_s3_uri = "certs.zip"}});
  env.stack.add<SecurityConfiguration>("Disk", {.local_disk_encryption = LocalDiskEncryption{}});
  env.stack.add<SecurityConfiguration>("SseS3Key", {.s3_encryption = S3Encryption{.kms_key_arn = Str("arn:aws:kms:k")}});
  auto& kerberos = env.stack.add<SecurityConfiguration>("Kerberos", {.kerberos = Kerberos{}});
  auto p = env.props();
  p.security_configuration = &kerberos;
  env.cluster(std::move(p));
  const auto text = diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/Kms] SSE-KMS needs a KMS key — set s3_encryption.kms_key_arn"));
  CHECK(contains(text, "[App/S/Nothing] the security configuration enables nothing"));
  CHECK(contains(text, "[App/S/Tls] in-transit encryption needs the S3 URI of a zip of PEM certificates"));
  CHECK(contains(text, "[App/S/Disk] local disk encryption needs a KMS key"));
  CHECK(contains(text, "[App/S/SseS3Key] SSE-S3 does not take a KMS key"));
  CHECK(contains(text, "[App/S/Etl] the security configuration enables Kerberos but the cluster has no Kerberos attributes"));
}

TEST_CASE("what a target cannot express is an error naming the cluster") {
  Env env;
  auto p = env.props();
  groups(p).core->market = Market::Spot;  // no bid price: fine for CloudFormation and RunJobFlow
  groups(p).core->ebs_optimized = true;
  groups(p).task.push_back({.instance_type = "m5.xlarge", .ebs = {{.size_gib = 100, .throughput_mibps = 250}}});
  p.ssh = SshAccess{.create_key_pair = true, .allowed_cidrs = {"10.0.0.0/8"}};
  env.cluster(std::move(p));
  CHECK(validate(env.app, {.formats = {Format::CloudFormationJson}}).format() == "");
  const auto text = validate(env.app, {.formats = {Format::Terraform}}).format();
  CHECK(contains(text, "[App/S/Etl] Core group buys Spot without a bid price in Terraform — set .bid_price"));
  CHECK(contains(text, "[App/S/Etl] Task1 group sets a gp3 throughput, which the provider cannot set here in Terraform"));
  CHECK_FALSE(contains(text, "KeyPair"));  // Terraform reads a generated key's public key from a variable
  CHECK(contains(text, "[App/S/Etl] Core group sets ebs_optimized, which aws_emr_cluster cannot in Terraform"));

  // Kerberos: the KDC password stays a CloudFormation dynamic reference; Terraform and RunJobFlow refuse.
  Env kerberized;
  auto& security = kerberized.stack.add<SecurityConfiguration>("Kerberos", {.kerberos = Kerberos{}});
  auto q = kerberized.props();
  q.security_configuration = &security;
  q.kerberos = KerberosAttributes{.kdc_admin_password_secret_arn = "arn:aws:secretsmanager:us-east-1:1:secret:kdc"};
  auto& cluster = kerberized.cluster(std::move(q));
  const auto cfn = json::parse(synthesize(kerberized.app, {.formats = {Format::CloudFormationJson}}).at(0).content);
  CHECK(cfn_resource(cfn, "AWS::EMR::Cluster")["Properties"]["KerberosAttributes"] ==
        json({{"KdcAdminPassword", "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:1:secret:kdc:SecretString:password}}"},
              {"Realm", "EC2.INTERNAL"}}));
  CHECK(contains(validate(kerberized.app, {.formats = {Format::Terraform}}).format(),
                 "[App/S/Etl] the KDC admin password would have to be in the configuration or its state in Terraform"));
  Diagnostics d;
  cluster.run_job_flow_parameters(d);
  CHECK(contains(d.format(), "RunJobFlow parameters would carry the KDC admin password in plaintext"));
}

// Custom automatic scaling policies exist for instance groups only (EMR refuses them on fleets,
// which scale with managed scaling): the model has no place to put one on a fleet.
template <class T>
concept takes_autoscaling_policy = requires(T t) { t.autoscaling = AutoScalingPolicy{}; };
static_assert(takes_autoscaling_policy<InstanceGroup>);
static_assert(!takes_autoscaling_policy<InstanceFleet>);
