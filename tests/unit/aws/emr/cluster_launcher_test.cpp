// ClusterLauncher: the handler's environment rendered from the models, exactly the permissions the
// launch takes, and the contract checked (keys of its tables, what it may not be given).
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

namespace {

struct LauncherEnv : Env {
  aws::dynamodb::Table& runs = stack.add<aws::dynamodb::Table>(
      "Runs", {.partition_key = {"Correlation_Id"}, .sort_key = aws::dynamodb::Attribute{"DataProduct"}});
  aws::dynamodb::Table& jobs = stack.add<aws::dynamodb::Table>("Jobs", {.partition_key = {"JobName"}});

  Cluster& workflow_cluster() {
    auto p = props();
    p.name = "nightly";
    p.launch = Launch::ByWorkflows;
    return cluster(std::move(p));
  }
  ClusterLauncher::Props launcher_props(const Cluster& c) {
    return {.cluster = &c,
            .code = aws::lambda::Code::from_inline("def handler(event, context): pass"),
            .steps = {Step::spark("etl-{date}", {.application = Str("s3://") + data.bucket_name() + "/etl.py"})},
            .run_log = &runs};
  }
};

std::string env_text(const ClusterLauncher& launcher, const std::string& name) {
  return expression_text(launcher.props().environment.at(name).value());
}

}  // namespace

TEST_CASE("cluster launcher: the handler's contract in its environment, rendered from the models") {
  LauncherEnv env;
  auto& cluster = env.workflow_cluster();
  auto& first = env.stack.add<aws::secretsmanager::Secret>("First");
  auto& second = env.stack.add<aws::secretsmanager::Secret>("Second");
  auto props = env.launcher_props(cluster);
  props.required_secrets = {&first, &second};
  props.job_lock = JobLock{.table = &env.jobs, .job_name = "nightly-etl"};
  props.environment = {{"MODE", Str("batch")}};
  auto& launcher = env.stack.add<ClusterLauncher>("Launcher", std::move(props));

  CHECK(diagnostics_of(env.app) == "");
  CHECK(json::parse(env_text(launcher, "CLUSTER_DEFINITION"))["Name"] == "nightly");
  const auto steps = json::parse(env_text(launcher, "STEPS"));
  REQUIRE(steps.size() == 1);
  CHECK(steps[0]["Name"] == "etl-{date}");
  CHECK(env_text(launcher, "RUN_LOG_TABLE") == "${App/S/Runs.Name}");
  CHECK(env_text(launcher, "REQUIRED_SECRETS") == "${App/S/First.Arn},${App/S/Second.Arn}");
  CHECK(env_text(launcher, "JOB_STATUS_TABLE") == "${App/S/Jobs.Name}");
  CHECK(env_text(launcher, "JOB_NAME") == "nightly-etl");
  CHECK(env_text(launcher, "MODE") == "batch");
  CHECK(launcher.props().runtime == aws::lambda::Runtime::Python312);
  CHECK(launcher.props().timeout == 60);
}

TEST_CASE("cluster launcher: its role may launch the cluster, use its tables and read its secrets, nothing more") {
  LauncherEnv env;
  auto& cluster = env.workflow_cluster();
  auto& password = env.stack.add<aws::secretsmanager::Secret>("Password");
  auto props = env.launcher_props(cluster);
  props.required_secrets = {&password};
  props.job_lock = JobLock{.table = &env.jobs, .job_name = "etl"};
  auto& launcher = env.stack.add<ClusterLauncher>("Launcher", std::move(props));
  const auto out = render_all(env.app);
  std::set<std::string> actions;
  for (const auto& policy : out.cfn["Resources"][logical_id(launcher.role())]["Properties"]["Policies"])
    for (const auto& statement : policy["PolicyDocument"]["Statement"])
      for (const auto& action : statement["Action"].is_array() ? statement["Action"] : json::array({statement["Action"]}))
        actions.insert(action.get<std::string>());
  for (const auto* needed : {"elasticmapreduce:RunJobFlow", "iam:PassRole", "dynamodb:PutItem", "secretsmanager:GetSecretValue"}) {
    CAPTURE(needed);
    CHECK(actions.count(needed) == 1);
  }
  for (const auto& action : actions) {
    CAPTURE(action);
    CHECK(action.find('*') == std::string::npos);
  }
}

TEST_CASE("cluster launcher: what the contract needs is checked where the launcher is") {
  LauncherEnv env;
  auto& cluster = env.workflow_cluster();
  auto& wrong = env.stack.add<aws::dynamodb::Table>("Wrong", {.partition_key = {"Id"}});
  auto props = env.launcher_props(cluster);
  props.steps.clear();
  props.run_log = &wrong;
  props.job_lock = JobLock{.table = &wrong};
  props.environment = {{"STEPS", Str("[]")}};
  env.stack.add<ClusterLauncher>("Launcher", std::move(props));
  const auto d = diagnostics_of(env.app);
  CAPTURE(d);
  CHECK(contains(d, "[App/S/Launcher] no steps: a launched cluster would run nothing"));
  CHECK(contains(d, "the run log App/S/Wrong must have partition key Correlation_Id and sort key DataProduct"));
  CHECK(contains(d, "the job lock App/S/Wrong must have partition key JobName"));
  CHECK(contains(d, "the job lock has no job name"));
  CHECK(contains(d, "environment variable STEPS is set by the launcher from its props"));
}

TEST_CASE("cluster launcher: without a cluster or run log it says what to set; a stack-launched cluster is a warning") {
  LauncherEnv env;
  env.stack.add<ClusterLauncher>("Empty", {.code = aws::lambda::Code::from_inline("x"), .steps = {Step::hive("h", "s3://c/h.q")}});
  auto& launched = env.cluster(env.props(), "Always");
  env.stack.add<ClusterLauncher>("Twice", env.launcher_props(launched));
  const auto d = diagnostics_of(env.app);
  CAPTURE(d);
  CHECK(contains(d, "[App/S/Empty] no cluster to launch"));
  CHECK(contains(d, "no run log table"));
  CHECK(contains(d, "warning: [App/S/Twice] the stack launches App/S/Always too"));
}

TEST_CASE("cluster launcher: the run table's platform columns, retention, cap and initial steps in its environment") {
  LauncherEnv env;
  auto& cluster = env.workflow_cluster();
  auto& runs = env.stack.add<aws::dynamodb::Table>("Expiring", {.partition_key = {"Correlation_Id"},
                                                                .sort_key = aws::dynamodb::Attribute{"DataProduct"},
                                                                .time_to_live_attribute = "TimeToExist"});
  auto props = env.launcher_props(cluster);
  props.run_log = &runs;
  props.initial_steps = {Step::hive("initial-load-orders", "s3://c/initial.q")};
  props.data_product = "PDM";
  props.run_columns = {{"S3_Prefix_Snapshots", Str("s3://") + env.data.bucket_name() + "/snapshots/"}, {"Snapshot_Type", Str("full")}};
  props.run_retention_days = 90;
  props.max_relaunches = 2;
  props.operator_stop = true;
  auto& launcher = env.stack.add<ClusterLauncher>("Launcher", std::move(props));

  CHECK(diagnostics_of(env.app) == "");
  CHECK(env_text(launcher, "DATA_PRODUCT") == "PDM");
  const auto columns = json::parse(env_text(launcher, "RUN_COLUMNS"));
  CHECK(columns["Snapshot_Type"] == "full");
  CHECK(columns["S3_Prefix_Snapshots"].get<std::string>().ends_with("/snapshots/"));
  CHECK(env_text(launcher, "RUN_TTL_DAYS") == "90");
  CHECK(env_text(launcher, "MAX_RELAUNCHES") == "2");
  CHECK(json::parse(env_text(launcher, "INITIAL_STEPS"))[0]["Name"] == "initial-load-orders");
  const auto out = render_all(env.app);
  CHECK(contains(out.cfn["Resources"][logical_id(launcher.role())].dump(), "elasticmapreduce:ListClusters"));
}

TEST_CASE("cluster launcher: retention without the TTL attribute, a column of its own and a bad cap are errors") {
  LauncherEnv env;
  auto& cluster = env.workflow_cluster();
  auto props = env.launcher_props(cluster);
  props.run_columns = {{"Cluster_Id", Str("x")}};
  props.run_retention_days = 90;
  props.max_relaunches = -1;
  props.environment = {{"DATA_PRODUCT", Str("x")}};
  auto& launcher = env.stack.add<ClusterLauncher>("Launcher", std::move(props));
  const auto d = diagnostics_of(env.app);
  CAPTURE(d);
  CHECK(contains(d, "runs expire (run_retention_days) but the run log App/S/Runs has no TTL attribute TimeToExist"));
  CHECK(contains(d, "run column Cluster_Id is written by the launcher itself"));
  CHECK(contains(d, "max_relaunches is -1"));
  CHECK(contains(d, "environment variable DATA_PRODUCT is set by the launcher from its props"));
  CHECK(launcher.props().environment.count("MAX_RELAUNCHES") == 1);
}
