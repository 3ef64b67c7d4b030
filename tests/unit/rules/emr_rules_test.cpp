#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;
using namespace drdb::aws::emr;

namespace {

struct EmrEnv : Env {
  aws::ec2::Vpc& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  aws::ec2::Subnet& subnet = vpc.add_subnet("Private1", {.cidr = "10.20.0.0/19"});
  aws::s3::Bucket& logs = stack.add<aws::s3::Bucket>("Logs");
  aws::kms::Key& key = stack.add<aws::kms::Key>("Key");

  SecurityConfiguration& security = stack.add<SecurityConfiguration>(
      "Security", {.local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn()},
                   .in_transit_encryption = InTransitEncryption{.certificates_zip_s3_uri = "s3://certs/emr.zip"}});

  // A cluster every EMR rule is silent on; tests change one thing.
  Cluster::Props props() {
    return {.release_label = "emr-7.1.0",
            .applications = {Application::spark()},
            .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                        .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
            .vpc = &vpc,
            .subnets = {subnet},
            .security_configuration = &security,
            .logs = LogDestination{.bucket = &logs},
            .termination_protection = true};
  }
  Cluster& cluster(Cluster::Props p, std::string id = "Etl") { return stack.add<Cluster>(std::move(id), std::move(p)); }
};

}  // namespace

TEST_CASE("EMR rules are silent on an encrypted, logged, private, protected cluster") {
  EmrEnv env;
  env.cluster(env.props());
  const auto f = env.findings();
  for (auto rule : {"EMR.1", "EMR.2", "EMR.3", "EMR.4", "EMR.5", "EMR.6", "EMR.7"}) CHECK(f.silent(rule));
}

TEST_CASE("EMR.1 fires without a security configuration") {
  EmrEnv env;
  auto p = env.props();
  p.security_configuration = nullptr;
  auto& c = env.cluster(p);
  fires_and_is_suppressible(env, c, "EMR.1");
  CHECK(env.findings().silent("EMR.2"));  // said once, by EMR.1
}

TEST_CASE("EMR.2 fires without at-rest or local-disk encryption; EMR.4 without in-transit encryption") {
  EmrEnv env;
  auto p = env.props();
  p.security_configuration = &env.stack.add<SecurityConfiguration>("Plain", {.s3_encryption = std::nullopt});
  auto& c = env.cluster(p);
  const auto f = env.findings();
  CHECK(f.fires("EMR.2", "Etl"));
  CHECK(f.fires("EMR.4", "Etl"));
  std::size_t at_rest = 0;
  for (const auto& finding : f.report().findings) at_rest += finding.rule == "EMR.2" ? 1 : 0;
  CHECK(at_rest == 2);  // EMRFS data and local disks
  fires_and_is_suppressible(env, c, "EMR.4");
  fires_and_is_suppressible(env, c, "EMR.2");
}

TEST_CASE("EMR.3 fires without a log URI") {
  EmrEnv env;
  auto p = env.props();
  p.logs.reset();
  auto& c = env.cluster(p);
  const auto found = env.findings();
  for (const auto& finding : found.report().findings)
    if (finding.rule == "EMR.3") CHECK(finding.level == rules::Level::Warning);
  fires_and_is_suppressible(env, c, "EMR.3");
}

TEST_CASE("EMR.5 fires in a public subnet") {
  EmrEnv env;
  auto& web = env.stack.add<aws::ec2::Vpc>(
      "Web", {.cidr = "10.30.0.0/16",
              .max_azs = 1,
              .subnet_groups = {{.name = "Public", .type = aws::ec2::SubnetType::Public, .mask = 24}}});
  auto p = env.props();
  p.vpc = &web;
  p.subnets = {ClusterSubnet(web.subnets_of(aws::ec2::SubnetType::Public).at(0).subnet_id)};
  auto& c = env.cluster(p);
  fires_and_is_suppressible(env, c, "EMR.5");
}

TEST_CASE("EMR.6 fires on SSH access with neither a key pair nor Kerberos") {
  EmrEnv env;
  auto p = env.props();
  p.ssh = SshAccess{.allowed_cidrs = {"10.0.0.0/8"}};
  auto& c = env.cluster(p);
  fires_and_is_suppressible(env, c, "EMR.6");
  auto keyed = env.props();
  keyed.ssh = SshAccess{.existing_key_name = "ops", .allowed_cidrs = {"10.0.0.0/8"}};
  env.cluster(keyed, "Keyed");
  CHECK_FALSE(env.findings().fires("EMR.6", "Keyed"));
}

TEST_CASE("EMR.7 (info) fires on a long-running cluster without termination protection") {
  EmrEnv env;
  auto p = env.props();
  p.termination_protection = false;
  auto& c = env.cluster(p);
  const auto f = env.findings();
  CHECK(f.fires("EMR.7", "Etl"));
  CHECK(f.report().fails() == false);  // info never fails by default
  fires_and_is_suppressible(env, c, "EMR.7");

  auto transient = env.props();
  transient.termination_protection = false;
  transient.keep_alive_when_no_steps = false;
  env.cluster(transient, "Transient");
  auto idle = env.props();
  idle.termination_protection = false;
  idle.idle_timeout_seconds = 3600;
  env.cluster(idle, "Idle");
  CHECK(env.findings().silent("EMR.7"));
}
