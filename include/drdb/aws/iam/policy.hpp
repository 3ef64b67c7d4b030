// IAM policy documents as typed values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/typed.hpp"

namespace drdb::aws::iam {

struct Principal {
  enum class Kind { Service, Aws, Federated, Any } kind = Kind::Service;
  Str id = "";
  static Principal service(std::string name) { return {Kind::Service, Str(std::move(name))}; }
  static Principal aws(Str arn) { return {Kind::Aws, std::move(arn)}; }
  static Principal federated(Str id) { return {Kind::Federated, std::move(id)}; }
  static Principal any() { return {Kind::Any, Str("*")}; }
};

enum class Effect { Allow, Deny };

struct Statement {
  std::string sid;
  Effect effect = Effect::Allow;
  std::vector<std::string> actions;
  std::vector<std::string> not_actions;
  std::vector<Str> resources;
  std::vector<Str> not_resources;
  std::vector<Principal> principals;
  // operator → key → values, e.g. {"Bool", {{"aws:SecureTransport", {"false"}}}}
  std::map<std::string, std::map<std::string, std::vector<Str>>> conditions;
  // `*` or `service:*` actions are refused unless this is set, as a deliberate choice.
  bool allow_wildcard_actions = false;

  Value to_value() const;
};

class PolicyDocument {
 public:
  PolicyDocument() = default;
  PolicyDocument(std::initializer_list<Statement> statements) : statements_(statements) {}

  // Adds a statement; one with the same effect, principals, resources and conditions as an existing
  // one is merged into it (actions united), so grants never repeat themselves.
  void add(Statement statement);
  const std::vector<Statement>& statements() const { return statements_; }
  bool empty() const { return statements_.empty(); }

  // {"Version": "2012-10-17", "Statement": [...]}, actions and resources sorted, duplicates removed.
  Value to_value() const;
  // Wildcard actions without opt-in, statements without actions or resources...
  void validate(std::string_view path, std::string_view where, Diagnostics& out) const;

 private:
  std::vector<Statement> statements_;
};

}  // namespace drdb::aws::iam
