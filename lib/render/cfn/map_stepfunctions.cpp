// DefinitionString, not Definition: the definition is rendered as JSON text with Fn::Sub for its
// deploy-time values, as Terraform renders it, and as the local mock reads it (docs/ARCHITECTURE.md,
// "Step Functions").
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "drdb/l1/cfn/stepfunctions.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::stepfunctions;
namespace sfn = drdb::aws::stepfunctions;

void CfnMapper::visit(const sfn::StateMachineResource& resource) {
  const auto& machine = resource.state_machine();
  const auto& props = machine.props();
  l1::StateMachine r;
  Diagnostics reported;  // validation reported the definition's problems already
  r.definition_string = Str::of(json_string(machine.definition(reported)));
  r.role_arn = machine.role().arn();
  r.state_machine_type = std::string(sfn::state_machine_type_name(props.type));
  if (!props.state_machine_name.empty()) r.state_machine_name = props.state_machine_name;
  if (props.logging) {
    l1::StateMachine::LoggingConfiguration logging;
    logging.level = std::string(sfn::log_level_name(props.logging->level));
    logging.include_execution_data = props.logging->include_execution_data;
    if (const auto* group = machine.log_group()) {
      l1::StateMachine::LogDestination destination;
      destination.cloud_watch_logs_log_group = l1::StateMachine::CloudWatchLogsLogGroup{.log_group_arn = group->log_group_arn() + ":*"};
      logging.destinations = ListOf<l1::StateMachine::LogDestination>{destination};
    }
    r.logging_configuration = logging;
  }
  if (props.tracing) r.tracing_configuration = l1::StateMachine::TracingConfiguration{.enabled = true};
  const auto& out = emit(resource, r);
  bind_ref(resource, "Arn", out);
  bind(resource, "Name", out, "Name");
}

}  // namespace drdb::render::cfn
