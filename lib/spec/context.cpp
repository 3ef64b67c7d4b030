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
  const std::string name = key.IsScalar() ? key.Scalar() : "?";
  const auto near = l1::closest(name, valid, [](std::string_view v) { return v; });
  std::string list;
  for (auto v : valid) list += (list.empty() ? "" : ", ") + std::string(v);
  error(key, "unknown " + std::string(what) + " \"" + name + "\"",
        near ? "did you mean \"" + std::string(*near) + "\"?" : "use one of: " + (list.empty() ? "(none)" : list));
}

}  // namespace drdb::spec
