// IAM policy documents as typed values: identity policies (roles, managed policies), resource
// policies (buckets, keys) and trust policies share one statement type and one rendering.
//
// Rendering is canonical, so the same grants give the same bytes whatever order they were added in:
// - within a statement, actions are sorted and deduplicated, and so are resources, principals and
//   condition values (expressions sort by their text, e.g. "${App/S/Data.Arn}/*");
// - statements with the same sid, effect, principals, resources and conditions are merged into one
//   whose actions are the union (exact: the merged statement grants what the two did). Statements
//   with NotAction are never merged (a union of NotActions would widen what they allow);
// - statements are then ordered by their canonical JSON text, every set written as a list and keys
//   sorted: by actions first, then Condition, Effect, NotAction, NotResource, Principal, Resource, Sid.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/typed.hpp"

namespace drdb::aws::iam {

// Service principals are written as given, in their global form "SERVICE.amazonaws.com", in every
// partition: AWS has standardized service principal names on that form (AWS CDK dropped its table
// of regional exceptions behind the `@aws-cdk/aws-iam:standardizedServicePrincipals` flag for the
// same reason). Deriving them from the URL suffix would produce "ec2.amazonaws.com.cn" in China,
// the legacy form, so drdb does not; it warns about that form instead.
struct Principal {
  enum class Kind { Service, Aws, Federated, Any } kind = Kind::Service;
  Str id = "";
  static Principal service(std::string name) { return {Kind::Service, Str(std::move(name))}; }
  // An account id, or the ARN of a role, user or account root.
  static Principal aws(Str arn) { return {Kind::Aws, std::move(arn)}; }
  // The root of the deploying account: every IAM identity of the account its own policies allow.
  static Principal account_root();
  static Principal federated(Str id) { return {Kind::Federated, std::move(id)}; }
  static Principal any() { return {Kind::Any, Str("*")}; }
  friend bool operator==(const Principal& a, const Principal& b) { return a.kind == b.kind && a.id == b.id; }
};

enum class Effect { Allow, Deny };

// operator → key → values, e.g. {{"Bool", {{"aws:SecureTransport", {"false"}}}}}
using Conditions = std::map<std::string, std::map<std::string, std::vector<Str>>>;

struct Statement {
  std::string sid;  // optional; letters and digits only
  Effect effect = Effect::Allow;
  std::vector<std::string> actions;
  std::vector<std::string> not_actions;
  std::vector<Str> resources;
  std::vector<Str> not_resources;
  std::vector<Principal> principals;
  Conditions conditions;
  // Actions with a wildcard ("*", "s3:*", "s3:Get*") and Allow statements with NotAction are refused
  // unless this is set, as a deliberate choice.
  bool allow_wildcard_actions = false;

  // This statement alone, with its sets sorted and deduplicated.
  Value to_value() const;
};

// Which rules a document follows: identity policies name resources and no principals, resource
// policies name both, trust policies name principals and no resources.
enum class PolicyKind { Identity, Resource, Trust };

class PolicyDocument {
 public:
  PolicyDocument() = default;
  PolicyDocument(std::initializer_list<Statement> statements) : statements_(statements) {}

  void add(Statement statement) { statements_.push_back(std::move(statement)); }
  // As added (validation numbers them in this order).
  const std::vector<Statement>& statements() const { return statements_; }
  bool empty() const { return statements_.empty(); }

  // Merged and sorted as described at the top of this file.
  std::vector<Statement> normalized() const;
  // {"Statement": [...normalized...], "Version": "2012-10-17"}
  Value to_value() const;
  // The same, as a JSON string value (Terraform's policy arguments).
  Str to_json_string() const;

  // Every problem, each naming `where` ("policy Default") and the statement's 1-based position:
  // wildcard actions without opt-in, malformed actions, missing or misplaced principals and
  // resources, unknown condition operators, duplicate sids, an empty document.
  void validate(std::string_view path, std::string_view where, Diagnostics& out,
                PolicyKind kind = PolicyKind::Identity) const;

 private:
  std::vector<Statement> statements_;
};

}  // namespace drdb::aws::iam
