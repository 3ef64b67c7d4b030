// Customer-managed IAM policies: one document, attachable to several roles (CloudFormation
// AWS::IAM::ManagedPolicy with Roles; Terraform aws_iam_policy + one aws_iam_role_policy_attachment
// per role). For AWS-managed policies, give aws_managed_policy(name) to Role::Props::managed_policy_arns.
#pragma once

#include <string>
#include <vector>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {

class Role;

class ManagedPolicy : public Resource {
 public:
  struct Props {
    PolicyDocument document;
    std::vector<Role*> roles;  // attached to these (attach_to adds more)
    std::string description;   // cannot be changed after creation (a change replaces the policy)
    std::string path = "/";
    std::string managed_policy_name;  // empty: generated
  };
  ManagedPolicy(const Scope& scope, Props props);

  void add_to_policy(Statement statement) { props_.document.add(std::move(statement)); }
  void attach_to(Role& role);

  const Props& props() const { return props_; }
  const std::vector<Role*>& roles() const { return props_.roles; }
  Str arn() const { return attr("Arn"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  bool null_roles_ = false;
};

}  // namespace drdb::aws::iam
