// JobLock: what it puts in the launcher's environment (the wait and the maintenance windows only
// when set), the checks of its settings, and a launcher's log group under a name of its own.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

namespace {

struct LockEnv : Env {
  aws::dynamodb::Table& runs = stack.add<aws::dynamodb::Table>(
      "Runs", {.partition_key = {"Correlation_Id"}, .sort_key = aws::dynamodb::Attribute{"DataProduct"}});
  aws::dynamodb::Table& jobs = stack.add<aws::dynamodb::Table>("Jobs", {.partition_key = {"JobName"}});

  ClusterLauncher& launcher(JobLock lock, int timeout = 60, std::string log_group_name = {}) {
    auto p = props();
    p.name = "intraday";
    p.launch = Launch::ByWorkflows;
    auto& c = cluster(std::move(p));
    return stack.add<ClusterLauncher>(
        "Launcher", {.cluster = &c,
                     .code = aws::lambda::Code::from_inline("def handler(event, context): pass"),
                     .steps = {Step::spark("positions", {.application = Str("s3://") + data.bucket_name() + "/p.py"})},
                     .run_log = &runs,
                     .job_lock = std::move(lock),
                     .timeout = timeout,
                     .log_group_name = std::move(log_group_name)});
  }
};

std::string env_text(const ClusterLauncher& launcher, const std::string& name) {
  return expression_text(launcher.props().environment.at(name).value());
}

}  // namespace

TEST_CASE("job lock: the table and job name only, unless a wait or windows are set") {
  LockEnv env;
  const auto& launcher = env.launcher(JobLock{.table = &env.jobs, .job_name = "positions"});
  CHECK(diagnostics_of(env.app) == "");
  CHECK(env_text(launcher, "JOB_STATUS_TABLE") == "${App/S/Jobs.Name}");
  CHECK(env_text(launcher, "JOB_NAME") == "positions");
  for (const auto* unset : {"JOB_WAIT_SECONDS", "JOB_POLL_SECONDS", "MAINTENANCE_WINDOWS"})
    CHECK_FALSE(launcher.props().environment.contains(unset));
}

TEST_CASE("job lock: the wait, its polling and the maintenance windows in the environment") {
  LockEnv env;
  const auto& launcher = env.launcher(JobLock{.table = &env.jobs,
                                              .job_name = "positions",
                                              .wait_seconds = 840,
                                              .poll_seconds = 30,
                                              .maintenance_windows = {"WED 17:00-19:00", "SAT 00:00-24:00"}},
                                      900, "/app/ingest-replica-incremental/launcher");
  CHECK(diagnostics_of(env.app) == "");
  CHECK(env_text(launcher, "JOB_WAIT_SECONDS") == "840");
  CHECK(env_text(launcher, "JOB_POLL_SECONDS") == "30");
  CHECK(env_text(launcher, "MAINTENANCE_WINDOWS") == "WED 17:00-19:00,SAT 00:00-24:00");
  const auto out = render_all(env.app);
  const auto group = logical_id(launcher.log_group());
  CHECK(out.cfn["Resources"][group]["Properties"]["LogGroupName"] == "/app/ingest-replica-incremental/launcher");
  CHECK(out.tf["resource"]["aws_cloudwatch_log_group"][group]["name"] == "/app/ingest-replica-incremental/launcher");
}

TEST_CASE("job lock: a wait that does not fit the timeout, bad polling and malformed windows are errors") {
  LockEnv env;
  env.launcher(JobLock{.table = &env.jobs,
                       .job_name = "positions",
                       .wait_seconds = 840,
                       .poll_seconds = 0,
                       .maintenance_windows = {"WED 17:00-19:00", "Wed 17:00-19:00", "WED 19:00-17:00", "WED 7:00-9:00",
                                               "XYZ 10:00-11:00"}},
               845);
  const auto errors = diagnostics_of(env.app);
  CHECK(contains(errors, "job_lock.wait_seconds (840) does not fit in the function's timeout (845 s)"));
  CHECK(contains(errors, "raise timeout to at least 850"));
  CHECK(contains(errors, "job_lock.poll_seconds must be at least 1"));
  CHECK_FALSE(contains(errors, "maintenance window \"WED 17:00-19:00\""));
  for (const auto* bad : {"\"Wed 17:00-19:00\"", "\"WED 19:00-17:00\"", "\"WED 7:00-9:00\"", "\"XYZ 10:00-11:00\""})
    CHECK(contains(errors, std::string("maintenance window ") + bad));
}
