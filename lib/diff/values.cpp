#include "diff/values.hpp"

#include <optional>
#include <set>

namespace drdb::diff::detail {
namespace {

using nlohmann::json;

std::string join_key(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// A string holding a JSON document (a state machine definition, a policy as Terraform writes it).
std::optional<json> embedded_json(const json& v) {
  if (!v.is_string()) return std::nullopt;
  const auto& text = v.get_ref<const std::string&>();
  if (text.empty() || (text.front() != '{' && text.front() != '[')) return std::nullopt;
  auto parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

}  // namespace

void compare_values(const json& a, const json& b, const std::string& path, std::vector<ValueChange>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.insert(k);
    for (const auto& [k, v] : b.items()) keys.insert(k);
    for (const auto& k : keys) {
      const auto ia = a.find(k);
      const auto ib = b.find(k);
      const auto p = join_key(path, k);
      if (ia == a.end()) out.push_back({p, Change::Added, "", ib->dump()});
      else if (ib == b.end()) out.push_back({p, Change::Removed, ia->dump(), ""});
      else compare_values(*ia, *ib, p, out);
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const auto common = std::min(a.size(), b.size());
    const auto at = [&](std::size_t i) { return path + "[" + std::to_string(i) + "]"; };
    for (std::size_t i = 0; i < common; ++i) compare_values(a[i], b[i], at(i), out);
    for (std::size_t i = common; i < a.size(); ++i) out.push_back({at(i), Change::Removed, a[i].dump(), ""});
    for (std::size_t i = common; i < b.size(); ++i) out.push_back({at(i), Change::Added, "", b[i].dump()});
    return;
  }
  if (const auto ja = embedded_json(a), jb = embedded_json(b); ja && jb) {
    compare_values(*ja, *jb, path + "(json)", out);
    return;
  }
  out.push_back({path, Change::Modified, a.dump(), b.dump()});
}

std::string property_path(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return {};
  path.remove_prefix(prefix.size());
  if (const auto embedded = path.find("(json)"); embedded != std::string_view::npos) path = path.substr(0, embedded);
  std::string unindexed;
  bool in_index = false;
  for (char c : path) {
    if (c == '[') in_index = true;
    else if (c == ']') in_index = false;
    else if (!in_index) unindexed += c;
  }
  // Intrinsic functions are not properties: "VpcId.Ref" and "Subnet.Fn::If.Id" are changes of VpcId
  // and Subnet.Id.
  std::string out;
  for (std::size_t start = 0; start <= unindexed.size();) {
    const auto dot = std::min(unindexed.find('.', start), unindexed.size());
    const auto part = std::string_view(unindexed).substr(start, dot - start);
    if (!part.empty() && part != "Ref" && !part.starts_with("Fn::")) out += (out.empty() ? "" : ".") + std::string(part);
    start = dot + 1;
  }
  return out;
}

bool is_list_position(std::string_view path) { return path.ends_with(']'); }

}  // namespace drdb::diff::detail
