#include "drdb/aws/iam/policy.hpp"

#include <algorithm>
#include <set>

namespace drdb::aws::iam {

namespace {

bool is_wildcard_action(const std::string& action) {
  return action == "*" || (action.size() > 2 && action.ends_with(":*"));
}

// Sorted, without duplicates; a single element stays a plain value (IAM accepts both).
Value string_set(const std::vector<std::string>& items) {
  std::set<std::string> unique(items.begin(), items.end());
  if (unique.size() == 1) return Value(*unique.begin());
  List out(unique.begin(), unique.end());
  return Value(std::move(out));
}

// Literals sorted first, then expressions in insertion order (they have no synth-time text).
Value value_set(const std::vector<Str>& items) {
  std::set<std::string> literals;
  List expressions;
  for (const auto& item : items) {
    if (item.is_literal())
      literals.insert(item.value().as_string());
    else if (std::find(expressions.begin(), expressions.end(), item.value()) == expressions.end())
      expressions.push_back(item.value());
  }
  List out(literals.begin(), literals.end());
  out.insert(out.end(), expressions.begin(), expressions.end());
  if (out.size() == 1) return out.front();
  return Value(std::move(out));
}

std::string_view principal_key(Principal::Kind k) {
  switch (k) {
    case Principal::Kind::Service: return "Service";
    case Principal::Kind::Aws: return "AWS";
    case Principal::Kind::Federated: return "Federated";
    case Principal::Kind::Any: return "AWS";
  }
  return "AWS";
}

bool same_scope(const Statement& a, const Statement& b) {
  auto same_principals = [](const std::vector<Principal>& x, const std::vector<Principal>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const Principal& p, const Principal& q) { return p.kind == q.kind && p.id == q.id; });
  };
  return a.sid.empty() && b.sid.empty() && a.effect == b.effect && a.not_actions.empty() && b.not_actions.empty() &&
         a.resources == b.resources && a.not_resources == b.not_resources && a.conditions == b.conditions &&
         same_principals(a.principals, b.principals) && a.allow_wildcard_actions == b.allow_wildcard_actions;
}

}  // namespace

Value Statement::to_value() const {
  Object o;
  if (!sid.empty()) o.emplace("Sid", sid);
  o.emplace("Effect", effect == Effect::Allow ? "Allow" : "Deny");
  if (!actions.empty()) o.emplace("Action", string_set(actions));
  if (!not_actions.empty()) o.emplace("NotAction", string_set(not_actions));
  if (!resources.empty()) o.emplace("Resource", value_set(resources));
  if (!not_resources.empty()) o.emplace("NotResource", value_set(not_resources));
  if (!principals.empty()) {
    if (principals.size() == 1 && principals.front().kind == Principal::Kind::Any) {
      o.emplace("Principal", Value::object({{"AWS", "*"}}));
    } else {
      std::map<std::string_view, std::vector<Str>> by_kind;
      for (const auto& p : principals) by_kind[principal_key(p.kind)].push_back(p.id);
      Object principal;
      for (const auto& [kind, ids] : by_kind) principal.emplace(std::string(kind), value_set(ids));
      o.emplace("Principal", Value(std::move(principal)));
    }
  }
  if (!conditions.empty()) {
    Object condition;
    for (const auto& [op, keys] : conditions) {
      Object entries;
      for (const auto& [key, values] : keys) entries.emplace(key, value_set(values));
      condition.emplace(op, Value(std::move(entries)));
    }
    o.emplace("Condition", Value(std::move(condition)));
  }
  return Value(std::move(o));
}

void PolicyDocument::add(Statement statement) {
  for (auto& existing : statements_) {
    if (same_scope(existing, statement)) {
      existing.actions.insert(existing.actions.end(), statement.actions.begin(), statement.actions.end());
      return;
    }
  }
  statements_.push_back(std::move(statement));
}

Value PolicyDocument::to_value() const {
  List statements;
  for (const auto& s : statements_) statements.push_back(s.to_value());
  return Value::object({{"Statement", Value(std::move(statements))}, {"Version", "2012-10-17"}});
}

void PolicyDocument::validate(std::string_view path, std::string_view where, Diagnostics& out) const {
  const std::string p(path);
  for (std::size_t i = 0; i < statements_.size(); ++i) {
    const auto& s = statements_[i];
    const std::string at = std::string(where) + " statement " + std::to_string(i + 1);
    if (s.actions.empty() && s.not_actions.empty())
      out.error(p, at + " has no actions", "list the actions it allows or denies");
    for (const auto& action : s.actions) {
      if (is_wildcard_action(action) && !s.allow_wildcard_actions)
        out.error(p, at + " uses the wildcard action \"" + action + "\"",
                  "list the actions needed, or set allow_wildcard_actions = true on the statement if intended");
      else if (action != "*" && action.find(':') == std::string::npos)
        out.error(p, at + " action \"" + action + "\" is not of the form service:Action", "e.g. s3:GetObject");
    }
  }
}

}  // namespace drdb::aws::iam
