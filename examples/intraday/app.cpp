#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "job_script.hpp"
#include "intraday/intraday.hpp"
#include "network/network.hpp"

namespace drdb::examples::intraday {

using namespace aws::emr;
using aws::events::EventPattern;
using aws::events::Schedule;

namespace {

constexpr const char* job_name = "intraday-positions";
// The HBase root directory in the Hbase bucket; a read replica keeps its own metadata under
// <root><cluster id>/, which the clean-up deletes when the cluster ends.
constexpr const char* hbase_root = "hbase/";
// The functions' CloudWatch log groups.
constexpr const char* log_groups = "/app/ingest-replica-incremental/";

// HBase reading the primary cluster's tables from S3 as a read replica.
Configurations read_replica(const aws::s3::Bucket& hbase) {
  Configurations c("read replica");
  c.hbase("hbase.emr.storageMode", "s3")
      .hbase("hbase.emr.readreplica.enabled", "true")
      .hbase_site("hbase.rootdir", Str("s3://") + hbase.bucket_name() + "/" + hbase_root);
  return c;
}

// The day's positions so far, from the replica's view of the trades, written beside the HBase root.
Step positions(const aws::s3::FileAsset& script, const aws::s3::Bucket& hbase) {
  return Step::spark("positions-{date}", {.application = script.s3_uri(),
                                          .args = {Str("--date"), Str("{date}"), Str("--output"),
                                                   Str("s3://") + hbase.bucket_name() + "/intraday-positions/"}});
}

}  // namespace

void build(App& app) {
  auto& stack = app.add<Stack>("Intraday", {.description = "drdb example: intraday EMR runs on an HBase read replica, one at a time",
                                            .region = "us-east-1"});
  stack.tag("project", "drdb-intraday");
  auto& vpc = network::add_compact_vpc(stack, "10.60.0.0/16");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& positions_script = job_script(stack, "PositionsScript", "intraday", "intraday_positions.py");
  auto& hbase = stack.add<aws::s3::Bucket>("Hbase", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/hbase/"});

  auto& security = encrypted_at_rest(stack, "the intraday clusters");

  auto& cluster = stack.add<Cluster>("Replica", {.name = "drdb-intraday",
                                                 .release_label = "emr-7.1.0",
                                                 .launch = Launch::ByWorkflows,
                                                 .applications = {Application::hbase(), Application::spark()},
                                                 .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                             .core = InstanceGroup{.instance_type = "r5.xlarge", .count = 2}},
                                                 .vpc = &vpc,
                                                 .subnets = {vpc.private_subnets()[0]},
                                                 .security_configuration = &security,
                                                 .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                                                 .configurations = {read_replica(hbase)},
                                                 .keep_alive_when_no_steps = false});
  cluster.suppress("EMR.4", "a transient batch cluster in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  positions_script.grant_read(cluster.job_flow_role());
  hbase.grant_read_write(cluster.job_flow_role());

  auto& jobs = stack.add<aws::dynamodb::Table>("JobStatus", {.partition_key = {"JobName"}});
  auto& runs = stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .sort_key = aws::dynamodb::Attribute{"DataProduct"}});

  auto& launcher = stack.add<ClusterLauncher>("Launcher", {.cluster = &cluster,
                                                          .code = handler_code("launcher"),
                                                          .steps = {positions(positions_script, hbase)},
                                                          .run_log = &runs,
                                                          // An active job is waited for 14 minutes; the HBase
                                                          // maintenance window launches nothing.
                                                          .job_lock = JobLock{.table = &jobs,
                                                                              .job_name = job_name,
                                                                              .wait_seconds = 840,
                                                                              .poll_seconds = 60,
                                                                              .maintenance_windows = {"WED 17:00-19:00"}},
                                                          .description = "launches the intraday cluster unless the job is running, failed or in maintenance",
                                                          .timeout = 900,
                                                          .log_retention = aws::logs::Retention::ThreeMonths,
                                                          .log_group_name = std::string(log_groups) + "launcher"});
  // EventBridge rules run in UTC: 13:00-21:00 UTC covers the New York working day (9:00-16:00 local)
  // in both EST and EDT.
  stack.add<aws::events::Rule>("WorkingHours", {.description = "hourly, 13:00-21:00 UTC, Monday to Friday",
                                                .schedule = Schedule::cron({.minutes = "0", .hours = "13-21", .day_of_week = "MON-FRI"})})
      .add_lambda_target(launcher);

  auto& cleanup = stack.add<aws::lambda::Function>(
      "MetadataCleanup", {.runtime = aws::lambda::Runtime::Python312,
                          .handler = "index.handler",
                          .code = handler_code("metadata_cleanup"),
                          .description = "records the cluster ready, ends the job and deletes the read replica's metadata",
                          .timeout = 300,
                          .environment = {{"JOB_STATUS_TABLE", jobs.table_name()},
                                          {"JOB_NAME", Str(job_name)},
                                          {"METADATA_BUCKET", hbase.bucket_name()},
                                          {"METADATA_PREFIX", Str(hbase_root)}},
                          .log_retention = aws::logs::Retention::ThreeMonths,
                          .log_group_name = std::string(log_groups) + "metadata-cleanup"});
  hbase.grant_read_write(cleanup.role(), std::string(hbase_root) + "j-*");  // the replicas' directories, never the tables
  jobs.grant_read_write_data(cleanup.role());
  stack.add<aws::events::Rule>("ClusterEnded", {.description = "an intraday cluster terminated",
                                                .event_pattern = EventPattern::emr_cluster_state_change(
                                                    {.states = {aws::events::ClusterState::Terminated, aws::events::ClusterState::TerminatedWithErrors},
                                                     .cluster_names = {cluster.cluster_name()}})})
      .add_lambda_target(cleanup);
  stack.add<aws::events::Rule>("ClusterReady", {.description = "an intraday cluster is ready",
                                                .event_pattern = EventPattern::emr_cluster_state_change(
                                                    {.states = {aws::events::ClusterState::Running, aws::events::ClusterState::Waiting},
                                                     .cluster_names = {cluster.cluster_name()}})})
      .add_lambda_target(cleanup);

  stack.add<Output>("JobStatusTable", {.value = jobs.table_name().value()});
  stack.add<Output>("LauncherFunction", {.value = launcher.function_name().value()});
  stack.add<Output>("CleanupFunction", {.value = cleanup.function_name().value()});
}

}  // namespace drdb::examples::intraday
