#include "drdb/aws/iam/managed_policy.hpp"

#include <algorithm>

#include "aws/iam/names.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::iam {

ManagedPolicy::ManagedPolicy(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  auto roles = std::move(props_.roles);
  props_.roles.clear();
  for (auto* role : roles) {
    if (role != nullptr)
      attach_to(*role);
    else
      null_roles_ = true;
  }
}

void ManagedPolicy::attach_to(Role& role) {
  if (std::find(props_.roles.begin(), props_.roles.end(), &role) != props_.roles.end()) return;
  props_.roles.push_back(&role);
  role.attached_.push_back(this);
}

void ManagedPolicy::validate(Diagnostics& out) const {
  const auto p = path();
  props_.document.validate(p, "managed policy", out);
  if (null_roles_) out.error(p, "a role to attach the policy to is null", "pass existing roles in .roles");
  detail::check_path(p, "managed policy path", props_.path, out);
  detail::check_name(p, "managed policy name", props_.managed_policy_name, 128, out);
  detail::check_description(p, props_.description, out);
}

void ManagedPolicy::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::iam
