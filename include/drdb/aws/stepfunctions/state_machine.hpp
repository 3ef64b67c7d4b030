// A Step Functions state machine (AWS::StepFunctions::StateMachine / aws_sfn_state_machine) from a
// typed graph (graph.hpp). Its role gets exactly the statements its tasks need, derived from the
// graph when the state machine is created (plus log delivery and tracing when on); logs go to a log
// group (created by default, ERROR level); the definition is validated (graph_check.hpp) and its
// size checked against Step Functions' 1 MiB.
//
// The construct creates, as children: the state machine resource ("Resource"), the role unless given
// ("Role") and the log group unless given or logging is off ("Logs"). The resource depends on the
// role's policies, so Step Functions never sees the role without them (it checks log delivery
// permissions when the state machine is created).
#pragma once

#include <optional>
#include <string>

#include "drdb/aws/stepfunctions/graph.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::logs {
class LogGroup;
}

namespace drdb::aws::stepfunctions {

enum class StateMachineType { Standard, Express };
enum class LogLevel { All, Error, Fatal, Off };
std::string_view state_machine_type_name(StateMachineType type);
std::string_view log_level_name(LogLevel level);

struct Logging {
  const logs::LogGroup* destination = nullptr;  // none: a log group is created (child "Logs")
  LogLevel level = LogLevel::Error;
  // Inputs and outputs in the logs: off, since they may hold data the logs' readers should not see.
  bool include_execution_data = false;
};

class StateMachineResource;

class StateMachine : public Construct {
 public:
  struct Props {
    Graph definition;
    std::string comment;
    std::optional<int> timeout_seconds;  // the whole execution
    StateMachineType type = StateMachineType::Standard;
    std::string state_machine_name;  // empty: generated (names are unique per account and region)
    // The role the state machine runs as; none: one is created (child "Role"). The statements the
    // graph needs are added to it either way.
    iam::Role* role = nullptr;
    std::optional<Logging> logging = Logging{};
    bool tracing = false;  // AWS X-Ray
  };
  StateMachine(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  const Graph& graph() const { return props_.definition; }
  iam::Role& role() const { return *role_; }
  const logs::LogGroup* log_group() const { return log_group_; }

  const StateMachineResource& resource() const { return *resource_; }
  StateMachineResource& resource() { return *resource_; }
  Str state_machine_arn() const;
  Str state_machine_name() const;

  // states:StartExecution on this state machine (EventBridge targets, Lambda functions...).
  void grant_start_execution(iam::Role& role) const;

  // The definition document ({"StartAt", "States", ...}); problems of task parameters go to `out`.
  Value definition(Diagnostics& out) const;

  void validate(Diagnostics& out) const override;

 private:
  void grant_graph(iam::Role& role) const;
  Props props_;
  StateMachineResource* resource_ = nullptr;
  iam::Role* role_ = nullptr;
  const logs::LogGroup* log_group_ = nullptr;
  std::size_t states_at_creation_ = 0;
};

// The AWS::StepFunctions::StateMachine / aws_sfn_state_machine itself (child "Resource").
class StateMachineResource : public Resource {
 public:
  using Props = Construct::Props;
  StateMachineResource(const Scope& scope, Props) : Resource(scope) {}

  const StateMachine& state_machine() const { return dynamic_cast<const StateMachine&>(*scope()); }

  void accept(ResourceVisitor& v) const override;
};

}  // namespace drdb::aws::stepfunctions
