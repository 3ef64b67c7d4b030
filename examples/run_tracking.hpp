// What keeps a launcher's runs current and relaunches the failed ones: a tracker function on the
// cluster's step and state changes, and a relauncher on the cluster's failure as EMR reports it
// (TERMINATED_WITH_ERRORS, or TERMINATED when a CANCEL_AND_WAIT step failed and the cluster ended
// with no step left: its stateChangeReason's code is then STEP_FAILURE). Both find the runs of a
// cluster through `index` of the run table, keyed by Cluster_Id.
#pragma once

#include <drdb/drdb.hpp>

#include <string>

#include "handler_code.hpp"

namespace drdb::examples {

// stateChangeReason is JSON text in the event, which EventBridge matches as a string: a wildcard
// finds the code in it (the relauncher then parses it and checks the code exactly).
inline aws::events::EventPattern cluster_failed(const std::string& cluster_name) {
  const auto list = [](Value v) { return Value::list({std::move(v)}); };
  return aws::events::EventPattern::of(Value::object(
      {{"source", list("aws.emr")},
       {"detail-type", list("EMR Cluster State Change")},
       {"detail", Value::object({{"name", list(cluster_name)},
                                 {"$or", Value::list({Value::object({{"state", list("TERMINATED_WITH_ERRORS")}}),
                                                      Value::object({{"state", list("TERMINATED")},
                                                                     {"stateChangeReason",
                                                                      list(Value::object({{"wildcard", "*STEP_FAILURE*"}}))}})})}})}}));
}

struct RunTracking {
  aws::lambda::Function& tracker;
  aws::lambda::Function& relauncher;
};

inline RunTracking track_and_relaunch(Stack& stack, aws::dynamodb::Table& runs, aws::emr::ClusterLauncher& launcher,
                               const aws::emr::Cluster& cluster, const std::string& index) {
  using namespace aws::events;
  auto& tracker = stack.add<aws::lambda::Function>(
      "RunTracker", {.runtime = aws::lambda::Runtime::Python312,
                     .handler = "index.handler",
                     .code = handler_code("run_tracker"),
                     .description = "keeps each run's status and steps current as its cluster runs",
                     .environment = {{"RUN_LOG_TABLE", runs.table_name()}, {"RUN_LOG_CLUSTER_INDEX", Str(index)}}});
  runs.grant_read_write_data(tracker.role());
  // Step events do not name their cluster: every step's start and failure reaches the tracker,
  // which changes only the runs of its table's clusters.
  stack.add<Rule>("StepChanged", {.description = "a step started or failed",
                                  .event_pattern = EventPattern::emr_step_status_change({.states = {StepState::Running, StepState::Failed}})})
      .add_lambda_target(tracker);
  stack.add<Rule>("ClusterEnded", {.description = "a cluster of the model ended",
                                   .event_pattern = EventPattern::emr_cluster_state_change(
                                       {.states = {ClusterState::Terminated, ClusterState::TerminatedWithErrors},
                                        .cluster_names = {cluster.cluster_name()}})})
      .add_lambda_target(tracker);

  auto& relauncher = stack.add<aws::lambda::Function>(
      "Relauncher", {.runtime = aws::lambda::Runtime::Python312,
                     .handler = "index.handler",
                     .code = handler_code("relauncher"),
                     .description = "relaunches the runs of a failed cluster from their failed step",
                     .timeout = 120,
                     .environment = {{"RUN_LOG_TABLE", runs.table_name()},
                                     {"RUN_LOG_CLUSTER_INDEX", Str(index)},
                                     {"LAUNCHER_FUNCTION", launcher.function_name()}}});
  runs.grant_read_write_data(relauncher.role());
  launcher.grant_invoke(relauncher.role());
  // Which steps completed on the failed cluster: only on clusters tagged as this stack's.
  relauncher.role().add_to_policy(
      {.actions = {"elasticmapreduce:ListSteps"},
       .resources = {pseudo::arn("elasticmapreduce", "cluster/*")},
       .conditions = {{"StringEquals", {{"elasticmapreduce:ResourceTag/drdb:stack", {Str(stack.name())}}}}}});
  stack.add<Rule>("ClusterFailed", {.description = "a cluster of the model failed", .event_pattern = cluster_failed(cluster.cluster_name())})
      .add_lambda_target(relauncher);
  return {tracker, relauncher};
}

}  // namespace drdb::examples
