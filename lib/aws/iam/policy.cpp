#include "drdb/aws/iam/policy.hpp"

#include <algorithm>
#include <set>

#include "aws/iam/canonical.hpp"

namespace drdb::aws::iam {

using detail::canonical_text;

namespace {

// Sets are sorted and deduplicated; `collapse` writes a single element as a plain value (IAM
// accepts both, and that is how drdb renders them), otherwise every set stays a list (sort keys).
Value one_or_list(List items, bool collapse) {
  if (collapse && items.size() == 1) return std::move(items.front());
  return Value(std::move(items));
}

Value string_set(const std::vector<std::string>& items, bool collapse) {
  const std::set<std::string> unique(items.begin(), items.end());
  return one_or_list(List(unique.begin(), unique.end()), collapse);
}

Value value_set(const std::vector<Str>& items, bool collapse) {
  std::map<std::string, Value> by_text;
  for (const auto& item : items) by_text.emplace(canonical_text(item.value()), item.value());
  List out;
  for (auto& [text, value] : by_text) out.push_back(std::move(value));
  return one_or_list(std::move(out), collapse);
}

std::string_view principal_key(Principal::Kind k) {
  switch (k) {
    case Principal::Kind::Service: return "Service";
    case Principal::Kind::Federated: return "Federated";
    case Principal::Kind::Aws:
    case Principal::Kind::Any: return "AWS";
  }
  return "AWS";
}

Value principal_value(const std::vector<Principal>& principals, bool collapse) {
  std::map<std::string_view, std::vector<Str>> by_kind;
  for (const auto& p : principals) by_kind[principal_key(p.kind)].push_back(p.id);
  Object out;
  for (const auto& [kind, ids] : by_kind) out.emplace(std::string(kind), value_set(ids, collapse));
  return Value(std::move(out));
}

Value condition_value(const Conditions& conditions, bool collapse) {
  Object out;
  for (const auto& [op, keys] : conditions) {
    Object entries;
    for (const auto& [key, values] : keys) entries.emplace(key, value_set(values, collapse));
    out.emplace(op, Value(std::move(entries)));
  }
  return Value(std::move(out));
}

Value statement_value(const Statement& s, bool collapse) {
  Object o;
  if (!s.sid.empty()) o.emplace("Sid", s.sid);
  o.emplace("Effect", s.effect == Effect::Allow ? "Allow" : "Deny");
  if (!s.actions.empty()) o.emplace("Action", string_set(s.actions, collapse));
  if (!s.not_actions.empty()) o.emplace("NotAction", string_set(s.not_actions, collapse));
  if (!s.resources.empty()) o.emplace("Resource", value_set(s.resources, collapse));
  if (!s.not_resources.empty()) o.emplace("NotResource", value_set(s.not_resources, collapse));
  if (!s.principals.empty()) o.emplace("Principal", principal_value(s.principals, collapse));
  if (!s.conditions.empty()) o.emplace("Condition", condition_value(s.conditions, collapse));
  return Value(std::move(o));
}

std::string sort_key(const Statement& s) { return canonical_text(statement_value(s, false)); }

// Two statements with the same key grant exactly their union when merged into one.
std::string merge_key(const Statement& s) {
  Statement scope = s;
  scope.actions.clear();
  return sort_key(scope);
}

}  // namespace

Principal Principal::account_root() {
  return aws("arn:" + Str(Pseudo::Partition) + ":iam::" + Str(Pseudo::AccountId) + ":root");
}

Value Statement::to_value() const { return statement_value(*this, true); }

std::vector<Statement> PolicyDocument::normalized() const {
  std::vector<Statement> merged;
  std::map<std::string, std::size_t> index_by_key;
  for (const auto& s : statements_) {
    if (s.not_actions.empty()) {
      auto [it, inserted] = index_by_key.emplace(merge_key(s), merged.size());
      if (!inserted) {
        auto& into = merged[it->second].actions;
        into.insert(into.end(), s.actions.begin(), s.actions.end());
        merged[it->second].allow_wildcard_actions |= s.allow_wildcard_actions;
        continue;
      }
    }
    merged.push_back(s);
  }
  std::vector<std::pair<std::string, Statement>> keyed;
  keyed.reserve(merged.size());
  for (auto& s : merged) keyed.emplace_back(sort_key(s), std::move(s));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Statement> out;
  out.reserve(keyed.size());
  for (auto& [text, s] : keyed) out.push_back(std::move(s));
  return out;
}

Value PolicyDocument::to_value() const {
  List statements;
  for (const auto& s : normalized()) statements.push_back(s.to_value());
  return Value::object({{"Statement", Value(std::move(statements))}, {"Version", "2012-10-17"}});
}

Str PolicyDocument::to_json_string() const { return Str::of(json_string(to_value())); }

}  // namespace drdb::aws::iam
