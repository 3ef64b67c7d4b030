#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/cfn/iam.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::iam;

void CfnMapper::visit(const aws::iam::Role& role) {
  const auto& props = role.props();
  l1::Role r;
  r.assume_role_policy_document = role.trust_policy();
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

}  // namespace drdb::render::cfn
