#include "workflow/workflow.hpp"

#include "network/network.hpp"

namespace drdb::examples::workflow {

using namespace aws::emr;
using aws::stepfunctions::EnsureClusterRunStep;

void build(App& app) {
  auto& stack = app.add<Stack>("Workflow", {.description = "drdb example: ensure an EMR cluster, run a Spark step, record the run",
                                            .region = "us-east-1"});
  auto& vpc = network::add_vpc(stack);
  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& code = stack.add<aws::s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});

  // EMRFS data and the nodes' disks encrypted with a key of the stack.
  auto& key = stack.add<aws::kms::Key>("ClusterKey", {.description = "EMRFS data and local disks of the workflow's cluster"});
  auto& security = stack.add<SecurityConfiguration>(
      "Encryption", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms, .kms_key_arn = key.key_arn()},
                     .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = true}});

  // The cluster the workflow runs on. The stack launches it; once it has stopped (idle for an
  // hour), the workflow launches the same cluster again from this model.
  auto& cluster = stack.add<Cluster>("Spark", {.name = "drdb-example-workflow",
                                               .release_label = "emr-7.1.0",
                                               .applications = {Application::spark()},
                                               .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                           .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
                                               .vpc = &vpc,
                                               .subnets = {vpc.private_subnets()[0]},
                                               .security_configuration = &security,
                                               .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                                               .idle_timeout_seconds = 3600});
  cluster.suppress("EMR.4", "the example runs one batch step per cluster in private subnets; in-transit TLS needs "
                           "a certificate bundle of the user's own");
  code.grant_read(cluster.job_flow_role(), "jobs/*");

  // One item per run, expiring 90 days after the run started (the workflow writes TimeToExist).
  auto& runs = stack.add<aws::dynamodb::Table>("RunLog", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});

  auto& etl = stack.add<EnsureClusterRunStep>(
      "DailySales", {.cluster = &cluster,
                     .step = Step::spark("daily-sales", {.application = Str("s3://") + code.bucket_name() + "/jobs/daily_sales.py",
                                                         .conf = {{"spark.sql.adaptive.enabled", "true"}}}),
                     .run_log = &runs,
                     .data_product = "sales"});

  stack.add<Output>("StateMachineArn", {.value = etl.state_machine_arn().value(), .description = "Start runs here"});
  stack.add<Output>("RunLogTable", {.value = runs.table_name().value(), .description = "One item per run"});
}

}  // namespace drdb::examples::workflow
