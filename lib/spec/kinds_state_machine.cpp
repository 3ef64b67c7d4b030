// stepfunctions.StateMachine in specs: a state machine whose definition is written state by state
// (sfn_codecs.hpp), with the settings of StateMachine::Props and start-execution grants.
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "spec/kind.hpp"
#include "spec/role_grants.hpp"
#include "spec/sfn_codecs.hpp"

namespace drdb::spec {

using aws::stepfunctions::StateMachine;
using aws::stepfunctions::StateMachineType;

template <>
struct EnumNames<StateMachineType> {
  static constexpr std::pair<std::string_view, StateMachineType> values[] = {{"standard", StateMachineType::Standard},
                                                                             {"express", StateMachineType::Express}};
};

template <>
struct Fields<StateMachine::Props> {
  static constexpr std::string_view name = "stepfunctions.StateMachine";
  static const FieldList<StateMachine::Props>& get() {
    using P = StateMachine::Props;
    static const FieldList<P> list{
        field("definition", &P::definition, "the graph: {start_at, states: {Name: {<type>: ..., next: ...}}}", required),
        field("comment", &P::comment, ""),
        field("timeout_seconds", &P::timeout_seconds, "of a whole execution"),
        field("state_machine_type", &P::type, "standard (default) or express"),
        field("state_machine_name", &P::state_machine_name, "default: generated"),
        field("role", &P::role, "the iam.Role it runs as; default: one is created (the tasks' statements are added either way)"),
        field_or_none("logging", &P::logging, "the state machine's logs ({} for the defaults: a new log group, error level)"),
        field("tracing", &P::tracing, "AWS X-Ray")};
    return list;
  }
};

template <>
struct GrantNames<StateMachine> {
  static constexpr std::pair<std::string_view, GrantMethod<StateMachine>> values[] = {
      {"start_execution", &StateMachine::grant_start_execution}};
};

Kind state_machine_kind() {
  return make_kind<StateMachine, GrantActions<StateMachine>>(
      "a Step Functions state machine written state by state; its role gets what its tasks need",
      {{"state_machine_arn", [](const StateMachine& m) { return m.state_machine_arn(); }},
       {"state_machine_name", [](const StateMachine& m) { return m.state_machine_name(); }}},
      &apply_grant_actions<StateMachine>);
}

}  // namespace drdb::spec
