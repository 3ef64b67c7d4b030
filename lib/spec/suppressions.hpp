// `suppress:` on a stack or a resource: policy rules silenced there, each with its reason.
#pragma once

#include <vector>

#include "drdb/core/construct.hpp"
#include "spec/fields.hpp"

namespace drdb::spec {

template <>
struct Fields<Construct::Suppression> {
  static constexpr std::string_view name = "suppression";
  static const FieldList<Construct::Suppression>& get() {
    static const FieldList<Construct::Suppression> list{
        field("rule", &Construct::Suppression::rule, "the rule id, e.g. S3.4 (docs/RULES.md)", required),
        field("reason", &Construct::Suppression::reason, "why the finding does not apply here", required)};
    return list;
  }
};

using Suppressions = std::vector<Construct::Suppression>;

// The key every resource accepts besides its props and actions.
inline constexpr std::string_view suppress_key = "suppress";

// Reads `node[suppress]` (when present) onto `target`.
inline void apply_suppressions(Construct& target, const YAML::Node& node, Context& c) {
  const YAML::Node list = node[std::string(suppress_key)];
  Suppressions suppressions;
  if (!list || !Codec<Suppressions>::read(list, suppressions, c)) return;
  for (auto& s : suppressions) target.suppress(std::move(s.rule), std::move(s.reason));
}

}  // namespace drdb::spec
