#include "emr-hive3/emr_hive3.hpp"

#include "network/network.hpp"

namespace drdb::examples::emr_hive3 {

using namespace aws::emr;

void build(App& app) {
  auto& stack = app.add<Stack>("EmrHive3", {.description = "drdb example: EMR 6.x with Hive 3 on an external Aurora MySQL metastore",
                                            .region = "us-east-1"});
  stack.tag("project", "drdb-example");
  auto& vpc = network::add_vpc(stack);

  // The Aurora MySQL cluster is managed apart from the analytics stack (its own lifecycle, backups
  // and upgrades); this stack gives it the security group EMR reaches it through.
  auto& endpoint = stack.add<Parameter>(
      "MetastoreEndpoint", {.description = "Endpoint host of the Aurora MySQL cluster holding the Hive metastore",
                            .allowed_pattern = "^[a-zA-Z0-9.-]+$",
                            .min_length = 1});
  auto& database = stack.add<aws::ec2::SecurityGroup>(
      "MetastoreDatabase", {.description = "Aurora MySQL Hive metastore: attach to the database cluster", .vpc = &vpc});
  // The hive user's password, which the database's owner sets on the database and puts into this
  // secret after deployment (aws secretsmanager put-secret-value): the whole secret string is the
  // password, as EMR copies it into hive-site on the cluster. Nothing here ever holds its value.
  auto& password = stack.add<aws::secretsmanager::Secret>(
      "MetastorePassword", {.description = "Password of the hive user of the Hive metastore database (plaintext secret string)"});
  auto& logs = stack.add<aws::s3::Bucket>("Logs", {});
  logs.suppress("S3.4", "the log bucket itself: its own access logs would need yet another bucket");
  // At rest: EMRFS data with SSE-S3, the nodes' local disks and EBS volumes with a key of the stack.
  auto& key = stack.add<aws::kms::Key>("DiskKey", {.description = "Local disks and EBS volumes of the Hive 3 cluster"});
  auto& security = stack.add<SecurityConfiguration>(
      "Encryption", {.local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = true}});

  auto& cluster = stack.add<Cluster>(
      "Hive3",
      {.name = "drdb-example-hive3",
       .release_label = "emr-6.15.0",
       .applications = {Application::hadoop(), Application::hive(), Application::tez(), Application::spark()},
       .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                   .core = InstanceGroup{.instance_type = "m5.2xlarge",
                                                         .count = 2,
                                                         .ebs = {{.type = VolumeType::Gp3, .size_gib = 128}}}},
       .vpc = &vpc,
       .subnets = {vpc.private_subnets()[0]},
       .security_configuration = &security,
       .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
       .metastore = external_hive({.engine = MetastoreEngine::AuroraMySql,
                                   .host = endpoint.as_str(),
                                   .database = "hive",
                                   .user = "hive",
                                   .password_secret_arn = password.secret_arn(),
                                   .database_security_group = &database,
                                   .hive_schema_version = 3}),
       .idle_timeout_seconds = 4 * 3600});
  cluster.suppress("EMR.4", "in-transit TLS needs a certificate bundle of the user's own (a PEM zip in S3); the cluster "
                           "stays in private subnets meanwhile");

  stack.add<Output>("ClusterId", {.value = cluster.cluster_id().value(), .description = "EMR cluster id"});
  stack.add<Output>("MetastoreSecurityGroup",
                    {.value = database.group_id().value(), .description = "Attach to the Aurora MySQL metastore cluster"});
  stack.add<Output>("MetastorePasswordSecret",
                    {.value = password.secret_arn().value(), .description = "Secret holding the hive user's password"});
  stack.add<Output>("LogBucket", {.value = logs.bucket_name().value(), .description = "EMR logs"});
}

}  // namespace drdb::examples::emr_hive3
