#include "drdb/aws/iam/instance_profile.hpp"

#include "aws/iam/names.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::iam {

namespace {

// Whether EC2 may assume the role; unknown (true) when a service principal is an expression.
bool trusts_ec2(const Role& role) {
  for (const auto& p : role.props().assumed_by) {
    if (p.kind != Principal::Kind::Service) continue;
    if (!p.id.is_literal()) return true;
    const auto& id = p.id.value().as_string();
    if (id == "ec2.amazonaws.com" || id == "ec2.amazonaws.com.cn") return true;
  }
  return false;
}

}  // namespace

void InstanceProfile::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.role == nullptr) {
    out.error(p, "the instance profile has no role", "set .role, or use role.instance_profile()");
  } else if (!trusts_ec2(*props_.role)) {
    out.error(p, "role " + props_.role->path() + " does not trust ec2.amazonaws.com, so instances cannot use it",
              "add Principal::service(\"ec2.amazonaws.com\") to the role's assumed_by");
  }
  detail::check_path(p, "instance profile path", props_.path, out);
  detail::check_name(p, "instance profile name", props_.instance_profile_name, 128, out);
}

void InstanceProfile::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::iam
