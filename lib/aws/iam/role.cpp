#include "drdb/aws/iam/role.hpp"

#include "render/common/resource_visitor.hpp"

namespace drdb::aws::iam {

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

Value Role::trust_policy() const {
  Statement assume;
  assume.actions = {"sts:AssumeRole"};
  assume.principals = props_.assumed_by;
  PolicyDocument doc;
  doc.add(std::move(assume));
  return doc.to_value();
}

void Role::validate(Diagnostics& out) const {
  if (props_.assumed_by.empty())
    out.error(path(), "the role has no trusted principal", "set .assumed_by, e.g. {Principal::service(\"ec2.amazonaws.com\")}");
  for (const auto& p : props_.assumed_by)
    if (p.kind == Principal::Kind::Any)
      out.error(path(), "the role trusts any principal (\"*\")", "trust a specific service or account");
  if (props_.max_session_duration && (*props_.max_session_duration < 3600 || *props_.max_session_duration > 43200))
    out.error(path(), "max_session_duration " + std::to_string(*props_.max_session_duration) + " is out of range",
              "use 3600-43200 seconds");
  if (props_.path.empty() || props_.path.front() != '/' || props_.path.back() != '/')
    out.error(path(), "role path \"" + props_.path + "\" must start and end with '/'", "e.g. \"/\" or \"/emr/\"");
  for (const auto& [name, doc] : policies()) doc.validate(path(), "policy " + name, out);
}

void Role::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::iam
