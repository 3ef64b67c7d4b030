#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "network/network.hpp"
#include "pipeline/pipeline.hpp"

namespace drdb::examples::pipeline {

using namespace aws::emr;
using aws::events::Schedule;
using aws::stepfunctions::ClusterLifecycle;
using aws::stepfunctions::EnsureClusterRunStep;

void build(App& app) {
  auto& stack = app.add<Stack>("Pipeline", {.description = "drdb example: an event-driven EMR pipeline with a run log", .region = "us-east-1"});
  stack.tag("project", "drdb-pipeline");
  auto& vpc = network::add_compact_vpc(stack, "10.40.0.0/16");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& landing = stack.add<aws::s3::Bucket>("Landing", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/landing/"});
  auto& code = stack.add<aws::s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});

  auto& security = encrypted_at_rest(stack, "the pipeline's clusters");

  // The cluster model: the stack deploys its roles and security groups, the workflows launch it.
  auto& cluster = stack.add<Cluster>("Spark", {.name = "drdb-pipeline",
                                               .release_label = "emr-7.1.0",
                                               .launch = Launch::ByWorkflows,
                                               .applications = {Application::spark(), Application::hive()},
                                               .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                           .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
                                               .vpc = &vpc,
                                               .subnets = {vpc.private_subnets()[0]},
                                               .security_configuration = &security,
                                               .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                                               .metastore = glue_catalog(),
                                               .managed_scaling = ManagedScaling{.min_capacity = 2, .max_capacity = 10},
                                               .idle_timeout_seconds = 3600});
  cluster.suppress("EMR.4", "batch steps in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  code.grant_read(cluster.job_flow_role(), "jobs/*");
  landing.grant_read(cluster.job_flow_role(), "sales/*");

  // One item per run, expiring 90 days after it started; the relauncher finds a cluster's runs by
  // the ClusterId index.
  auto& runs = stack.add<aws::dynamodb::Table>(
      "RunLog", {.partition_key = {"Correlation_Id"},
                 .time_to_live_attribute = "TimeToExist",
                 .global_secondary_indexes = {{.index_name = "ByCluster", .partition_key = {"ClusterId"}}}});

  auto& ingest = stack.add<EnsureClusterRunStep>(
      "Ingest", {.cluster = &cluster,
                 .step = Step::spark("ingest-sales", {.application = Str("s3://") + code.bucket_name() + "/jobs/ingest_sales.py",
                                                      .args = {Str("s3://") + landing.bucket_name() + "/sales/"},
                                                      .conf = {{"spark.sql.adaptive.enabled", "true"}}}),
                 .run_log = &runs,
                 .data_product = "sales",
                 .record_retention_days = 90});
  ingest.run_on_upload(landing, {"sales/"});
  ingest.run_on_schedule(Schedule::cron({.minutes = "0", .hours = "2"}));

  // Weekdays only, recycled mid-week so no cluster runs for long on the same instances.
  stack.add<ClusterLifecycle>("ClusterSchedule", {.cluster = &cluster,
                                                  .start = Schedule::cron({.hours = "6", .day_of_week = "MON-FRI"}),
                                                  .stop = Schedule::cron({.hours = "22", .day_of_week = "MON-FRI"}),
                                                  .recycle = Schedule::cron({.hours = "13", .day_of_week = "WED"})});

  // A cluster that terminates with errors takes its running steps down: relaunch those runs.
  auto& relauncher = stack.add<aws::lambda::Function>(
      "Relauncher", {.runtime = aws::lambda::Runtime::Python312,
                     .handler = "index.handler",
                     .code = handler_code("relauncher"),
                     .description = "relaunches the runs of a cluster that terminated with errors",
                     .timeout = 60,
                     .environment = {{"RUN_LOG_TABLE", runs.table_name()},
                                     {"RUN_LOG_CLUSTER_INDEX", Str("ByCluster")},
                                     {"WORKFLOW_ARN", ingest.state_machine_arn()}}});
  runs.grant_read_write_data(relauncher.role());
  ingest.grant_start_execution(relauncher.role());
  auto& failed = stack.add<aws::events::Rule>(
      "ClusterFailed", {.description = "a pipeline cluster terminated with errors",
                        .event_pattern = aws::events::EventPattern::emr_cluster_state_change(
                            {.states = {aws::events::ClusterState::TerminatedWithErrors}, .cluster_names = {cluster.cluster_name()}})});
  failed.add_lambda_target(relauncher);

  stack.add<Output>("LandingBucket", {.value = landing.bucket_name().value(), .description = "Upload data under sales/"});
  stack.add<Output>("StateMachineArn", {.value = ingest.state_machine_arn().value(), .description = "The ensure-cluster workflow"});
  stack.add<Output>("RunLogTable", {.value = runs.table_name().value(), .description = "One item per run"});
  stack.add<Output>("RelauncherFunction", {.value = relauncher.function_name().value()});
}

}  // namespace drdb::examples::pipeline
