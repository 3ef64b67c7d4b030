// The definition is a JSON string whose deploy-time values are interpolations ("${aws_iam_role...}").
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "drdb/l1/tf/stepfunctions.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace sfn = drdb::aws::stepfunctions;
using drdb::l1::tf::aws_sfn_state_machine;

void TfMapper::visit(const sfn::StateMachineResource& resource) {
  const auto& machine = resource.state_machine();
  const auto& props = machine.props();
  aws_sfn_state_machine r;
  Diagnostics reported;  // validation reported the definition's problems already
  r.definition = Str::of(json_string(machine.definition(reported)));
  r.role_arn = machine.role().arn();
  r.type = std::string(sfn::state_machine_type_name(props.type));
  if (!props.state_machine_name.empty()) r.name = props.state_machine_name;
  if (props.logging) {
    aws_sfn_state_machine::LoggingConfiguration logging;
    logging.level = std::string(sfn::log_level_name(props.logging->level));
    logging.include_execution_data = props.logging->include_execution_data;
    if (const auto* group = machine.log_group()) logging.log_destination = group->log_group_arn() + ":*";
    r.logging_configuration = ListOf<aws_sfn_state_machine::LoggingConfiguration>{logging};
  }
  if (props.tracing) r.tracing_configuration = ListOf<aws_sfn_state_machine::TracingConfiguration>{{.enabled = true}};
  const auto& out = emit(resource, r);
  bind(resource, "Arn", out, "arn");
  bind(resource, "Name", out, "name");
}

}  // namespace drdb::render::tf
