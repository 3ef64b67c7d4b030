#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/tf/iam.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

// Inline and managed policies are separate resources (the provider deprecates the inline forms).
void TfMapper::visit(const aws::iam::Role& role) {
  const auto& props = role.props();
  l1::aws_iam_role r;
  r.assume_role_policy = Str::of(json_string(role.trust_policy()));
  if (!props.description.empty()) r.description = props.description;
  r.path = props.path;
  if (!props.role_name.empty()) r.name = props.role_name;
  if (props.permissions_boundary) r.permissions_boundary = *props.permissions_boundary;
  if (props.max_session_duration) r.max_session_duration = *props.max_session_duration;
  const auto& main = emit(role, r);
  bind(role, "Name", main, "name");
  bind(role, "Arn", main, "arn");
  bind(role, "RoleId", main, "unique_id");

  for (const auto& [name, document] : role.policies()) {
    l1::aws_iam_role_policy p;
    p.name = name;
    p.role = role.role_name();
    p.policy = Str::of(json_string(document.to_value()));
    emit(role, p, secondary_name(role, "policy " + name), false);
  }
  for (std::size_t i = 0; i < props.managed_policy_arns.size(); ++i) {
    const auto& arn = props.managed_policy_arns[i];
    l1::aws_iam_role_policy_attachment a;
    a.role = role.role_name();
    a.policy_arn = arn;
    const auto key = arn.is_literal() ? arn.value().as_string() : "managed policy " + std::to_string(i);
    emit(role, a, secondary_name(role, key), false);
  }
}

}  // namespace drdb::render::tf
