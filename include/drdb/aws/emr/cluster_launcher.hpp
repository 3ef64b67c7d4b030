// A Lambda function that launches an EMR cluster model for each piece of work: the handler gets the
// cluster's RunJobFlow parameters rendered from the typed model (never a hand-copied definition),
// the steps to run with "{database}", "{date}" and "{input_path}" left for it to fill in, and the
// run-log table it records each run in; its role gets exactly what that takes.
//
// The handler's contract (templates/lambda/launcher is one that honours it), by environment:
//   CLUSTER_DEFINITION  RunJobFlow parameters as JSON text (Cluster::run_job_flow_json)
//   STEPS               the steps as JSON text in EMR's API shape (steps_json)
//   INITIAL_STEPS       steps run before them when the request says "INITIAL_LOAD": true
//   RUN_LOG_TABLE       a table keyed by Correlation_Id and DataProduct, one item per run; its columns
//                       are a fixed schema (docs/ARCHITECTURE.md, "The run table")
//   DATA_PRODUCT        every run's DataProduct (without it, the partition's database)
//   RUN_COLUMNS         fixed columns written on every run, as a JSON object
//   RUN_TTL_DAYS        each run's TimeToExist: epoch seconds that many days after its launch
//   MAX_RELAUNCHES      how many times the relauncher may relaunch a run
//   REQUIRED_SECRETS    comma-separated secret ARNs that must have a value before a launch
//   JOB_STATUS_TABLE, JOB_NAME   one cluster at a time: the job's item (keyed by JobName) is claimed
//   JOB_WAIT_SECONDS, JOB_POLL_SECONDS, MAINTENANCE_WINDOWS   how the claim waits, and when it is refused
//                       (job_lock.hpp)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/emr/job_lock.hpp"
#include "drdb/aws/emr/step.hpp"
#include "drdb/aws/lambda/function.hpp"

namespace drdb::aws::dynamodb {
class Table;
}
namespace drdb::aws::secretsmanager {
class Secret;
}

namespace drdb::aws::emr {

class Cluster;

class ClusterLauncher : public lambda::Function {
 public:
  struct Props {
    const Cluster* cluster = nullptr;           // required; normally launch = Launch::ByWorkflows
    lambda::Code code;                          // required: a handler honouring the contract above
    std::vector<Step> steps;                    // required: what each launch runs
    std::vector<Step> initial_steps;            // run first when the launch asks for "INITIAL_LOAD"
    const dynamodb::Table* run_log = nullptr;   // required: keyed by Correlation_Id and DataProduct
    std::vector<const secretsmanager::Secret*> required_secrets;  // readable by the function
    std::optional<JobLock> job_lock;
    std::string data_product;                   // every run's DataProduct; empty: the partition's database
    std::map<std::string, Str> run_columns;     // fixed columns of every run, e.g. {"Snapshot_Type", "full"}
    std::optional<int> run_retention_days;      // runs expire (TimeToExist, the run log's TTL attribute)
    std::optional<int> max_relaunches;          // relaunches of a run after cluster failures; none: no cap
    bool operator_stop = false;                 // {"action": "stop"} terminates the model's active clusters
    std::string description;
    lambda::Runtime runtime = lambda::Runtime::Python312;
    std::string handler = "index.handler";
    int memory_size = 128;
    int timeout = 60;                           // seconds
    std::map<std::string, Str> environment;     // more variables, for a handler of one's own
    logs::Retention log_retention = logs::Retention::OneYear;
    std::string log_group_name;                 // see lambda::Function::Props::log_group_name
  };

  ClusterLauncher(const Scope& scope, Props props);
  const Props& launcher_props() const { return launcher_props_; }
  void validate(Diagnostics& out) const override;

 private:
  Props launcher_props_;
};

}  // namespace drdb::aws::emr
