// ClusterLauncher: the function's environment is the handler's contract, rendered from the models;
// its role gets launching the cluster, the run log, the job lock and the secrets it waits for.
#include "drdb/aws/emr/cluster_launcher.hpp"

#include <array>
#include <string_view>

#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::emr {

namespace {

// The variables the launcher sets itself; the user's environment may not override them.
constexpr std::array<std::string_view, 6> contract_variables{"CLUSTER_DEFINITION", "STEPS",           "RUN_LOG_TABLE",
                                                             "REQUIRED_SECRETS",   "JOB_STATUS_TABLE", "JOB_NAME"};

std::map<std::string, Str> contract_environment(const ClusterLauncher::Props& p) {
  std::map<std::string, Str> env = p.environment;
  if (p.cluster != nullptr) env.insert_or_assign("CLUSTER_DEFINITION", p.cluster->run_job_flow_json());
  if (!p.steps.empty()) env.insert_or_assign("STEPS", steps_json(p.steps));
  if (p.run_log != nullptr) env.insert_or_assign("RUN_LOG_TABLE", p.run_log->table_name());
  std::optional<Str> secrets;
  for (const auto* secret : p.required_secrets) {
    if (secret == nullptr) continue;
    secrets = secrets ? *secrets + "," + secret->secret_arn() : secret->secret_arn();
  }
  if (secrets) env.insert_or_assign("REQUIRED_SECRETS", *secrets);
  if (p.job_lock && p.job_lock->table != nullptr) {
    env.insert_or_assign("JOB_STATUS_TABLE", p.job_lock->table->table_name());
    env.insert_or_assign("JOB_NAME", Str(p.job_lock->job_name));
  }
  return env;
}

lambda::Function::Props function_props(const ClusterLauncher::Props& p) {
  return {.runtime = p.runtime,
          .handler = p.handler,
          .code = p.code,
          .description = p.description,
          .memory_size = p.memory_size,
          .timeout = p.timeout,
          .environment = contract_environment(p),
          .log_retention = p.log_retention};
}

void check_key(Diagnostics& out, const std::string& path, const dynamodb::Table& table, std::string_view what,
               std::string_view partition, std::optional<std::string_view> sort) {
  const auto& keys = table.props();
  const std::string actual_sort = keys.sort_key ? keys.sort_key->name : "";
  if (keys.partition_key.name == partition && (!sort || actual_sort == *sort)) return;
  std::string wanted = "partition key " + std::string(partition);
  if (sort) wanted += " and sort key " + std::string(*sort);
  out.error(path, std::string(what) + " " + table.path() + " must have " + wanted + " (the handler's contract)",
            "key the table that way, or use a table made for " + std::string(what));
}

}  // namespace

ClusterLauncher::ClusterLauncher(const Scope& scope, Props props) : Function(scope, function_props(props)), launcher_props_(std::move(props)) {
  const auto& p = launcher_props_;
  if (p.cluster != nullptr) p.cluster->grant_launch(role());
  if (p.run_log != nullptr) p.run_log->grant_read_write_data(role());
  if (p.job_lock && p.job_lock->table != nullptr) p.job_lock->table->grant_read_write_data(role());
  for (const auto* secret : p.required_secrets)
    if (secret != nullptr) secret->grant_read(role());
}

void ClusterLauncher::validate(Diagnostics& out) const {
  Function::validate(out);
  const auto& p = launcher_props_;
  if (p.cluster == nullptr) out.error(path(), "no cluster to launch", "set cluster to the emr::Cluster model the function launches");
  if (p.steps.empty()) out.error(path(), "no steps: a launched cluster would run nothing", "give the steps each launch runs");
  if (p.run_log == nullptr) {
    out.error(path(), "no run log table", "set run_log to a dynamodb::Table keyed by Correlation_Id and DataProduct");
  } else {
    check_key(out, path(), *p.run_log, "the run log", "Correlation_Id", "DataProduct");
  }
  if (p.job_lock) {
    if (p.job_lock->table == nullptr) {
      out.error(path(), "the job lock has no table", "set job_lock.table to a dynamodb::Table with partition key JobName");
    } else {
      check_key(out, path(), *p.job_lock->table, "the job lock", "JobName", std::nullopt);
    }
    if (p.job_lock->job_name.empty()) out.error(path(), "the job lock has no job name", "set job_lock.job_name");
  }
  for (const auto* secret : p.required_secrets)
    if (secret == nullptr) out.error(path(), "a required secret is null", "give each secret the function waits for");
  for (const auto& [name, value] : p.environment) {
    for (const auto reserved : contract_variables)
      if (name == reserved)
        out.error(path(), "environment variable " + name + " is set by the launcher from its props",
                  "remove it from environment; set the matching prop instead");
  }
  if (p.cluster != nullptr && p.cluster->launched_with_stack())
    out.warning(path(), "the stack launches " + p.cluster->path() + " too: each launch starts another cluster of the same name",
                "set the cluster's launch = Launch::ByWorkflows");
}

}  // namespace drdb::aws::emr
