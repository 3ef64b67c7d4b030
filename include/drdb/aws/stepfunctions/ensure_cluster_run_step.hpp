// "Ensure a cluster, run a step": the workflow at the heart of an EMR data pipeline, as one construct.
//
// Each execution:
//  1. records the run in the run-log table (correlation id = the execution's name, data product,
//     date = the input's "date" or else the execution's start time, run id = the execution's id,
//     status STARTED, current step, and when the record expires: the table's TTL attribute);
//  2. lists the account's EMR clusters that are STARTING, BOOTSTRAPPING, RUNNING or WAITING, one page
//     (50 clusters) at a time through ListClusters' Marker, keeping those named like the model;
//  3. if one is WAITING it is used, and the other WAITING ones of that page are terminated; else a
//     RUNNING one is used (the step queues behind its current one); else if one is STARTING or
//     BOOTSTRAPPING, waits `poll_seconds` and lists again; if this page has none and there is
//     another page, lists it; if none anywhere, creates the cluster from the typed model
//     (createCluster.sync);
//  4. records RUNNING with the cluster id, adds the step and waits for it (addStep.sync);
//  5. records SUCCEEDED; any failure on the way records FAILED with the error, then fails.
//
// The state machine's role gets exactly what these calls need (tasks/*.hpp). Executions start from
// the triggers below (EventBridge rules, children of the construct), or from anything granted
// grant_start_execution.
#pragma once

#include <optional>
#include <string>

#include "drdb/aws/emr/step.hpp"
#include "drdb/aws/events/schedule.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "drdb/core/construct.hpp"

namespace drdb::aws::emr {
class Cluster;
}
namespace drdb::aws::dynamodb {
class Table;
}
namespace drdb::aws::events {
class Rule;
}
namespace drdb::aws::s3 {
class Bucket;
}

namespace drdb::aws::stepfunctions {

// The run-log attributes written for each run.
struct RunLogAttributes {
  std::string correlation_id = "Correlation_Id";  // the table's partition key
  std::string data_product = "DataProduct";
  std::string date = "Date";
  std::string run_id = "RunId";
  std::string status = "Status";
  std::string current_step = "CurrentStep";
  std::string cluster_id = "ClusterId";
  std::string error = "Error";
  std::string expires_at = "TimeToExist";  // epoch seconds: the table's time_to_live_attribute
};

class EnsureClusterRunStep : public Construct {
 public:
  struct Props {
    const emr::Cluster* cluster = nullptr;     // the model clusters are matched by name and created from
    emr::Step step;                            // the step to run (emr::Step::spark(...))
    const dynamodb::Table* run_log = nullptr;  // keyed by attributes.correlation_id (a string)
    std::string data_product;                  // recorded with each run
    RunLogAttributes attributes;
    // Each record expires this long after its run started (written to attributes.expires_at, which
    // must be the table's TTL attribute); none: records are kept until deleted.
    std::optional<int> record_retention_days = 90;
    int poll_seconds = 60;  // wait between checks while a cluster starts
    std::optional<int> timeout_seconds = 6 * 3600;
    std::optional<Logging> logging = Logging{};
  };
  EnsureClusterRunStep(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  // The state machine (child "StateMachine"); throws drdb::Error when the construct lacks its
  // cluster or run log (validation names what is missing).
  StateMachine& state_machine() const;
  Str state_machine_arn() const { return state_machine().state_machine_arn(); }
  void grant_start_execution(iam::Role& role) const { state_machine().grant_start_execution(role); }

  // ---- triggers: EventBridge rules starting a run (children of the construct) -------------------
  // A run for each object created in `bucket` under any of `key_prefixes` (S3's EventBridge
  // notifications are turned on). The run's input names the object:
  //   {"trigger": "upload", "object": {"bucket": ..., "key": ...}, "event_time": ...}
  events::Rule& run_on_upload(s3::Bucket& bucket, std::vector<std::string> key_prefixes, std::string id = "OnUpload");
  // A run on `schedule` (cron or rate); the run's input is {"trigger": "schedule"}.
  events::Rule& run_on_schedule(events::Schedule schedule, std::string id = "OnSchedule");

  void validate(Diagnostics& out) const override;

 private:
  Graph build_graph() const;
  Props props_;
  StateMachine* machine_ = nullptr;
};

}  // namespace drdb::aws::stepfunctions
