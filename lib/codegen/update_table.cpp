#include "update_table.hpp"

#include <set>
#include <stdexcept>
#include <vector>

#include "update_rules.hpp"

namespace drdb::codegen {
namespace {

using l1::detail::below;
using l1::detail::stronger;

UpdateBehavior parse_verdict(const nlohmann::json& v, const std::string& where) {
  if (v == "yes") return UpdateBehavior::Replace;
  if (v == "maybe") return UpdateBehavior::MayReplace;
  if (v == "no") return UpdateBehavior::InPlace;
  throw std::runtime_error("schemas/cfn-updates.json: " + where + ": expected \"yes\", \"maybe\" or \"no\"");
}

// A registry path list covers everything below each path too.
UpdateBehavior covering(const std::vector<std::string>& paths, const std::string& path, UpdateBehavior verdict) {
  for (const auto& p : paths)
    if (p == path || below(path, p)) return verdict;
  return UpdateBehavior::InPlace;
}

}  // namespace

UpdateBehavior lookup(const UpdateEntries& entries, std::string_view path, bool whole_value) {
  std::vector<l1::detail::PathRule> rules;
  rules.reserve(entries.size());
  for (const auto& [p, behavior] : entries) rules.push_back({p, behavior});
  return l1::detail::lookup_rules(rules, path, whole_value);
}

// Sorted order visits every path after the paths above it, so `out` already holds their verdicts.
UpdateEntries pruned(const UpdateEntries& entries) {
  UpdateEntries out;
  for (const auto& [path, behavior] : entries)
    if (path.find('.') == std::string::npos || lookup(out, path, false) != behavior) out.emplace(path, behavior);
  return out;
}

UpdateEntries cfn_update_entries(const Resource& resource, const nlohmann::json* updates) {
  UpdateEntries aws;
  if (updates)
    for (const auto& [path, v] : updates->items()) aws.emplace(path, parse_verdict(v, resource.type_name + " " + path));
  std::set<std::string> paths;
  for (const auto& m : resource.root->members)
    if (!m.read_only) paths.insert(m.schema_name);
  for (const auto& [path, _] : aws) paths.insert(path);
  paths.insert(resource.create_only.begin(), resource.create_only.end());
  paths.insert(resource.conditional_create_only.begin(), resource.conditional_create_only.end());

  UpdateEntries combined;
  for (const auto& path : paths) {
    UpdateBehavior from_aws = lookup(aws, path, false);
    if (from_aws == UpdateBehavior::Unknown) from_aws = UpdateBehavior::InPlace;  // absent means no
    combined[path] = stronger(stronger(from_aws, covering(resource.create_only, path, UpdateBehavior::Replace)),
                              covering(resource.conditional_create_only, path, UpdateBehavior::MayReplace));
  }
  return pruned(combined);
}

}  // namespace drdb::codegen
