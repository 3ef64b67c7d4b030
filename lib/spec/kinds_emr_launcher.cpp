// emr.ClusterLauncher in specs: a function launching an emr.Cluster model with its steps, recording
// runs; it takes a function's actions (event sources, invoke grants) and stands for its role.
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/emr/cluster_launcher.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"
#include "spec/emr_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"
#include "spec/lambda_codecs.hpp"
#include "spec/logs_codecs.hpp"

namespace drdb::spec {

using aws::emr::ClusterLauncher;
using aws::emr::JobLock;

template <>
struct Fields<JobLock> {
  static constexpr std::string_view name = "job lock";
  static const FieldList<JobLock>& get() {
    static const FieldList<JobLock> list{
        field("table", &JobLock::table, "a dynamodb.Table with partition key JobName", required),
        field("job_name", &JobLock::job_name, "the job's item in the table", required),
        field("wait_seconds", &JobLock::wait_seconds, "while the job runs, how long a launch waits for it (within the timeout); 0 by default"),
        field("poll_seconds", &JobLock::poll_seconds, "how often a waiting launch re-checks; 60 by default"),
        field("maintenance_windows", &JobLock::maintenance_windows, "when nothing is launched: \"DAY HH:MM-HH:MM\" in UTC, e.g. \"WED 17:00-19:00\"")};
    return list;
  }
};

template <>
struct Fields<ClusterLauncher::Props> {
  static constexpr std::string_view name = "emr.ClusterLauncher";
  static const FieldList<ClusterLauncher::Props>& get() {
    using P = ClusterLauncher::Props;
    static const FieldList<P> list{
        field("cluster", &P::cluster, "the emr.Cluster model launched (launch: by_workflows)", required),
        field("code", &P::code, "the handler: {asset: <dir>} (e.g. templates/lambda/launcher), {inline: ...} or {s3: ...}",
              required),
        field("steps", &P::steps, "what each launch runs; {database}, {date} and {input_path} are filled in per run", required),
        field("initial_steps", &P::initial_steps, "run first when the launch asks for \"INITIAL_LOAD\": true (an initial load)"),
        field("run_log", &P::run_log, "a dynamodb.Table keyed by Correlation_Id and DataProduct", required),
        field("required_secrets", &P::required_secrets, "secretsmanager.Secrets that must have a value before a launch"),
        field("job_lock", &P::job_lock, "one cluster at a time: {table, job_name, wait_seconds, poll_seconds, maintenance_windows}"),
        field("data_product", &P::data_product, "every run's DataProduct; without it, the partition's database"),
        field("run_columns", &P::run_columns, "fixed columns written on every run: {name: value}"),
        field("run_retention_days", &P::run_retention_days, "runs expire (TimeToExist: the run log's TTL attribute)"),
        field("max_relaunches", &P::max_relaunches, "relaunches of a run after its cluster failed; no cap without it"),
        field("operator_stop", &P::operator_stop, "the stop action terminates the model's active clusters (ListClusters)"),
        field("description", &P::description, ""),
        field("runtime", &P::runtime, "default python3.12"),
        field("handler", &P::handler, "default index.handler"),
        field("memory_size", &P::memory_size, "MB, 128-10240 (default 128)"),
        field("timeout", &P::timeout, "seconds, 1-900 (default 60)"),
        field("environment", &P::environment, "more variables for a handler of one's own"),
        field("log_retention", &P::log_retention, "of the function's log group; one_year by default"),
        field("log_group_name", &P::log_group_name, "the log group's name; default generated")};
    return list;
  }
};

Kind emr_cluster_launcher_kind() {
  return make_kind<ClusterLauncher, FunctionActions>(
      "a Lambda function launching an emr.Cluster model with RunJobFlow for each piece of work, recording each run",
      function_attributes<ClusterLauncher>(), [](ClusterLauncher& launcher, const FunctionActions& a) { apply_function_actions(launcher, a); });
}

}  // namespace drdb::spec
