// PolicyDocument::validate: the grammar IAM enforces at deploy time, plus drdb's least-privilege
// rule on wildcards, reported before anything is deployed.
#include <regex>
#include <set>

#include "drdb/aws/iam/policy.hpp"

namespace drdb::aws::iam {

namespace {

bool has_wildcard(const std::string& action) { return action.find_first_of("*?") != std::string::npos; }

bool well_formed_action(const std::string& action) {
  static const std::regex form("[a-z0-9-]+:[A-Za-z0-9*?]+");
  return action == "*" || std::regex_match(action, form);
}

// IAM's condition operators; each but Null takes an ...IfExists form, and a set operator prefix.
bool known_condition_operator(std::string op) {
  static const std::set<std::string, std::less<>> operators = {
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
      "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
      "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
      "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
      "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"};
  for (std::string_view prefix : {"ForAllValues:", "ForAnyValue:"})
    if (op.starts_with(prefix)) op.erase(0, prefix.size());
  if (op == "Null") return true;
  if (op.ends_with("IfExists")) op.erase(op.size() - std::string_view("IfExists").size());
  return operators.count(op) > 0;
}

struct Checker {
  std::string path;
  std::string where;
  PolicyKind kind;
  Diagnostics& out;

  void error(const std::string& at, const std::string& message, const std::string& fix) const {
    out.error(path, where + " " + at + " " + message, fix);
  }

  void actions(const std::string& at, const Statement& s) const {
    if (s.actions.empty() && s.not_actions.empty())
      error(at, "has no actions", "list the actions it allows or denies");
    if (!s.actions.empty() && !s.not_actions.empty())
      error(at, "has both actions and not_actions", "use one of the two");
    if (!s.not_actions.empty() && s.effect == Effect::Allow && !s.allow_wildcard_actions)
      error(at, "allows every action except its not_actions",
            "list the actions needed, or set allow_wildcard_actions = true on the statement if intended");
    for (const auto* list : {&s.actions, &s.not_actions}) {
      for (const auto& action : *list) {
        if (!well_formed_action(action))
          error(at, "action \"" + action + "\" is not of the form service:Action", "e.g. s3:GetObject");
        else if (list == &s.actions && has_wildcard(action) && !s.allow_wildcard_actions)
          error(at, "uses the wildcard action \"" + action + "\"",
                "list the actions needed, or set allow_wildcard_actions = true on the statement if intended");
      }
    }
  }

  void resources(const std::string& at, const Statement& s) const {
    const bool any = !s.resources.empty() || !s.not_resources.empty();
    if (!s.resources.empty() && !s.not_resources.empty())
      error(at, "has both resources and not_resources", "use one of the two");
    if (kind == PolicyKind::Trust && any)
      error(at, "names resources, which a trust policy does not have", "remove them: the role is the resource");
    if (kind != PolicyKind::Trust && !any)
      error(at, "has no resources", "list the ARNs it applies to (\"*\" only when the action has no resource)");
    for (const auto* list : {&s.resources, &s.not_resources})
      for (const auto& r : *list)
        if (r.is_literal() && r.value().as_string() != "*" && !r.value().as_string().starts_with("arn:"))
          error(at, "resource \"" + r.value().as_string() + "\" is not an ARN", "use an ARN or \"*\"");
  }

  void principals(const std::string& at, const Statement& s) const {
    if (kind == PolicyKind::Identity && !s.principals.empty())
      error(at, "names principals, which an identity policy does not have",
            "remove them: the policy applies to the role or user it is attached to");
    if (kind != PolicyKind::Identity && s.principals.empty())
      error(at, "has no principal", "name who the statement applies to, e.g. Principal::service(\"ec2.amazonaws.com\")");
    for (const auto& p : s.principals) {
      if (!p.id.is_literal()) continue;
      const auto& id = p.id.value().as_string();
      if (p.kind == Principal::Kind::Service) service_principal(at, id);
      if (p.kind == Principal::Kind::Aws) {
        static const std::regex account("[0-9]{12}");
        if (id != "*" && !id.starts_with("arn:") && !std::regex_match(id, account))
          error(at, "AWS principal \"" + id + "\" is neither an ARN nor an account id", "use an IAM ARN or a 12-digit account id");
      }
    }
  }

  void service_principal(const std::string& at, const std::string& id) const {
    static const std::regex dns("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    if (!std::regex_match(id, dns)) {
      error(at, "service principal \"" + id + "\" is not a service name", "e.g. \"ec2.amazonaws.com\"");
    } else if (id.ends_with(".amazonaws.com.cn")) {
      out.warning(path, where + " " + at + " uses the legacy China form of service principal \"" + id + "\"",
                  "use \"" + id.substr(0, id.size() - 3) + "\": service principals have one global form in every partition");
    }
  }

  void conditions(const std::string& at, const Statement& s) const {
    for (const auto& [op, keys] : s.conditions) {
      if (!known_condition_operator(op))
        error(at, "has the unknown condition operator \"" + op + "\"", "use an IAM operator such as StringEquals, ArnLike or Bool");
      if (keys.empty()) error(at, "condition " + op + " has no keys", "add a key and its values, or remove the operator");
      for (const auto& [key, values] : keys) {
        if (key.empty()) error(at, "condition " + op + " has an empty key", "use a condition key such as aws:SourceArn");
        if (values.empty())
          error(at, "condition " + op + " " + key + " has no values", "give at least one value");
      }
    }
  }

  void sid(const std::string& at, const Statement& s) const {
    static const std::regex alnum("[A-Za-z0-9]*");
    if (!std::regex_match(s.sid, alnum))
      error(at, "sid \"" + s.sid + "\" has characters other than letters and digits", "e.g. \"AllowLogDelivery\"");
  }
};

}  // namespace

void PolicyDocument::validate(std::string_view path, std::string_view where, Diagnostics& out, PolicyKind kind) const {
  const Checker check{std::string(path), std::string(where), kind, out};
  if (statements_.empty()) out.error(check.path, check.where + " has no statements", "add a statement or remove the policy");
  for (std::size_t i = 0; i < statements_.size(); ++i) {
    const auto& s = statements_[i];
    const std::string at = "statement " + std::to_string(i + 1);
    check.sid(at, s);
    check.actions(at, s);
    check.resources(at, s);
    check.principals(at, s);
    check.conditions(at, s);
  }
  // Statements sharing a sid and scope merge; a sid left on two different statements is ambiguous.
  std::set<std::string> sids;
  for (const auto& s : normalized())
    if (!s.sid.empty() && !sids.insert(s.sid).second)
      out.error(check.path, check.where + " has two different statements with sid \"" + s.sid + "\"",
                "give each statement its own sid");
}

}  // namespace drdb::aws::iam
