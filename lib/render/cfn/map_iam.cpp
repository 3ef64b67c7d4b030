#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/managed_policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/cfn/iam.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::iam;

void CfnMapper::visit(const aws::iam::Role& role) {
  const auto& props = role.props();
  l1::Role r;
  r.assume_role_policy_document = role.trust_policy().to_value();
  if (!props.description.empty()) r.description = props.description;
  r.path = props.path;
  if (!props.role_name.empty()) r.role_name = props.role_name;
  if (!props.managed_policy_arns.empty()) r.managed_policy_arns = ListOf<Str>(props.managed_policy_arns);
  if (props.permissions_boundary) r.permissions_boundary = *props.permissions_boundary;
  if (props.max_session_duration) r.max_session_duration = *props.max_session_duration;
  ListOf<l1::Role::Policy> policies;
  for (const auto& [name, document] : role.policies()) {
    l1::Role::Policy p;
    p.policy_name = name;
    p.policy_document = document.to_value();
    policies.push_back(std::move(p));
  }
  if (!policies.items().empty()) r.policies = std::move(policies);
  const auto& out = emit(role, r);
  bind_ref(role, "Name", out);
  bind(role, "Arn", out, "Arn");
  bind(role, "RoleId", out, "RoleId");
}

void CfnMapper::visit(const aws::iam::InstanceProfile& profile) {
  const auto& props = profile.props();
  l1::InstanceProfile r;
  if (props.role != nullptr) r.roles = ListOf<Str>{props.role->role_name()};  // none: reported by validate
  r.path = props.path;
  if (!props.instance_profile_name.empty()) r.instance_profile_name = props.instance_profile_name;
  const auto& out = emit(profile, r);
  bind_ref(profile, "Name", out);
  bind(profile, "Arn", out, "Arn");
}

// The attachment lives on the policy (Roles), so a role never waits for policies it does not use.
void CfnMapper::visit(const aws::iam::ManagedPolicy& policy) {
  const auto& props = policy.props();
  l1::ManagedPolicy r;
  r.policy_document = props.document.to_value();
  r.path = props.path;
  if (!props.description.empty()) r.description = props.description;
  if (!props.managed_policy_name.empty()) r.managed_policy_name = props.managed_policy_name;
  ListOf<Str> roles;
  for (const auto* role : policy.roles()) roles.push_back(role->role_name());
  if (!roles.items().empty()) r.roles = std::move(roles);
  const auto& out = emit(policy, r);
  bind_ref(policy, "Arn", out);  // Ref of AWS::IAM::ManagedPolicy is its ARN
}

}  // namespace drdb::render::cfn
