// IAM statements of each resource, compared as sets.
#include "diff/readable.hpp"
#include "diff/tables.hpp"

namespace drdb::diff::detail {
namespace {

using nlohmann::json;

bool policy_key(const std::string& key) {
  return key == "PolicyDocument" || key == "AssumeRolePolicyDocument" || key == "KeyPolicy" || key == "policy" ||
         key == "assume_role_policy";
}

// "a, b" of a string or list, sorted (the order of actions does not matter to IAM).
std::string listed(const json& v) {
  std::vector<std::string> items;
  if (v.is_array())
    for (const auto& item : v) items.push_back(readable(item));
  else if (!v.is_null())
    items.push_back(readable(v));
  std::sort(items.begin(), items.end());
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string either(const json& statement, const char* key, const char* not_key) {
  if (statement.contains(key)) return listed(statement[key]);
  if (statement.contains(not_key)) return "NOT " + listed(statement[not_key]);
  return {};
}

void add_statements(const json& document, const std::string& resource, std::multiset<StatementChange>& out) {
  const json* doc = &document;
  json parsed;
  if (document.is_string()) {  // Terraform writes policies as JSON text
    parsed = json::parse(document.get<std::string>(), nullptr, false);
    if (parsed.is_discarded()) return;
    doc = &parsed;
  }
  if (!doc->is_object() || !doc->contains("Statement")) return;
  const json& statements = (*doc)["Statement"];
  const auto add = [&](const json& s) {
    if (!s.is_object()) return;
    StatementChange c;
    c.resource = resource;
    c.effect = s.value("Effect", std::string());
    c.actions = either(s, "Action", "NotAction");
    c.resources = either(s, "Resource", "NotResource");
    if (s.contains("Principal")) c.principal = readable(s["Principal"]);
    else if (s.contains("NotPrincipal")) c.principal = "NOT " + readable(s["NotPrincipal"]);
    if (s.contains("Condition")) c.condition = s["Condition"].dump();
    out.insert(std::move(c));
  };
  if (statements.is_array())
    for (const auto& s : statements) add(s);
  else
    add(statements);
}

void collect(const json& v, const std::string& resource, std::multiset<StatementChange>& out) {
  if (v.is_array()) {
    for (const auto& item : v) collect(item, resource, out);
  } else if (v.is_object()) {
    for (const auto& [key, item] : v.items()) {
      if (policy_key(key)) add_statements(item, resource, out);
      else collect(item, resource, out);
    }
  }
}

std::multiset<StatementChange> statements_of(const ResourceMap& resources) {
  std::multiset<StatementChange> out;
  for (const auto& [id, r] : resources)
    if (r.body != nullptr) collect(*r.body, id, out);
  return out;
}

}  // namespace

std::vector<StatementChange> statement_changes(const ResourceMap& before, const ResourceMap& after, Kind) {
  return changes_between(statements_of(before), statements_of(after), [](const auto& c) { return c.resource; });
}

}  // namespace drdb::diff::detail
