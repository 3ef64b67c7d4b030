// Update tables as drdb-codegen builds them: what changing each property path of a type does
// (drdb/l1/replacement.hpp), before they are written into lib/l1/replacement.cpp.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "drdb/l1/replacement.hpp"
#include "model.hpp"

namespace drdb::codegen {

using l1::UpdateBehavior;
// Dotted path -> behaviour, in the byte order the generated tables are searched in.
using UpdateEntries = std::map<std::string, UpdateBehavior>;

// drdb::l1::cfn::update_behavior's rules over `entries` (lib/codegen/update_rules.hpp).
UpdateBehavior lookup(const UpdateEntries& entries, std::string_view path, bool whole_value);

// Without the nested entries the lookup gives anyway (equal to the deepest entry kept above them);
// top-level entries always stay, so a top-level path the table lacks is one it does not know.
UpdateEntries pruned(const UpdateEntries& entries);

// One CloudFormation type's table: its registry schema's createOnlyProperties (Replace, with
// everything below them) and conditionalCreateOnlyProperties (MayReplace, likewise) combined with
// AWS's per-property data of schemas/cfn-updates.json (`updates`: path -> "yes" | "maybe" | "no",
// the deepest entry deciding; nullptr when it lacks the type): the stronger verdict wins.
UpdateEntries cfn_update_entries(const Resource& resource, const nlohmann::json* updates);

}  // namespace drdb::codegen
