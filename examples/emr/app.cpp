#include "emr/emr.hpp"

#include "network/network.hpp"

namespace drdb::examples::emr {

using namespace aws::emr;
using aws::s3::StorageClass;

namespace {

// s3://<bucket>/<key>
Str s3_uri(const aws::s3::Bucket& bucket, std::string_view key) { return Str("s3://") + bucket.bucket_name() + "/" + std::string(key); }

// Read and write of the warehouse prefix, as one customer-managed policy: the cluster's instances
// have it, and analysts' roles can be given the same policy rather than a copy of it.
aws::iam::PolicyDocument warehouse_access(const aws::s3::Bucket& data, const aws::kms::Key& key) {
  aws::iam::PolicyDocument doc;
  doc.add({.actions = {"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"},
           .resources = {data.arn_for_objects("warehouse/*")}});
  doc.add({.actions = {"s3:ListBucket"},
           .resources = {data.arn()},
           .conditions = {{"StringLike", {{"s3:prefix", {Str("warehouse/*")}}}}}});
  doc.add({.actions = {"kms:Decrypt", "kms:GenerateDataKey"},
           .resources = {key.key_arn()},
           .conditions = {{"StringEquals", {{"kms:ViaService", {Str("s3.") + pseudo::region() + "." + pseudo::url_suffix()}}}}}});
  return doc;
}

}  // namespace

void build(App& app) {
  auto& stack = app.add<Stack>("Emr", {.description = "drdb example: a long-running Spark and Hive cluster with encryption, "
                                                      "Glue Data Catalog and autoscaling",
                                       .region = "us-east-1"});
  stack.tag("project", "drdb-example");
  auto& vpc = network::add_vpc(stack);

  auto& key = stack.add<aws::kms::Key>("DataKey", {.description = "Data, EMR local disks and EBS volumes of the Spark cluster",
                                                   .alias = "alias/drdb-example-emr"});

  // Cluster logs and the data bucket's access logs, kept a year. Access-log targets take SSE-S3
  // only, which is the bucket default.
  auto& logs = stack.add<aws::s3::Bucket>(
      "Logs", {.lifecycle_rules = {{.id = "AgeOutLogs",
                                    .expiration_days = 365,
                                    .transitions = {{.storage_class = StorageClass::StandardIa, .days = 30},
                                                    {.storage_class = StorageClass::Glacier, .days = 90}},
                                    .abort_incomplete_multipart_upload_days = 7}}});
  auto& data = stack.add<aws::s3::Bucket>("Data", {.encryption = aws::s3::Encryption::Kms,
                                                   .kms_key = &key,
                                                   .versioned = true,
                                                   .access_logs_bucket = &logs,
                                                   .access_logs_prefix = "s3-access/data/"});

  auto& security = stack.add<SecurityConfiguration>(
      "Encryption", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms, .kms_key_arn = key.key_arn()},
                     .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = true}});

  const std::vector<EbsVolume> gp3_data = {{.type = VolumeType::Gp3, .size_gib = 256, .volumes_per_instance = 2}};
  auto& cluster = stack.add<Cluster>(
      "Spark",
      {.name = "drdb-example-spark",
       .release_label = "emr-7.1.0",
       .applications = {Application::hadoop(), Application::spark(), Application::hive(), Application::livy()},
       .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge",
                                               .ebs = {{.type = VolumeType::Gp3, .size_gib = 64}}},
                                   .core = InstanceGroup{.instance_type = "r5.2xlarge",
                                                         .count = 2,
                                                         .ebs = gp3_data,
                                                         .autoscaling = AutoScalingPolicy::memory_based(2, 10)}},
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
  cluster.suppress("EMR.4", "in-transit TLS needs a certificate bundle of the user's own (a PEM zip in S3); the cluster "
                           "stays in private subnets meanwhile");

  // The instances read their scripts; the warehouse through the shared policy.
  auto& instances = cluster.job_flow_role();
  data.grant_read(instances, "code/*");
  stack.add<aws::iam::ManagedPolicy>("WarehouseAccess",
                                     {.document = warehouse_access(data, key),
                                      .roles = {&instances},
                                      .description = "Read and write of the data bucket's warehouse prefix"});

  stack.add<Output>("ClusterId", {.value = cluster.cluster_id().value(), .description = "EMR cluster id"});
  stack.add<Output>("DataBucket", {.value = data.bucket_name().value(), .description = "Data bucket (SSE-KMS)"});
  stack.add<Output>("LogBucket", {.value = logs.bucket_name().value(), .description = "EMR and S3 access logs"});
  stack.add<Output>("DataKeyArn", {.value = key.key_arn().value(), .description = "KMS key of the data and the cluster's disks"});
  stack.add<Output>("SecurityConfiguration", {.value = security.name().value(), .description = "EMR security configuration"});
  stack.add<Output>("InstanceProfile",
                    {.value = cluster.instance_profile().name().value(), .description = "Instance profile of the cluster's nodes"});
}

}  // namespace drdb::examples::emr
