#include "drdb/aws/events/rule.hpp"
#include "drdb/l1/tf/events.hpp"
#include "render/common/rule_fields.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

namespace {

using Target = l1::aws_cloudwatch_event_target;

void set_input(Target& r, const aws::events::TargetInput& input) {
  using Kind = aws::events::TargetInput::Kind;
  switch (input.kind()) {
    case Kind::Event: return;
    case Kind::Json: r.input = Str::of(json_string(input.document())); return;
    case Kind::Path: r.input_path = input.json_path(); return;
    case Kind::Transformer: {
      Target::InputTransformer transformer;
      transformer.input_template = input.input_template();
      MapOf<Str> paths;
      for (const auto& [name, path] : input.paths()) paths.emplace(name, path);
      transformer.input_paths = std::move(paths);
      r.input_transformer = ListOf<Target::InputTransformer>{transformer};
      return;
    }
  }
}

Target target(const aws::events::Rule& rule, const aws::events::RuleTarget& t) {
  Target r;
  r.rule = rule.rule_name();
  if (rule.props().event_bus_name != "default") r.event_bus_name = rule.props().event_bus_name;
  r.target_id = t.id;
  r.arn = t.arn;
  if (t.role_arn) r.role_arn = *t.role_arn;
  set_input(r, t.input);
  if (!t.message_group_id.empty()) {
    Target::SqsTarget sqs;
    sqs.message_group_id = t.message_group_id;
    r.sqs_target = ListOf<Target::SqsTarget>{sqs};
  }
  if (auto retry = retry_policy<Target::RetryPolicy>(t)) r.retry_policy = ListOf<Target::RetryPolicy>{*retry};
  return r;
}

}  // namespace

// The rule, and one aws_cloudwatch_event_target per target (named after the target id, so adding
// or removing one target leaves the others in place).
void TfMapper::visit(const aws::events::Rule& rule) {
  const auto& props = rule.props();
  l1::aws_cloudwatch_event_rule r;
  fill_rule(r, rule);
  if (props.event_pattern) r.event_pattern = Str::of(json_string(props.event_pattern->value()));
  const auto& out = emit(rule, r);
  bind(rule, "Arn", out, "arn");
  bind(rule, "Name", out, "name");
  for (const auto& t : rule.targets()) emit(rule, target(rule, t), secondary_name(rule, "target/" + t.id), false);
}

}  // namespace drdb::render::tf
