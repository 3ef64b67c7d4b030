// ClusterLauncher: the function's environment is the handler's contract, rendered from the models;
// its role gets launching the cluster, the run log, the job lock and the secrets it waits for.
#include "drdb/aws/emr/cluster_launcher.hpp"

#include <algorithm>
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
constexpr std::array<std::string_view, 9> contract_variables{"CLUSTER_DEFINITION", "STEPS",          "INITIAL_STEPS",
                                                             "RUN_LOG_TABLE",      "DATA_PRODUCT",   "RUN_COLUMNS",
                                                             "RUN_TTL_DAYS",       "MAX_RELAUNCHES", "REQUIRED_SECRETS"};

// The run table's columns the handler writes itself (runs.py); run_columns may not name them.
constexpr std::array<std::string_view, 14> run_table_columns{"Correlation_Id", "DataProduct", "Run_Id",      "Date",
                                                             "InputPath",      "Steps",       "StartStep",   "Cluster_Id",
                                                             "Status",         "CurrentStep", "FailedStep",  "Relaunches",
                                                             "TimeToExist",    "Reason"};

constexpr std::string_view ttl_column = "TimeToExist";

Str run_columns_json(const std::map<std::string, Str>& columns) {
  Object object;
  for (const auto& [name, value] : columns) object.emplace(name, value.value());
  return Str::of(json_string(Value(std::move(object))));
}

std::map<std::string, Str> contract_environment(const ClusterLauncher::Props& p) {
  std::map<std::string, Str> env = p.environment;
  if (p.cluster != nullptr) env.insert_or_assign("CLUSTER_DEFINITION", p.cluster->run_job_flow_json());
  if (!p.steps.empty()) env.insert_or_assign("STEPS", steps_json(p.steps));
  if (!p.initial_steps.empty()) env.insert_or_assign("INITIAL_STEPS", steps_json(p.initial_steps));
  if (p.run_log != nullptr) env.insert_or_assign("RUN_LOG_TABLE", p.run_log->table_name());
  if (!p.data_product.empty()) env.insert_or_assign("DATA_PRODUCT", Str(p.data_product));
  if (!p.run_columns.empty()) env.insert_or_assign("RUN_COLUMNS", run_columns_json(p.run_columns));
  if (p.run_retention_days) env.insert_or_assign("RUN_TTL_DAYS", Str(std::to_string(*p.run_retention_days)));
  if (p.max_relaunches) env.insert_or_assign("MAX_RELAUNCHES", Str(std::to_string(*p.max_relaunches)));
  std::optional<Str> secrets;
  for (const auto* secret : p.required_secrets) {
    if (secret == nullptr) continue;
    secrets = secrets ? *secrets + "," + secret->secret_arn() : secret->secret_arn();
  }
  if (secrets) env.insert_or_assign("REQUIRED_SECRETS", *secrets);
  if (p.job_lock) add_job_lock_environment(*p.job_lock, env);
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
          .log_retention = p.log_retention,
          .log_group_name = p.log_group_name};
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

void check_run_table_props(Diagnostics& out, const std::string& path, const ClusterLauncher::Props& p) {
  if (p.run_log != nullptr && p.run_retention_days && p.run_log->props().time_to_live_attribute != ttl_column)
    out.error(path, "runs expire (run_retention_days) but the run log " + p.run_log->path() + " has no TTL attribute " + std::string(ttl_column),
              "set the table's time_to_live_attribute to " + std::string(ttl_column) + ", or drop run_retention_days");
  if (p.run_retention_days && (*p.run_retention_days < 1 || *p.run_retention_days > 3650))
    out.error(path, "run_retention_days is " + std::to_string(*p.run_retention_days), "give 1 to 3650 days");
  if (p.max_relaunches && (*p.max_relaunches < 0 || *p.max_relaunches > 10))
    out.error(path, "max_relaunches is " + std::to_string(*p.max_relaunches), "give 0 to 10 relaunches of a failed run");
  for (const auto& column : p.run_columns)
    if (std::find(run_table_columns.begin(), run_table_columns.end(), column.first) != run_table_columns.end())
      out.error(path, "run column " + column.first + " is written by the launcher itself",
                "name the fixed column otherwise (docs/ARCHITECTURE.md, \"The run table\", lists the launcher's columns)");
}

}  // namespace

ClusterLauncher::ClusterLauncher(const Scope& scope, Props props) : Function(scope, function_props(props)), launcher_props_(std::move(props)) {
  const auto& p = launcher_props_;
  if (p.cluster != nullptr) p.cluster->grant_launch(role());
  if (p.run_log != nullptr) p.run_log->grant_read_write_data(role());
  if (p.job_lock && p.job_lock->table != nullptr) p.job_lock->table->grant_read_write_data(role());
  for (const auto* secret : p.required_secrets)
    if (secret != nullptr) secret->grant_read(role());
  // ListClusters has no resource-level permission; the clusters it finds are described and
  // terminated only when tagged as the model's (the launch grant).
  if (p.operator_stop) role().add_to_policy({.actions = {"elasticmapreduce:ListClusters"}, .resources = {Str("*")}});
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
  check_run_table_props(out, path(), p);
  if (p.job_lock) {
    if (p.job_lock->table == nullptr) {
      out.error(path(), "the job lock has no table", "set job_lock.table to a dynamodb::Table with partition key JobName");
    } else {
      check_key(out, path(), *p.job_lock->table, "the job lock", "JobName", std::nullopt);
    }
    if (p.job_lock->job_name.empty()) out.error(path(), "the job lock has no job name", "set job_lock.job_name");
    validate_job_lock(*p.job_lock, p.timeout, path(), out);
  }
  for (const auto* secret : p.required_secrets)
    if (secret == nullptr) out.error(path(), "a required secret is null", "give each secret the function waits for");
  for (const auto& variable : p.environment) {
    const std::string& name = variable.first;
    const auto among = [&name](const auto& names) { return std::find(names.begin(), names.end(), name) != names.end(); };
    if (among(contract_variables) || among(job_lock_variables))
      out.error(path(), "environment variable " + name + " is set by the launcher from its props",
                "remove it from environment; set the matching prop instead");
  }
  if (p.cluster != nullptr && p.cluster->launched_with_stack())
    out.warning(path(), "the stack launches " + p.cluster->path() + " too: each launch starts another cluster of the same name",
                "set the cluster's launch = Launch::ByWorkflows");
}

}  // namespace drdb::aws::emr
