// IAM roles.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {

class Role : public Resource {
 public:
  struct Props {
    std::vector<Principal> assumed_by;       // e.g. {Principal::service("ec2.amazonaws.com")}
    std::string description;
    std::string path = "/";
    std::string role_name;                   // empty: generated (recommended: names are global per account)
    std::vector<Str> managed_policy_arns;
    std::map<std::string, PolicyDocument> inline_policies;
    std::optional<Str> permissions_boundary;
    std::optional<int> max_session_duration;  // seconds, 3600-43200
  };
  Role(const Scope& scope, Props props);

  // Adds a statement to the role's default inline policy ("Default").
  void add_to_policy(Statement statement);

  const Props& props() const { return props_; }
  // Inline policies, the default one included when not empty.
  std::map<std::string, PolicyDocument> policies() const;
  Value trust_policy() const;

  Str arn() const { return attr("Arn"); }
  Str role_name() const { return attr("Name"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  PolicyDocument default_policy_;
};

}  // namespace drdb::aws::iam
