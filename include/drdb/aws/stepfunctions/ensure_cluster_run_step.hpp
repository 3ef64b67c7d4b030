// "Ensure a cluster, run a step": the workflow at the heart of an EMR data pipeline, as one construct.
//
// Each execution:
//  1. records the run in the run-log table (below);
//  2. lists the account's EMR clusters that are STARTING, BOOTSTRAPPING, RUNNING or WAITING, every
//     page (50 clusters each) through ListClusters' Marker, keeping those named like the model;
//  3. decides once every page is read: if any is WAITING, the first is used and every other WAITING
//     one, on any page, is terminated; else a RUNNING one is used (the step queues behind its
//     current one); else if one is STARTING or BOOTSTRAPPING, waits `poll_seconds` and lists again;
//     else creates the cluster from the typed model (createCluster.sync);
//  4. records the decision and RUNNING, adds the step and waits for it (addStep.sync);
//  5. records SUCCEEDED; any failure on the way records FAILED with the error, then fails.
//
// The run log: one item per run, keyed by the execution's name. Attribute names are
// RunLogAttributes' (defaults shown):
//   Correlation_Id  S  the execution's name                         written when the run starts
//   DataProduct     S  Props::data_product                          at start
//   Date            S  the input's "date", else the start time      at start
//   RunId           S  the execution's ARN                          at start
//   TimeToExist     N  epoch seconds the record expires at (TTL)    at start, with record_retention_days
//   Status          S  STARTED, RUNNING, SUCCEEDED or FAILED        at start, then at each change
//   CurrentStep     S  EnsureCluster, then the step's name          at start, then with RUNNING
//   Waits           N  how many times the run waited for a starting cluster
//   ClusterId       S  the cluster the step runs on                 with RUNNING
//   ClusterDecision S  REUSED_WAITING, REUSED_RUNNING or CREATED    with RUNNING
//   TerminatedClusters L (of S) the extra WAITING clusters terminated   with RUNNING
//   Events          L  every decision in order, each a map {Event: WAITED | REUSED_WAITING |
//                      REUSED_RUNNING | CREATED, At: when (ISO 8601), Clusters: L of S} (the
//                      clusters waited for, or the one used)
//   Error           S  the failure's cause                          with FAILED
//   ErrorCode       S  the failure's error name (States.TaskFailed...)   with FAILED
//
// The step's arguments may name the object the run is for (object_key() and friends below), read
// from the run's input at run time.
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
  std::string error = "Error";  // the cause
  std::string error_code = "ErrorCode";
  std::string waits = "Waits";
  std::string decision = "ClusterDecision";
  std::string terminated = "TerminatedClusters";
  std::string events = "Events";
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

  // ---- the object a run is for, for the step's arguments -----------------------------------------
  // Read at run time from the run's input, {"object": {"bucket": ..., "key": ...}}, which
  // run_on_upload's rule gives and a caller of StartExecution gives the same way:
  //   .args = {EnsureClusterRunStep::object_uri(), ...}
  static Str object_bucket();
  static Str object_key();
  static Str object_uri();  // s3://<bucket>/<key>

  // ---- triggers: EventBridge rules starting a run (children of the construct) -------------------
  // A run for each object created in `bucket` under any of `key_prefixes` (S3's EventBridge
  // notifications are turned on). The run's input names the object:
  //   {"trigger": "upload", "object": {"bucket": ..., "key": ...}, "event_time": ...}
  events::Rule& run_on_upload(s3::Bucket& bucket, std::vector<std::string> key_prefixes, std::string id = "OnUpload");
  // A run on `schedule` (cron or rate); the run's input is {"trigger": "schedule"}, so the step may
  // not name the run's object.
  events::Rule& run_on_schedule(events::Schedule schedule, std::string id = "OnSchedule");

  void validate(Diagnostics& out) const override;

 private:
  Graph build_graph() const;
  Props props_;
  StateMachine* machine_ = nullptr;
  bool scheduled_ = false;
};

}  // namespace drdb::aws::stepfunctions
