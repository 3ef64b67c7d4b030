#include "spec/context.hpp"

#include "l1/suggest.hpp"

namespace drdb::spec {

std::string Context::where(const YAML::Node& at) const {
  const auto mark = at.Mark();
  if (mark.is_null()) return file_;
  return file_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void Context::error(const YAML::Node& at, const std::string& message, const std::string& fix) {
  out_.error(where(at), message, fix);
}

void Context::unknown(const YAML::Node& key, std::string_view what, std::span<const std::string_view> valid) {
  unknown(key, key.IsScalar() ? key.Scalar() : "?", what, valid);
}

void Context::unknown(const YAML::Node& key, const std::string& name, std::string_view what, std::span<const std::string_view> valid) {
  const auto near = l1::closest(name, valid, [](std::string_view v) { return v; });
  std::string list;
  for (auto v : valid) list += (list.empty() ? "" : ", ") + std::string(v);
  error(key, "unknown " + std::string(what) + " \"" + name + "\"",
        near ? "did you mean \"" + std::string(*near) + "\"?" : "use one of: " + (list.empty() ? "(none)" : list));
}

namespace {

std::string_view found(const YAML::Node& n) {
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a mapping";
  if (n.IsScalar()) return "a single value";
  return "nothing";
}

}  // namespace

void Context::expected(const YAML::Node& at, std::string_view what, const std::string& fix) {
  std::string key;
  for (const auto& k : keys_) key += (key.empty() ? "" : ".") + k;
  const std::string subject = key.empty() ? "expected " : "\"" + key + "\" expects ";
  error(at, subject + std::string(what) + ", found " + std::string(found(at)), fix);
}

Context::Scope* Context::scope_of(std::string_view ref, std::string& id) {
  const auto slash = ref.find('/');
  if (slash == std::string_view::npos) {
    id = std::string(ref);
    return &scope();
  }
  id = std::string(ref.substr(slash + 1));
  const auto it = scopes_.find(ref.substr(0, slash));
  return it == scopes_.end() ? nullptr : &it->second;
}

std::string Context::kind_of(std::string_view ref) {
  std::string id;
  const Scope* s = scope_of(ref, id);
  if (s == nullptr) return {};
  const auto it = s->declared.find(id);
  return it == s->declared.end() ? std::string() : it->second;
}

std::vector<std::string_view> Context::stack_names() const {
  std::vector<std::string_view> names;
  for (const auto& [name, scope] : scopes_) names.push_back(name);
  return names;
}

}  // namespace drdb::spec
