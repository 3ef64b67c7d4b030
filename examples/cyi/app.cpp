#include "cyi/cyi.hpp"
#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "job_script.hpp"
#include "network/network.hpp"
#include "run_tracking.hpp"

namespace drdb::examples::cyi {

using namespace aws::emr;

namespace {

// The step the launcher fills in for each day of a run ({database}, {date}): a temporary table over
// the day's data under the landing bucket, partitioned and appended to the database's table.
Step append_partition(const aws::s3::Bucket& landing, const aws::s3::FileAsset& script, const aws::s3::Bucket& warehouse) {
  return Step::hive("append-{database}-{date}", script.s3_uri(),
                    {{"DATABASE", Str("{database}")},
                     {"PARTITION_DATE", Str("{date}")},
                     {"INPUT", Str("s3://") + landing.bucket_name() + "/{database}/{date}/"},
                     {"WAREHOUSE", Str("s3://") + warehouse.bucket_name() + "/"}});
}

}  // namespace

void build(App& app) {
  auto& stack = app.add<Stack>("Cyi", {.description = "drdb example: uploads append a day's partition through a transient EMR cluster",
                                       .region = "us-east-1"});
  stack.tag("project", "drdb-cyi");
  auto& vpc = network::add_compact_vpc(stack, "10.50.0.0/16");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& landing = stack.add<aws::s3::Bucket>(
      "Landing", {.versioned = true,
                  .lifecycle_rules = {{.id = "AgeOutUploads", .expiration_days = 30, .noncurrent_version_expiration_days = 7}},
                  .access_logs_bucket = &logs,
                  .access_logs_prefix = "s3-access/landing/"});
  auto& append_script = job_script(stack, "AppendScript", "cyi", "append_partition.q");
  auto& warehouse = stack.add<aws::s3::Bucket>("Warehouse", {.versioned = true, .access_logs_bucket = &logs,
                                                             .access_logs_prefix = "s3-access/warehouse/"});

  // Every upload waits in a queue (a dead-letter queue after three failed launches). They go through
  // EventBridge, so the bucket's name stays generated. EventBridge cannot match the key's shape
  // (its wildcard has no "a date here"): the rule takes the landing bucket's every object and the
  // launcher skips keys not under <database>/<YYYY-MM-DD>/.
  auto& failed_uploads = stack.add<aws::sqs::Queue>("FailedUploads", {.retention_period_seconds = 1209600});
  auto& uploads = stack.add<aws::sqs::Queue>("Uploads", {.visibility_timeout_seconds = 360,
                                                         .dead_letter_queue = aws::sqs::DeadLetterQueue{.queue = &failed_uploads}});
  stack.add<aws::events::Rule>("UploadCreated", {.description = "objects created in the landing bucket",
                                                 .event_pattern = aws::events::EventPattern::s3_object_created(landing)})
      .add_queue_target(uploads);

  // Each run, keyed by Correlation_Id and DataProduct (the database): its cluster, its steps and
  // how far it got; the trackers find a cluster's runs by the ByCluster index. Runs expire after 90 days.
  auto& runs = stack.add<aws::dynamodb::Table>(
      "ClusterState", {.partition_key = {"Correlation_Id"},
                       .sort_key = aws::dynamodb::Attribute{"DataProduct"},
                       .time_to_live_attribute = "TimeToExist",
                       .global_secondary_indexes = {{.index_name = "ByCluster", .partition_key = {"Cluster_Id"}}}});

  auto& security = encrypted_at_rest(stack, "the append clusters");

  // A transient cluster: launched by the function with its steps, terminated when they end.
  auto& cluster = stack.add<Cluster>("Append", {.name = "drdb-cyi-append",
                                                .release_label = "emr-7.1.0",
                                                .launch = Launch::ByWorkflows,
                                                .applications = {Application::hive()},
                                                .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                            .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
                                                .vpc = &vpc,
                                                .subnets = {vpc.private_subnets()[0]},
                                                .security_configuration = &security,
                                                .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                                                .metastore = glue_catalog(),
                                                .keep_alive_when_no_steps = false});
  cluster.suppress("EMR.4", "a transient batch cluster in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  landing.grant_read(cluster.job_flow_role());
  append_script.grant_read(cluster.job_flow_role());
  warehouse.grant_read_write(cluster.job_flow_role());

  // One run per partition, whatever the number of its objects; operators start, stop and clear
  // runs by invoking the launcher ({"action": ...}); a failed run restarts from its failed step.
  auto& launcher = stack.add<ClusterLauncher>("Launcher", {.cluster = &cluster,
                                                          .code = handler_code("launcher"),
                                                          .steps = {append_partition(landing, append_script, warehouse)},
                                                          .run_log = &runs,
                                                          .run_retention_days = 90,
                                                          .max_relaunches = 2,
                                                          .operator_stop = true,
                                                          .description = "launches the append cluster for each partition and records the run"});
  launcher.add_event_source("Uploads", aws::lambda::sqs_queue_source(uploads, {.batch_size = 1}));
  const auto& [tracker, relauncher] = track_and_relaunch(stack, runs, launcher, cluster, "ByCluster");

  stack.add<Output>("LandingBucket", {.value = landing.bucket_name().value(), .description = "Upload under <database>/<YYYY-MM-DD>/"});
  stack.add<Output>("ClusterStateTable", {.value = runs.table_name().value()});
  stack.add<Output>("LauncherFunction", {.value = launcher.function_name().value()});
  stack.add<Output>("RunTrackerFunction", {.value = tracker.function_name().value()});
  stack.add<Output>("RelauncherFunction", {.value = relauncher.function_name().value()});
}

}  // namespace drdb::examples::cyi
