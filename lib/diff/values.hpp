// Value-by-value comparison of two JSON documents, by path.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drdb/diff/diff.hpp"

namespace drdb::diff::detail {

// Appends every difference between `a` and `b` below `path`: objects key by key, arrays position by
// position, JSON documents held in strings (state machine definitions, Terraform policies) inside
// ("DefinitionString.Fn::Sub(json).States.Run.Next"), anything else as one modified value.
void compare_values(const nlohmann::json& a, const nlohmann::json& b, const std::string& path,
                    std::vector<ValueChange>& out);

// "Properties.Vpc.SubnetIds[1]" → "Vpc.SubnetIds", "Properties.DefinitionString.Fn::Sub(json).States"
// → "DefinitionString", "Properties.VpcId.Ref" → "VpcId": a property path as update data names it (no
// list positions, no intrinsic functions, nothing inside an embedded document). `prefix` is what precedes the properties ("Properties." for
// CloudFormation, "" for Terraform); a path outside it gives "".
std::string property_path(std::string_view path, std::string_view prefix);

// Whether the value at the end of `path` is a list position ("Tags[2]"): a list element added or
// removed, which changes the list rather than setting every property below it.
bool is_list_position(std::string_view path);

}  // namespace drdb::diff::detail
