// EC2 instance profiles: how an EC2 instance (an EMR node, for one) gets a role's credentials.
// Usually made with role.instance_profile().
#pragma once

#include <string>

#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {

class Role;

class InstanceProfile : public Resource {
 public:
  struct Props {
    const Role* role = nullptr;  // must trust ec2.amazonaws.com
    std::string path = "/";
    std::string instance_profile_name;  // empty: generated
  };
  InstanceProfile(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }
  const Role& role() const { return *props_.role; }
  // What EMR's JobFlowRole and EC2 launch settings take (name or ARN).
  Str name() const { return attr("Name"); }
  Str arn() const { return attr("Arn"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::iam
