// Scheduled control of the EMR clusters launched from one model: start one at a set time, stop them
// at another, and recycle them (the "cluster monitor": terminate and launch a fresh one) on a
// schedule, so a long-lived cluster does not run for weeks on the same instances and settings.
//
// One state machine (child "StateMachine") takes {"action": "start" | "stop" | "recycle"}:
//  - stop and recycle list every ListClusters page (50 clusters each) of the clusters named like the
//    model that are STARTING, BOOTSTRAPPING, RUNNING or WAITING, then terminate each (lifting
//    termination protection first when the model sets it): terminating while paging would shift the
//    later pages. EMR cannot stop a cluster and keep it: "stop" terminates, and "start" launches a
//    new one.
//  - start launches a cluster from the typed model (createCluster, without waiting for it) unless one
//    named like the model is already up or on its way; recycle does the same after its stop only
//    when that stop terminated a cluster, so a recycle between a scheduled stop and the next start
//    leaves the model stopped.
// Schedules are cron or rate expressions in UTC (checked before deploying); two actions on the same
// expression are an error, as their executions would race.
// Each schedule is an EventBridge rule (children "StartSchedule", "StopSchedule",
// "RecycleSchedule") that starts the machine with its action. The machine's role gets exactly the
// EMR calls and iam:PassRole these need.
#pragma once

#include <optional>
#include <string>

#include "drdb/aws/events/schedule.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "drdb/core/construct.hpp"

namespace drdb::aws::emr {
class Cluster;
}

namespace drdb::aws::stepfunctions {

class ClusterLifecycle : public Construct {
 public:
  struct Props {
    const emr::Cluster* cluster = nullptr;  // the model clusters are matched by name and launched from
    std::optional<events::Schedule> start;    // e.g. cron(0 6 ? * MON-FRI *), in UTC
    std::optional<events::Schedule> stop;     // e.g. cron(0 20 ? * MON-FRI *)
    std::optional<events::Schedule> recycle;  // e.g. cron(0 3 ? * SUN *)
    std::optional<Logging> logging = Logging{};
  };
  ClusterLifecycle(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  // The state machine; throws drdb::Error when the construct has no cluster model.
  StateMachine& state_machine() const;

  void validate(Diagnostics& out) const override;

 private:
  Graph build_graph() const;
  void add_schedule(std::string id, const std::optional<events::Schedule>& schedule, const std::string& action);
  Props props_;
  StateMachine* machine_ = nullptr;
};

}  // namespace drdb::aws::stepfunctions
