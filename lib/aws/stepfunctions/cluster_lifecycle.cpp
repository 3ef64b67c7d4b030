#include "drdb/aws/stepfunctions/cluster_lifecycle.hpp"

#include "aws/stepfunctions/cluster_search.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/events/rule.hpp"
#include "drdb/aws/stepfunctions/tasks/emr.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/error.hpp"

namespace drdb::aws::stepfunctions {

ClusterLifecycle::ClusterLifecycle(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {
  if (props_.cluster == nullptr) return;  // reported by validate
  machine_ = &add<StateMachine>("StateMachine", {.definition = build_graph(),
                                                 .comment = "start, stop or recycle the EMR clusters named " + props_.cluster->cluster_name(),
                                                 .timeout_seconds = 3600,
                                                 .logging = props_.logging});
  add_schedule("StartSchedule", props_.start, "start");
  add_schedule("StopSchedule", props_.stop, "stop");
  add_schedule("RecycleSchedule", props_.recycle, "recycle");
}

StateMachine& ClusterLifecycle::state_machine() const {
  if (machine_ == nullptr) throw Error(ErrorKind::Usage, path() + ": the cluster lifecycle has no state machine (it needs a cluster model)");
  return *machine_;
}

void ClusterLifecycle::add_schedule(std::string id, const std::optional<events::Schedule>& schedule, const std::string& action) {
  if (!schedule) return;
  auto& rule = add<events::Rule>(std::move(id), {.description = action + " the EMR clusters named " + props_.cluster->cluster_name(),
                                                 .schedule = *schedule});
  rule.add_state_machine_target(*machine_, {.id = "Lifecycle", .input = events::TargetInput::json(Value::object({{"action", action}}))});
}

Graph ClusterLifecycle::build_graph() const {
  const auto& model = *props_.cluster;
  const auto name = model.cluster_name();
  Graph g;

  auto& action = g.choice("Action");
  auto& unknown = g.fail("UnknownAction", {.error = "UnknownAction", .cause = "the input's action is not start, stop or recycle"});

  // Stop: terminate every cluster of the model, once every page is read.
  auto& stop_list = g.task("ListClustersToStop", tasks::emr_list_clusters(), {.result_path = "$.page"});
  auto& stop_next = g.task("ListNextClustersToStop", tasks::emr_list_clusters({.marker_path = "$.page.Marker"}), {.result_path = "$.page"});
  auto& stop_collect = g.pass("ClustersToStop", {.jsonata_output = detail::collect_clusters_named(name)});
  auto& stop_more = g.choice("MoreClustersToStop");
  auto& terminate = g.map("TerminateClusters", {.items_path = "$.found",
                                                .item_selector = Payload{{"ClusterId", Field::path("$$.Map.Item.Value.Id")}},
                                                .result_path = ReferencePath::discard()});
  auto& then_start = g.choice("StartAgain");
  auto& stopped = g.succeed("Stopped");
  const auto this_cluster = tasks::ClusterId::from_path("$.ClusterId");
  auto& each = terminate.processor();  // its first state starts it
  if (model.props().termination_protection)
    each.task("LiftTerminationProtection", tasks::on_clusters_of(model, tasks::emr_set_termination_protection(this_cluster, false)))
        .next(each.task("TerminateCluster", tasks::on_clusters_of(model, tasks::emr_terminate_cluster(this_cluster))));
  else
    each.task("TerminateCluster", tasks::on_clusters_of(model, tasks::emr_terminate_cluster(this_cluster)));

  // Start: launch one unless the model already has a cluster up or on its way.
  auto& start_list = g.task("ListClusters", tasks::emr_list_clusters(), {.result_path = "$.page"});
  auto& start_next = g.task("ListNextClusters", tasks::emr_list_clusters({.marker_path = "$.page.Marker"}), {.result_path = "$.page"});
  auto& start_filter = g.pass("RunningClusters", {.parameters = Payload{{"named", Field::path(detail::clusters_named("$.page", name))}},
                                                  .result_path = "$.found"});
  auto& start_decide = g.choice("AnyRunning");
  auto& already = g.succeed("AlreadyRunning");
  auto& launch = g.task("LaunchCluster", tasks::emr_create_cluster(model, IntegrationPattern::RequestResponse),
                        {.result_selector = Payload{{"ClusterId", Field::path("$.ClusterId")}}, .result_path = "$.cluster"});
  auto& launched = g.succeed("Launched");

  action.when(Condition::string_equals("$.action", "start"), start_list)
      .when(Condition::any_of({Condition::string_equals("$.action", "stop"), Condition::string_equals("$.action", "recycle")}), stop_list)
      .otherwise(unknown);
  stop_list.next(stop_collect).next(stop_more);
  stop_next.next(stop_collect);
  stop_more.when(Condition::is_present("$.page.Marker"), stop_next).otherwise(terminate);
  terminate.next(then_start);
  // A recycle replaces what it terminated: after a scheduled stop, it leaves the model stopped.
  then_start.when(Condition::all_of({Condition::string_equals("$.action", "recycle"), Condition::is_present("$.found[0]")}), start_list)
      .otherwise(stopped);
  start_list.next(start_filter).next(start_decide);
  start_next.next(start_filter);
  start_decide.when(Condition::is_present("$.found.named[0]"), already)
      .when(Condition::is_present("$.page.Marker"), start_next)
      .otherwise(launch);
  launch.next(launched);
  for (auto* list : {&stop_list, &stop_next, &start_list, &start_next}) list->retry(detail::list_throttled());
  g.bounded_loop(stop_next);  // the pages end
  g.bounded_loop(start_next);
  return g;
}

void ClusterLifecycle::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.cluster == nullptr) {
    out.error(p, "no cluster model", "set cluster to the emr::Cluster whose clusters the schedules start, stop or recycle");
    return;
  }
  if (!props_.start && !props_.stop && !props_.recycle)
    out.error(p, "no schedule", "set start, stop or recycle to an events::Schedule (cron or rate)");
  // Two actions on one expression start two executions at once, racing on the same clusters.
  const std::vector<std::pair<std::string, const std::optional<events::Schedule>*>> schedules{
      {"start", &props_.start}, {"stop", &props_.stop}, {"recycle", &props_.recycle}};
  for (std::size_t i = 0; i < schedules.size(); ++i)
    for (std::size_t j = i + 1; j < schedules.size(); ++j) {
      const auto& first = *schedules[i].second;
      const auto& second = *schedules[j].second;
      if (first && second && first->text() == second->text())
        out.error(p, schedules[i].first + " and " + schedules[j].first + " share the schedule " + first->text() +
                         ", so two executions race on the same clusters",
                  "give each action its own time");
    }
  if (props_.cluster->launched_with_stack() && (props_.stop || props_.recycle))
    out.warning(p, "the schedules terminate the cluster the stack itself launches, and launch others the stack does not know",
                "set launch = Launch::ByWorkflows on " + props_.cluster->path() + ", so only workflows launch its clusters");
  if (props_.cluster->cluster_name().find('\'') != std::string::npos)
    out.error(p, "the cluster name contains a quote, which the lifecycle's cluster filter cannot hold", "name the cluster without quotes");
}

}  // namespace drdb::aws::stepfunctions
