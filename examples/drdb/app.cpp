#include "drdb/reference.hpp"
#include "cluster_security.hpp"
#include "network/network.hpp"

namespace drdb::examples::drdb_app {

using namespace aws::emr;
using aws::events::Schedule;
using aws::stepfunctions::ClusterLifecycle;
using aws::stepfunctions::EnsureClusterRunStep;

void build(App& app) {
  auto& stack = app.add<Stack>("Drdb", {.description = "drdb reference architecture: uploads run Spark on a reused or new EMR cluster",
                                        .region = "us-east-1"});
  stack.tag("project", "drdb");
  auto& vpc = network::add_compact_vpc(stack, "10.20.0.0/16");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& landing = stack.add<aws::s3::Bucket>("Landing", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/landing/"});
  auto& code = stack.add<aws::s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});
  auto& lake = stack.add<aws::s3::Bucket>("Lake", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/lake/"});

  auto& security = encrypted_at_rest(stack, "the DRDB clusters");

  // Core nodes hold HDFS on two gp3 volumes each; task nodes come and go with YARN's memory.
  const EbsVolume data_volume{.type = VolumeType::Gp3, .size_gib = 256, .throughput_mibps = 250, .volumes_per_instance = 2};
  auto& cluster = stack.add<Cluster>(
      "Spark", {.name = "drdb",
                .release_label = "emr-7.1.0",
                .launch = Launch::ByWorkflows,
                .applications = {Application::spark(), Application::hive()},
                .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge", .ebs = {{.type = VolumeType::Gp3, .size_gib = 64}}},
                                            .core = InstanceGroup{.instance_type = "r5.2xlarge", .count = 2, .ebs = {data_volume}},
                                            .task = {InstanceGroup{.instance_type = "r5.2xlarge",
                                                                   .count = 0,
                                                                   .ebs = {{.type = VolumeType::Gp3, .size_gib = 128}},
                                                                   .autoscaling = AutoScalingPolicy::memory_based(0, 8, 2)}}},
                .vpc = &vpc,
                .subnets = {vpc.private_subnets()[0]},
                .security_configuration = &security,
                .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                .metastore = glue_catalog(),
                .idle_timeout_seconds = 2 * 3600});
  cluster.suppress("EMR.4", "batch steps in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  code.grant_read(cluster.job_flow_role(), "jobs/*");
  landing.grant_read(cluster.job_flow_role());
  lake.grant_read_write(cluster.job_flow_role());

  auto& runs = stack.add<aws::dynamodb::Table>("RunLog", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  auto& workflow = stack.add<EnsureClusterRunStep>(
      "Ingest", {.cluster = &cluster,
                 .step = Step::spark("ingest", {.application = Str("s3://") + code.bucket_name() + "/jobs/ingest.py",
                                                // the uploaded object, then where the job writes
                                                .args = {EnsureClusterRunStep::object_uri(), Str("s3://") + lake.bucket_name() + "/"}}),
                 .run_log = &runs,
                 .data_product = "drdb",
                 .poll_seconds = 60});
  workflow.run_on_upload(landing, {"incoming/"});

  // A fresh cluster every night (03:00 UTC): none outlives a day of drift or leaked state.
  stack.add<ClusterLifecycle>("Recycle", {.cluster = &cluster, .recycle = Schedule::cron({.minutes = "0", .hours = "3"})});

  stack.add<Output>("LandingBucket", {.value = landing.bucket_name().value(), .description = "Upload under incoming/"});
  stack.add<Output>("StateMachineArn", {.value = workflow.state_machine_arn().value(), .description = "The ensure-cluster workflow"});
  stack.add<Output>("RunLogTable", {.value = runs.table_name().value(), .description = "Every run and operation"});
}

}  // namespace drdb::examples::drdb_app
