#include "aws/iam/canonical.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/managed_policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/tf/iam.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

namespace {

l1::aws_iam_role_policy_attachment attachment(const aws::iam::Role& role, Str policy_arn) {
  l1::aws_iam_role_policy_attachment a;
  a.role = role.role_name();
  a.policy_arn = std::move(policy_arn);
  return a;
}

}  // namespace

// Inline and managed policies are separate resources (the provider deprecates the inline forms).
void TfMapper::visit(const aws::iam::Role& role) {
  const auto& props = role.props();
  l1::aws_iam_role r;
  r.assume_role_policy = role.trust_policy().to_json_string();
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
    p.policy = document.to_json_string();
    emit(role, p, secondary_name(role, "policy " + name), false);
  }
  // Named after the ARN (its text for an expression), so the list's order does not matter.
  for (const auto& arn : props.managed_policy_arns) {
    const auto key = arn.is_literal() ? arn.value().as_string() : aws::iam::detail::canonical_text(arn.value());
    emit(role, attachment(role, arn), secondary_name(role, key), false);
  }
}

void TfMapper::visit(const aws::iam::InstanceProfile& profile) {
  const auto& props = profile.props();
  l1::aws_iam_instance_profile r;
  if (props.role != nullptr) r.role = props.role->role_name();  // none: reported by validate
  r.path = props.path;
  if (!props.instance_profile_name.empty()) r.name = props.instance_profile_name;
  const auto& out = emit(profile, r);
  bind(profile, "Name", out, "name");
  bind(profile, "Arn", out, "arn");
}

// aws_iam_policy, and one attachment per role, named after the role so adding one keeps the others.
void TfMapper::visit(const aws::iam::ManagedPolicy& policy) {
  const auto& props = policy.props();
  l1::aws_iam_policy r;
  r.policy = props.document.to_json_string();
  r.path = props.path;
  if (!props.description.empty()) r.description = props.description;
  if (!props.managed_policy_name.empty()) r.name = props.managed_policy_name;
  const auto& out = emit(policy, r);
  bind(policy, "Arn", out, "arn");
  for (const auto* role : policy.roles())
    emit(policy, attachment(*role, policy.arn()), secondary_name(policy, "attachment " + role->path()), false);
}

}  // namespace drdb::render::tf
