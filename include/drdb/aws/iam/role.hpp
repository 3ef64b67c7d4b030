// IAM roles: who may assume them (trust policy), what they may do (inline policies, AWS- and
// customer-managed policies), bounded by an optional permissions boundary.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {

class InstanceProfile;
class ManagedPolicy;

// "arn:<partition>:iam::aws:policy/<name>", e.g. aws_managed_policy("AmazonSSMManagedInstanceCore")
// or aws_managed_policy("service-role/AmazonEMRServicePolicy_v2"): right in every partition.
Str aws_managed_policy(std::string_view name);

class Role : public Resource {
 public:
  struct Props {
    std::vector<Principal> assumed_by;       // e.g. {Principal::service("ec2.amazonaws.com")}
    std::string description;
    std::string path = "/";
    std::string role_name;                   // empty: generated (recommended: names are global per account)
    std::vector<Str> managed_policy_arns;    // AWS-managed (aws_managed_policy) or existing ones
    std::map<std::string, PolicyDocument> inline_policies;
    std::optional<Str> permissions_boundary;  // a managed policy ARN
    std::optional<int> max_session_duration;  // seconds, 3600-43200 (AWS default 3600)
    // Conditions on the trust statements, e.g. {{"StringEquals", {{"aws:SourceAccount", {account}}}}}
    // against the confused deputy problem.
    Conditions trust_conditions;
  };
  Role(const Scope& scope, Props props);

  // Adds a statement to the role's default inline policy ("Default"); grant_* helpers use it.
  void add_to_policy(Statement statement);

  const Props& props() const { return props_; }
  // Inline policies, the default one included when not empty.
  std::map<std::string, PolicyDocument> policies() const;
  // sts:AssumeRole for service and AWS principals; sts:AssumeRoleWithSAML for a SAML provider ARN
  // and sts:AssumeRoleWithWebIdentity for other federated principals.
  PolicyDocument trust_policy() const;

  // The role's EC2 instance profile (child "InstanceProfile", same path), created on first use.
  InstanceProfile& instance_profile();
  const InstanceProfile* find_instance_profile() const { return instance_profile_; }
  // Customer-managed policies attached to this role (ManagedPolicy records itself here).
  const std::vector<const ManagedPolicy*>& attached_policies() const { return attached_; }

  Str arn() const { return attr("Arn"); }
  Str role_name() const { return attr("Name"); }
  Str role_id() const { return attr("RoleId"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  friend class ManagedPolicy;
  Props props_;
  PolicyDocument default_policy_;
  InstanceProfile* instance_profile_ = nullptr;
  std::vector<const ManagedPolicy*> attached_;
};

}  // namespace drdb::aws::iam
