#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "job_script.hpp"
#include "network/network.hpp"
#include "pdm/pdm.hpp"
#include "run_tracking.hpp"

namespace drdb::examples::pdm {

using namespace aws::emr;
using aws::events::Schedule;

namespace {

struct Scripts {
  const aws::s3::FileAsset& load;
  const aws::s3::FileAsset& initial_load;
  const aws::s3::FileAsset& publish;
  const aws::s3::FileAsset& metrics;
};

// The run's metrics (JSON the scraper reads, publish_products.py) are cleared when it starts and
// when it has succeeded; a failed run leaves them, status and all, until the next one.
std::vector<Step> daily_steps(const Scripts& scripts, const Str& metrics) {
  return {Step::spark("clear-metrics", {.application = scripts.metrics.s3_uri(), .args = {Str("clear"), metrics}}, ActionOnFailure::CancelAndWait),
          Step::hive("load", scripts.load.s3_uri(), {{"RUN_DATE", Str("{date}")}}, ActionOnFailure::CancelAndWait),
          Step::spark("publish", {.application = scripts.publish.s3_uri(), .args = {Str("{date}"), metrics}}, ActionOnFailure::CancelAndWait),
          Step::spark("clear-metrics-at-end", {.application = scripts.metrics.s3_uri(), .args = {Str("clear"), metrics}},
                      ActionOnFailure::CancelAndWait)};
}

// The initial transactional load: each of the five transactional tables in full, before the daily
// steps, when a launch asks for "INITIAL_LOAD": true.
std::vector<Step> initial_load_steps(const Scripts& scripts) {
  std::vector<Step> steps;
  for (const char* table : {"orders", "order_lines", "products", "customers", "prices"})
    steps.push_back(Step::hive(std::string("initial-load-") + table, scripts.initial_load.s3_uri(),
                               {{"TABLE", Str(table)}, {"RUN_DATE", Str("{date}")}}, ActionOnFailure::CancelAndWait));
  return steps;
}

}  // namespace

void build(App& app) {
  auto& stack = app.add<Stack>("Pdm", {.description = "drdb example: Hive 3 runs on an external metastore, relaunched on failure",
                                       .region = "us-east-1"});
  stack.tag("project", "drdb-pdm");
  auto& vpc = network::add_compact_vpc(stack, "10.70.0.0/16");

  // The Aurora MySQL cluster has its own lifecycle; the stack knows its endpoint, gives it the
  // group EMR reaches it through, and holds the hive user's password (put after deployment).
  auto& endpoint = stack.add<Parameter>("MetastoreEndpoint", {.description = "Endpoint host of the Aurora MySQL Hive metastore",
                                                              .allowed_pattern = "^[a-zA-Z0-9.-]+$",
                                                              .min_length = 1});
  auto& database = stack.add<aws::ec2::SecurityGroup>("MetastoreDatabase",
                                                      {.description = "Aurora MySQL Hive metastore: attach to the database cluster", .vpc = &vpc});
  auto& password = stack.add<aws::secretsmanager::Secret>(
      "MetastorePassword", {.description = "Password of the hive user of the Hive metastore database (plaintext secret string)"});

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  const Scripts scripts{.load = job_script(stack, "LoadScript", "pdm", "load_products.q"),
                        .initial_load = job_script(stack, "InitialLoadScript", "pdm", "initial_load.q"),
                        .publish = job_script(stack, "PublishScript", "pdm", "publish_products.py"),
                        .metrics = job_script(stack, "MetricsScript", "pdm", "run_metrics.py")};
  // The snapshots a run reads and the analytical data set it writes.
  auto& data = stack.add<aws::s3::Bucket>("Data", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/data/"});
  auto& snapshot_type = stack.add<Parameter>("SnapshotType", {.description = "Snapshot_Type of the runs: the snapshots they read",
                                                               .default_value = Value("incremental"),
                                                               .allowed_values = {"incremental", "full"}});
  auto& security = encrypted_at_rest(stack, "the pdm clusters");

  auto& cluster = stack.add<Cluster>(
      "Hive3", {.name = "drdb-pdm",
                .release_label = "emr-6.15.0",
                .launch = Launch::ByWorkflows,
                .applications = {Application::hadoop(), Application::hive(), Application::tez(), Application::spark()},
                .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                            .core = InstanceGroup{.instance_type = "m5.2xlarge", .count = 2,
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
                .keep_alive_when_no_steps = false});
  cluster.suppress("EMR.4", "a transient batch cluster in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  for (const auto* script : {&scripts.load, &scripts.initial_load, &scripts.publish, &scripts.metrics})
    script->grant_read(cluster.job_flow_role());
  data.grant_read_write(cluster.job_flow_role());

  // The run table as the platform names it: one item per run of the PDM data product, kept current
  // as the cluster runs (RunTracker), expiring after 90 days (TimeToExist).
  auto& runs = stack.add<aws::dynamodb::Table>(
      "Runs", {.partition_key = {"Correlation_Id"},
               .sort_key = aws::dynamodb::Attribute{"DataProduct"},
               .time_to_live_attribute = "TimeToExist",
               .global_secondary_indexes = {{.index_name = "ByCluster", .partition_key = {"Cluster_Id"}}}});

  auto& launcher = stack.add<ClusterLauncher>(
      "Launcher", {.cluster = &cluster,
                   .code = handler_code("launcher"),
                   .steps = daily_steps(scripts, Str("s3://") + data.bucket_name() + "/metrics/pdm/"),
                   .initial_steps = initial_load_steps(scripts),
                   .run_log = &runs,
                   .required_secrets = {&password},
                   .data_product = "PDM",
                   .run_columns = {{"S3_Prefix_Snapshots", Str("s3://") + data.bucket_name() + "/snapshots/"},
                                   {"S3_Prefix_Analytical_DataSet", Str("s3://") + data.bucket_name() + "/analytical-dataset/"},
                                   {"Snapshot_Type", snapshot_type.as_str()}},
                   .run_retention_days = 90,
                   .max_relaunches = 2,
                   .description = "launches the daily Hive 3 run; fails while the metastore password is not set"});
  stack.add<aws::events::Rule>("Daily", {.description = "the daily pdm run", .schedule = Schedule::cron({.minutes = "30", .hours = "1"})})
      .add_lambda_target(launcher);
  const auto& [tracker, relauncher] = track_and_relaunch(stack, runs, launcher, cluster, "ByCluster");

  stack.add<Output>("MetastoreSecurityGroup", {.value = database.group_id().value(), .description = "Attach to the Aurora MySQL metastore"});
  stack.add<Output>("MetastorePasswordSecret", {.value = password.secret_arn().value(), .description = "Put the hive user's password here"});
  stack.add<Output>("RunsTable", {.value = runs.table_name().value()});
  stack.add<Output>("LauncherFunction", {.value = launcher.function_name().value()});
  stack.add<Output>("RunTrackerFunction", {.value = tracker.function_name().value()});
  stack.add<Output>("RelauncherFunction", {.value = relauncher.function_name().value()});
}

}  // namespace drdb::examples::pdm
