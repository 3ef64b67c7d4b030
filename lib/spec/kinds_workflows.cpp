// stepfunctions.EnsureClusterRunStep and stepfunctions.ClusterLifecycle in specs: the workflows
// built on an emr.Cluster model, with their triggers and schedules (events_codecs.hpp).
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/aws/stepfunctions/cluster_lifecycle.hpp"
#include "drdb/aws/stepfunctions/ensure_cluster_run_step.hpp"
#include "spec/emr_codecs.hpp"
#include "spec/events_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"
#include "spec/role_grants.hpp"
#include "spec/sfn_codecs.hpp"

namespace drdb::spec {

using aws::stepfunctions::ClusterLifecycle;
using aws::stepfunctions::EnsureClusterRunStep;
using aws::stepfunctions::RunLogAttributes;

template <>
struct Fields<RunLogAttributes> {
  static constexpr std::string_view name = "run-log attributes";
  static const FieldList<RunLogAttributes>& get() {
    using A = RunLogAttributes;
    static const FieldList<A> list{field("correlation_id", &A::correlation_id, "the table's partition key (default Correlation_Id)"),
                                   field("data_product", &A::data_product, "default DataProduct"),
                                   field("date", &A::date, "default Date"),
                                   field("run_id", &A::run_id, "default RunId"),
                                   field("status", &A::status, "default Status"),
                                   field("current_step", &A::current_step, "default CurrentStep"),
                                   field("cluster_id", &A::cluster_id, "default ClusterId"),
                                   field("error", &A::error, "the failure's cause (default Error)"),
                                   field("error_code", &A::error_code, "the failure's error name (default ErrorCode)"),
                                   field("waits", &A::waits, "how many times the run waited for a cluster (default Waits)"),
                                   field("decision", &A::decision, "REUSED_WAITING, REUSED_RUNNING or CREATED (default ClusterDecision)"),
                                   field("terminated", &A::terminated, "the extra clusters terminated (default TerminatedClusters)"),
                                   field("events", &A::events, "every decision, in order (default Events)"),
                                   field("expires_at", &A::expires_at, "the table's time_to_live_attribute (default TimeToExist)")};
    return list;
  }
};

template <>
struct Fields<EnsureClusterRunStep::Props> {
  static constexpr std::string_view name = "stepfunctions.EnsureClusterRunStep";
  static const FieldList<EnsureClusterRunStep::Props>& get() {
    using P = EnsureClusterRunStep::Props;
    static const FieldList<P> list{
        field("cluster", &P::cluster, "the emr.Cluster model clusters are matched by name and created from", required),
        field("step", &P::step, "the step each run adds", required),
        field("run_log", &P::run_log, "a dynamodb.Table keyed by attributes.correlation_id (a string)", required),
        field("data_product", &P::data_product, "recorded with each run"),
        field("attributes", &P::attributes, "the run-log attribute names"),
        field_or_none("record_retention_days", &P::record_retention_days, "each record expires this long after its run (default 90)"),
        field("poll_seconds", &P::poll_seconds, "wait between checks while a cluster starts (default 60)"),
        field_or_none("timeout_seconds", &P::timeout_seconds, "of a whole run (default 21600)"),
        field_or_none("logging", &P::logging, "the state machine's logs ({} for the defaults)")};
    return list;
  }
};

template <>
struct GrantNames<EnsureClusterRunStep> {
  static constexpr std::pair<std::string_view, GrantMethod<EnsureClusterRunStep>> values[] = {
      {"start_execution", &EnsureClusterRunStep::grant_start_execution}};
};

namespace {

struct UploadTrigger {
  aws::s3::Bucket* bucket = nullptr;
  std::vector<std::string> prefixes;
};

struct RunStepActions {
  std::optional<UploadTrigger> run_on_upload;
  std::optional<aws::events::Schedule> run_on_schedule;
  std::vector<RoleGrant<EnsureClusterRunStep>> grants;
};

}  // namespace

template <>
struct Fields<UploadTrigger> {
  static constexpr std::string_view name = "upload trigger";
  static const FieldList<UploadTrigger>& get() {
    static const FieldList<UploadTrigger> list{
        field("bucket", &UploadTrigger::bucket, "the s3.Bucket; its EventBridge notifications are turned on", required),
        field("prefixes", &UploadTrigger::prefixes, "object key prefixes, e.g. sales/")};
    return list;
  }
};

template <>
struct Fields<RunStepActions> {
  static constexpr std::string_view name = "stepfunctions.EnsureClusterRunStep";
  static const FieldList<RunStepActions>& get() {
    static const FieldList<RunStepActions> list{
        field("run_on_upload", &RunStepActions::run_on_upload, "a run for each object created under the prefixes (rule OnUpload)"),
        field("run_on_schedule", &RunStepActions::run_on_schedule, "a run on a schedule (rule OnSchedule)"),
        field("grants", &RunStepActions::grants, "roles that may start runs")};
    return list;
  }
};

template <>
struct Fields<ClusterLifecycle::Props> {
  static constexpr std::string_view name = "stepfunctions.ClusterLifecycle";
  static const FieldList<ClusterLifecycle::Props>& get() {
    using P = ClusterLifecycle::Props;
    static const FieldList<P> list{
        field("cluster", &P::cluster, "the emr.Cluster model clusters are matched by name and launched from", required),
        field("start", &P::start, "launch a cluster, e.g. {cron: {hours: \"6\", day_of_week: MON-FRI}} (UTC)"),
        field("stop", &P::stop, "terminate the clusters"),
        field("recycle", &P::recycle, "terminate them and launch a fresh one"),
        field_or_none("logging", &P::logging, "the state machine's logs ({} for the defaults)")};
    return list;
  }
};

std::vector<Kind> stepfunctions_kinds() {
  return {make_kind<EnsureClusterRunStep, RunStepActions>(
              "a workflow that ensures an EMR cluster (reusing a running one) and runs a step, with a run log",
              {{"state_machine_arn", [](const EnsureClusterRunStep& w) { return w.state_machine_arn(); }},
               {"state_machine_name", [](const EnsureClusterRunStep& w) { return w.state_machine().state_machine_name(); }}},
              [](EnsureClusterRunStep& workflow, const RunStepActions& a) {
                if (a.run_on_upload) workflow.run_on_upload(*a.run_on_upload->bucket, a.run_on_upload->prefixes);
                if (a.run_on_schedule) workflow.run_on_schedule(*a.run_on_schedule);
                grant_all(workflow, a.grants);
              }),
          make_kind<ClusterLifecycle>(
              "scheduled start, stop and recycling of the EMR clusters launched from an emr.Cluster model",
              {{"state_machine_arn", [](const ClusterLifecycle& l) { return l.state_machine().state_machine_arn(); }},
               {"state_machine_name", [](const ClusterLifecycle& l) { return l.state_machine().state_machine_name(); }}}),
          state_machine_kind()};
}

}  // namespace drdb::spec
