#include <algorithm>

#include "drdb/aws/events/rule.hpp"
#include "drdb/l1/cfn/events.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/common/rule_fields.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::events;

namespace {

void set_input(l1::Rule::Target& r, const aws::events::TargetInput& input) {
  using Kind = aws::events::TargetInput::Kind;
  switch (input.kind()) {
    case Kind::Event: return;
    case Kind::Json: r.input = Str::of(json_string(input.document())); return;
    case Kind::Path: r.input_path = input.json_path(); return;
    case Kind::Transformer: {
      l1::Rule::InputTransformer transformer;
      transformer.input_template = input.input_template();
      if (!input.paths().empty()) {
        MapOf<Str> paths;
        for (const auto& [name, path] : input.paths()) paths.emplace(name, path);
        transformer.input_paths_map = std::move(paths);
      }
      r.input_transformer = std::move(transformer);
      return;
    }
  }
}

l1::Rule::Target target(const aws::events::RuleTarget& t) {
  l1::Rule::Target r;
  r.id = t.id;
  r.arn = t.arn;
  if (t.role_arn) r.role_arn = *t.role_arn;
  set_input(r, t.input);
  if (!t.message_group_id.empty()) {
    l1::Rule::SqsParameters sqs;
    sqs.message_group_id = t.message_group_id;
    r.sqs_parameters = sqs;
  }
  if (auto retry = retry_policy<l1::Rule::RetryPolicy>(t)) r.retry_policy = *retry;
  return r;
}

}  // namespace

void CfnMapper::visit(const aws::events::Rule& rule) {
  const auto& props = rule.props();
  l1::Rule r;
  fill_rule(r, rule);
  if (props.event_pattern) r.event_pattern = props.event_pattern->value();
  if (!rule.targets().empty()) {
    // By id, so the order targets were added in does not change the template.
    auto sorted = rule.targets();
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    ListOf<l1::Rule::Target> targets;
    for (const auto& t : sorted) targets.push_back(target(t));
    r.targets = std::move(targets);
  }
  const auto& out = emit(rule, r);
  bind(rule, "Arn", out, "Arn");
  bind_ref(rule, "Name", out);
}

}  // namespace drdb::render::cfn
