// A Lambda function that launches an EMR cluster model for each piece of work: the handler gets the
// cluster's RunJobFlow parameters rendered from the typed model (never a hand-copied definition),
// the steps to run with "{database}", "{date}" and "{input_path}" left for it to fill in, and the
// run-log table it records each run in; its role gets exactly what that takes.
//
// The handler's contract (templates/lambda/launcher is one that honours it), by environment:
//   CLUSTER_DEFINITION  RunJobFlow parameters as JSON text (Cluster::run_job_flow_json)
//   STEPS               the steps as JSON text in EMR's API shape (steps_json)
//   RUN_LOG_TABLE       a table keyed by Correlation_Id and DataProduct
//   REQUIRED_SECRETS    comma-separated secret ARNs that must have a value before a launch
//   JOB_STATUS_TABLE, JOB_NAME   one cluster at a time: the job's item (keyed by JobName) is claimed
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

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

// One cluster at a time for a job: the launcher claims the job's item in `table` (partition key
// JobName) unless a cluster is starting or running it; whoever sees the cluster end releases it.
struct JobLock {
  const dynamodb::Table* table = nullptr;
  std::string job_name;
};

class ClusterLauncher : public lambda::Function {
 public:
  struct Props {
    const Cluster* cluster = nullptr;           // required; normally launch = Launch::ByWorkflows
    lambda::Code code;                          // required: a handler honouring the contract above
    std::vector<Step> steps;                    // required: what each launch runs
    const dynamodb::Table* run_log = nullptr;   // required: keyed by Correlation_Id and DataProduct
    std::vector<const secretsmanager::Secret*> required_secrets;  // readable by the function
    std::optional<JobLock> job_lock;
    std::string description;
    lambda::Runtime runtime = lambda::Runtime::Python312;
    std::string handler = "index.handler";
    int memory_size = 128;
    int timeout = 60;                           // seconds
    std::map<std::string, Str> environment;     // more variables, for a handler of one's own
    logs::Retention log_retention = logs::Retention::OneYear;
  };

  ClusterLauncher(const Scope& scope, Props props);
  const Props& launcher_props() const { return launcher_props_; }
  void validate(Diagnostics& out) const override;

 private:
  Props launcher_props_;
};

}  // namespace drdb::aws::emr
