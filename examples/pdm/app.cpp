#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "network/network.hpp"
#include "pdm/pdm.hpp"

namespace drdb::examples::pdm {

using namespace aws::emr;
using aws::events::EventPattern;
using aws::events::Schedule;

namespace {

std::vector<Step> daily_steps(const aws::s3::Bucket& code) {
  const Str scripts = Str("s3://") + code.bucket_name() + "/pdm/";
  return {Step::hive("load", scripts + "load_products.q", {{"RUN_DATE", Str("{date}")}}, ActionOnFailure::CancelAndWait),
          Step::spark("publish", {.application = scripts + "publish_products.py", .args = {Str("{date}")}}, ActionOnFailure::CancelAndWait)};
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
  auto& code = stack.add<aws::s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});
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
  code.grant_read(cluster.job_flow_role(), "pdm/*");

  auto& runs = stack.add<aws::dynamodb::Table>(
      "Runs", {.partition_key = {"Correlation_Id"},
               .sort_key = aws::dynamodb::Attribute{"DataProduct"},
               .global_secondary_indexes = {{.index_name = "ByCluster", .partition_key = {"ClusterId"}}}});

  auto& launcher = stack.add<ClusterLauncher>("Launcher", {.cluster = &cluster,
                                                          .code = handler_code("launcher"),
                                                          .steps = daily_steps(code),
                                                          .run_log = &runs,
                                                          .required_secrets = {&password},
                                                          .description = "launches the daily Hive 3 run once the metastore password is set"});
  stack.add<aws::events::Rule>("Daily", {.description = "the daily pdm run", .schedule = Schedule::cron({.minutes = "30", .hours = "1"})})
      .add_lambda_target(launcher);

  auto& relauncher = stack.add<aws::lambda::Function>(
      "Relauncher", {.runtime = aws::lambda::Runtime::Python312,
                     .handler = "index.handler",
                     .code = handler_code("relauncher"),
                     .description = "relaunches the runs of a failed cluster from their failed step",
                     .timeout = 120,
                     .environment = {{"RUN_LOG_TABLE", runs.table_name()},
                                     {"RUN_LOG_CLUSTER_INDEX", Str("ByCluster")},
                                     {"LAUNCHER_FUNCTION", launcher.function_name()}}});
  runs.grant_read_write_data(relauncher.role());
  launcher.grant_invoke(relauncher.role());
  // Which steps completed on the failed cluster.
  relauncher.role().add_to_policy({.actions = {"elasticmapreduce:ListSteps"}, .resources = {pseudo::arn("elasticmapreduce", "cluster/*")}});
  stack.add<aws::events::Rule>("ClusterFailed", {.description = "a pdm cluster terminated with errors",
                                                 .event_pattern = EventPattern::emr_cluster_state_change(
                                                     {.states = {aws::events::ClusterState::TerminatedWithErrors},
                                                      .cluster_names = {cluster.cluster_name()}})})
      .add_lambda_target(relauncher);

  stack.add<Output>("MetastoreSecurityGroup", {.value = database.group_id().value(), .description = "Attach to the Aurora MySQL metastore"});
  stack.add<Output>("MetastorePasswordSecret", {.value = password.secret_arn().value(), .description = "Put the hive user's password here"});
  stack.add<Output>("RunsTable", {.value = runs.table_name().value()});
  stack.add<Output>("LauncherFunction", {.value = launcher.function_name().value()});
  stack.add<Output>("RelauncherFunction", {.value = relauncher.function_name().value()});
}

}  // namespace drdb::examples::pdm
