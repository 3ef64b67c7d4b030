#include "drdb/aws/iam/role.hpp"

#include "aws/iam/names.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::iam {

namespace {

// IAM's quota of managed policies per role: 10 by default, 20 at most (Service Quotas).
constexpr std::size_t default_managed_policy_quota = 10;
constexpr std::size_t max_managed_policy_quota = 20;

std::string_view federated_action(const Str& id) {
  if (id.is_literal() && id.value().as_string().find(":saml-provider/") != std::string::npos)
    return "sts:AssumeRoleWithSAML";
  return "sts:AssumeRoleWithWebIdentity";
}

}  // namespace

Str aws_managed_policy(std::string_view name) {
  return Join{"", {"arn:", Pseudo::Partition, ":iam::aws:policy/" + std::string(name)}};
}

Role::Role(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

void Role::add_to_policy(Statement statement) { default_policy_.add(std::move(statement)); }

std::map<std::string, PolicyDocument> Role::policies() const {
  auto out = props_.inline_policies;
  if (!default_policy_.empty()) {
    auto& doc = out["Default"];
    for (const auto& s : default_policy_.statements()) doc.add(s);
  }
  return out;
}

PolicyDocument Role::trust_policy() const {
  // One statement per action; the principals of an action share it.
  std::map<std::string, Statement> by_action;
  for (const auto& p : props_.assumed_by) {
    const std::string action = p.kind == Principal::Kind::Federated ? std::string(federated_action(p.id)) : "sts:AssumeRole";
    auto& s = by_action[action];
    s.actions = {action};
    s.conditions = props_.trust_conditions;
    s.principals.push_back(p);
  }
  PolicyDocument doc;
  for (auto& [action, s] : by_action) doc.add(std::move(s));
  return doc;
}

InstanceProfile& Role::instance_profile() {
  if (instance_profile_ == nullptr)
    instance_profile_ = &add<InstanceProfile>("InstanceProfile", {.role = this, .path = props_.path});
  return *instance_profile_;
}

void Role::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.assumed_by.empty())
    out.error(p, "the role has no trusted principal", "set .assumed_by, e.g. {Principal::service(\"ec2.amazonaws.com\")}");
  for (const auto& principal : props_.assumed_by)
    if (principal.kind == Principal::Kind::Any)
      out.error(p, "the role trusts any principal (\"*\")", "trust a specific service or account");
  if (props_.max_session_duration && (*props_.max_session_duration < 3600 || *props_.max_session_duration > 43200))
    out.error(p, "max_session_duration " + std::to_string(*props_.max_session_duration) + " is out of range",
              "use 3600-43200 seconds");
  detail::check_path(p, "role path", props_.path, out);
  detail::check_name(p, "role name", props_.role_name, 64, out);
  detail::check_description(p, props_.description, out);
  if (!props_.assumed_by.empty()) trust_policy().validate(p, "trust policy", out, PolicyKind::Trust);
  for (const auto& [name, doc] : policies()) {
    detail::check_name(p, "inline policy name", name, 128, out);
    doc.validate(p, "policy " + name, out);
  }
  for (const auto& arn : props_.managed_policy_arns)
    if (arn.is_literal() && !arn.value().as_string().starts_with("arn:"))
      out.error(p, "managed policy \"" + arn.value().as_string() + "\" is not an ARN",
                "use an ARN, e.g. aws_managed_policy(\"AmazonSSMManagedInstanceCore\")");
  if (props_.permissions_boundary && props_.permissions_boundary->is_literal() &&
      !props_.permissions_boundary->value().as_string().starts_with("arn:"))
    out.error(p, "permissions boundary \"" + props_.permissions_boundary->value().as_string() + "\" is not an ARN",
              "use the ARN of a managed policy");
  const auto managed = props_.managed_policy_arns.size() + attached_.size();
  if (managed > max_managed_policy_quota)
    out.error(p, std::to_string(managed) + " managed policies are attached; IAM allows at most 20 per role",
              "merge some into one ManagedPolicy, or move statements to inline policies");
  else if (managed > default_managed_policy_quota)
    out.warning(p, std::to_string(managed) + " managed policies are attached; IAM's default quota is 10 per role",
                "raise the quota with Service Quotas before deploying, or merge policies");
}

void Role::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::iam
