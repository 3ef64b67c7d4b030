// The lookup over one type's update table, shared by drdb-codegen (which derives the Terraform
// verdicts from the CloudFormation ones at build time) and the generated lib/l1/replacement.cpp.
// Header-only, no allocation.
#pragma once

#include <algorithm>
#include <span>
#include <string_view>

#include "drdb/l1/replacement.hpp"

namespace drdb::l1::detail {

// One entry of a type's table: a dotted path and what changing it does. A table is sorted by path,
// lists every top-level property the data knows, and a nested path only where it differs from the
// deepest entry above it (the paths below it behave like it).
struct PathRule {
  std::string_view path;
  UpdateBehavior behavior;
};

constexpr int strength(UpdateBehavior b) {
  switch (b) {
    case UpdateBehavior::InPlace: return 0;
    case UpdateBehavior::Unknown: return 1;  // may replace, for all drdb knows
    case UpdateBehavior::MayReplace: return 2;
    case UpdateBehavior::Replace: return 3;
  }
  return 1;
}

constexpr UpdateBehavior stronger(UpdateBehavior a, UpdateBehavior b) { return strength(b) > strength(a) ? b : a; }

// The entry of the deepest path at or above `path` ("A.B.C", "A.B", "A"); Unknown without any.
inline UpdateBehavior deepest_rule(std::span<const PathRule> rules, std::string_view path) {
  for (;;) {
    auto it = std::lower_bound(rules.begin(), rules.end(), path,
                               [](const PathRule& r, std::string_view p) { return r.path < p; });
    if (it != rules.end() && it->path == path) return it->behavior;
    auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return UpdateBehavior::Unknown;
    path = path.substr(0, dot);
  }
}

// `r` is below `path`: it starts with `path` and a dot.
constexpr bool below(std::string_view r, std::string_view path) {
  return r.size() > path.size() && r[path.size()] == '.' && r.starts_with(path);
}

// See drdb::l1::cfn::update_behavior. The paths below `path` share the prefix "path.", so they
// are one run of the sorted table, starting at the first path after `path` itself.
inline UpdateBehavior lookup_rules(std::span<const PathRule> rules, std::string_view path, bool whole_value) {
  UpdateBehavior out = deepest_rule(rules, path);
  if (!whole_value) return out;
  auto it = std::upper_bound(rules.begin(), rules.end(), path,
                             [](std::string_view p, const PathRule& r) { return p < r.path; });
  for (; it != rules.end() && it->path.starts_with(path); ++it)
    if (below(it->path, path)) out = stronger(out, it->behavior);
  return out;
}

}  // namespace drdb::l1::detail
